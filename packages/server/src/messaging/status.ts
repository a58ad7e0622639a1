// Status changes with the contract's precedence, in batches: one UPDATE for the rows that may
// move, and one event per change either way ("later receipts are events only").
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import { emitEvents } from '../platform/events.ts';
import { FINAL_STATUSES, type MessageError, type MessageStatus } from './model.ts';
import { giveBackSmsCounts } from '../billing/limits.ts';

export interface StatusChange {
  accountId: string;
  messageId: string;
  status: MessageStatus;
  channel: string;
  at: Date;
  connectorId?: string | null;
  error?: MessageError | null;
  /** Extra column updates for the applied change (e.g. clearing the lease). */
  nextAttemptAt?: Date | null;
  /** Recorded as an event only, never moving the message (a status that came after a later one). */
  eventOnly?: boolean;
}

const FINALS = [...FINAL_STATUSES];

/** A message that ends so before any submission never left: its SMS limit count comes back. */
const NEVER_LEFT = new Set<MessageStatus>(['canceled', 'expired', 'rejected']);

/** Returns the ids whose status actually changed. */
export async function applyStatusChanges(db: Db, changes: StatusChange[]): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const moving = changes.filter((c) => !c.eventOnly);
  await giveBackUnsent(
    db,
    moving.filter((c) => NEVER_LEFT.has(c.status)),
    changes[0]!.at,
  );
  const json = moving.map((c) => ({
    account_id: c.accountId,
    id: c.messageId,
    status: c.status,
    at: c.at,
    connector_id: c.connectorId ?? null,
    error_code: c.error?.code ?? null,
    error_title: c.error?.title ?? null,
    error_detail: c.error?.detail ?? null,
    next_attempt_at: c.nextAttemptAt ?? null,
    keep_error: c.error === undefined,
  }));
  const updated =
    json.length === 0
      ? []
      : await db<{ id: string }[]>`
    update messages m set
      status = c.status,
      updated_at = c.at,
      connector_id = coalesce(c.connector_id, m.connector_id),
      error_code = case when c.keep_error then m.error_code else c.error_code end,
      error_title = case when c.keep_error then m.error_title else c.error_title end,
      error_detail = case when c.keep_error then m.error_detail else c.error_detail end,
      next_attempt_at = case when c.status = 'queued' then c.next_attempt_at else null end,
      lease_until = null, leased_by = null
    from ${recordset(
      db,
      json,
      {
        account_id: 'text',
        id: 'text',
        status: 'text',
        at: 'timestamptz',
        connector_id: 'text',
        error_code: 'text',
        error_title: 'text',
        error_detail: 'text',
        next_attempt_at: 'timestamptz',
        keep_error: 'boolean',
      },
      'c',
    )}
    where m.account_id = c.account_id and m.id = c.id and m.status <> c.status
      and (m.status <> all(${FINALS}::text[]) or (m.status = 'delivered' and c.status = 'read'))
    returning m.id`;
  await emitEvents(
    db,
    changes.map((c) => ({
      accountId: c.accountId,
      type: `message.${c.status}`,
      objectType: 'message',
      objectId: c.messageId,
      at: c.at,
      data: {
        status: c.status,
        channel: c.channel,
        connectorId: c.connectorId ?? null,
        errorCode: c.error?.code ?? null,
      },
    })),
  );
  return new Set(updated.map((r) => r.id));
}

/**
 * Of these messages, those counted toward the SMS limit and still waiting (never submitted)
 * give their count back (billing/limits.ts), once: the mark is cleared with it.
 */
export async function giveBackUnsent(
  db: Db,
  ending: { accountId: string; messageId: string }[],
  at: Date,
): Promise<void> {
  if (ending.length === 0) return;
  const counted = await db<{ accountId: string; smsCycle: number }[]>`
    with unsent as (
      select m.account_id, m.id, m.sms_cycle from messages m
      join unnest(${ending.map((c) => c.accountId)}::text[], ${ending.map((c) => c.messageId)}::text[]) as e(account_id, id)
        on m.account_id = e.account_id and m.id = e.id
      where m.sms_cycle is not null and m.status in ('queued', 'scheduled', 'held')
      for update of m
    )
    update messages m set sms_cycle = null from unsent u where m.account_id = u.account_id and m.id = u.id
    returning u.account_id as "accountId", u.sms_cycle as "smsCycle"`;
  await giveBackSmsCounts(db, counted, at);
}
