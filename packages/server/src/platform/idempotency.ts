// Idempotency-Key on every creating POST (routes marked `creates` in the permission table).
// Same key + same request → the first response again; a different request → 422; the same key
// while the first request is still running → 409. Keys are kept for 24 hours.
import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import { P, Problem } from '../http/problem.ts';
import { principalOf } from '../http/principal.ts';
import { canonicalJson } from './audit/log.ts';

/** A request whose process died holds its key at most this long before a retry may take over. */
const IN_FLIGHT_TAKEOVER_MS = 60_000;
export const IDEMPOTENCY_RETENTION_HOURS = 24;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

interface StoredKey {
  requestHash: Buffer;
  responseStatus: number | null;
  responseBody: unknown;
  createdAt: Date;
}

export const idempotencyPlugin = fp(async function idempotencyPlugin(app: FastifyInstance, opts: { ctx: Context }) {
  const { sql, clock } = opts.ctx;
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (key === undefined || !request.routeOptions.config.permission?.creates) return;
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      throw new Problem(P['bad-request'], 'Idempotency-Key must be 1 to 255 characters', [
        { pointer: '/headers/idempotency-key', detail: 'is invalid' },
      ]);
    }
    const accountId = principalOf(request).accountId;
    const hash = requestHash(request);
    const now = clock.now();
    const inserted = await sql`
      insert into idempotency_keys (account_id, key, method, path, request_hash, created_at)
      values (${accountId}, ${key}, ${request.method}, ${request.url}, ${hash}, ${now})
      on conflict (account_id, key) do nothing returning key`;
    if (inserted.length === 1) {
      request.idempotencyKey = key;
      return;
    }
    const [stored] = await sql<StoredKey[]>`
      select request_hash as "requestHash", response_status as "responseStatus", response_body as "responseBody", created_at as "createdAt"
      from idempotency_keys where account_id = ${accountId} and key = ${key}`;
    if (!stored) throw new Problem(P['idempotency-in-flight'], 'retry in a moment');
    const running = stored.responseStatus === null;
    if (running && now.getTime() - stored.createdAt.getTime() < IN_FLIGHT_TAKEOVER_MS) {
      throw new Problem(
        P['idempotency-in-flight'],
        'the first request with this Idempotency-Key is still running; retry in a moment',
      );
    }
    if (!stored.requestHash.equals(hash)) {
      throw new Problem(
        P['idempotency-key-reused'],
        'this Idempotency-Key was first used with a different method, path or body',
      );
    }
    if (stored.responseStatus === null) {
      // Its process died mid-request: this retry takes the key over (only one retry can).
      if (!(await takeOver(accountId, key, stored.createdAt, now))) {
        throw new Problem(
          P['idempotency-in-flight'],
          'another retry with this Idempotency-Key is running; retry in a moment',
        );
      }
      request.idempotencyKey = key;
      return;
    }
    reply.header('idempotent-replayed', 'true');
    const type = stored.responseStatus >= 400 ? 'application/problem+json' : 'application/json';
    return reply.code(stored.responseStatus).type(type).send(stored.responseBody);
  });

  // The first response is stored before it is sent, so a replay always finds it (unless the
  // handler stored it already, with what it created: answeredInTransaction).
  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    request.idempotencyKey = null;
    const accountId = principalOf(request).accountId;
    const status = reply.statusCode;
    // Errors that a retry may cure (conflicts, limits, outages) are not remembered.
    if (status >= 500 || status === 409 || status === 429 || typeof payload !== 'string') {
      await sql`delete from idempotency_keys where account_id = ${accountId} and key = ${key}`;
      return payload;
    }
    await sql`
      update idempotency_keys set response_status = ${status}, response_body = ${payload}::jsonb, completed_at = ${clock.now()}
      where account_id = ${accountId} and key = ${key}`;
    return payload;
  });

  async function takeOver(accountId: string, key: string, createdAt: Date, now: Date): Promise<boolean> {
    const rows = await sql`
      update idempotency_keys set created_at = ${now}
      where account_id = ${accountId} and key = ${key} and response_status is null and created_at = ${createdAt}
      returning key`;
    return rows.length === 1;
  }
});

/** A request's answer, stored in the transaction that commits what it created (storeAnswers). */
export interface StoredAnswer {
  accountId: string;
  key: string;
  answer: { status: number; body: unknown };
}

/**
 * Stores answers inside the caller's transaction. A handler that creates something durable and
 * answers at once (the messages API) calls it in its commit, then answeredInTransaction: a crash
 * between the commit and the answer then leaves a retry this answer, never a second copy.
 */
export async function storeAnswers(tx: Tx, answers: StoredAnswer[], at: Date): Promise<void> {
  if (answers.length === 0) return;
  await tx`
    update idempotency_keys k set response_status = a.status, response_body = a.body, completed_at = ${at}
    from ${recordset(
      tx,
      answers.map((a) => ({ account_id: a.accountId, key: a.key, status: a.answer.status, body: a.answer.body })),
      { account_id: 'text', key: 'text', status: 'integer', body: 'jsonb' },
      'a',
    )}
    where k.account_id = a.account_id and k.key = a.key`;
}

/** The handler stored this request's answer itself (storeAnswers): onSend leaves the key alone. */
export function answeredInTransaction(request: FastifyRequest): void {
  request.idempotencyKey = null;
}

function requestHash(request: FastifyRequest): Buffer {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest();
}

/** Sweep: forget keys older than the retention period. */
export async function sweepIdempotencyKeys(ctx: Context): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - IDEMPOTENCY_RETENTION_HOURS * 3600_000);
  const rows = await ctx.sql`delete from idempotency_keys where created_at < ${cutoff} returning key`;
  return rows.length;
}
