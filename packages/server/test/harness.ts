// Test harness: a fresh database cloned from the migrated template, the real platform
// started on a free port, and a small HTTP client. Tests talk real HTTP to it.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { Logger } from 'pino';
import { loadConfig, type Config, type Role } from '../src/config.ts';
import { startPlatform, type Platform } from '../src/main.ts';
import { createLogger } from '../src/platform/logger.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Bootstrap } from '../src/bootstrap.ts';

/** A fixed master key for tests; production keys come from CX_MASTER_KEY or master.key. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.CX_TEST_ADMIN_URL;
  const template = process.env.CX_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('run tests with `npm test`: it starts the test PostgreSQL');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(`${adminUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  return {
    url: `${adminUrl}/${name}`,
    drop: async () => {
      const a = postgres(`${adminUrl}/postgres`, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestPlatformOptions {
  clock?: Clock;
  env?: Record<string, string>;
  role?: Role;
  /** Reuse a database (e.g. to test a restart); a new one otherwise. */
  database?: TestDatabase;
  dataDir?: string;
  /** Capture logs (default: silent, or CX_TEST_LOG=level). */
  log?: Logger;
}

export interface TestPlatform {
  url: string;
  boot: Bootstrap;
  platform: Platform;
  config: Config;
  database: TestDatabase;
  dataDir: string;
  api: ApiClient;
  /** Stops the platform; `keepDatabase` leaves it for a restart test. */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

export async function startTestPlatform(opts: TestPlatformOptions = {}): Promise<TestPlatform> {
  const database = opts.database ?? (await createTestDatabase());
  const dataDir = opts.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'cx-test-')));
  const config = loadConfig(
    {
      DATABASE_URL: database.url,
      CX_MASTER_KEY: TEST_MASTER_KEY,
      CX_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'silent',
      CX_WEBHOOK_ALLOW_PRIVATE: 'true',
      ...opts.env,
    },
    { role: opts.role ?? 'all' },
  );
  const platform = await startPlatform(config, {
    ...(opts.clock && { clock: opts.clock }),
    log: opts.log ?? createLogger(process.env.CX_TEST_LOG ?? 'silent'),
  });
  const boot = JSON.parse(await fs.readFile(platform.bootstrapFile, 'utf8')) as Bootstrap;
  const url = platform.url ?? '';
  return {
    url,
    boot,
    platform,
    config,
    database,
    dataDir,
    api: new ApiClient(url),
    close: async (o = {}) => {
      await platform.stop();
      if (!o.keepDatabase) {
        await database.drop();
        if (!opts.dataDir) await fs.rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  key?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this exact text instead of JSON-encoding `body`. */
  raw?: string;
}

/** A thin fetch wrapper: real HTTP, JSON in and out, nothing hidden. */
export class ApiClient {
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = any>(method: string, urlPath: string, o: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    let payload: string | undefined = o.raw;
    if (payload === undefined && o.body !== undefined) payload = JSON.stringify(o.body);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + urlPath, {
      method,
      headers,
      ...(payload !== undefined && { body: payload }),
    });
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: body as T };
  }

  get<T = any>(p: string, o?: RequestOptions) {
    return this.request<T>('GET', p, o);
  }
  post<T = any>(p: string, o?: RequestOptions) {
    return this.request<T>('POST', p, o);
  }
  patch<T = any>(p: string, o?: RequestOptions) {
    return this.request<T>('PATCH', p, o);
  }
  delete<T = any>(p: string, o?: RequestOptions) {
    return this.request<T>('DELETE', p, o);
  }
}

/** Boards a pending account the way an operator does: company details, then written acceptance. */
export async function boardForTest(t: TestPlatform, accountId: string): Promise<void> {
  const admin = t.boot.adminApiKey;
  const company = {
    legalName: 'Test Client Ltd',
    addressLines: ['1 Test Street'],
    country: 'DE',
    vatId: 'DE811907980',
    contact: { name: 'Test Contact', email: 'contact@client.example' },
    businessUse: true,
  };
  const put = await t.api.request('PUT', `/v1/admin/accounts/${accountId}/company`, { key: admin, body: company });
  if (put.status !== 200) throw new Error(`company details refused: ${JSON.stringify(put.body)}`);
  const res = await t.api.post(`/v1/admin/accounts/${accountId}/board`, {
    key: admin,
    body: { acceptance: { text: 'Accepted under our terms.', signer: 'Test Operator' } },
  });
  if (res.status !== 200) throw new Error(`boarding refused: ${JSON.stringify(res.body)}`);
}

/** Turns the fraud rules off for an account whose test sends machine-made traffic (sequential numbers, bursts) on purpose. */
export async function fraudRulesOff(t: TestPlatform, accountId: string): Promise<void> {
  const res = await t.api.request('PUT', `/v1/admin/accounts/${accountId}/fraud-settings`, {
    key: t.boot.adminApiKey,
    body: { mode: 'off' },
  });
  if (res.status !== 200) throw new Error(`fraud settings refused: ${JSON.stringify(res.body)}`);
}
