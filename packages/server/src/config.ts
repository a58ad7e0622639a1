// The one place that reads the environment. Everything else receives a typed Config.
import path from 'node:path';
import { z } from 'zod';
import type { LogFormat } from './platform/logger.ts';

export type Role = 'all' | 'api' | 'worker';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  CX_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  CX_SANDBOX: booleanFromEnv.default(true),
  CX_MASTER_KEY: z.string().optional(),
  CX_MASTER_KEY_PREVIOUS: z.string().optional(),
  CX_WEBHOOK_ALLOW_PRIVATE: booleanFromEnv.default(false),
  CX_METRICS_TOKEN: z.string().min(1).optional(),
  CX_PUBLIC_URL: z.string().url().optional(),
  CX_TRUST_PROXY: z.string().default('false'),
  // Portal sessions (auth/): idle and absolute timeouts.
  CX_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  CX_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CX_LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  CX_WORKER_PROCESS: booleanFromEnv.default(true),
  // Set by an API process on the worker process it starts (worker-process.ts); not for people.
  CX_WORKER_OF: z.coerce.number().int().positive().optional(),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('CX Engage <no-reply@localhost>'),
});

export interface Config {
  role: Role;
  dataDir: string;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sandbox: boolean;
  /** Base64 of 32 bytes; undefined means "use <dataDir>/master.key" (embedded database only). */
  masterKey: string | undefined;
  /** Earlier master keys, still able to unwrap data keys until `cx-engage keys rotate` re-wraps them. */
  previousMasterKeys: string[];
  webhookAllowPrivate: boolean;
  metricsToken: string | undefined;
  publicUrl: string | undefined;
  /** Fastify's trustProxy: true/false, or the proxies' addresses/CIDRs (only those are believed). */
  trustProxy: boolean | string[];
  /** A portal session ends after this long without a request... */
  sessionIdleMs: number;
  /** ...and this long after sign-in, whatever happens. */
  sessionAbsoluteMs: number;
  logLevel: string;
  /** `pretty` for a person at a terminal, `json` (one record per line) for log collectors. */
  logFormat: LogFormat;
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Role all from the command line: the background work in a worker process of its own (worker-process.ts). */
  workerProcess: boolean;
  /** This is the worker process that API process started: stop when it is gone. */
  workerOf: number | undefined;
}

export interface CliOverrides {
  role?: Role | undefined;
  port?: number | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
  /** Whether stdout is a terminal: picks the log format when CX_LOG_FORMAT is unset. */
  stdoutIsTTY?: boolean | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: CliOverrides = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    role: overrides.role ?? 'all',
    dataDir: path.resolve(overrides.dataDir ?? e.CX_DATA_DIR),
    port: overrides.port ?? e.PORT,
    host: overrides.host ?? e.HOST,
    databaseUrl: e.DATABASE_URL,
    sandbox: e.CX_SANDBOX,
    masterKey: e.CX_MASTER_KEY,
    previousMasterKeys: (e.CX_MASTER_KEY_PREVIOUS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webhookAllowPrivate: e.CX_WEBHOOK_ALLOW_PRIVATE,
    metricsToken: e.CX_METRICS_TOKEN,
    publicUrl: e.CX_PUBLIC_URL,
    trustProxy: parseTrustProxy(e.CX_TRUST_PROXY),
    sessionIdleMs: e.CX_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.CX_SESSION_MAX_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
    logFormat: e.CX_LOG_FORMAT ?? (overrides.stdoutIsTTY ? 'pretty' : 'json'),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    workerProcess: e.CX_WORKER_PROCESS,
    workerOf: e.CX_WORKER_OF,
  };
}

/** `true`/`false` (as before), or a comma-separated list of proxy addresses or CIDRs. */
function parseTrustProxy(value: string): boolean | string[] {
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no', ''].includes(v)) return false;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.some((s) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(s))) {
    throw new ConfigError(
      'invalid environment:\n  CX_TRUST_PROXY: true, false, or comma-separated proxy addresses/CIDRs',
    );
  }
  return list;
}
