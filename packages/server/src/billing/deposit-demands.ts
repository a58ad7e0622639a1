// Deposits demanded (terms: "CX Engage is entitled to demand payment of a deposit"). Before
// boarding a requirement gates activation (accounts/boarding.ts); on an account already in
// service it comes with a due date and a notice, and past that date every live message on every
// channel is refused (deposit_overdue) until held deposits in its currency cover it.
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { emitEvents } from '../platform/events.ts';
import type { Candidate, Judgement, SendCheck } from '../send-policy/policy.ts';
import { heldDeposits } from './deposit-store.ts';
import { setDepositRequired } from './account-store.ts';
import { DEPOSIT_OVERDUE } from './problems.ts';
import { dayNumberToIsoDate, isoDateToDayNumber, toIsoDate, utcDayNumber } from './rules/dates.ts';
import { formatMoney } from './rules/money.ts';

export interface DepositDemand {
  amountMinor: number;
  currency: string;
  /** YYYY-MM-DD; default: the account's payment terms from today (pending accounts: none). */
  dueOn?: string | undefined;
}

export async function setDepositRequirement(
  ctx: Context,
  actor: Actor,
  accountId: string,
  required: DepositDemand | null,
): Promise<void> {
  await withTransaction(ctx.sql, (tx) =>
    demandDepositIn(tx, actor, accountId, required, ctx.clock.now(), '/required/dueOn'),
  );
}

/** Sets (or with null lifts) the requirement; a shortfall is announced to the client with its due date. */
export async function demandDepositIn(
  tx: Tx,
  actor: Actor,
  accountId: string,
  required: DepositDemand | null,
  at: Date,
  dueOnPointer: string,
): Promise<{ dueOn: string | null }> {
  const [account] = await tx<{ isHouse: boolean; status: string; terms: number | null; billingEmail: string | null }[]>`
    select a.is_house as "isHouse", a.status, p.payment_terms_days as terms, p.email as "billingEmail"
    from accounts a join billing_accounts b on b.account_id = a.id left join billing_profiles p on p.account_id = a.id
    where a.id = ${accountId} for no key update of b`;
  if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
  if (account.isHouse)
    throw new Problem(P['invalid-state'], 'the house account is the operator itself: it holds no deposit');
  const dueOn = required ? dueDateOf(required, account.status, account.terms ?? 14, at, dueOnPointer) : null;
  await setDepositRequired(tx, accountId, required, dueOn, at);
  const data = { amountMinor: required?.amountMinor ?? null, currency: required?.currency ?? null, dueOn };
  await appendAudit(tx, {
    accountId,
    actor,
    action: 'account.deposit_required',
    target: { type: 'account', id: accountId },
    data,
    at,
  });
  if (!required || dueOn === null) return { dueOn };
  const heldMinor = (await heldDeposits(tx, accountId)).get(required.currency) ?? 0;
  if (heldMinor >= required.amountMinor) return { dueOn };
  await emitEvents(tx, [
    {
      accountId,
      type: 'account.deposit_demanded',
      objectType: 'account',
      objectId: accountId,
      at,
      data: { ...data, heldMinor },
    },
  ]);
  const missing = formatMoney(required.amountMinor - heldMinor, required.currency);
  for (const to of new Set([
    ...(account.billingEmail ? [account.billingEmail] : []),
    ...(await accountNotificationEmails(tx, accountId)),
  ])) {
    await enqueueEmail(tx, {
      accountId,
      to,
      at,
      subject: `Deposit of ${formatMoney(required.amountMinor, required.currency)} due on ${dueOn}`,
      text:
        `Under our terms we ask you to pay a deposit of ${formatMoney(required.amountMinor, required.currency)}; ${missing} is still to be paid, ` +
        `by ${dueOn}. After that date your messages are refused (error code deposit_overdue) until the deposit is received. ` +
        'GET /v1/balance shows the deposit and what is held.\n',
    });
  }
  return { dueOn };
}

function dueDateOf(
  required: DepositDemand,
  status: string,
  termsDays: number,
  at: Date,
  pointer: string,
): string | null {
  if (required.dueOn !== undefined) {
    if (isoDateToDayNumber(required.dueOn) < utcDayNumber(at))
      throw Problem.field(pointer, `must be today (${toIsoDate(at)}) or later`);
    return required.dueOn;
  }
  // Before boarding the requirement is a condition of activation, not a debt with a date.
  return status === 'pending' ? null : dayNumberToIsoDate(utcDayNumber(at) + termsDays);
}

/**
 * A send-policy check: live messages of an account whose demanded deposit is past its due date
 * and not held in full are refused. One query per group; the held sum is read only for
 * accounts with a due date already past.
 */
export const depositCheck: SendCheck = {
  name: 'deposit overdue',
  async judge(db, candidates, at) {
    const verdicts = new Map<Candidate, Judgement>();
    const live = candidates.filter((c) => c.keyMode === 'live');
    if (live.length === 0) return verdicts;
    const overdue = await db<{ id: string }[]>`
      select b.account_id as id from billing_accounts b
      where b.account_id = any(${[...new Set(live.map((c) => c.accountId))]}) and b.deposit_due_on < ${toIsoDate(at)}::date
        and coalesce((select sum(d.amount_minor) from deposits d
                      where d.account_id = b.account_id and d.status = 'held' and d.currency = b.deposit_currency), 0) < b.deposit_required_minor`;
    const refused = new Set(overdue.map((r) => r.id));
    for (const c of live)
      if (refused.has(c.accountId)) verdicts.set(c, { verdict: { kind: 'refuse', error: DEPOSIT_OVERDUE } });
    return verdicts;
  },
};
