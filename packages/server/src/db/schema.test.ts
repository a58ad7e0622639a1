import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../test/harness.ts';
import { openPool } from './pool.ts';
import { describeSchema } from './describe-schema.ts';
import { migrate } from './migrate.ts';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.sql');

it('the committed schema.sql matches what the migrations produce (run `npm run schema:dump` after changing them)', async () => {
  const db = await createTestDatabase();
  const sql = openPool(db.url, { max: 1 });
  try {
    const actual = await describeSchema(sql);
    const committed = await fs.readFile(schemaFile, 'utf8');
    assert.equal(actual, committed);
  } finally {
    await sql.end();
    await db.drop();
  }
});

it('applying the migrations again changes nothing, even from many processes at once', async () => {
  const db = await createTestDatabase();
  const pools = [1, 2, 3, 4].map(() => openPool(db.url, { max: 1 }));
  try {
    const applied = await Promise.all(pools.map((p) => migrate(p)));
    assert.deepEqual(applied.flat(), []);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  }
});
