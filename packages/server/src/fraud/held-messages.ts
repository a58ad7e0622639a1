// Moving messages into and out of `held`. Holding takes what is waiting (queued, scheduled);
// what a worker has already claimed is held by the dispatcher as it meets the hold. Release is
// one status transition per message, so each held message goes back to the queue exactly once.
import type { Db, Tx } from '../db/pool.ts';
import { smsLimitCounter } from '../billing/limits.ts';
import { LIMIT_REACHED } from '../billing/problems.ts';
import { giveBackUnsent } from '../messaging/status.ts';
import type { Candidate } from '../send-policy/policy.ts';
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
  await emitEvents(
    db,
    rows.map((r) => ({
      accountId: r.accountId,
      type: 'message.held',
      objectType: 'message',
      objectId: r.id,
      at,
      data: { status: 'held', channel: r.channel, connectorId: null, errorCode: null },
    })),
  );
  return rows.length;
}

/**
 * Puts held messages back: `scheduled` when their time is still ahead, else `queued` now. A
 * live SMS that was held before the SMS limit counted it (fraud review) counts now, and is
 * rejected (limit_reached) if the limit is reached by then. Returns the ids taken off hold.
 */
export async function releaseHeldMessages(tx: Tx, filter: HeldFilter, at: Date): Promise<string[]> {
  const held = await tx<HeldRow[]>`
    select account_id as "accountId", id, channel, key_mode as "keyMode", to_number as "toNumber", from_number as "fromNumber",
      subject_hash as "subjectHash", purpose, sms_cycle as "smsCycle"
    from messages where status = 'held' ${where(tx, filter)} order by account_id, id for update`;
  const uncounted = held
    .filter((m) => m.smsCycle === null && m.keyMode === 'live' && m.channel === 'sms')
    .map(candidateOf);
  const counted = await smsLimitCounter.judge(tx, uncounted, at);
  const refused = uncounted.filter((c) => counted.get(c)?.verdict?.kind === 'refuse').map((c) => c.messageId);
  if (refused.length) await rejectHeldMessages(tx, { ids: refused }, LIMIT_REACHED, at);
  const cycles = new Map(
    uncounted.flatMap((c) => {
      const cycle = counted.get(c)?.smsCycle;
      return cycle === undefined ? [] : [[c.messageId, cycle] as const];
    }),
  );
  const release = held.filter((m) => !refused.includes(m.id));
  if (release.length === 0) return refused;
  const rows = await tx<{ accountId: string; id: string; channel: string; status: string }[]>`
    update messages m set status = case when m.scheduled_at > ${at} then 'scheduled' else 'queued' end,
      next_attempt_at = case when m.scheduled_at > ${at} then null else ${at}::timestamptz end, hold_reason = null, updated_at = ${at},
      sms_cycle = coalesce(r.cycle, m.sms_cycle)
    from unnest(${release.map((m) => m.accountId)}::text[], ${release.map((m) => m.id)}::text[], ${release.map((m) => cycles.get(m.id) ?? null)}::int[])
      as r(account_id, id, cycle)
    where m.account_id = r.account_id and m.id = r.id and m.status = 'held'
    returning m.account_id as "accountId", m.id, m.channel, m.status`;
  await emitEvents(
    tx,
    rows.map((r) => ({
      accountId: r.accountId,
      type: `message.${r.status}`,
      objectType: 'message',
      objectId: r.id,
      at,
      data: { status: r.status, channel: r.channel, connectorId: null, errorCode: null },
    })),
  );
  return [...refused, ...rows.map((r) => r.id)];
}

interface HeldRow {
  accountId: string;
  id: string;
  channel: string;
  keyMode: 'live' | 'test';
  toNumber: string;
  fromNumber: string | null;
  subjectHash: Buffer;
  purpose: string;
  smsCycle: number | null;
}

function candidateOf(m: HeldRow): Candidate {
  return {
    accountId: m.accountId,
    messageId: m.id,
    channel: 'sms',
    keyMode: m.keyMode,
    toNumber: m.toNumber,
    fromNumber: m.fromNumber,
    subjectHash: m.subjectHash,
    purpose: m.purpose,
    text: '',
    whatsAppKind: null,
    canFailOver: false,
    sendAt: null,
  };
}

/** Ends held messages as `rejected` with the given error (a reviewer's or operator's decision); counted ones give their SMS count back. */
export async function rejectHeldMessages(
  db: Db,
  filter: HeldFilter,
  error: { code: string; title: string; detail: string },
  at: Date,
): Promise<string[]> {
  const held = await db<{ accountId: string; messageId: string }[]>`
    select account_id as "accountId", id as "messageId" from messages where status = 'held' ${where(db, filter)} for update`;
  await giveBackUnsent(db, held, at);
  const rows = await db<{ accountId: string; id: string; channel: string }[]>`
    update messages set status = 'rejected', hold_reason = null, error_code = ${error.code}, error_title = ${error.title}, error_detail = ${error.detail}, updated_at = ${at}
    where status = 'held' ${where(db, filter)}
    returning account_id as "accountId", id, channel`;
  await emitEvents(
    db,
    rows.map((r) => ({
      accountId: r.accountId,
      type: 'message.rejected',
      objectType: 'message',
      objectId: r.id,
      at,
      data: { status: 'rejected', channel: r.channel, connectorId: null, errorCode: error.code },
    })),
  );
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
