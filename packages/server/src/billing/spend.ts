// Spend caps: an account's rated spend per calendar month (UTC), kept by rating. Alerts at the
// percentages the account chose; at the cap, new messages are `rejected` (spend_cap) until the
// month ends or the cap is raised. Spend is known once parts are sent, so what is already
// accepted can exceed the cap by what was in flight.
import type { Db } from '../db/pool.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import type { Candidate, Judgement, SendCheck } from '../send-policy/policy.ts';
import { INSUFFICIENT_BALANCE, SPEND_CAP } from './problems.ts';
import { addMonthSpend, markSpendAlerted } from './account-store.ts';

export const monthOf = (at: Date) => `${at.toISOString().slice(0, 7)}-01`;

/**
 * A send-policy check: live messages of a prepaid account without credit are refused
 * (insufficient_balance), and so are those of an account at its monthly cap (spend_cap).
 */
export const moneyCheck: SendCheck = {
  name: 'prepaid and spend cap',
  async judge(db, candidates, at) {
    const verdicts = new Map<Candidate, Judgement>();
    const live = candidates.filter((c) => c.keyMode === 'live');
    if (live.length === 0) return verdicts;
    const refused = await db<{ id: string; unfunded: boolean }[]>`
      select account_id as id, billing_mode = 'prepaid' and balance_micros <= 0 as unfunded from billing_accounts
      where account_id = any(${[...new Set(live.map((r) => r.accountId))]})
        and ((billing_mode = 'prepaid' and balance_micros <= 0)
          or (spend_cap_micros is not null and spend_month = ${monthOf(at)}::date and spend_month_micros >= spend_cap_micros))`;
    const reasons = new Map(refused.map((r) => [r.id, r.unfunded ? INSUFFICIENT_BALANCE : SPEND_CAP]));
    for (const c of live) {
      const error = reasons.get(c.accountId);
      if (error) verdicts.set(c, { verdict: { kind: 'refuse', error } });
    }
    return verdicts;
  },
};

/** Adds newly rated amounts to each account's month, debits prepaid ones, and sends the alerts they cross. */
export async function addSpend(
  db: Db,
  amounts: { accountId: string; micros: number; prepaid: boolean }[],
  at: Date,
): Promise<void> {
  const byAccount = new Map<string, { micros: number; prepaid: number }>();
  // Unpriced traffic (zero) changes nothing: no write to the billing row.
  for (const a of amounts) {
    if (a.micros <= 0) continue;
    const sum = byAccount.get(a.accountId) ?? { micros: 0, prepaid: 0 };
    sum.micros += a.micros;
    if (a.prepaid) sum.prepaid += a.micros;
    byAccount.set(a.accountId, sum);
  }
  if (byAccount.size === 0) return;
  const month = monthOf(at);
  const rows = await addMonthSpend(
    db,
    month,
    [...byAccount].map(([id, sum]) => ({ id, ...sum })),
  );
  const events: NewEvent[] = [];
  for (const r of rows) {
    // The debit that takes the credit to zero or below: from now on messages are refused.
    if (Number(r.debited) > 0 && Number(r.balance) <= 0 && Number(r.balance) + Number(r.debited) > 0) {
      events.push({
        accountId: r.id,
        type: 'account.balance_exhausted',
        objectType: 'account',
        objectId: r.id,
        at,
        data: { balanceMicros: Number(r.balance), currency: r.currency },
      });
      for (const to of await accountNotificationEmails(db, r.id)) {
        await enqueueEmail(db, {
          accountId: r.id,
          to,
          at,
          subject: 'Your prepaid credit is used up',
          text: 'Your prepaid messaging credit is used up. New messages are refused (insufficient_balance) until you buy more credit.\n',
        });
      }
    }
    if (r.cap === null || Number(r.cap) === 0) continue;
    const percent = Math.floor((Number(r.spent) * 100) / Number(r.cap));
    const crossed = [...r.percents, 100]
      .filter((p) => p > r.alerted && p <= percent)
      .sort((a, b) => a - b)
      .at(-1);
    if (crossed === undefined) continue;
    await markSpendAlerted(db, r.id, crossed);
    const type = crossed >= 100 ? 'account.spend_cap_reached' : 'account.spend_alert';
    events.push({
      accountId: r.id,
      type,
      objectType: 'account',
      objectId: r.id,
      at,
      data: { month, spendMicros: Number(r.spent), capMicros: Number(r.cap), percent: crossed },
    });
    for (const to of await accountNotificationEmails(db, r.id)) {
      await enqueueEmail(db, {
        accountId: r.id,
        to,
        at,
        subject:
          crossed >= 100 ? 'Your monthly spend cap is reached' : `You have used ${crossed} % of your monthly spend cap`,
        text:
          `This month's rated spend is ${(Number(r.spent) / 1e6).toFixed(2)} of a cap of ${(Number(r.cap) / 1e6).toFixed(2)} (excluding VAT).` +
          (crossed >= 100
            ? ' New messages are refused (spend_cap) until next month or until you raise the cap.\n'
            : '\n'),
      });
    }
  }
  await emitEvents(db, events);
}
