// Migration 0035 on a database that already has accounts: their billing state moves to
// billing_accounts unchanged, one row each, and leaves `accounts`.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import postgres from 'postgres';
import { loadMigrations } from './migrate.ts';

it('moves every existing account’s billing state to billing_accounts unchanged', async () => {
  const adminUrl = process.env.CX_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('run tests with `npm test`: it starts the test PostgreSQL');
  const name = `m_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(`${adminUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const sql = postgres(`${adminUrl}/${name}`, { max: 1, onnotice: () => {} });
  try {
    const migrations = await loadMigrations();
    for (const m of migrations.filter((m) => m.version < 35)) await sql.unsafe(m.sql);
    const updated = new Date('2026-11-02T09:00:00Z');
    await sql`insert into accounts (id, name, status, is_house, sms_limit, created_at, updated_at) values ('acc_house', 'House', 'active', true, null, ${updated}, ${updated})`;
    await sql`
      insert into accounts (id, name, status, sms_limit, sms_used, sms_warned, sms_blocked, sms_cycle, spend_cap_micros, spend_alert_percents,
        spend_month, spend_month_micros, spend_alerted_percent, deposit_required_minor, deposit_currency, deposit_due_on, billing_mode,
        balance_micros, balance_currency, created_at, updated_at)
      values ('acc_client', 'Client', 'active', 100, 100, true, true, 3, 5000000, '{50,80}', '2026-11-01', 4200000, 80, 10000, 'EUR', '2026-12-01',
        'prepaid', -1500, 'EUR', ${updated}, ${updated})`;

    for (const m of migrations.filter((m) => m.version === 35)) await sql.unsafe(m.sql);

    const rows = await sql`
      select account_id, sms_limit, sms_used, sms_warned, sms_blocked, sms_cycle, spend_cap_micros::float8 as spend_cap, spend_alert_percents,
        to_char(spend_month, 'YYYY-MM-DD') as spend_month, spend_month_micros::float8 as spend_month_micros, spend_alerted_percent,
        deposit_required_minor::float8 as deposit_required, deposit_currency, to_char(deposit_due_on, 'YYYY-MM-DD') as deposit_due_on,
        billing_mode, balance_micros::float8 as balance, balance_currency, updated_at
      from billing_accounts order by account_id`;
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      [
        {
          account_id: 'acc_client',
          sms_limit: 100,
          sms_used: 100,
          sms_warned: true,
          sms_blocked: true,
          sms_cycle: 3,
          spend_cap: 5_000_000,
          spend_alert_percents: [50, 80],
          spend_month: '2026-11-01',
          spend_month_micros: 4_200_000,
          spend_alerted_percent: 80,
          deposit_required: 10_000,
          deposit_currency: 'EUR',
          deposit_due_on: '2026-12-01',
          billing_mode: 'prepaid',
          balance: -1500,
          balance_currency: 'EUR',
          updated_at: updated,
        },
        {
          account_id: 'acc_house',
          sms_limit: null,
          sms_used: 0,
          sms_warned: false,
          sms_blocked: false,
          sms_cycle: 0,
          spend_cap: null,
          spend_alert_percents: [],
          spend_month: null,
          spend_month_micros: 0,
          spend_alerted_percent: 0,
          deposit_required: null,
          deposit_currency: null,
          deposit_due_on: null,
          billing_mode: 'postpaid',
          balance: 0,
          balance_currency: null,
          updated_at: updated,
        },
      ],
    );
    const left = await sql`
      select column_name from information_schema.columns
      where table_name = 'accounts' and (column_name like 'sms\\_%' or column_name like 'spend\\_%' or column_name like 'deposit\\_%'
        or column_name like 'balance\\_%' or column_name = 'billing_mode')`;
    assert.deepEqual(
      left.map((c) => c.column_name),
      [],
      'no billing column is left on accounts',
    );
  } finally {
    await sql.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
