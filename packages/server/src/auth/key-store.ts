// SQL for API keys. Lookups by hash run on every request, so they are one indexed join.
import type { Db } from '../db/pool.ts';
import type { AccountStatus, Principal } from '../http/principal.ts';
import type { KeyMode } from './api-key-format.ts';
import { generateApiKey } from './api-key-format.ts';
import { newId } from '../platform/ids.ts';

export interface ApiKeyRow {
  id: string;
  accountId: string;
  name: string;
  mode: KeyMode;
  hint: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const keyColumns = (db: Db) => db`
  id, account_id as "accountId", name, mode, hint, scopes,
  created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`;

export async function findPrincipalByHash(db: Db, hash: Buffer): Promise<Principal | undefined> {
  const [row] = await db<
    {
      accountId: string;
      keyId: string;
      mode: KeyMode;
      scopes: string[];
      status: AccountStatus;
      isHouse: boolean;
      smsBlocked: boolean;
      trafficHold: boolean;
      rateLimitPerKey: number | null;
      rateLimitPerAccount: number | null;
    }[]
  >`
    select k.account_id as "accountId", k.id as "keyId", k.mode, k.scopes,
           a.status, a.is_house as "isHouse", b.sms_blocked as "smsBlocked", a.traffic_hold as "trafficHold",
           a.rate_limit_per_key as "rateLimitPerKey", a.rate_limit_per_account as "rateLimitPerAccount"
    from api_keys k join accounts a on a.id = k.account_id join billing_accounts b on b.account_id = k.account_id
    where k.key_hash = ${hash} and k.revoked_at is null`;
  if (!row) return undefined;
  return {
    accountId: row.accountId,
    keyId: row.keyId,
    mode: row.mode,
    scopes: new Set(row.scopes),
    account: {
      status: row.status,
      isHouse: row.isHouse,
      smsBlocked: row.smsBlocked,
      trafficHold: row.trafficHold,
      rateLimitPerKey: row.rateLimitPerKey,
      rateLimitPerAccount: row.rateLimitPerAccount,
    },
  };
}

export interface NewKey {
  accountId: string;
  name: string;
  mode: KeyMode;
  scopes: readonly string[];
  createdBy: string | null;
  at: Date;
}

export async function insertApiKey(db: Db, k: NewKey): Promise<{ row: ApiKeyRow; secret: string }> {
  const gen = generateApiKey(k.mode);
  const [row] = await db<ApiKeyRow[]>`
    insert into api_keys (account_id, id, name, mode, key_hash, hint, scopes, created_by, created_at)
    values (${k.accountId}, ${newId('key', k.at)}, ${k.name}, ${k.mode}, ${gen.hash}, ${gen.hint},
            ${k.scopes as string[]}, ${k.createdBy}, ${k.at})
    returning ${keyColumns(db)}`;
  return { row: row!, secret: gen.secret };
}

export async function listApiKeys(
  db: Db,
  accountId: string,
  opts: { after?: string | undefined; limit: number },
): Promise<ApiKeyRow[]> {
  return db<ApiKeyRow[]>`
    select ${keyColumns(db)} from api_keys
    where account_id = ${accountId} ${opts.after ? db`and id > ${opts.after}` : db``}
    order by id limit ${opts.limit}`;
}

export async function getApiKey(db: Db, accountId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db<
    ApiKeyRow[]
  >`select ${keyColumns(db)} from api_keys where account_id = ${accountId} and id = ${id}`;
  return row;
}

export async function revokeApiKey(db: Db, accountId: string, id: string, at: Date): Promise<ApiKeyRow | undefined> {
  const [row] = await db<ApiKeyRow[]>`
    update api_keys set revoked_at = coalesce(revoked_at, ${at})
    where account_id = ${accountId} and id = ${id}
    returning ${keyColumns(db)}`;
  return row;
}

/** Batched: request handlers only note the time; one statement per second writes them all. */
export async function touchApiKeys(
  db: Db,
  used: Iterable<{ accountId: string; keyId: string; at: Date }>,
): Promise<void> {
  const rows = [...used];
  if (rows.length === 0) return;
  await db`
    update api_keys k set last_used_at = greatest(k.last_used_at, u.at)
    from unnest(${rows.map((r) => r.accountId)}::text[], ${rows.map((r) => r.keyId)}::text[],
                ${rows.map((r) => r.at.toISOString())}::timestamptz[]) as u(account_id, id, at)
    where k.account_id = u.account_id and k.id = u.id`;
}
