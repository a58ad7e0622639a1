// SQL for accounts. Operator routes reach any account; client routes only their own (by id).
// Only this file writes `accounts`; other domains change an account through its functions.
// An account is read with billing's state of it (billing_accounts, written by billing only).
import type postgres from 'postgres';
import type { Db } from '../db/pool.ts';
import { jsonb } from '../db/json.ts';
import type { AccountGate, AccountStatus } from '../http/principal.ts';
import { billingStateColumns, openBillingAccount, type BillingState } from '../billing/account-store.ts';

export interface AccountRow extends AccountGate, BillingState {
  id: string;
  name: string;
  boardingAcceptance: { text: string; signer: string; reference: string | null; at: string } | null;
  settings: Record<string, unknown>;
  createdAt: Date;
  /** The later change of the account itself or of its billing state. */
  updatedAt: Date;
}

/** Selects an AccountRow from `accounts a join billing_accounts b`. */
const columns = (db: Db) => db`
  a.id, a.name, a.status, a.is_house as "isHouse", a.traffic_hold as "trafficHold",
  a.rate_limit_per_key as "rateLimitPerKey", a.rate_limit_per_account as "rateLimitPerAccount",
  ${billingStateColumns(db)}, a.boarding_acceptance as "boardingAcceptance", a.settings, a.created_at as "createdAt",
  greatest(a.updated_at, b.updated_at) as "updatedAt"`;

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

/** Creates the account and its billing row (with the SMS limit), in the caller's transaction. */
export async function insertAccount(db: Db, a: NewAccount): Promise<AccountRow> {
  await db`
    insert into accounts (id, name, status, is_house, rate_limit_per_key, rate_limit_per_account, settings, created_at, updated_at)
    values (${a.id}, ${a.name}, ${a.status}, ${a.isHouse}, ${a.rateLimitPerKey}, ${a.rateLimitPerAccount}, ${jsonb(db, a.settings)}, ${a.at}, ${a.at})`;
  await openBillingAccount(db, a.id, a.smsLimit, a.at);
  return (await getAccount(db, a.id))!;
}

/** `forUpdate` locks the account's own row, not its billing row. */
export async function getAccount(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AccountRow | undefined> {
  const [row] = await db<AccountRow[]>`
    select ${columns(db)} from accounts a join billing_accounts b on b.account_id = a.id
    where a.id = ${id} ${opts.forUpdate ? db`for update of a` : db``}`;
  return row;
}

export async function listAccounts(
  db: Db,
  opts: { after?: string | undefined; limit: number; status?: AccountStatus | undefined },
): Promise<AccountRow[]> {
  return db<AccountRow[]>`
    select ${columns(db)} from accounts a join billing_accounts b on b.account_id = a.id
    where true ${opts.after ? db`and a.id > ${opts.after}` : db``} ${opts.status ? db`and a.status = ${opts.status}` : db``}
    order by a.id limit ${opts.limit}`;
}

/** Accounts whose name contains `text` (case-insensitive), for the operators' search. */
export async function accountsNamed(db: Db, text: string, limit: number): Promise<AccountRow[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db<AccountRow[]>`
    select ${columns(db)} from accounts a join billing_accounts b on b.account_id = a.id
    where a.name ilike ${pattern} order by a.name, a.id limit ${limit}`;
}

export interface NumberMatch {
  id: string;
  accountId: string;
  number: string;
  channels: string[];
}

/** A number by its id or its digits; `accountId` undefined looks in every account (operators). */
export async function numbersMatching(
  db: Db,
  accountId: string | undefined,
  match: { id: string } | { number: string },
): Promise<NumberMatch[]> {
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
  const [row] = await db<AccountRow[]>`
    with a as (update accounts set ${db(set)} where id = ${id} returning *)
    select ${columns(db)} from a join billing_accounts b on b.account_id = a.id`;
  return row!;
}

/** The operator's written acceptance that boarded the account (boarding.ts). */
export async function recordBoardingAcceptance(
  db: Db,
  id: string,
  record: { text: string; signer: string; reference: string | null; at: string },
): Promise<void> {
  await db`update accounts set boarding_acceptance = ${db.json(record)} where id = ${id}`;
}

/** The account's settings (each domain reads its own keys); `forUpdate` before replacing them. */
export async function accountSettings<T extends object = Record<string, unknown>>(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<T | undefined> {
  const [row] = await db<
    { settings: T }[]
  >`select settings from accounts where id = ${id} ${opts.forUpdate ? db`for update` : db``}`;
  return row?.settings;
}

/** Sets the given top-level keys of the settings, keeping the others; false when there is no such account. */
export async function mergeAccountSettings(
  db: Db,
  id: string,
  keys: Record<string, unknown>,
  at: Date,
): Promise<boolean> {
  const rows =
    await db`update accounts set settings = settings || ${jsonb(db, keys)}, updated_at = ${at} where id = ${id} returning id`;
  return rows.length > 0;
}

/** Replaces the whole settings object (read with accountSettings forUpdate in the same transaction). */
export async function replaceAccountSettings(db: Db, id: string, settings: object, at: Date): Promise<void> {
  await db`update accounts set settings = ${jsonb(db, settings)}, updated_at = ${at} where id = ${id}`;
}

/**
 * Of `ids`, the accounts not alerted by the fraud rules since `quietSince`, marked alerted at
 * `at` (fraud/decide.ts: at most one alert an hour).
 */
export async function markFraudAlerted(db: Db, ids: string[], at: Date, quietSince: Date): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    update accounts set fraud_alerted_at = ${at} where id = any(${ids}) and (fraud_alerted_at is null or fraud_alerted_at < ${quietSince})
    returning id`;
  return rows.map((r) => r.id);
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
