// The events table feeds message history, webhooks and audit views. Domains emit events
// with the transaction that makes the change, so an event exists exactly when the change does.
import type postgres from 'postgres';
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
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
 * What a consumer of events (webhooks/) adds to the event insert: one or more CTEs,
 * `name as (...)` separated by commas, that read `inserted` (the new events' account_id, id,
 * type, object_type, object_id, created_at) and write the consumer's own tables. One of them
 * is `fanned_out`, a row per delivery it created: the notice below counts them.
 */
export type EventFanOut = (db: Db) => postgres.PendingQuery<postgres.Row[]>;

// Why a hook set at start-up rather than an import or a trigger: platform/ is the lower
// layer and must not import webhooks/; emitEvents is called from ~60 places with only a `db`,
// so a context argument would touch every caller; and a statement trigger on `events` would
// hide the fan-out from readers, and Citus (our scale-out plan) supports triggers on
// distributed tables only through per-shard workarounds. The hook keeps the fan-out inside
// the event insert: one statement per batch, in the same transaction, so no event is lost
// and none is fanned out twice.
let fanOut: EventFanOut | undefined;

/** Called once per process while it starts (main.ts, operator-commands.ts). */
export function registerEventFanOut(f: EventFanOut): void {
  if (fanOut && fanOut !== f) throw new Error('another event fan-out is already registered');
  fanOut = f;
}

function registeredFanOut(): EventFanOut {
  // Failing here beats committing events whose webhooks would silently never be sent.
  if (!fanOut) throw new Error('no event fan-out registered: call registerEventFanOut at start-up');
  return fanOut;
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
  // The fan-out's CTEs join this statement, so a committed event always has its deliveries.
  const inserted = await db<(EventRow & { fannedOut: number })[]>`
    with input as (
      select *, row_number() over (partition by account_id, object_id order by ord) as n
      from ${recordset(db, rows, { ord: 'integer', id: 'text', account_id: 'text', type: 'text', object_type: 'text', object_id: 'text', data: 'jsonb', created_at: 'timestamptz' })}
    ),
    inserted as (
      insert into events (account_id, id, type, object_type, object_id, sequence, data, created_at)
      select i.account_id, i.id, i.type, i.object_type, i.object_id,
             ${opts.newObjects ? db`0` : db`coalesce((select max(e.sequence) from events e where e.account_id = i.account_id and e.object_id = i.object_id), 0)`} + i.n,
             i.data, i.created_at
      from input i
      returning id, account_id, type, object_type, object_id, sequence, data, created_at
    ),
    ${registeredFanOut()(db)}
    select id, account_id as "accountId", type, object_type as "objectType", object_id as "objectId",
           sequence, data, created_at as "createdAt", (select count(*) from fanned_out)::int as "fannedOut"
    from inserted`;
  // Wake the dispatcher and the webhook deliverer in every process, each only for what concerns
  // it (most events create no delivery); they re-read the tables, so a missed notice loses nothing.
  const notice: EventsNotice = {
    types: [...new Set(events.map((e) => e.type))],
    deliveries: inserted[0]?.fannedOut ?? 0,
  };
  await db`select pg_notify('cx_events', ${JSON.stringify(notice)})`;
  return inserted.map(({ fannedOut: _, ...event }) => event);
}

/**
 * What emitEvents says on `cx_events` when its transaction commits. Others send a bare word
 * there ('sandbox', 'replay', 'retry'): a listener takes anything it cannot read as "look now".
 */
export interface EventsNotice {
  types: string[];
  /** Webhook deliveries the events created. */
  deliveries: number;
}

export function readEventsNotice(payload: string): EventsNotice | undefined {
  if (!payload.startsWith('{')) return undefined;
  try {
    const n = JSON.parse(payload) as Partial<EventsNotice>;
    return Array.isArray(n.types) && typeof n.deliveries === 'number'
      ? { types: n.types, deliveries: n.deliveries }
      : undefined;
  } catch {
    return undefined;
  }
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
