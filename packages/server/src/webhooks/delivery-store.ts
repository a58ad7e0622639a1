// Reading webhook deliveries and their attempts, and sending one again.
import type { PendingQuery, Row } from 'postgres';
import type { Db } from '../db/pool.ts';
import type { KeyMode } from '../auth/api-key-format.ts';

export interface DeliveryRow {
  accountId: string;
  id: string;
  endpointId: string | null;
  url: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  endedAt: Date | null;
}

export interface AttemptRow {
  deliveryId: string;
  attempt: number;
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseBody: string | null;
}

export interface DeliveryFilter {
  /** 'test' (a test key): only deliveries to test-mode endpoints, no callbackUrl ones. */
  mode?: KeyMode | undefined;
  endpointId?: string | undefined;
  eventType?: string | undefined;
  status?: string | undefined;
  after: string | undefined;
  limit: number;
}

// The deliveries a test key may see are those of its test endpoints (`w` is the endpoint joined).
const ofMode = (db: Db, mode: KeyMode | undefined) => (mode ? db`and w.mode = ${mode}` : db``);

const columns = (db: Db) => db`
  d.account_id as "accountId", d.id, d.endpoint_id as "endpointId", coalesce(d.url, w.url, '') as url, d.event_id as "eventId",
  d.event_type as "eventType", d.status, d.attempts, case when d.status = 'pending' then d.next_attempt_at end as "nextAttemptAt",
  d.last_status_code as "lastStatusCode", d.last_error as "lastError", d.created_at as "createdAt", d.ended_at as "endedAt"`;

export async function listDeliveries(db: Db, accountId: string, f: DeliveryFilter): Promise<DeliveryRow[]> {
  return db<DeliveryRow[]>`
    select ${columns(db)} from webhook_deliveries d
    left join webhook_endpoints w on w.account_id = d.account_id and w.id = d.endpoint_id
    where d.account_id = ${accountId} ${ofMode(db, f.mode)}
      ${f.endpointId ? db`and d.endpoint_id = ${f.endpointId}` : db``}
      ${f.eventType ? db`and d.event_type = ${f.eventType}` : db``}
      ${f.status ? db`and d.status = ${f.status}` : db``}
      ${f.after ? db`and d.id < ${f.after}` : db``}
    order by d.id desc limit ${f.limit}`;
}

export async function getDelivery(
  db: Db,
  accountId: string,
  id: string,
  mode?: KeyMode,
): Promise<DeliveryRow | undefined> {
  const [row] = await db<DeliveryRow[]>`
    select ${columns(db)} from webhook_deliveries d
    left join webhook_endpoints w on w.account_id = d.account_id and w.id = d.endpoint_id
    where d.account_id = ${accountId} and d.id = ${id} ${ofMode(db, mode)}`;
  return row;
}

export async function attemptsOf(db: Db, accountId: string, deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
  const out = new Map<string, AttemptRow[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return out;
  const rows = await db<AttemptRow[]>`
    select delivery_id as "deliveryId", attempt, at, status_code as "statusCode", latency_ms as "latencyMs", error, response_body as "responseBody"
    from webhook_attempts where account_id = ${accountId} and delivery_id = any(${deliveryIds}) order by delivery_id, attempt`;
  for (const r of rows) out.get(r.deliveryId)?.push(r);
  return out;
}

/** Due now, same delivery id and webhook-id; returns false when there is no such delivery. */
export async function retryDelivery(db: Db, accountId: string, id: string, at: Date, mode?: KeyMode): Promise<boolean> {
  const rows = await db`
    update webhook_deliveries set status = 'pending', next_attempt_at = ${at}, ended_at = null, lease_until = null
    where account_id = ${accountId} and id = ${id}
      ${mode ? db`and endpoint_id in (select id from webhook_endpoints where account_id = ${accountId} and mode = ${mode})` : db``}
    returning 1`;
  return rows.length > 0;
}

/** Finished deliveries are kept this long (for the deliveries API), then deleted with their attempts. */
export const DELIVERY_RETENTION_DAYS = 30;

export async function sweepEndedDeliveries(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 24 * 3600_000);
  const rows = await deleteDeliveries(
    db,
    db`
    delete from webhook_deliveries doomed where ctid in (
      select ctid from webhook_deliveries where status <> 'pending' and ended_at < ${cutoff} limit 10000)`,
  );
  return rows.length;
}

/**
 * Runs `deletion` (a `delete from webhook_deliveries doomed …`, that alias, without `returning`) and deletes the
 * deleted deliveries' attempts in the same statement: no foreign key cascades them (migration
 * 0029 dropped it from the hot path). Returns the deleted deliveries' ids.
 */
export function deleteDeliveries(db: Db, deletion: PendingQuery<Row[]>): PendingQuery<{ id: string }[]> {
  return db<{ id: string }[]>`
    with gone as (${deletion} returning doomed.account_id, doomed.id),
    attempts as (delete from webhook_attempts a using gone g where a.account_id = g.account_id and a.delivery_id = g.id)
    select id from gone`;
}
