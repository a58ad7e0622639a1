// The SMS limit (terms: 50,000 messages per account until paid): counted at accept, inside the
// accept path's commit, under the account row's lock, so concurrent senders can never overshoot
// it. Live SMS that are not otherwise refused count; test keys never do. Prepaid accounts pay
// as they go (their credit is the limit), so the limit applies to postpaid accounts only.
import type { Db } from '../db/pool.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import type { MessageRow } from '../messaging/store.ts';
import { rejectMessage } from '../messaging/errors.ts';

/** The notice is sent once per cycle when usage reaches this share of the limit. */
export const WARNING_SHARE = 0.75;

export const LIMIT_REACHED = {
  code: 'limit_reached',
  title: "The account's SMS limit is reached",
  detail: 'SMS are refused until the usage is settled or an operator approves a higher limit',
};

interface LimitRow {
  id: string;
  smsLimit: number | null;
  smsUsed: number;
  smsWarned: boolean;
  smsBlocked: boolean;
}

/** Marks the rows over the limit `rejected` (limit_reached) and counts the rest. */
export async function applySmsLimits(db: Db, rows: MessageRow[], at: Date): Promise<void> {
  const counted = rows.filter((r) => r.keyMode === 'live' && r.channel === 'sms' && r.status !== 'rejected');
  if (counted.length === 0) return;
  const accountIds = [...new Set(counted.map((r) => r.accountId))].sort();
  // Sorted ids: concurrent commits lock accounts in one order and cannot deadlock.
  const accounts = await db<LimitRow[]>`
    select id, sms_limit as "smsLimit", sms_used as "smsUsed", sms_warned as "smsWarned", sms_blocked as "smsBlocked"
    from accounts where id = any(${accountIds}) and sms_limit is not null and billing_mode = 'postpaid' order by id for update`;
  const events: NewEvent[] = [];
  for (const account of accounts) {
    const mine = counted.filter((r) => r.accountId === account.id);
    const room = account.smsBlocked ? 0 : Math.max(0, account.smsLimit! - account.smsUsed);
    for (const row of mine.slice(room)) rejectMessage(row, LIMIT_REACHED);
    const used = account.smsUsed + Math.min(room, mine.length);
    const warn = !account.smsWarned && used >= Math.ceil(account.smsLimit! * WARNING_SHARE);
    const block = !account.smsBlocked && used >= account.smsLimit!;
    if (used === account.smsUsed && !warn && !block) continue;
    await db`update accounts set sms_used = ${used}, sms_warned = sms_warned or ${warn}, sms_blocked = sms_blocked or ${block}, updated_at = ${at}
             where id = ${account.id}`;
    const data = { smsLimit: account.smsLimit, smsUsed: used };
    if (warn) {
      events.push({ accountId: account.id, type: 'account.limit_warning', objectType: 'account', objectId: account.id, at, data });
      await notify(db, account.id, at, 'You have used 75 % of your SMS limit',
        `Your account has sent ${used} of its ${account.smsLimit} SMS since the last settlement. At the limit, further SMS are refused `
        + 'until the usage is paid or a higher limit is approved in writing. Request a higher limit with POST /v1/account/limit-requests.');
    }
    if (block) {
      events.push({ accountId: account.id, type: 'account.limit_reached', objectType: 'account', objectId: account.id, at, data: { ...data, smsBlocked: true } });
      await notify(db, account.id, at, 'Your SMS limit is reached: SMS are paused',
        `Your account has reached its limit of ${account.smsLimit} SMS. New SMS are refused (limit_reached) until the usage is settled `
        + 'or an operator approves a higher limit.');
    }
  }
  await emitEvents(db, events);
}

async function notify(db: Db, accountId: string, at: Date, subject: string, text: string): Promise<void> {
  for (const to of await accountNotificationEmails(db, accountId)) await enqueueEmail(db, { accountId, to, subject, text, at });
}
