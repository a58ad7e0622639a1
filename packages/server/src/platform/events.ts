// The events table feeds message history, webhooks and audit views. Domains emit events
// with the transaction that makes the change, so an event exists exactly when the change does.
import type { Db } from '../db/pool.ts';
import { newId } from './ids.ts';

export interface NewEvent {
  accountId: string;
  type: string;
  objectType: string;
  objectId: string;
  /** Snapshot fields that are safe to store: never message bodies or other content. */
  data?: Record<string, unknown>;
  at: Date;
}

export interface EventRow {
  id: string;
  accountId: string;
  type: string;
  objectType: string;
  objectId: string;
  sequence: number;
  data: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Emits several events in one statement; each gets the next sequence of its object.
 * `newObjects`: the objects were created in this transaction, so no earlier events exist and
 * the sequence lookup is skipped (the accept path's hot statement).
 */
export async function emitEvents(db: Db, events: NewEvent[], opts: { newObjects?: boolean } = {}): Promise<EventRow[]> {
  if (events.length === 0) return [];
  const rows = events.map((e, ord) => ({
    ord,
    id: newId('evt', e.at),
    account_id: e.accountId,
    type: e.type,
    object_type: e.objectType,
    object_id: e.objectId,
    data: e.data ?? {},
    created_at: e.at,
  }));
  // The sequence is derived from the object's existing events plus the position within this
  // batch; callers hold the object's row lock, so two writers never race on one object.
  // The same statement creates the webhook deliveries (webhooks/): one per matching enabled
  // endpoint and one per message callbackUrl, so a committed event always has its deliveries.
  // Delivery ids keep the event's time part (sortable) with 64 random bits.
  const inserted = await db<EventRow[]>`
    with input as (
      select *, row_number() over (partition by account_id, object_id order by ord) as n
      from jsonb_to_recordset(${db.json(rows as never)}::jsonb)
        as t(ord integer, id text, account_id text, type text, object_type text, object_id text, data jsonb, created_at timestamptz)
    ),
    inserted as (
      insert into events (account_id, id, type, object_type, object_id, sequence, data, created_at)
      select i.account_id, i.id, i.type, i.object_type, i.object_id,
             ${opts.newObjects ? db`0` : db`coalesce((select max(e.sequence) from events e where e.account_id = i.account_id and e.object_id = i.object_id), 0)`} + i.n,
             i.data, i.created_at
      from input i
      returning id, account_id, type, object_type, object_id, sequence, data, created_at
    ),
    targets as (
      select e.account_id, e.id as event_id, e.type, e.created_at, w.id as endpoint_id, null::text as url
      from inserted e join webhook_endpoints w
        on w.account_id = e.account_id and w.enabled and (e.type = any(w.events) or '*' = any(w.events))
      union all
      select e.account_id, e.id, e.type, e.created_at, null, m.callback_url
      from inserted e join messages m
        on e.object_type = 'message' and m.account_id = e.account_id and m.id = e.object_id and m.callback_url is not null
    ),
    deliveries as (
      insert into webhook_deliveries (account_id, id, endpoint_id, url, event_id, event_type, next_attempt_at, created_at)
      select account_id, 'del_' || substr(event_id, 5, 10) || substr(md5(gen_random_uuid()::text), 1, 16),
             endpoint_id, url, event_id, type, created_at, created_at
      from targets
    )
    select id, account_id as "accountId", type, object_type as "objectType", object_id as "objectId",
           sequence, data, created_at as "createdAt"
    from inserted`;
  // Wake webhook and realtime workers in every process; they re-read the table, so a missed notify loses nothing.
  await db`select pg_notify('cx_events', ${String(inserted.length)})`;
  return inserted;
}

export async function emitEvent(db: Db, event: NewEvent): Promise<EventRow> {
  const [row] = await emitEvents(db, [event]);
  return row!;
}

export async function listObjectEvents(db: Db, accountId: string, objectId: string): Promise<EventRow[]> {
  return db<EventRow[]>`
    select id, account_id as "accountId", type, object_type as "objectType", object_id as "objectId",
           sequence, data, created_at as "createdAt"
    from events where account_id = ${accountId} and object_id = ${objectId} order by sequence`;
}
