// Shared load runner: autocannon against the server, plus the server's RSS afterwards.
import fs from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import autocannon from 'autocannon';
import type { Bootstrap } from '../../packages/server/src/bootstrap.ts';

export interface Target {
  url: string;
  dataDir: string;
  boot: Bootstrap;
  serverPid: number;
  durationSeconds: number;
  connections: number;
}

export interface Scenario {
  name: string;
  connections: number;
  /** `api`: measured on a server of that role alone (no dispatching competing for the CPU). */
  role?: 'all' | 'api';
  run(target: Target): Promise<object>;
}

export interface LoadResult {
  durationSeconds: number;
  connections: number;
  requestsPerSecond: number;
  /** Completed requests (2xx and others) over the whole run. */
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  serverRssMB: number;
}

export async function serverRssMB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function load(
  t: Target,
  opts: { method: 'GET' | 'POST'; path: string; body?: string; bodyOf?: (i: number) => string },
): Promise<LoadResult> {
  let sent = 0;
  const result = await autocannon({
    url: t.url + opts.path,
    method: opts.method,
    connections: t.connections,
    duration: t.durationSeconds,
    headers: { authorization: `Bearer ${t.boot.apiKey}`, 'content-type': 'application/json' },
    ...(opts.body !== undefined && { body: opts.body }),
    // A different body per request, where the content matters (e.g. distinct destinations).
    ...(opts.bodyOf && {
      requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: opts.bodyOf!(sent++) }) }],
    }),
  });
  return {
    durationSeconds: t.durationSeconds,
    connections: t.connections,
    requestsPerSecond: Math.round(result.requests.average),
    requests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverRssMB: await serverRssMB(t.serverPid),
  };
}

/**
 * The i-th of 90,000,000 distinct mobile numbers after `prefix` (e.g. `+49151`), by a
 * multiplicative walk: consecutive i land in different ranges, never near each other.
 */
export const spreadNumber = (prefix: string, i: number): string =>
  `${prefix}${10_000_000 + ((i * 7_919_113) % 90_000_000)}`;

/** The bench server's own database (embedded PostgreSQL in its data dir), for counting outcomes. */
export async function benchDatabase(t: Target): Promise<postgres.Sql> {
  const pg = JSON.parse(await fs.readFile(path.join(t.dataDir, 'postgres.json'), 'utf8')) as {
    port: number;
    password: string;
  };
  return postgres(`postgres://postgres:${encodeURIComponent(pg.password)}@127.0.0.1:${pg.port}/cx_engage`, {
    max: 1,
    onnotice: () => {},
  });
}

/** Earlier scenarios leave a backlog: let it drain so it neither competes nor counts. */
export async function drainQueue(sql: postgres.Sql): Promise<void> {
  for (const until = Date.now() + 10 * 60_000; Date.now() < until; ) {
    const [busy] = await sql<
      { n: number }[]
    >`select count(*)::int as n from messages where status in ('queued', 'sending')`;
    if (busy!.n === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Sends one batch with the house account's key; throws unless it is accepted (202). */
export async function sendBatch(t: Target, messages: object[]): Promise<void> {
  const res = await fetch(`${t.url}/v1/messages/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.boot.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messages }),
  });
  if (res.status !== 202) throw new Error(`batch refused: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}
