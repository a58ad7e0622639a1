// The key rule that lets the schema be distributed by account with Citus (docs/architecture.md,
// "Growing past one machine"): a tenant table (one with a not-null `account_id`) carries
// `account_id` in its primary key, in every unique constraint or index, and in every foreign key
// to another tenant table, because Citus can only enforce those inside one shard. Every other
// table is named below with the reason it is not distributed by account. Read from the catalog of
// a migrated database, so a new migration that breaks the rule fails here.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../../test/harness.ts';
import { openPool, type Sql } from './pool.ts';

/** Tables not distributed by `account_id`, each with why. */
const NOT_BY_ACCOUNT: Record<string, string> = {
  accounts: 'the distribution root itself: distributed by `id`, co-located with the tenant tables',
  billing_supplier: 'the operator\'s own invoicing details, one row',
  cluster_state: 'process coordination (simulator ports, leader state), not tenant data',
  connectors: 'the operator\'s SMSC and WhatsApp connections, shared by all accounts',
  connector_status: 'live state of each connector, keyed by connector',
  country_rule_senders: 'global sender registry per country; an `account_id` only narrows a row to one account',
  country_rules: 'global per-country sending rules',
  email_seal_keys: 'the platform\'s key pair for sealed outgoing email',
  fraud_ranges: 'global number ranges the operator reviews or blocks',
  inbound_parts: 'parts of concatenated inbound SMS before the owning account is known, keyed by connector',
  invoice_sequences: 'one gapless invoice counter per prefix and year across all accounts',
  late_interest_reference_rates: 'published reference rates per jurisdiction',
  late_interest_rules: 'statutory late-interest rules per jurisdiction',
  login_throttles: 'login attempt counters keyed by email or address, before any account is known',
  pending_receipts: 'short-lived delivery receipts that arrived before their submit answer, keyed by connector',
  pending_whatsapp_statuses: 'short-lived WhatsApp statuses that arrived before their send answer, keyed by connector',
  policy_versions: 'published privacy policy and terms, the same for every account',
  prices: 'the price list; an `account_id` only marks an account\'s own price or discount',
  retention_defaults: 'platform-wide retention defaults per category',
  routes: 'the routing table; an `account_id` only marks an account\'s own route',
  schema_migrations: 'the migration ledger',
  traffic_hold_epochs: 'one row: the operator\'s kill-switch epoch',
  traffic_holds: 'operator holds on a connector or a country',
  vat_rates: 'VAT rates per country',
};

interface TableRow { name: string; accountId: 'not null' | 'nullable' | null }
interface KeyRow { table: string; name: string; kind: string; columns: string[]; target: string | null; targetColumns: string[] | null }

async function readTables(sql: Sql): Promise<TableRow[]> {
  return sql<TableRow[]>`
    select c.relname as name,
           (select case when a.attnotnull then 'not null' else 'nullable' end from pg_attribute a
            where a.attrelid = c.oid and a.attname = 'account_id' and not a.attisdropped) as "accountId"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`;
}

/** Primary keys, unique constraints, unique indexes (an expression counts as no column) and foreign keys. */
async function readKeys(sql: Sql): Promise<KeyRow[]> {
  return sql<KeyRow[]>`
    select t.relname as table, k.conname as name, k.contype::text as kind,
           array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
                 join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
           f.relname as target,
           case when k.confrelid = 0 then null else
             array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) end as "targetColumns"
    from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
    left join pg_class f on f.oid = k.confrelid
    where n.nspname = 'public' and k.contype in ('p', 'u', 'f')
    union all
    select t.relname, c.relname, 'i',
           array(select a.attname::text from unnest(i.indkey::int2[]) u(n) join pg_attribute a on a.attrelid = i.indrelid and a.attnum = u.n),
           null, null
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and i.indisunique and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
}

/** What breaks the rule, one line per broken key. */
function keyRuleViolations(tables: TableRow[], keys: KeyRow[]): string[] {
  const tenant = new Set(tables.filter((t) => t.accountId === 'not null').map((t) => t.name));
  const out: string[] = [];
  for (const t of tables) {
    if (tenant.has(t.name) && NOT_BY_ACCOUNT[t.name]) out.push(`${t.name}: has a not-null account_id, so it is a tenant table; take it off the list`);
    if (!tenant.has(t.name) && !NOT_BY_ACCOUNT[t.name]) out.push(`${t.name}: neither keyed by account_id nor listed with a reason`);
    if (tenant.has(t.name) && !keys.some((k) => k.table === t.name && k.kind === 'p')) out.push(`${t.name}: no primary key`);
  }
  for (const k of keys) {
    if (!tenant.has(k.table)) continue;
    const where = `${k.table}.${k.name} (${k.columns.join(', ')})`;
    if (k.kind === 'f') {
      if (!k.target || !tenant.has(k.target)) continue;
      const at = k.columns.indexOf('account_id');
      if (at < 0 || k.targetColumns?.[at] !== 'account_id') out.push(`${where}: foreign key to tenant table ${k.target} without account_id on both sides`);
    } else if (!k.columns.includes('account_id')) {
      out.push(`${where}: ${k.kind === 'p' ? 'primary key' : 'unique key'} without account_id`);
    }
  }
  for (const name of Object.keys(NOT_BY_ACCOUNT)) {
    if (!tables.some((t) => t.name === name)) out.push(`${name}: listed but no such table; take it off the list`);
  }
  return out.sort();
}

it('every tenant table has account_id in its primary key, unique keys and foreign keys to tenant tables', async () => {
  const db = await createTestDatabase();
  const sql = openPool(db.url, { max: 1 });
  try {
    const violations = keyRuleViolations(await readTables(sql), await readKeys(sql));
    assert.deepEqual(violations, []);
  } finally {
    await sql.end();
    await db.drop();
  }
});

it('the rule catches a tenant table keyed without account_id and a table nobody listed', () => {
  const tables: TableRow[] = [
    { name: 'accounts', accountId: null }, { name: 'notes', accountId: 'not null' }, { name: 'tags', accountId: 'not null' },
    { name: 'stray', accountId: null },
  ];
  const keys: KeyRow[] = [
    { table: 'notes', name: 'notes_pkey', kind: 'p', columns: ['id'], target: null, targetColumns: null },
    { table: 'tags', name: 'tags_pkey', kind: 'p', columns: ['account_id', 'id'], target: null, targetColumns: null },
    { table: 'tags', name: 'tags_name', kind: 'i', columns: ['name'], target: null, targetColumns: null },
    { table: 'tags', name: 'tags_note_fkey', kind: 'f', columns: ['note_id'], target: 'notes', targetColumns: ['id'] },
    { table: 'tags', name: 'tags_account_fkey', kind: 'f', columns: ['account_id'], target: 'accounts', targetColumns: ['id'] },
  ];
  const found = keyRuleViolations(tables, keys).filter((v) => !v.includes('listed but no such table'));
  assert.deepEqual(found, [
    'notes.notes_pkey (id): primary key without account_id',
    'stray: neither keyed by account_id nor listed with a reason',
    'tags.tags_name (name): unique key without account_id',
    'tags.tags_note_fkey (note_id): foreign key to tenant table notes without account_id on both sides',
  ]);
});
