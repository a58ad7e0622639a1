// SQL for `billing_accounts`, billing's state of each account (one row per account): the SMS
// limit and its cycle counters, the monthly spend cap, the demanded deposit, the billing mode and
// the prepaid balance. Only this file writes it. The row is opened with the account
// (accounts/store.ts insertAccount, same transaction), so every account has one.
// Billing's per-account steps (a payment, a deposit, a limit change) serialize on this row, as
// does the SMS limit counter of the accept path: nothing references the table, so a lock on it
// never makes a foreign-key check of another table wait.
import { recordset } from '../db/recordset.ts';
import type { Db } from '../db/pool.ts';

/** Billing's state as shown with the account (accounts/present.ts). */
export interface BillingState {
  smsBlocked: boolean;
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
}

/** The columns of BillingState, for a query that joins `billing_accounts b`. */
export const billingStateColumns = (db: Db) => db`
  b.sms_blocked as "smsBlocked", b.sms_limit as "smsLimit", b.sms_used as "smsUsed",
  b.spend_cap_micros::float8 as "spendCapMicros", b.spend_alert_percents as "spendAlertPercents",
  to_char(b.spend_month, 'YYYY-MM') as "spendMonth", b.spend_month_micros::float8 as "spendMonthMicros",
  b.billing_mode as "billingMode", b.balance_micros::float8 as "balanceMicros", b.balance_currency as "balanceCurrency",
  b.deposit_required_minor::float8 as "depositRequiredMinor", b.deposit_currency as "depositCurrency",
  to_char(b.deposit_due_on, 'YYYY-MM-DD') as "depositDueOn"`;

/** Opens the billing row of a new account, in the transaction that creates the account. */
export async function openBillingAccount(db: Db, accountId: string, smsLimit: number | null, at: Date): Promise<void> {
  await db`insert into billing_accounts (account_id, sms_limit, updated_at) values (${accountId}, ${smsLimit}, ${at})`;
}

/** Takes the account's billing row for this transaction; false when there is no such account. */
export async function lockBillingAccount(db: Db, accountId: string): Promise<boolean> {
  const [row] = await db`select 1 from billing_accounts where account_id = ${accountId} for no key update`;
  return row !== undefined;
}

// ---- The SMS limit (limits.ts counts, limit-changes.ts sets and settles) ----

export interface SmsCounters {
  id: string;
  smsLimit: number;
  smsUsed: number;
  smsWarned: boolean;
  smsBlocked: boolean;
  smsCycle: number;
}

/**
 * The counters of the postpaid accounts with a limit among `accountIds`, locked: one row per
 * account, one statement per accept group. Sorted ids: concurrent commits lock accounts in one
 * order and cannot deadlock. `no key update`, not `update`: the weakest lock that serializes the
 * counters. When it was taken on `accounts`, `update` made every foreign-key check of a row
 * referencing the account (a KEY SHARE lock: messages, events, usage) queue behind the accept
 * transaction (docs/performance.md); should a table ever reference this one, the same holds.
 */
export async function lockSmsCounters(db: Db, accountIds: string[]): Promise<SmsCounters[]> {
  return db<SmsCounters[]>`
    select account_id as id, sms_limit as "smsLimit", sms_used as "smsUsed", sms_warned as "smsWarned", sms_blocked as "smsBlocked", sms_cycle as "smsCycle"
    from billing_accounts where account_id = any(${accountIds}) and sms_limit is not null and billing_mode = 'postpaid'
    order by account_id for no key update`;
}

/** Stores the count after accepting; `warn` and `block` only ever switch on here. */
export async function recordSmsUse(
  db: Db,
  accountId: string,
  used: number,
  warn: boolean,
  block: boolean,
  at: Date,
): Promise<void> {
  await db`update billing_accounts set sms_used = ${used}, sms_warned = sms_warned or ${warn}, sms_blocked = sms_blocked or ${block}, updated_at = ${at}
           where account_id = ${accountId}`;
}

/** Takes `n` back from each account's count, only while its cycle is still `cycle`. */
export async function releaseSmsCounts(
  db: Db,
  rows: { accountId: string; cycle: number; n: number }[],
  at: Date,
): Promise<void> {
  await db`
    update billing_accounts b set sms_used = greatest(0, b.sms_used - g.n), updated_at = ${at}
    from unnest(${rows.map((r) => r.accountId)}::text[], ${rows.map((r) => r.cycle)}::int[], ${rows.map((r) => r.n)}::int[]) as g(account_id, cycle, n)
    where b.account_id = g.account_id and b.sms_cycle = g.cycle`;
}

/** The count and block of one account, locked for a limit change or a settlement. */
export async function smsStateForUpdate(
  db: Db,
  accountId: string,
): Promise<{ smsUsed: number; smsBlocked: boolean } | undefined> {
  const [row] = await db<{ smsUsed: number; smsBlocked: boolean }[]>`
    select sms_used as "smsUsed", sms_blocked as "smsBlocked" from billing_accounts where account_id = ${accountId} for no key update`;
  return row;
}

/** Settlement: a new cycle starts from zero, unwarned and unblocked. */
export async function startSmsCycle(db: Db, accountId: string, at: Date): Promise<void> {
  await db`update billing_accounts set sms_used = 0, sms_cycle = sms_cycle + 1, sms_warned = false, sms_blocked = false, updated_at = ${at}
           where account_id = ${accountId}`;
}

export async function setSmsLimit(
  db: Db,
  accountId: string,
  s: { limit: number | null; blocked: boolean; warned: boolean },
  at: Date,
): Promise<void> {
  await db`update billing_accounts set sms_limit = ${s.limit}, sms_blocked = ${s.blocked}, sms_warned = ${s.warned}, updated_at = ${at}
           where account_id = ${accountId}`;
}

// ---- Spend caps (spend.ts) ----

/** A new cap starts its alerts over. */
export async function setSpendCap(
  db: Db,
  accountId: string,
  capMicros: number | null,
  alertPercents: number[],
  at: Date,
): Promise<void> {
  await db`update billing_accounts set spend_cap_micros = ${capMicros}, spend_alert_percents = ${alertPercents}, spend_alerted_percent = 0, updated_at = ${at}
           where account_id = ${accountId}`;
}

export interface SpendAdded {
  id: string;
  cap: string | null;
  spent: string;
  percents: number[];
  alerted: number;
  balance: string;
  debited: string;
  currency: string | null;
}

/** Adds rated amounts to each account's `month` (a new month starts from zero) and debits the prepaid part from the balance. */
export async function addMonthSpend(
  db: Db,
  month: string,
  sums: { id: string; micros: number; prepaid: number }[],
): Promise<SpendAdded[]> {
  return db<SpendAdded[]>`
    update billing_accounts b set
      spend_month_micros = case when b.spend_month = ${month}::date then b.spend_month_micros else 0 end + s.micros,
      spend_alerted_percent = case when b.spend_month = ${month}::date then b.spend_alerted_percent else 0 end,
      spend_month = ${month}::date,
      balance_micros = b.balance_micros - s.prepaid
    from ${recordset(db, sums, { id: 'text', micros: 'bigint', prepaid: 'bigint' }, 's')}
    where b.account_id = s.id
    returning b.account_id as id, b.spend_cap_micros::text as cap, b.spend_month_micros::text as spent, b.spend_alert_percents as percents,
              b.spend_alerted_percent as alerted, b.balance_micros::text as balance, s.prepaid::text as debited, b.balance_currency as currency`;
}

export async function markSpendAlerted(db: Db, accountId: string, percent: number): Promise<void> {
  await db`update billing_accounts set spend_alerted_percent = ${percent} where account_id = ${accountId}`;
}

// ---- Deposits demanded (deposit-demands.ts) ----

export async function setDepositRequired(
  db: Db,
  accountId: string,
  required: { amountMinor: number; currency: string } | null,
  dueOn: string | null,
  at: Date,
): Promise<void> {
  await db`update billing_accounts set deposit_required_minor = ${required?.amountMinor ?? null}, deposit_currency = ${required?.currency ?? null},
           deposit_due_on = ${dueOn}, updated_at = ${at} where account_id = ${accountId}`;
}

// ---- Billing mode and prepaid balance (prepaid.ts, prepaid-balance.ts) ----

/** Whether it is the house account (never billed), its mode and balance currency, locked for a change of mode or a top-up. */
export async function prepaidStateForUpdate(
  db: Db,
  accountId: string,
): Promise<{ isHouse: boolean; mode: 'postpaid' | 'prepaid'; currency: string | null } | undefined> {
  const [row] = await db<{ isHouse: boolean; mode: 'postpaid' | 'prepaid'; currency: string | null }[]>`
    select a.is_house as "isHouse", b.billing_mode as mode, b.balance_currency as currency
    from billing_accounts b join accounts a on a.id = b.account_id where b.account_id = ${accountId} for update of b`;
  return row;
}

export async function setBillingModeRow(
  db: Db,
  accountId: string,
  mode: 'postpaid' | 'prepaid',
  at: Date,
): Promise<void> {
  await db`update billing_accounts set billing_mode = ${mode}, updated_at = ${at} where account_id = ${accountId}`;
}

/** The balance's currency is fixed by the first top-up. */
export async function fixBalanceCurrency(db: Db, accountId: string, currency: string): Promise<void> {
  await db`update billing_accounts set balance_currency = ${currency} where account_id = ${accountId} and balance_currency is null`;
}

/** A paid top-up's credit (micros as text: bigint); returns the new balance. */
export async function creditBalance(
  db: Db,
  accountId: string,
  micros: string,
  currency: string,
  at: Date,
): Promise<string> {
  const [row] = await db<{ balance: string }[]>`
    update billing_accounts set balance_micros = balance_micros + ${micros}::bigint, balance_currency = ${currency}, updated_at = ${at}
    where account_id = ${accountId} returning balance_micros::text as balance`;
  return row!.balance;
}

/** Takes a credit back (the balance may go below zero). */
export async function debitBalance(db: Db, accountId: string, micros: string, at: Date): Promise<void> {
  await db`update billing_accounts set balance_micros = balance_micros - ${micros}::bigint, updated_at = ${at} where account_id = ${accountId}`;
}
