// SQL for accounts. Operator routes reach any account; client routes only their own (by id).
import type postgres from 'postgres';
import type { Db } from '../db/pool.ts';
import { jsonb } from '../db/json.ts';
import type { AccountGate, AccountStatus } from '../http/principal.ts';

export interface AccountRow extends AccountGate {
  id: string;
  name: string;
  /** SMS accepted since the last settlement may not exceed this; null = no limit. */
  smsLimit: number | null;
  smsUsed: number;
  spendCapMicros: number | null;
  spendAlertPercents: number[];
  spendMonth: string | null;
  spendMonthMicros: number;
  billingMode: 'postpaid' | 'prepaid';
  /** Prepaid credit left (net of VAT), in micros of balanceCurrency. */
  balanceMicros: number;
  balanceCurrency: string | null;
  depositRequiredMinor: number | null;
  depositCurrency: string | null;
  /** The day by which a demanded deposit must be held (YYYY-MM-DD); null: no date. */
  depositDueOn: string | null;
  boardingAcceptance: { text: string; signer: string; reference: string | null; at: string } | null;
  settings: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

const columns = (db: Db) => db`
  id, name, status, is_house as "isHouse", sms_blocked as "smsBlocked", traffic_hold as "trafficHold",
  rate_limit_per_key as "rateLimitPerKey", rate_limit_per_account as "rateLimitPerAccount",
  sms_limit as "smsLimit", sms_used as "smsUsed", spend_cap_micros::float8 as "spendCapMicros", spend_alert_percents as "spendAlertPercents",
  to_char(spend_month, 'YYYY-MM') as "spendMonth", spend_month_micros::float8 as "spendMonthMicros",
  billing_mode as "billingMode", balance_micros::float8 as "balanceMicros", balance_currency as "balanceCurrency",
  deposit_required_minor::float8 as "depositRequiredMinor", deposit_currency as "depositCurrency",
  to_char(deposit_due_on, 'YYYY-MM-DD') as "depositDueOn", boarding_acceptance as "boardingAcceptance", settings, created_at as "createdAt", updated_at as "updatedAt"`;

export interface NewAccount {
  id: string;
  name: string;
  status: AccountStatus;
  isHouse: boolean;
  rateLimitPerKey: number | null;
  rateLimitPerAccount: number | null;
  smsLimit: number | null;
  settings: Record<string, unknown>;
  at: Date;
}

export async function insertAccount(db: Db, a: NewAccount): Promise<AccountRow> {
  const [row] = await db<AccountRow[]>`
    insert into accounts (id, name, status, is_house, rate_limit_per_key, rate_limit_per_account, sms_limit, settings, created_at, updated_at)
    values (${a.id}, ${a.name}, ${a.status}, ${a.isHouse}, ${a.rateLimitPerKey}, ${a.rateLimitPerAccount}, ${a.smsLimit},
            ${jsonb(db, a.settings)}, ${a.at}, ${a.at})
    returning ${columns(db)}`;
  return row!;
}

export async function getAccount(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<AccountRow | undefined> {
  const [row] = await db<AccountRow[]>`
    select ${columns(db)} from accounts where id = ${id} ${opts.forUpdate ? db`for update` : db``}`;
  return row;
}

export async function listAccounts(
  db: Db,
  opts: { after?: string | undefined; limit: number; status?: AccountStatus | undefined },
): Promise<AccountRow[]> {
  return db<AccountRow[]>`
    select ${columns(db)} from accounts
    where true ${opts.after ? db`and id > ${opts.after}` : db``} ${opts.status ? db`and status = ${opts.status}` : db``}
    order by id limit ${opts.limit}`;
}

/** Accounts whose name contains `text` (case-insensitive), for the operators' search. */
export async function accountsNamed(db: Db, text: string, limit: number): Promise<AccountRow[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db<AccountRow[]>`select ${columns(db)} from accounts where name ilike ${pattern} order by name, id limit ${limit}`;
}

export interface NumberMatch {
  id: string;
  accountId: string;
  number: string;
  channels: string[];
}

/** A number by its id or its digits; `accountId` undefined looks in every account (operators). */
export async function numbersMatching(db: Db, accountId: string | undefined, match: { id: string } | { number: string }): Promise<NumberMatch[]> {
  return db<NumberMatch[]>`
    select id, account_id as "accountId", number, channels from numbers
    where ${'id' in match ? db`id = ${match.id}` : db`number = ${match.number}`}
      ${accountId ? db`and account_id = ${accountId}` : db``}
    order by number limit 10`;
}

export interface AccountChanges {
  name?: string | undefined;
  status?: AccountStatus | undefined;
  trafficHold?: boolean | undefined;
  rateLimitPerKey?: number | null | undefined;
  rateLimitPerAccount?: number | null | undefined;
}

export async function updateAccount(db: Db, id: string, c: AccountChanges, at: Date): Promise<AccountRow> {
  const set: Record<string, postgres.SerializableParameter> = { updated_at: at };
  if (c.name !== undefined) set.name = c.name;
  if (c.status !== undefined) set.status = c.status;
  if (c.trafficHold !== undefined) set.traffic_hold = c.trafficHold;
  if (c.rateLimitPerKey !== undefined) set.rate_limit_per_key = c.rateLimitPerKey;
  if (c.rateLimitPerAccount !== undefined) set.rate_limit_per_account = c.rateLimitPerAccount;
  const [row] = await db<AccountRow[]>`update accounts set ${db(set)} where id = ${id} returning ${columns(db)}`;
  return row!;
}

/** The user roles that hear about an account's limits, disabled webhooks, policy changes and the like. */
export const NOTIFIED_ROLES = ['owner', 'admin', 'operator'];

/** Who hears about the account's limits, disabled webhooks and the like: its owners and admins. */
export async function accountNotificationEmails(db: Db, accountId: string): Promise<string[]> {
  const rows = await db<{ email: string }[]>`
    select email from users where account_id = ${accountId} and role = any(${NOTIFIED_ROLES}) and disabled_at is null order by email`;
  return rows.map((r) => r.email);
}

/** The operator's own account, whose audit chain records platform-wide changes. */
export async function houseAccountId(db: Db): Promise<string> {
  const [row] = await db<{ id: string }[]>`select id from accounts where is_house`;
  if (!row) throw new Error('no house account: the platform was not bootstrapped');
  return row.id;
}
