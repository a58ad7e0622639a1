// Delivers webhooks: every worker process claims due deliveries in batches (SKIP LOCKED and a
// lease, so a crashed process's deliveries are retried by another), keeps many requests in
// flight, and writes the outcomes in batches. Woken by NOTIFY on new events; polls as backup.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { recordset } from '../db/recordset.ts';
import { buildPayloads, type EventRef } from './payload.ts';
import { signatureHeader } from './signature.ts';
import { createWebhookSender, ATTEMPT_TIMEOUT_MS, type PostResult, type WebhookSender } from './sender.ts';
import { accountSigningSecrets } from './account-secret.ts';
import { targetPolicy } from './ssrf.ts';
import { recordOutcomes, type Outcome } from './outcomes.ts';
import { readEventsNotice } from '../platform/events.ts';

/** Long enough for one attempt (10 s) and the write of its outcome. */
const LEASE_MS = ATTEMPT_TIMEOUT_MS + 20_000;

export interface DelivererOptions {
  /** Requests in flight at most in this process (default 256). */
  concurrency?: number;
  /** Polling period when no NOTIFY arrives, e.g. for retries falling due (default 1000 ms). */
  pollMs?: number;
}

export interface WebhookDeliverer {
  stop(): Promise<void>;
}

interface Claimed extends EventRef {
  id: string;
  endpointId: string | null;
  url: string | null;
  attempts: number;
}

interface Target {
  url: string;
  /** Opened once per batch and target, not per delivery. */
  secrets: string[];
}

export function startWebhookDeliverer(ctx: Context, opts: DelivererOptions = {}): WebhookDeliverer {
  const concurrency = opts.concurrency ?? 256;
  const sender: WebhookSender = createWebhookSender({ policy: targetPolicy(ctx.config.webhookAllowPrivate) });
  const inFlight = new Set<Promise<void>>();
  const pending: Outcome[] = [];
  let stopped = false;
  let pumping = false;
  let again = false;
  let flushing: Promise<void> | undefined;

  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped && inFlight.size < concurrency) {
          const batch = await claim(ctx, Math.min(500, concurrency - inFlight.size));
          if (batch.length === 0) break;
          await start(batch);
        }
      } while (again && !stopped);
    } catch (err) {
      ctx.log.error({ err }, 'webhook claim failed; retrying on the next poll');
    } finally {
      pumping = false;
    }
  }

  async function start(batch: Claimed[]): Promise<void> {
    let payloads: Map<string, string>;
    let targets: Map<string, Target>;
    try {
      [payloads, targets] = await Promise.all([buildPayloads(ctx, batch), resolveTargets(ctx, batch)]);
    } catch (err) {
      // Claimed but not sendable now: count it as a failed attempt, so it is retried on schedule
      // instead of waiting for its lease to run out.
      ctx.log.error({ err, deliveries: batch.length }, 'could not prepare webhook deliveries');
      const at = ctx.clock.now();
      pending.push(
        ...batch.map((d) => ({
          delivery: d,
          at,
          result: {
            statusCode: null,
            retryAfter: undefined,
            body: null,
            error: 'internal error preparing the delivery',
            latencyMs: 0,
          },
        })),
      );
      scheduleFlush();
      return;
    }
    for (const d of batch) {
      const target = targets.get(d.id);
      const body = payloads.get(d.eventId)!;
      const p = (target ? attempt(d, target, body) : Promise.resolve(gone(d)))
        .then((o) => {
          pending.push(o);
          scheduleFlush();
        })
        .finally(() => {
          inFlight.delete(p);
          if (!stopped) void pump();
        });
      inFlight.add(p);
    }
  }

  async function attempt(d: Claimed, target: Target, body: string): Promise<Outcome> {
    const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'CX-Engage-Webhooks/1',
      'webhook-id': d.eventId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(target.secrets, d.eventId, timestamp, body),
    };
    const result: PostResult = await sender.post(target.url, headers, body);
    // A target the SSRF guard refuses stays refused: the delivery is dead now, not in 27 hours.
    return { delivery: d, result, at: ctx.clock.now(), final: result.refused === true };
  }

  function gone(d: Claimed): Outcome {
    return {
      delivery: d,
      at: ctx.clock.now(),
      result: { statusCode: null, retryAfter: undefined, body: null, error: 'endpoint deleted', latencyMs: 0 },
      final: true,
    };
  }

  // Outcomes are written together: one transaction per ~20 ms of finished requests.
  function scheduleFlush(): void {
    if (flushing) return;
    flushing = (async () => {
      await new Promise((r) => setTimeout(r, 20));
      while (pending.length) {
        const batch = pending.splice(0, 1000);
        try {
          await withTransaction(ctx.sql, (tx) => recordOutcomes(tx, batch));
        } catch (err) {
          // The leases expire and the deliveries are tried again: nothing is lost, at worst sent twice.
          ctx.log.error({ err, deliveries: batch.length }, 'could not record webhook outcomes');
        }
      }
      flushing = undefined;
    })();
  }

  const listening = ctx.sql
    .listen('cx_events', (payload) => {
      const notice = readEventsNotice(payload);
      if (!notice || notice.deliveries > 0) void pump();
    })
    .catch((err: unknown) => {
      ctx.log.warn({ err }, 'LISTEN cx_events failed; webhooks rely on polling');
      return undefined;
    });
  const timer = setInterval(() => void pump(), opts.pollMs ?? 1000);
  void pump();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await (await listening)?.unlisten().catch(() => undefined);
      await Promise.allSettled([...inFlight]);
      while (flushing) await flushing;
      await sender.close();
    },
  };
}

async function claim(ctx: Context, limit: number): Promise<Claimed[]> {
  const now = ctx.clock.now();
  return ctx.sql<Claimed[]>`
    with due as (
      select d.account_id, d.id from webhook_deliveries d
      left join webhook_endpoints w on w.account_id = d.account_id and w.id = d.endpoint_id
      where d.status = 'pending' and d.next_attempt_at <= ${now} and (d.lease_until is null or d.lease_until < ${now})
        and (d.endpoint_id is null or w.enabled is not false)
      order by d.next_attempt_at limit ${limit}
      for update of d skip locked
    )
    update webhook_deliveries d set lease_until = ${new Date(now.getTime() + LEASE_MS)}, attempts = d.attempts + 1
    from due, events e
    where d.account_id = due.account_id and d.id = due.id and e.account_id = d.account_id and e.id = d.event_id
    returning d.account_id as "accountId", d.id, d.endpoint_id as "endpointId", d.url, d.attempts, d.event_id as "eventId",
              d.event_type as "eventType", e.object_type as "objectType", e.object_id as "objectId", e.sequence, e.data,
              e.created_at as "eventAt"`;
}

/** Where each delivery goes and which secrets sign it; missing = its endpoint was deleted. */
async function resolveTargets(ctx: Context, batch: Claimed[]): Promise<Map<string, Target>> {
  const now = ctx.clock.now();
  const endpointKeys = [...new Set(batch.filter((d) => d.endpointId).map((d) => `${d.accountId} ${d.endpointId}`))];
  const open = (accountId: string, sealed: Buffer[]) =>
    Promise.all(sealed.map(async (s) => (await ctx.keyring.decrypt(accountId, s)).toString('utf8')));
  const endpoints = new Map<string, Target>();
  if (endpointKeys.length) {
    const rows = await ctx.sql<
      {
        accountId: string;
        id: string;
        url: string;
        secret: Buffer;
        previousSecret: Buffer | null;
        previousSecretExpiresAt: Date | null;
      }[]
    >`
      select w.account_id as "accountId", w.id, w.url, w.secret, w.previous_secret as "previousSecret", w.previous_secret_expires_at as "previousSecretExpiresAt"
      from webhook_endpoints w
      join ${recordset(
        ctx.sql,
        endpointKeys.map((k) => ({ account_id: k.split(' ')[0], id: k.split(' ')[1] })),
        { account_id: 'text', id: 'text' },
        'k',
      )}
        on w.account_id = k.account_id and w.id = k.id`;
    for (const r of rows) {
      const overlap = r.previousSecret && r.previousSecretExpiresAt && r.previousSecretExpiresAt > now;
      endpoints.set(`${r.accountId} ${r.id}`, {
        url: r.url,
        secrets: await open(r.accountId, overlap ? [r.secret, r.previousSecret!] : [r.secret]),
      });
    }
  }
  const accounts = [...new Set(batch.filter((d) => !d.endpointId).map((d) => d.accountId))];
  const accountSecrets = new Map(
    await Promise.all(accounts.map(async (a) => [a, await open(a, await accountSigningSecrets(ctx, a))] as const)),
  );
  const out = new Map<string, Target>();
  for (const d of batch) {
    if (d.endpointId) {
      const t = endpoints.get(`${d.accountId} ${d.endpointId}`);
      if (t) out.set(d.id, t);
    } else {
      out.set(d.id, { url: d.url!, secrets: accountSecrets.get(d.accountId)! });
    }
  }
  return out;
}
