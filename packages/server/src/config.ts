// The one place that reads the environment. Everything else receives a typed Config.
import path from 'node:path';
import { z } from 'zod';

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
  CX_TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  trustProxy: boolean;
  logLevel: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
}

export interface CliOverrides {
  role?: Role | undefined;
  port?: number | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
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
    previousMasterKeys: (e.CX_MASTER_KEY_PREVIOUS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    webhookAllowPrivate: e.CX_WEBHOOK_ALLOW_PRIVATE,
    metricsToken: e.CX_METRICS_TOKEN,
    publicUrl: e.CX_PUBLIC_URL,
    trustProxy: e.CX_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
  };
}
