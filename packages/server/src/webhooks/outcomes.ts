// What one batch of webhook attempts changes: attempt rows, the deliveries (delivered, retry
// later, or dead), and the endpoints (a 410 or five days of failures disable them and notify).
import type { Tx } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import { emitEvents } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import type { PostResult } from './sender.ts';
import { nextAttemptAt } from './schedule.ts';
import { retryAfterMs } from '../platform/retry-after.ts';

/** An endpoint failing without a single success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600_000;

export interface Outcome {
  delivery: { accountId: string; id: string; endpointId: string | null; attempts: number };
  result: PostResult;
  at: Date;
  /** No retry whatever the answer (the endpoint is gone, or the SSRF guard refused it). */
  final?: boolean;
}

type DisableReason = 'gone' | 'failing';

const secondsOf = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

export async function recordOutcomes(tx: Tx, outcomes: Outcome[]): Promise<void> {
  const ok = (o: Outcome) => o.result.statusCode !== null && o.result.statusCode >= 200 && o.result.statusCode < 300;
  await tx`
    insert into webhook_attempts (account_id, delivery_id, attempt, at, status_code, latency_ms, error, response_body)
    select * from ${recordset(
      tx,
      outcomes.map((o) => ({
        account_id: o.delivery.accountId,
        delivery_id: o.delivery.id,
        attempt: o.delivery.attempts,
        at: o.at,
        status_code: o.result.statusCode,
        latency_ms: o.result.latencyMs,
        error: o.result.error,
        response_body: o.result.body,
      })),
      {
        account_id: 'text',
        delivery_id: 'text',
        attempt: 'integer',
        at: 'timestamptz',
        status_code: 'integer',
        latency_ms: 'integer',
        error: 'text',
        response_body: 'text',
      },
    )}
    on conflict do nothing`;

  const updates = outcomes.map((o) => {
    const gone = o.result.statusCode === 410 && o.delivery.endpointId !== null;
    const next =
      ok(o) || gone || o.final
        ? null
        : nextAttemptAt(o.at, o.delivery.attempts, secondsOf(retryAfterMs(o.result.retryAfter, o.at.getTime())));
    const status = ok(o) ? 'delivered' : next ? 'pending' : 'dead';
    return {
      account_id: o.delivery.accountId,
      id: o.delivery.id,
      status,
      next_attempt_at: next,
      ended_at: status === 'pending' ? null : o.at,
      last_status_code: o.result.statusCode,
      last_error: o.result.error ?? (ok(o) ? null : `HTTP ${o.result.statusCode}`),
    };
  });
  await tx`
    update webhook_deliveries d set status = u.status, next_attempt_at = u.next_attempt_at, ended_at = u.ended_at, lease_until = null,
      last_status_code = u.last_status_code, last_error = u.last_error
    from ${recordset(
      tx,
      updates,
      {
        account_id: 'text',
        id: 'text',
        status: 'text',
        next_attempt_at: 'timestamptz',
        ended_at: 'timestamptz',
        last_status_code: 'integer',
        last_error: 'text',
      },
      'u',
    )}
    where d.account_id = u.account_id and d.id = u.id`;

  await updateEndpoints(
    tx,
    outcomes.filter((o) => o.delivery.endpointId !== null),
    ok,
  );
}

async function updateEndpoints(tx: Tx, outcomes: Outcome[], ok: (o: Outcome) => boolean): Promise<void> {
  if (outcomes.length === 0) return;
  // Per endpoint: did anything succeed in this batch, did it answer 410, when did it first fail.
  const byEndpoint = new Map<
    string,
    { accountId: string; id: string; succeeded: boolean; gone: boolean; firstFailure: Date | null; at: Date }
  >();
  for (const o of outcomes) {
    const key = `${o.delivery.accountId} ${o.delivery.endpointId}`;
    const e = byEndpoint.get(key) ?? {
      accountId: o.delivery.accountId,
      id: o.delivery.endpointId!,
      succeeded: false,
      gone: false,
      firstFailure: null,
      at: o.at,
    };
    if (ok(o)) e.succeeded = true;
    else if (!e.firstFailure || o.at < e.firstFailure) e.firstFailure = o.at;
    if (o.result.statusCode === 410) e.gone = true;
    if (o.at > e.at) e.at = o.at;
    byEndpoint.set(key, e);
  }
  const rows = await tx<{ accountId: string; id: string; url: string; failingSince: Date | null }[]>`
    update webhook_endpoints w set
      failing_since = case when u.succeeded then null else coalesce(w.failing_since, u.first_failure) end
    from ${recordset(
      tx,
      [...byEndpoint.values()].map((e) => ({
        account_id: e.accountId,
        id: e.id,
        succeeded: e.succeeded,
        first_failure: e.firstFailure,
      })),
      { account_id: 'text', id: 'text', succeeded: 'boolean', first_failure: 'timestamptz' },
      'u',
    )}
    where w.account_id = u.account_id and w.id = u.id and w.enabled
    returning w.account_id as "accountId", w.id, w.url, w.failing_since as "failingSince"`;
  for (const row of rows) {
    const e = byEndpoint.get(`${row.accountId} ${row.id}`)!;
    const reason: DisableReason | undefined = e.gone
      ? 'gone'
      : row.failingSince && e.at.getTime() - row.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS
        ? 'failing'
        : undefined;
    if (reason) await disableEndpoint(tx, row, reason, e.at);
  }
}

async function disableEndpoint(
  tx: Tx,
  endpoint: { accountId: string; id: string; url: string },
  reason: DisableReason,
  at: Date,
): Promise<void> {
  await tx`update webhook_endpoints set enabled = false, disabled_reason = ${reason}, updated_at = ${at}
           where account_id = ${endpoint.accountId} and id = ${endpoint.id}`;
  await emitEvents(tx, [
    {
      accountId: endpoint.accountId,
      type: 'webhook_endpoint.disabled',
      objectType: 'webhook_endpoint',
      objectId: endpoint.id,
      at,
      data: { url: endpoint.url, enabled: false, disabledReason: reason },
    },
  ]);
  const why =
    reason === 'gone'
      ? 'it answered 410 Gone, which means it no longer wants webhooks'
      : 'every delivery to it has failed for five days';
  for (const email of await accountNotificationEmails(tx, endpoint.accountId)) {
    await enqueueEmail(tx, {
      accountId: endpoint.accountId,
      to: email,
      at,
      subject: 'A webhook endpoint was disabled',
      text:
        `The webhook endpoint ${endpoint.id} (${endpoint.url}) was disabled because ${why}.\n\n` +
        'Events are no longer sent to it. Fix the receiver, then enable it again (PATCH /v1/webhook-endpoints/' +
        `${endpoint.id} with {"enabled": true}) and replay what it missed (POST /v1/webhook-endpoints/${endpoint.id}/replay).\n`,
    });
  }
}
