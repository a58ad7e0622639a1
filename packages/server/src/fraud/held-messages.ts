// Moving messages into and out of `held`. Holding takes what is waiting (queued, scheduled);
// what a worker has already claimed is held by the dispatcher as it meets the hold. Release is
// one status transition per message, so each held message goes back to the queue exactly once.
import type { Db } from '../db/pool.ts';
import { emitEvents } from '../platform/events.ts';

export interface HeldFilter {
  accountId?: string | undefined;
  /** Only messages held for this reason ('traffic_hold', 'fraud_review', 'connector:…', 'country:…'). */
  reason?: string | undefined;
  ids?: string[] | undefined;
  to?: string | undefined;
  createdBefore?: Date | undefined;
  createdAfter?: Date | undefined;
}

/** Holds an account's waiting messages; returns how many. */
export async function holdWaitingMessages(db: Db, accountId: string, reason: string, at: Date): Promise<number> {
  const rows = await db<{ accountId: string; id: string; channel: string }[]>`
    update messages set status = 'held', hold_reason = ${reason}, next_attempt_at = null, updated_at = ${at}
    where account_id = ${accountId} and status in ('queued', 'scheduled')
    returning account_id as "accountId", id, channel`;
  await emitEvents(db, rows.map((r) => ({
    accountId: r.accountId, type: 'message.held', objectType: 'message', objectId: r.id, at,
    data: { status: 'held', channel: r.channel, connectorId: null, errorCode: null },
  })));
  return rows.length;
}

/** Puts held messages back: `scheduled` when their time is still ahead, else `queued` now. */
export async function releaseHeldMessages(db: Db, filter: HeldFilter, at: Date): Promise<string[]> {
  const rows = await db<{ accountId: string; id: string; channel: string; status: string }[]>`
    update messages set status = case when scheduled_at > ${at} then 'scheduled' else 'queued' end,
      next_attempt_at = case when scheduled_at > ${at} then null else ${at}::timestamptz end, hold_reason = null, updated_at = ${at}
    where status = 'held' ${where(db, filter)}
    returning account_id as "accountId", id, channel, status`;
  await emitEvents(db, rows.map((r) => ({
    accountId: r.accountId, type: `message.${r.status}`, objectType: 'message', objectId: r.id, at,
    data: { status: r.status, channel: r.channel, connectorId: null, errorCode: null },
  })));
  return rows.map((r) => r.id);
}

/** Ends held messages as `rejected` with the given error (a reviewer's or operator's decision). */
export async function rejectHeldMessages(db: Db, filter: HeldFilter, error: { code: string; title: string; detail: string }, at: Date): Promise<string[]> {
  const rows = await db<{ accountId: string; id: string; channel: string }[]>`
    update messages set status = 'rejected', hold_reason = null, error_code = ${error.code}, error_title = ${error.title}, error_detail = ${error.detail}, updated_at = ${at}
    where status = 'held' ${where(db, filter)}
    returning account_id as "accountId", id, channel`;
  await emitEvents(db, rows.map((r) => ({
    accountId: r.accountId, type: 'message.rejected', objectType: 'message', objectId: r.id, at,
    data: { status: 'rejected', channel: r.channel, connectorId: null, errorCode: error.code },
  })));
  return rows.map((r) => r.id);
}

function where(db: Db, f: HeldFilter) {
  return db`
    ${f.accountId ? db`and account_id = ${f.accountId}` : db``}
    ${f.reason ? db`and hold_reason = ${f.reason}` : db``}
    ${f.ids ? db`and id = any(${f.ids})` : db``}
    ${f.to ? db`and to_number = ${f.to}` : db``}
    ${f.createdBefore ? db`and created_at < ${f.createdBefore}` : db``}
    ${f.createdAfter ? db`and created_at >= ${f.createdAfter}` : db``}`;
}
