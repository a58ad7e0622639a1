// The key rule that lets the schema be distributed by account with Citus (docs/architecture.md,
// "Growing past one machine"). Citus enforces a primary key, a unique key or a foreign key only
// inside one shard, so a tenant table (one with a not-null `account_id`) carries `account_id` in
// each of them, and `accounts`, the distribution root, carries its `id`. Every other table is a
// reference table, copied to every node, and is listed below with why. Read from the catalog of
// a migrated database, so a migration that breaks the rule, or adds a table nobody placed, fails.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../../test/harness.ts';
import { openPool, type Sql } from './pool.ts';

/** The distribution root: distributed by its `id`, co-located with every tenant table. */
const ROOT = 'accounts';

/** Reference tables (a full copy on every node) with no account_id, each with why. */
const REFERENCE: Record<string, string> = {
  billing_supplier: "the operator's own invoicing details, one row",
  bind_leases: 'which worker process holds which bind of a connector, keyed by connector',
  cluster_state: 'process coordination (simulator ports, leader state), not tenant data',
  connectors: "the operator's SMSC and WhatsApp connections, shared by all accounts",
  connector_status: 'live state of each connector, keyed by connector',
  country_rules: 'global per-country sending rules',
  email_seal_keys: "the platform's key pair for sealed outgoing email",
  fraud_ranges: 'global number ranges the operator reviews or blocks',
  inbound_parts: 'parts of concatenated inbound SMS before the owning account is known, keyed by connector',
  invoice_sequences: 'one gapless invoice counter per prefix and year across all accounts',
  late_interest_reference_rates: 'published reference rates per jurisdiction',
  late_interest_rules: 'statutory late-interest rules per jurisdiction',
  login_throttles: 'login attempt counters keyed by email or address, before any account is known',
  pending_receipts: 'short-lived delivery receipts that came before their submit answer, keyed by connector',
  pending_whatsapp_statuses: 'short-lived WhatsApp statuses that came before their send answer, keyed by connector',
  policy_versions: 'published privacy policy and terms, the same for every account',
  retention_defaults: 'platform-wide retention defaults per category',
  schema_migrations: 'the migration ledger',
  traffic_hold_epochs: "one row: the operator's kill-switch epoch",
  traffic_holds: 'operator holds on a connector or a country',
  vat_rates: 'VAT rates per country',
  workers: 'the heartbeats of the worker processes, not tenant data',
};

/**
 * Reference tables whose rows point at an account. Each is small, written by the operator or at
 * sign-in, and read across accounts by a value unique on the whole platform, so it is copied to
 * every node; Citus allows no foreign key from it to `accounts`, so that one is dropped there.
 */
const REFERENCE_WITH_ACCOUNT: Record<string, string> = {
  country_rule_senders: 'registered senders per country; an account_id narrows a row to one account',
  numbers:
    "the operator's numbers, each assigned to one account; inbound looks a number up before it knows the account",
  prices: "the price list; an account_id marks an account's own price or discount",
  routes: "the routing table; an account_id marks an account's own route",
  users: 'portal users: an email signs in to one account on the whole platform, looked up before the account is known',
};

interface TableRow {
  name: string;
  accountId: 'not null' | 'nullable' | null;
}
interface KeyRow {
  table: string;
  name: string;
  /** p primary, u unique constraint, i unique index, f foreign key */
  kind: string;
  columns: string[];
  target: string | null;
  targetColumns: string[] | null;
}

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
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)
           end as "targetColumns"
    from pg_constraint k join pg_class t on t.oid = k.conrelid
    join pg_namespace n on n.oid = t.relnamespace left join pg_class f on f.oid = k.confrelid
    where n.nspname = 'public' and k.contype in ('p', 'u', 'f')
    union all
    select t.relname, c.relname, 'i',
           array(select a.attname::text from unnest(i.indkey::int2[]) u(n)
                 join pg_attribute a on a.attrelid = i.indrelid and a.attnum = u.n),
           null, null
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and i.indisunique
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
}

/** What breaks the rule, one line per broken key. */
function keyRuleViolations(tables: TableRow[], keys: KeyRow[]): string[] {
  const listed = (name: string) => name === ROOT || name in REFERENCE || name in REFERENCE_WITH_ACCOUNT;
  const tenant = new Set(tables.filter((t) => t.accountId === 'not null' && !listed(t.name)).map((t) => t.name));
  /** The column each distributed table is sharded by. */
  const shardedBy = (table: string) => (table === ROOT ? 'id' : tenant.has(table) ? 'account_id' : undefined);
  const out: string[] = [];
  for (const t of tables) {
    const name = t.name;
    if (name in REFERENCE && t.accountId) out.push(`${name}: has account_id; key it by account or list it with it`);
    if (name in REFERENCE_WITH_ACCOUNT && !t.accountId) out.push(`${name}: has no account_id; move it to REFERENCE`);
    if (!tenant.has(name) && !listed(name)) out.push(`${name}: neither keyed by account_id nor listed with a reason`);
    if (tenant.has(name) && !keys.some((k) => k.table === name && k.kind === 'p')) out.push(`${name}: no primary key`);
  }
  for (const k of keys) {
    const where = `${k.table}.${k.name} (${k.columns.join(', ')})`;
    const column = shardedBy(k.table);
    if (k.kind !== 'f') {
      const what = k.kind === 'p' ? 'primary' : 'unique';
      if (column && !k.columns.includes(column)) out.push(`${where}: ${what} key without ${column}`);
      continue;
    }
    const target = k.target ? shardedBy(k.target) : undefined;
    if (!target) continue;
    // Citus keeps a foreign key to a distributed table only from a table of the same shards, on the shard column.
    const at = column ? k.columns.indexOf(column) : -1;
    if (at < 0 || k.targetColumns?.[at] !== target) {
      const droppedOnCitus = k.target === ROOT && k.table in REFERENCE_WITH_ACCOUNT;
      if (!droppedOnCitus) out.push(`${where}: foreign key to ${k.target} not on ${target}`);
    }
  }
  for (const name of [ROOT, ...Object.keys(REFERENCE), ...Object.keys(REFERENCE_WITH_ACCOUNT)]) {
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

it('the rule catches a key without the shard column, a foreign key across shards and a table nobody listed', () => {
  const tables: TableRow[] = [
    { name: 'accounts', accountId: null },
    { name: 'notes', accountId: 'not null' },
    { name: 'tags', accountId: 'not null' },
    { name: 'stray', accountId: null },
    { name: 'prices', accountId: 'nullable' },
    { name: 'vat_rates', accountId: null },
  ];
  const key = (
    table: string,
    name: string,
    kind: string,
    columns: string[],
    target?: string,
    targetColumns?: string[],
  ) => ({ table, name, kind, columns, target: target ?? null, targetColumns: targetColumns ?? null });
  const keys: KeyRow[] = [
    key('accounts', 'accounts_pkey', 'p', ['id']),
    key('accounts', 'accounts_one_house', 'i', ['is_house']),
    key('notes', 'notes_pkey', 'p', ['id']),
    key('tags', 'tags_pkey', 'p', ['account_id', 'id']),
    key('tags', 'tags_name', 'i', ['name']),
    key('tags', 'tags_by_account', 'i', ['name', 'account_id']),
    key('tags', 'tags_note_fkey', 'f', ['note_id'], 'notes', ['id']),
    key('tags', 'tags_account_note_fkey', 'f', ['account_id', 'note_id'], 'notes', ['account_id', 'id']),
    key('tags', 'tags_account_fkey', 'f', ['account_id'], 'accounts', ['id']),
    key('prices', 'prices_account_id_fkey', 'f', ['account_id'], 'accounts', ['id']),
    key('vat_rates', 'vat_rates_note_fkey', 'f', ['note_id'], 'notes', ['id']),
  ];
  const found = keyRuleViolations(tables, keys).filter((v) => !v.includes('listed but no such table'));
  assert.deepEqual(found, [
    'accounts.accounts_one_house (is_house): unique key without id',
    'notes.notes_pkey (id): primary key without account_id',
    'stray: neither keyed by account_id nor listed with a reason',
    'tags.tags_name (name): unique key without account_id',
    'tags.tags_note_fkey (note_id): foreign key to notes not on account_id',
    'vat_rates.vat_rates_note_fkey (note_id): foreign key to notes not on account_id',
  ]);
});
