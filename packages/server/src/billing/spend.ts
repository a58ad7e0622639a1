// Spend caps: an account's rated spend per calendar month (UTC), kept by rating. Alerts at the
// percentages the account chose; at the cap, new messages are `rejected` (spend_cap) until the
// month ends or the cap is raised. Spend is known once parts are sent, so what is already
// accepted can exceed the cap by what was in flight.
import type { Db } from '../db/pool.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import type { MessageRow } from '../messaging/store.ts';

export const SPEND_CAP = {
  code: 'spend_cap',
  title: "The account's monthly spend cap is reached",
  detail: 'messages are refused until the next month or until the cap is raised (PUT /v1/account/spend-cap)',
};

export const monthOf = (at: Date) => `${at.toISOString().slice(0, 7)}-01`;

/** Marks live messages of accounts at their cap this month `rejected` (spend_cap). */
export async function applySpendCaps(db: Db, rows: MessageRow[], at: Date): Promise<void> {
  const live = rows.filter((r) => r.keyMode === 'live' && r.status !== 'rejected');
  if (live.length === 0) return;
  const capped = await db<{ id: string }[]>`
    select id from accounts where id = any(${[...new Set(live.map((r) => r.accountId))]}) and spend_cap_micros is not null
      and spend_month = ${monthOf(at)}::date and spend_month_micros >= spend_cap_micros`;
  const ids = new Set(capped.map((c) => c.id));
  for (const row of live) {
    if (ids.has(row.accountId)) Object.assign(row, { status: 'rejected', nextAttemptAt: null, errorCode: SPEND_CAP.code, errorTitle: SPEND_CAP.title, errorDetail: SPEND_CAP.detail });
  }
}

/** Adds newly rated amounts to each account's month and sends the alerts they cross. */
export async function addSpend(db: Db, amounts: { accountId: string; micros: number }[], at: Date): Promise<void> {
  const byAccount = new Map<string, number>();
  // Unpriced traffic (zero) changes nothing: no write to the account row.
  for (const a of amounts) if (a.micros > 0) byAccount.set(a.accountId, (byAccount.get(a.accountId) ?? 0) + a.micros);
  if (byAccount.size === 0) return;
  const month = monthOf(at);
  const rows = await db<{ id: string; cap: string | null; spent: string; percents: number[]; alerted: number }[]>`
    update accounts a set
      spend_month_micros = case when a.spend_month = ${month}::date then a.spend_month_micros else 0 end + s.micros,
      spend_alerted_percent = case when a.spend_month = ${month}::date then a.spend_alerted_percent else 0 end,
      spend_month = ${month}::date
    from jsonb_to_recordset(${db.json([...byAccount].map(([id, micros]) => ({ id, micros })) as never)}::jsonb) as s(id text, micros bigint)
    where a.id = s.id
    returning a.id, a.spend_cap_micros::text as cap, a.spend_month_micros::text as spent, a.spend_alert_percents as percents, a.spend_alerted_percent as alerted`;
  const events: NewEvent[] = [];
  for (const r of rows) {
    if (r.cap === null || Number(r.cap) === 0) continue;
    const percent = Math.floor((Number(r.spent) * 100) / Number(r.cap));
    const crossed = [...r.percents, 100].filter((p) => p > r.alerted && p <= percent).sort((a, b) => a - b).at(-1);
    if (crossed === undefined) continue;
    await db`update accounts set spend_alerted_percent = ${crossed} where id = ${r.id}`;
    const type = crossed >= 100 ? 'account.spend_cap_reached' : 'account.spend_alert';
    events.push({ accountId: r.id, type, objectType: 'account', objectId: r.id, at, data: { month, spendMicros: Number(r.spent), capMicros: Number(r.cap), percent: crossed } });
    for (const to of await accountNotificationEmails(db, r.id)) {
      await enqueueEmail(db, {
        accountId: r.id, to, at, subject: crossed >= 100 ? 'Your monthly spend cap is reached' : `You have used ${crossed} % of your monthly spend cap`,
        text: `This month's rated spend is ${(Number(r.spent) / 1e6).toFixed(2)} of a cap of ${(Number(r.cap) / 1e6).toFixed(2)} (excluding VAT).`
          + (crossed >= 100 ? ' New messages are refused (spend_cap) until next month or until you raise the cap.\n' : '\n'),
      });
    }
  }
  await emitEvents(db, events);
}
