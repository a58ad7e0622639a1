// Binds leased to worker processes: every worker dispatches, each over the binds it holds, so a
// second worker adds capacity instead of standing by. Each worker beats its heart in `workers`
// every few seconds; the binds of every connector are split evenly over the live ones (bind i of
// a connector goes to the live worker at (offset + i) mod n, the offset taken from the
// connector's id so one-bind connectors spread too). A bind changes hands only once its holder
// gives it up (after unbinding) or its lease runs out, so no bind is ever held twice: operators
// cap the binds of an account. A worker that dies loses its binds to the others within a lease.
import crypto from 'node:crypto';
import type { Db } from '../db/pool.ts';

/** How long a bind (and a worker's heartbeat) lasts without renewal. */
export const BIND_LEASE_MS = 10_000;
/** How often a worker renews its heartbeat and leases and looks at the split again. */
export const BIND_SYNC_MS = 2_000;
/**
 * A pseudo-connector with one "bind": the worker holding it sends WhatsApp, since each sender
 * number's pace (80 messages/s) is kept in that process's memory.
 */
export const WHATSAPP_SENDER = 'whatsapp';

/** Bind indexes by connector id. */
export type Binds = Map<string, number[]>;

export interface LeaseView {
  /** The binds this worker holds. */
  held: Binds;
  /**
   * Connectors with binds held by other live workers, and whether one of those may take a message:
   * bound, binding, or not reported yet (a new holder reports within a sync). Only a holder that
   * reports its binds down is passed over.
   */
  elsewhere: Map<string, { usable: boolean }>;
}

/** Renews this worker's heartbeat; returns the live workers (this one among them), sorted. */
export async function heartbeat(db: Db, worker: string, startedAt: Date, now: Date): Promise<string[]> {
  const dead = new Date(now.getTime() - BIND_LEASE_MS);
  const rows = await db<{ id: string }[]>`
    with beat as (
      insert into workers (id, started_at, seen_at) values (${worker}, ${startedAt}, ${now})
      on conflict (id) do update set seen_at = excluded.seen_at
    ), gone as (
      delete from workers where seen_at < ${dead} and id <> ${worker} returning id
    ), statuses as (
      delete from connector_status s using gone g where s.worker = g.id
    )
    select id from workers where seen_at >= ${dead} and id <> ${worker}`;
  return [...rows.map((r) => r.id), worker].sort();
}

/** The workers whose heartbeat is recent enough. */
export async function liveWorkers(db: Db, now: Date): Promise<string[]> {
  const rows = await db<
    { id: string }[]
  >`select id from workers where seen_at >= ${new Date(now.getTime() - BIND_LEASE_MS)} order by id`;
  return rows.map((r) => r.id);
}

/** The binds the even split gives `me`, for connectors with so many binds each. */
export function plannedBinds(connectors: { id: string; binds: number }[], workers: string[], me: string): Binds {
  const mine: Binds = new Map();
  const position = workers.indexOf(me);
  if (position < 0) return mine;
  for (const c of connectors) {
    const offset = crypto.createHash('sha256').update(c.id).digest().readUInt32BE(0) % workers.length;
    const indexes = Array.from({ length: c.binds }, (_, i) => i).filter(
      (i) => (offset + i) % workers.length === position,
    );
    if (indexes.length) mine.set(c.id, indexes);
  }
  return mine;
}

/**
 * Takes or renews the wanted binds that are free, expired or ours already; returns those held
 * now (a bind held by another live worker stays with it until it gives it up) and what the
 * other workers hold.
 */
export async function syncLeases(db: Db, worker: string, wanted: Binds, now: Date): Promise<LeaseView> {
  const until = new Date(now.getTime() + BIND_LEASE_MS);
  const flat = asColumns(wanted);
  const taken =
    flat.connectors.length === 0
      ? []
      : await db<{ connectorId: string; index: number }[]>`
    insert into bind_leases (connector_id, bind_index, worker, lease_until)
    select c, i, ${worker}, ${until} from unnest(${flat.connectors}::text[], ${flat.indexes}::int[]) as w(c, i)
    on conflict (connector_id, bind_index) do update set worker = excluded.worker, lease_until = excluded.lease_until
      where bind_leases.worker = excluded.worker or bind_leases.lease_until < ${now}
    returning connector_id as "connectorId", bind_index as index`;
  const others = await db<{ connectorId: string; usable: boolean }[]>`
    select l.connector_id as "connectorId", bool_or(l.connector_id = ${WHATSAPP_SENDER} or s.state is null or s.state in ('bound', 'connecting')) as usable
    from bind_leases l left join connector_status s on s.connector_id = l.connector_id and s.worker = l.worker
    where l.worker <> ${worker} and l.lease_until >= ${now}
    group by l.connector_id`;
  const held: Binds = new Map();
  for (const b of taken)
    held.set(
      b.connectorId,
      [...(held.get(b.connectorId) ?? []), b.index].sort((x, y) => x - y),
    );
  return { held, elsewhere: new Map(others.map((o) => [o.connectorId, { usable: o.usable }])) };
}

/** Gives binds up (once they are unbound), so the workers they are planned for can take them. */
export async function releaseBinds(db: Db, worker: string, binds: Binds): Promise<void> {
  const flat = asColumns(binds);
  if (flat.connectors.length === 0) return;
  await db`
    delete from bind_leases l using unnest(${flat.connectors}::text[], ${flat.indexes}::int[]) as r(c, i)
    where l.connector_id = r.c and l.bind_index = r.i and l.worker = ${worker}`;
}

/** On shutdown: everything this worker holds goes, and its heartbeat with it. */
export async function leaveWorkers(db: Db, worker: string): Promise<void> {
  await db`delete from bind_leases where worker = ${worker}`;
  await db`delete from connector_status where worker = ${worker}`;
  await db`delete from workers where id = ${worker}`;
}

/** One (connector, bind index) pair per row, as two arrays for `unnest`. */
function asColumns(binds: Binds): { connectors: string[]; indexes: number[] } {
  const pairs = [...binds].flatMap(([id, indexes]) => indexes.map((index) => [id, index] as const));
  return { connectors: pairs.map(([id]) => id), indexes: pairs.map(([, index]) => index) };
}

/** The binds in `a` or `b`. */
export function mergeBinds(a: Binds, b: Binds): Binds {
  const out: Binds = new Map(a);
  for (const [id, indexes] of b)
    out.set(
      id,
      [...new Set([...(out.get(id) ?? []), ...indexes])].sort((x, y) => x - y),
    );
  return out;
}

/** The binds in `a` that are not in `b`. */
export function bindsMissing(a: Binds, b: Binds): Binds {
  const out: Binds = new Map();
  for (const [id, indexes] of a) {
    const left = indexes.filter((i) => !(b.get(id) ?? []).includes(i));
    if (left.length) out.set(id, left);
  }
  return out;
}
