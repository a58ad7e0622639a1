// Two counter instances on one database, as two api processes would be: each counts exactly in
// memory and sees the other's repeated destinations once both have synced.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import postgres from 'postgres';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { createFraudCounters, type CountedItem } from './counters.ts';

describe('fraud counters across processes', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  const account = 'acc_counters';
  before(async () => {
    database = await createTestDatabase();
    sql = postgres(database.url, { max: 4, onnotice: () => {} });
    await sql`insert into accounts (id, name, status) values (${account}, 'Counters', 'active')`;
  });
  after(async () => {
    await sql.end();
    await database.drop();
  });

  const item = (to: string, purpose = 'transactional'): CountedItem => ({
    accountId: account,
    candidate: { to, country: 'DE', range: to.slice(0, -4), purpose, text: null },
  });
  const at = new Date('2026-11-25T10:00:30Z');

  it('counts a batch up to each message, and shares repeated destinations after a sync', async () => {
    const a = createFraudCounters();
    const b = createFraudCounters();
    const first = await a.count(
      sql,
      [item('+4915112345678'), item('+4915112345678'), item('+4915112345678'), item('+4915199990000')],
      at,
    );
    assert.deepEqual(
      first.map((c) => c.numberThisMinute),
      [1, 2, 3, 1],
      'each message sees its batch up to itself',
    );
    assert.deepEqual(
      first.map((c) => c.accountThisHour),
      [1, 2, 3, 4],
    );

    const before = await b.count(sql, [item('+4915112345678')], at);
    assert.equal(before[0]!.numberThisMinute, 1, 'nothing synced yet');
    await a.sync(sql);
    await b.sync(sql);
    const afterSync = await b.count(sql, [item('+4915112345678')], at);
    assert.equal(afterSync[0]!.numberThisMinute, 3 + 2, "a's three plus b's two");
    assert.equal(afterSync[0]!.accountThisHour, 4 + 2, 'the hourly total is always shared');

    const rows = await sql<
      { key: string; count: number }[]
    >`select key, count from fraud_counters where account_id = ${account} and dimension = 'number' order by key`;
    assert.deepEqual(
      rows.map((r) => [r.key, r.count]),
      [['+4915112345678', 3]],
      'a number seen once per process is never written',
    );
    await b.stop(sql);
    await a.stop(sql);
    const [total] = await sql<
      { count: number }[]
    >`select count from fraud_counters where account_id = ${account} and dimension = 'number'`;
    assert.equal(total!.count, 5, "b's repeats written at stop");
  });

  it('forgets a minute once it is over', async () => {
    const c = createFraudCounters();
    await c.count(sql, [item('+4915155550000'), item('+4915155550000')], at);
    const next = await c.count(sql, [item('+4915155550000')], new Date(at.getTime() + 60_000));
    assert.equal(next[0]!.numberThisMinute, 1);
    await c.stop(sql);
  });
});
