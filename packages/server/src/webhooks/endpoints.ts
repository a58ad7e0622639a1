// Webhook endpoints: create, change, rotate the secret, delete, replay. Every change is audited.
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import type { Actor } from '../accounts/service.ts';
import type { KeyMode } from '../auth/api-key-format.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { newId } from '../platform/ids.ts';
import {
  deleteEndpoint,
  getEndpoint,
  insertEndpoint,
  updateEndpoint,
  type EndpointChange,
  type EndpointRow,
} from './endpoint-store.ts';
import { eventModeJoins, eventModeOf } from './fan-out.ts';
import { unknownEventType } from './event-types.ts';
import { newWebhookSecret } from './signature.ts';
import { urlRefusal } from './ssrf.ts';

/** After a rotation the old secret keeps signing this long, so receivers can switch over. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;
/** A replay covers at most this span, so one call cannot queue years of events. */
const MAX_REPLAY_MS = 31 * 24 * 3600_000;

/**
 * Whose endpoints a caller manages: the account's, all of them (`mode` unset: a live key or a
 * portal session), or only its test-mode ones (a test key; objectModeOf in http/principal.ts).
 * Another mode's endpoint is not found (404), like another account's.
 */
export interface EndpointOwner {
  accountId: string;
  mode: KeyMode | undefined;
}

export interface EndpointInput {
  url?: string | undefined;
  events?: string[] | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
}

async function checkInput(ctx: Context, input: EndpointInput): Promise<void> {
  if (input.url !== undefined) {
    const refusal = await urlRefusal(input.url, ctx.config.webhookAllowPrivate);
    if (refusal) throw Problem.field('/url', refusal);
  }
  if (input.events !== undefined) {
    const bad = unknownEventType(input.events);
    if (bad >= 0) throw Problem.field(`/events/${bad}`, `unknown event type (a list of types, or ["*"] for all)`);
  }
}

/** A test key's endpoint is a test endpoint; a live key's (or a session's) a live one. */
export async function createEndpoint(
  ctx: Context,
  actor: Actor,
  owner: EndpointOwner,
  input: EndpointInput & { url: string },
): Promise<{ row: EndpointRow; secret: string }> {
  await checkInput(ctx, input);
  const { accountId } = owner;
  const at = ctx.clock.now();
  const secret = newWebhookSecret();
  const sealed = await ctx.keyring.encrypt(accountId, secret);
  const row = await withTransaction(ctx.sql, async (tx) => {
    const created = await insertEndpoint(tx, {
      accountId,
      id: newId('whk', at),
      url: input.url,
      mode: owner.mode ?? 'live',
      events: input.events ?? ['*'],
      description: input.description ?? null,
      enabled: input.enabled ?? true,
      secret: sealed,
      createdAt: at,
      updatedAt: at,
    });
    await audit(tx, actor, created, 'webhook_endpoint.created', at);
    return created;
  });
  return { row, secret };
}

export async function changeEndpoint(
  ctx: Context,
  actor: Actor,
  owner: EndpointOwner,
  id: string,
  input: EndpointInput,
): Promise<EndpointRow> {
  await checkInput(ctx, input);
  const { accountId } = owner;
  return mutate(ctx, owner, id, async (tx, current, at) => {
    const change: EndpointChange = { url: input.url, events: input.events, description: input.description };
    if (input.enabled === true && !current.enabled)
      Object.assign(change, { enabled: true, disabledReason: null, failingSince: null });
    if (input.enabled === false && current.enabled) Object.assign(change, { enabled: false, disabledReason: 'manual' });
    const row = await updateEndpoint(tx, accountId, id, change, at);
    await audit(tx, actor, row, 'webhook_endpoint.updated', at);
    return row;
  });
}

export async function rotateEndpointSecret(
  ctx: Context,
  actor: Actor,
  owner: EndpointOwner,
  id: string,
): Promise<{ row: EndpointRow; secret: string }> {
  const { accountId } = owner;
  const secret = newWebhookSecret();
  const sealed = await ctx.keyring.encrypt(accountId, secret);
  const row = await mutate(ctx, owner, id, async (tx, current, at) => {
    const rotated = await updateEndpoint(
      tx,
      accountId,
      id,
      {
        secret: sealed,
        previousSecret: current.secret,
        previousSecretExpiresAt: new Date(at.getTime() + ROTATION_OVERLAP_MS),
      },
      at,
    );
    await audit(tx, actor, rotated, 'webhook_endpoint.secret_rotated', at);
    return rotated;
  });
  return { row, secret };
}

export async function removeEndpoint(ctx: Context, actor: Actor, owner: EndpointOwner, id: string): Promise<void> {
  const { accountId } = owner;
  await mutate(ctx, owner, id, async (tx, current, at) => {
    // Its pending deliveries have nowhere to go any more.
    await tx`update webhook_deliveries set status = 'dead', last_error = 'endpoint deleted', ended_at = ${at}, lease_until = null
             where account_id = ${accountId} and endpoint_id = ${id} and status = 'pending'`;
    await deleteEndpoint(tx, accountId, id);
    await audit(tx, actor, current, 'webhook_endpoint.deleted', at);
    return current;
  });
}

/**
 * New deliveries for the endpoint's events in [from, to), delivered or not; returns how many.
 * Only the events of its mode, as the fan-out sent them: a test endpoint never gets a live event.
 */
export async function replayEndpoint(
  ctx: Context,
  actor: Actor,
  owner: EndpointOwner,
  id: string,
  from: Date,
  to: Date,
): Promise<number> {
  const { accountId } = owner;
  if (!(from < to)) throw Problem.field('/to', 'must be after from');
  if (to.getTime() - from.getTime() > MAX_REPLAY_MS) throw Problem.field('/from', 'a replay covers at most 31 days');
  let count = 0;
  await mutate(ctx, owner, id, async (tx, current, at) => {
    const rows = await tx`
      insert into webhook_deliveries (account_id, id, endpoint_id, event_id, event_type, next_attempt_at, created_at)
      select e.account_id, 'del_' || substr(e.id, 5, 10) || substr(md5(gen_random_uuid()::text), 1, 16), ${id}, e.id, e.type, ${at}, ${at}
      from events e ${eventModeJoins(tx)}
      where e.account_id = ${accountId} and e.created_at >= ${from} and e.created_at < ${to}
        and (${current.events.includes('*')} or e.type = any(${current.events})) and ${eventModeOf(tx)} = ${current.mode}
      returning 1`;
    count = rows.length;
    await appendAudit(tx, {
      accountId,
      actor,
      action: 'webhook_endpoint.replayed',
      target: { type: 'webhook_endpoint', id },
      data: { from: from.toISOString(), to: to.toISOString(), deliveries: count },
      at,
    });
    return current;
  });
  await ctx.sql`select pg_notify('cx_events', 'replay')`;
  return count;
}

async function mutate(
  ctx: Context,
  owner: EndpointOwner,
  id: string,
  fn: (tx: Tx, current: EndpointRow, at: Date) => Promise<EndpointRow>,
): Promise<EndpointRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const current = await getEndpoint(tx, owner.accountId, id, { forUpdate: true, mode: owner.mode });
    if (!current) throw new Problem(P['not-found'], `no webhook endpoint ${id}`);
    return fn(tx, current, at);
  });
}

async function audit(tx: Tx, actor: Actor, row: EndpointRow, action: string, at: Date): Promise<void> {
  // The URL is the client's own configuration, not personal data: kept for the trail.
  await appendAudit(tx, {
    accountId: row.accountId,
    actor,
    action,
    target: { type: 'webhook_endpoint', id: row.id },
    data: { url: row.url, mode: row.mode, events: row.events.join(' '), enabled: row.enabled },
    at,
  });
}
