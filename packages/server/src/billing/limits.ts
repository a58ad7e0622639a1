// The SMS limit (terms: 50,000 messages per account until paid): counted at accept, inside the
// accept path's commit, under the lock of the account's billing row (account-store.ts), so
// concurrent senders can never overshoot it. Live SMS that are not otherwise refused or held
// count; test keys never do. A message that never leaves gives its count back; one held for
// review counts when it is released.
// Prepaid accounts pay as they go (their credit is the limit), so the limit applies to
// postpaid accounts only.
import type { Db } from '../db/pool.ts';
import { lockSmsCounters, recordSmsUse, releaseSmsCounts, type SmsCounters } from './account-store.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import type { Candidate, Judgement, SendCounter } from '../send-policy/policy.ts';
import { LIMIT_REACHED } from './problems.ts';

/** The notice is sent once per cycle when usage reaches this share of the limit. */
export const WARNING_SHARE = 0.75;

/**
 * The send-policy counter for the SMS limit, last in the policy order: what is still open is
 * counted (reserved) in the accepting transaction, under the billing row's lock, and what no
 * longer fits is refused (limit_reached). Each counted message learns its cycle, so it can be
 * given back if it never leaves (giveBackSmsCounts).
 */
export const smsLimitCounter: SendCounter = {
  name: 'sms limit',
  async judge(tx, candidates, at) {
    const out = new Map<Candidate, Judgement>();
    const counted = candidates.filter((c) => c.keyMode === 'live' && c.channel === 'sms');
    if (counted.length === 0) return out;
    const accountIds = [...new Set(counted.map((r) => r.accountId))].sort();
    // One statement for the group, one locked row per account (`for no key update`, in sorted
    // order: why in lockSmsCounters). The lock is on billing's row, not on `accounts`, whose row
    // the messages inserted here reference (KEY SHARE) and whose changes need not wait for it.
    const accounts = await lockSmsCounters(tx, accountIds);
    const events: NewEvent[] = [];
    for (const account of accounts) {
      const mine = counted.filter((r) => r.accountId === account.id);
      const room = account.smsBlocked ? 0 : Math.max(0, account.smsLimit - account.smsUsed);
      mine.forEach((c, i) =>
        out.set(c, i < room ? { smsCycle: account.smsCycle } : { verdict: { kind: 'refuse', error: LIMIT_REACHED } }),
      );
      events.push(...(await recordUse(tx, account, Math.min(room, mine.length), at)));
    }
    await emitEvents(tx, events);
    return out;
  },
};

/** Adds `count` to the account's cycle, with the 75 % notice (once per cycle) and the block at the limit. */
async function recordUse(tx: Db, account: SmsCounters, count: number, at: Date): Promise<NewEvent[]> {
  const used = account.smsUsed + count;
  const warn = !account.smsWarned && used >= Math.ceil(account.smsLimit * WARNING_SHARE);
  const block = !account.smsBlocked && used >= account.smsLimit;
  if (used === account.smsUsed && !warn && !block) return [];
  await recordSmsUse(tx, account.id, used, warn, block, at);
  const events: NewEvent[] = [];
  const data = { smsLimit: account.smsLimit, smsUsed: used };
  if (warn) {
    events.push({
      accountId: account.id,
      type: 'account.limit_warning',
      objectType: 'account',
      objectId: account.id,
      at,
      data,
    });
    await notify(
      tx,
      account.id,
      at,
      'You have used 75 % of your SMS limit',
      `Your account has sent ${used} of its ${account.smsLimit} SMS since the last settlement. At the limit, further SMS are refused ` +
        'until the usage is paid or a higher limit is approved in writing. Request a higher limit with POST /v1/account/limit-requests.',
    );
  }
  if (block) {
    events.push({
      accountId: account.id,
      type: 'account.limit_reached',
      objectType: 'account',
      objectId: account.id,
      at,
      data: { ...data, smsBlocked: true },
    });
    await notify(
      tx,
      account.id,
      at,
      'Your SMS limit is reached: SMS are paused',
      `Your account has reached its limit of ${account.smsLimit} SMS. New SMS are refused (limit_reached) until the usage is settled ` +
        'or an operator approves a higher limit.',
    );
  }
  return events;
}

/**
 * Gives back the counts of messages that never left (canceled, expired or rejected before any
 * submission). Only counts of the current cycle come back: a settlement already reset the
 * older ones. Giving back never lifts a block or repeats the 75 % notice: that takes payment
 * or a written limit change.
 */
export async function giveBackSmsCounts(
  db: Db,
  counted: { accountId: string; smsCycle: number }[],
  at: Date,
): Promise<void> {
  if (counted.length === 0) return;
  const byKey = new Map<string, { accountId: string; cycle: number; n: number }>();
  for (const c of counted) {
    const key = `${c.accountId}|${c.smsCycle}`;
    const entry = byKey.get(key) ?? { accountId: c.accountId, cycle: c.smsCycle, n: 0 };
    entry.n++;
    byKey.set(key, entry);
  }
  const rows = [...byKey.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
  await releaseSmsCounts(db, rows, at);
}

async function notify(db: Db, accountId: string, at: Date, subject: string, text: string): Promise<void> {
  for (const to of await accountNotificationEmails(db, accountId))
    await enqueueEmail(db, { accountId, to, subject, text, at });
}
