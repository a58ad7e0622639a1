import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { openPool, type Sql } from './pool.ts';
import { recordset } from './recordset.ts';

let db: TestDatabase;
let sql: Sql;
before(async () => {
  db = await createTestDatabase();
  sql = openPool(db.url, { max: 1 });
});
after(async () => {
  await sql.end();
  await db.drop();
});

interface Row {
  id: string;
  at: Date | null;
  n: number;
  big: bigint;
  ok: boolean;
  data: unknown;
  note?: string;
}

it('turns typed rows into a table: dates as exact instants, bigints exact, null and missing values as null', async () => {
  const at = new Date('2026-03-01T12:34:56.789Z');
  const rows: Row[] = [
    { id: 'a', at, n: 1, big: 2n ** 62n, ok: true, data: { x: [1, 'two'] }, note: "it's" },
    { id: 'b', at: null, n: -5, big: 0n, ok: false, data: null },
  ];
  const out = await sql<
    { id: string; at: Date | null; n: number; big: bigint; ok: boolean; data: unknown; note: string | null }[]
  >`
    select * from ${recordset(sql, rows, { id: 'text', at: 'timestamptz', n: 'integer', big: 'bigint', ok: 'boolean', data: 'jsonb', note: 'text' }, 'r')}
    order by r.id`;
  assert.deepEqual(
    out.map((r) => ({ ...r })),
    [
      { id: 'a', at, n: 1, big: 2n ** 62n, ok: true, data: { x: [1, 'two'] }, note: "it's" },
      { id: 'b', at: null, n: -5, big: 0n, ok: false, data: null, note: null },
    ],
  );
});

it('sends only the listed columns, in the listed order, and an empty batch is an empty table', async () => {
  const rows = [{ b: 2, a: 'x', secret: 'not sent' }];
  const [row] = await sql`select * from ${recordset(
    sql,
    rows.map(({ a, b }) => ({ a, b })),
    { b: 'integer', a: 'text' },
  )}`;
  assert.deepEqual(Object.keys(row!), ['b', 'a']);
  const none = await sql`select * from ${recordset(sql, [] as { a: string }[], { a: 'text' })}`;
  assert.equal(none.length, 0);
});

it('refuses an invalid Date rather than writing null in its place', () => {
  assert.throws(() => recordset(sql, [{ at: new Date('nope') }], { at: 'timestamptz' }), RangeError);
});

it('checks the column spec against the row type at compile time', () => {
  const rows = [{ id: 'a', at: new Date(0) }];
  // @ts-expect-error a key of the rows is missing
  recordset(sql, rows, { id: 'text' });
  // @ts-expect-error a key the rows do not have
  recordset(sql, rows, { id: 'text', at: 'timestamptz', extra: 'text' });
  // @ts-expect-error a Date cannot land in an integer column
  recordset(sql, rows, { id: 'text', at: 'integer' });
});
