// webhook_endpoints rows. Secrets are sealed with the account's data key.
import type { Db } from '../db/pool.ts';
import type { KeyMode } from '../auth/api-key-format.ts';

export interface EndpointRow {
  accountId: string;
  id: string;
  url: string;
  /** 'test': created by a test key, receives only the events of test-mode objects. */
  mode: KeyMode;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: 'manual' | 'gone' | 'failing' | null;
  secret: Buffer;
  previousSecret: Buffer | null;
  previousSecretExpiresAt: Date | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const columns = (db: Db) => db`
  account_id as "accountId", id, url, mode, events, description, enabled, disabled_reason as "disabledReason", secret,
  previous_secret as "previousSecret", previous_secret_expires_at as "previousSecretExpiresAt", failing_since as "failingSince",
  created_at as "createdAt", updated_at as "updatedAt"`;

export async function insertEndpoint(
  db: Db,
  e: Omit<EndpointRow, 'previousSecret' | 'previousSecretExpiresAt' | 'failingSince' | 'disabledReason'>,
): Promise<EndpointRow> {
  const [row] = await db<EndpointRow[]>`
    insert into webhook_endpoints (account_id, id, url, mode, events, description, enabled, disabled_reason, secret, created_at, updated_at)
    values (${e.accountId}, ${e.id}, ${e.url}, ${e.mode}, ${e.events}, ${e.description}, ${e.enabled}, ${e.enabled ? null : 'manual'}, ${e.secret}, ${e.createdAt}, ${e.updatedAt})
    returning ${columns(db)}`;
  return row!;
}

/** `mode` set: only an endpoint of that mode (a test key's view, http/principal.ts objectModeOf). */
const ofMode = (db: Db, mode: KeyMode | undefined) => (mode ? db`and mode = ${mode}` : db``);

export async function getEndpoint(
  db: Db,
  accountId: string,
  id: string,
  opts: { forUpdate?: boolean; mode?: KeyMode | undefined } = {},
): Promise<EndpointRow | undefined> {
  const [row] = await db<EndpointRow[]>`
    select ${columns(db)} from webhook_endpoints where account_id = ${accountId} and id = ${id} ${ofMode(db, opts.mode)}
    ${opts.forUpdate ? db`for update` : db``}`;
  return row;
}

export async function listEndpoints(
  db: Db,
  accountId: string,
  page: { after: string | undefined; limit: number; mode?: KeyMode | undefined },
): Promise<EndpointRow[]> {
  return db<EndpointRow[]>`
    select ${columns(db)} from webhook_endpoints
    where account_id = ${accountId} ${ofMode(db, page.mode)} ${page.after ? db`and id > ${page.after}` : db``}
    order by id limit ${page.limit}`;
}

export type EndpointChange = Partial<
  Pick<
    EndpointRow,
    | 'url'
    | 'events'
    | 'description'
    | 'enabled'
    | 'disabledReason'
    | 'secret'
    | 'previousSecret'
    | 'previousSecretExpiresAt'
    | 'failingSince'
  >
>;

export async function updateEndpoint(
  db: Db,
  accountId: string,
  id: string,
  change: EndpointChange,
  at: Date,
): Promise<EndpointRow> {
  const set: Record<string, unknown> = { updated_at: at };
  const names: Record<keyof EndpointChange, string> = {
    url: 'url',
    events: 'events',
    description: 'description',
    enabled: 'enabled',
    disabledReason: 'disabled_reason',
    secret: 'secret',
    previousSecret: 'previous_secret',
    previousSecretExpiresAt: 'previous_secret_expires_at',
    failingSince: 'failing_since',
  };
  for (const [k, v] of Object.entries(change)) if (v !== undefined) set[names[k as keyof EndpointChange]] = v;
  const [row] = await db<EndpointRow[]>`
    update webhook_endpoints set ${db(set)} where account_id = ${accountId} and id = ${id} returning ${columns(db)}`;
  return row!;
}

export async function deleteEndpoint(db: Db, accountId: string, id: string): Promise<void> {
  await db`delete from webhook_endpoints where account_id = ${accountId} and id = ${id}`;
}
