// /v1/webhook-endpoints, /v1/webhook-deliveries and /v1/webhook-secret (scope webhooks:manage).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import type { Db } from '../db/pool.ts';
import { objectModeOf, principalOf } from '../http/principal.ts';
import type { Actor } from '../accounts/service.ts';
import { P, Problem } from '../http/problem.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { NullableTimestamp, Timestamp, idParam } from '../http/schemas.ts';
import { getEndpoint, listEndpoints, type EndpointRow } from './endpoint-store.ts';
import {
  changeEndpoint,
  createEndpoint,
  removeEndpoint,
  replayEndpoint,
  rotateEndpointSecret,
  type EndpointOwner,
} from './endpoints.ts';
import {
  attemptsOf,
  getDelivery,
  listDeliveries,
  retryDelivery,
  type AttemptRow,
  type DeliveryRow,
} from './delivery-store.ts';
import { revealAccountSecret, rotateAccountSecret, type AccountSecretView } from './account-secret.ts';

const EventList = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
  minItems: 1,
  maxItems: 50,
  description: 'event types (e.g. "message.delivered"), or ["*"] for all',
});
const EndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  mode: Type.Union([Type.Literal('live'), Type.Literal('test')], {
    description:
      'test: created with a test key; receives only the events of test-mode objects (messages sent with a test key)',
  }),
  events: Type.Array(Type.String()),
  description: Type.Union([Type.String(), Type.Null()]),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.Literal('manual'), Type.Literal('gone'), Type.Literal('failing'), Type.Null()], {
    description: 'manual (PATCH), gone (the receiver answered 410) or failing (no success for 5 days)',
  }),
  failingSince: NullableTimestamp,
  previousSecretExpiresAt: Type.Union([Timestamp, Type.Null()], {
    description: 'until then the previous secret signs too',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const EndpointWithSecret = Type.Intersect([
  EndpointSchema,
  Type.Object({ secret: Type.String({ description: 'whsec_…: the signing secret, shown only in this response' }) }),
]);
const CreateEndpointBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    events: Type.Optional(EventList),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const UpdateEndpointBody = Type.Partial(CreateEndpointBody, { additionalProperties: false });
const ReplayBody = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

const AttemptSchema = Type.Object({
  attempt: Type.Integer(),
  at: Timestamp,
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  latencyMs: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  responseBody: Type.Union([Type.String(), Type.Null()], { description: 'the first 4 KiB of the answer' }),
});
const DeliverySchema = Type.Object({
  id: Type.String(),
  endpointId: Type.Union([Type.String(), Type.Null()], { description: "null: a message's callbackUrl" }),
  url: Type.String(),
  eventId: Type.String({ description: 'the webhook-id header' }),
  eventType: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead')]),
  attempts: Type.Array(AttemptSchema),
  nextAttemptAt: NullableTimestamp,
  createdAt: Timestamp,
  endedAt: NullableTimestamp,
});
const DeliveryQuery = Type.Object({
  endpointId: Type.Optional(Type.String({ maxLength: 64 })),
  eventType: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead')])),
});
const SecretSchema = Type.Object({
  secret: Type.Union([Type.String(), Type.Null()], {
    description: 'shown once; null once it has been read (rotate for a new one)',
  }),
  createdAt: Timestamp,
  revealedAt: NullableTimestamp,
  previousSecretExpiresAt: NullableTimestamp,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

function endpointJson(e: EndpointRow) {
  return {
    id: e.id,
    url: e.url,
    mode: e.mode,
    events: e.events,
    description: e.description,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    failingSince: iso(e.failingSince),
    previousSecretExpiresAt: iso(e.previousSecretExpiresAt),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

function deliveryJson(d: DeliveryRow, attempts: AttemptRow[]) {
  return {
    id: d.id,
    endpointId: d.endpointId,
    url: d.url,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      statusCode: a.statusCode,
      latencyMs: a.latencyMs,
      error: a.error,
      responseBody: a.responseBody,
    })),
    nextAttemptAt: iso(d.nextAttemptAt),
    createdAt: d.createdAt.toISOString(),
    endedAt: iso(d.endedAt),
  };
}

function secretJson(s: AccountSecretView) {
  return {
    secret: s.secret,
    createdAt: s.createdAt.toISOString(),
    revealedAt: iso(s.revealedAt),
    previousSecretExpiresAt: iso(s.previousSecretExpiresAt),
  };
}

const keyActor = (request: FastifyRequest): Actor => ({ type: 'key', id: principalOf(request).keyId });
/** A test key manages only test endpoints and their deliveries (`testKeys: 'test-objects'`). */
const ownerOf = (request: FastifyRequest): EndpointOwner => {
  const p = principalOf(request);
  return { accountId: p.accountId, mode: objectModeOf(p) };
};

export async function webhookRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['webhooks'];
  const EndpointParams = idParam('endpointId');
  // A delivery and its attempts are written together: read them from one snapshot, so a
  // delivery never shows an attempt whose outcome (status, next attempt) it does not show yet.
  const snapshot = <T>(fn: (db: Db) => Promise<T>) =>
    ctx.sql.begin('isolation level repeatable read read only', fn) as Promise<T>;
  const oneDelivery = ({ accountId, mode }: EndpointOwner, id: string) =>
    snapshot(async (db) => {
      const row = await getDelivery(db, accountId, id, mode);
      return row && deliveryJson(row, (await attemptsOf(db, accountId, [row.id])).get(row.id) ?? []);
    });

  app.post(
    '/v1/webhook-endpoints',
    {
      schema: {
        tags,
        summary: 'Create a webhook endpoint (its secret is shown once)',
        body: CreateEndpointBody,
        response: { 201: EndpointWithSecret },
      },
    },
    async (request, reply) => {
      const { row, secret } = await createEndpoint(ctx, keyActor(request), ownerOf(request), request.body);
      return reply.code(201).send({ ...endpointJson(row), secret });
    },
  );

  app.get(
    '/v1/webhook-endpoints',
    {
      schema: {
        tags,
        summary: 'List webhook endpoints',
        querystring: ListQuery,
        response: { 200: pageOf(EndpointSchema) },
      },
    },
    async (request) => {
      const { accountId, mode } = ownerOf(request);
      const rows = await listEndpoints(ctx.sql, accountId, {
        mode,
        after: decodeCursor(request.query.cursor),
        limit: request.query.limit + 1,
      });
      const page = toPage(rows, request.query.limit);
      return { data: page.data.map(endpointJson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/webhook-endpoints/:endpointId',
    {
      schema: { tags, summary: 'Get a webhook endpoint', params: EndpointParams, response: { 200: EndpointSchema } },
    },
    async (request) => {
      const { accountId, mode } = ownerOf(request);
      const row = await getEndpoint(ctx.sql, accountId, request.params.endpointId, { mode });
      if (!row) throw new Problem(P['not-found'], `no webhook endpoint ${request.params.endpointId}`);
      return endpointJson(row);
    },
  );

  app.patch(
    '/v1/webhook-endpoints/:endpointId',
    {
      schema: {
        tags,
        summary: 'Change a webhook endpoint; {"enabled": true} re-enables a disabled one',
        params: EndpointParams,
        body: UpdateEndpointBody,
        response: { 200: EndpointSchema },
      },
    },
    async (request) =>
      endpointJson(
        await changeEndpoint(ctx, keyActor(request), ownerOf(request), request.params.endpointId, request.body),
      ),
  );

  app.delete(
    '/v1/webhook-endpoints/:endpointId',
    {
      schema: {
        tags,
        summary: 'Delete a webhook endpoint (its pending deliveries are dropped)',
        params: EndpointParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeEndpoint(ctx, keyActor(request), ownerOf(request), request.params.endpointId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/webhook-endpoints/:endpointId/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Issue a new signing secret; the old one keeps signing for 24 hours',
        params: EndpointParams,
        response: { 200: EndpointWithSecret },
      },
    },
    async (request) => {
      const { row, secret } = await rotateEndpointSecret(
        ctx,
        keyActor(request),
        ownerOf(request),
        request.params.endpointId,
      );
      return { ...endpointJson(row), secret };
    },
  );

  app.post(
    '/v1/webhook-endpoints/:endpointId/replay',
    {
      schema: {
        tags,
        summary: "Send the endpoint's events of a time range again (at most 31 days)",
        params: EndpointParams,
        body: ReplayBody,
        response: { 202: Type.Object({ deliveries: Type.Integer({ description: 'deliveries created' }) }) },
      },
    },
    async (request, reply) => {
      const n = await replayEndpoint(
        ctx,
        keyActor(request),
        ownerOf(request),
        request.params.endpointId,
        new Date(request.body.from),
        new Date(request.body.to),
      );
      return reply.code(202).send({ deliveries: n });
    },
  );

  app.get(
    '/v1/webhook-deliveries',
    {
      schema: {
        tags,
        summary: 'List webhook deliveries with their attempts, newest first',
        querystring: Type.Intersect([ListQuery, DeliveryQuery]),
        response: { 200: pageOf(DeliverySchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const { accountId, mode } = ownerOf(request);
      const after = decodeCursor(q.cursor);
      return snapshot(async (db) => {
        const page = toPage(
          await listDeliveries(db, accountId, {
            mode,
            endpointId: q.endpointId,
            eventType: q.eventType,
            status: q.status,
            after,
            limit: q.limit + 1,
          }),
          q.limit,
        );
        const attempts = await attemptsOf(
          db,
          accountId,
          page.data.map((d) => d.id),
        );
        return { data: page.data.map((d) => deliveryJson(d, attempts.get(d.id) ?? [])), nextCursor: page.nextCursor };
      });
    },
  );

  app.get(
    '/v1/webhook-deliveries/:deliveryId',
    {
      schema: {
        tags,
        summary: 'Get a webhook delivery with its attempts',
        params: idParam('deliveryId'),
        response: { 200: DeliverySchema },
      },
    },
    async (request) => {
      const found = await oneDelivery(ownerOf(request), request.params.deliveryId);
      if (!found) throw new Problem(P['not-found'], `no webhook delivery ${request.params.deliveryId}`);
      return found;
    },
  );

  app.post(
    '/v1/webhook-deliveries/:deliveryId/retry',
    {
      schema: {
        tags,
        summary: 'Send a delivery again now (same webhook-id)',
        params: idParam('deliveryId'),
        response: { 202: DeliverySchema },
      },
    },
    async (request, reply) => {
      const owner = ownerOf(request);
      if (!(await retryDelivery(ctx.sql, owner.accountId, request.params.deliveryId, ctx.clock.now(), owner.mode))) {
        throw new Problem(P['not-found'], `no webhook delivery ${request.params.deliveryId}`);
      }
      await ctx.sql`select pg_notify('cx_events', 'retry')`;
      return reply.code(202).send((await oneDelivery(owner, request.params.deliveryId))!);
    },
  );

  app.get(
    '/v1/webhook-secret',
    {
      schema: {
        tags,
        summary: "Read the account's default webhook secret (signs callbackUrl deliveries); shown once",
        response: { 200: SecretSchema },
      },
    },
    async (request) => secretJson(await revealAccountSecret(ctx, keyActor(request), principalOf(request).accountId)),
  );

  app.post(
    '/v1/webhook-secret',
    {
      schema: {
        tags,
        summary: "Rotate the account's default webhook secret; the old one keeps signing for 24 hours",
        response: { 200: SecretSchema },
      },
    },
    async (request) => secretJson(await rotateAccountSecret(ctx, keyActor(request), principalOf(request).accountId)),
  );
}
