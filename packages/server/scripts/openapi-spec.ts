// The OpenAPI document the server publishes at /v1/openapi.json, built without a database:
// the app is assembled with a pool that is never used (postgres.js connects lazily).
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPool } from '../src/db/pool.ts';
import { createLogger } from '../src/platform/logger.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createKeyring } from '../src/platform/crypto/keyring.ts';
import { masterKeyFromBase64 } from '../src/platform/crypto/master-key.ts';
import type { Context } from '../src/context.ts';

export async function openApiSpec(): Promise<unknown> {
  const sql = openPool('postgres://unused@127.0.0.1:1/unused', { max: 1 });
  const config = loadConfig({ CX_DATA_DIR: '/nonexistent', CX_SANDBOX: 'true' });
  const keyring = createKeyring(sql, {
    current: masterKeyFromBase64(Buffer.alloc(32).toString('base64'), 'unused'),
    previous: [],
  });
  const ctx: Context = { sql, log: createLogger('silent'), config, clock: systemClock, keyring };
  const app = await buildApp(ctx);
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await sql.end({ timeout: 0 });
  }
}
