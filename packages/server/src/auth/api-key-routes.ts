// /v1/api-keys for clients (keys:manage) and /v1/admin/accounts/{id}/api-keys for operators.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { NullableTimestamp, Timestamp, idParam } from '../http/schemas.ts';
import { operatorActor } from '../http/principal.ts';
import { issueApiKey, revokeKey } from './api-key-service.ts';
import { getApiKey, listApiKeys, type ApiKeyRow } from './key-store.ts';

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mode: Type.Union([Type.Literal('live'), Type.Literal('test')]),
  hint: Type.String({ description: 'the last four characters of the key' }),
  scopes: Type.Array(Type.String()),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
});
const CreatedKeySchema = Type.Intersect([
  ApiKeySchema,
  Type.Object({ secret: Type.String({ description: 'the key itself; shown only in this response' }) }),
]);
const CreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    mode: Type.Union([Type.Literal('live'), Type.Literal('test')], { default: 'live' }),
    scopes: Type.Optional(
      Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 30,
        description: 'defaults to every client scope the issuer holds',
      }),
    ),
  },
  { additionalProperties: false },
);

function keyJson(k: ApiKeyRow) {
  return {
    id: k.id,
    name: k.name,
    mode: k.mode,
    hint: k.hint,
    scopes: k.scopes,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

export async function apiKeyRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['api keys'];
  const KeyParams = idParam('keyId');
  const AdminParams = Type.Intersect([idParam('accountId'), idParam('keyId')]);

  app.post(
    '/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key for your account',
        body: CreateKeyBody,
        response: { 201: CreatedKeySchema },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { row, secret } = await issueApiKey(
        ctx,
        { type: 'key', id: p.keyId },
        {
          accountId: p.accountId,
          name: request.body.name,
          mode: request.body.mode,
          scopes: request.body.scopes,
          issuerScopes: p.scopes,
        },
      );
      return reply.code(201).send({ ...keyJson(row), secret });
    },
  );

  app.get(
    '/v1/api-keys',
    {
      schema: {
        tags,
        summary: "List your account's API keys",
        querystring: ListQuery,
        response: { 200: pageOf(ApiKeySchema) },
      },
    },
    async (request) => {
      const rows = await listApiKeys(ctx.sql, principalOf(request).accountId, {
        after: decodeCursor(request.query.cursor),
        limit: request.query.limit + 1,
      });
      const page = toPage(rows, request.query.limit);
      return { data: page.data.map(keyJson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/api-keys/:keyId',
    {
      schema: { tags, summary: 'Get an API key', params: KeyParams, response: { 200: ApiKeySchema } },
    },
    async (request) => {
      const row = await getApiKey(ctx.sql, principalOf(request).accountId, request.params.keyId);
      if (!row) throw new Problem(P['not-found'], `no API key ${request.params.keyId}`);
      return keyJson(row);
    },
  );

  app.delete(
    '/v1/api-keys/:keyId',
    {
      schema: { tags, summary: 'Revoke an API key (immediately)', params: KeyParams, response: { 200: ApiKeySchema } },
    },
    async (request) => {
      const p = principalOf(request);
      return keyJson(await revokeKey(ctx, { type: 'key', id: p.keyId }, p.accountId, request.params.keyId));
    },
  );

  const adminTags = ['admin: accounts'];
  app.post(
    '/v1/admin/accounts/:accountId/api-keys',
    {
      schema: {
        tags: adminTags,
        summary: 'Issue an API key for an account',
        params: idParam('accountId'),
        body: CreateKeyBody,
        response: { 201: CreatedKeySchema },
      },
    },
    async (request, reply) => {
      const { row, secret } = await issueApiKey(ctx, operatorActor(request), {
        accountId: request.params.accountId,
        name: request.body.name,
        mode: request.body.mode,
        scopes: request.body.scopes,
        issuerScopes: 'operator',
      });
      return reply.code(201).send({ ...keyJson(row), secret });
    },
  );

  app.get(
    '/v1/admin/accounts/:accountId/api-keys',
    {
      schema: {
        tags: adminTags,
        summary: "List an account's API keys",
        params: idParam('accountId'),
        querystring: ListQuery,
        response: { 200: pageOf(ApiKeySchema) },
      },
    },
    async (request) => {
      const rows = await listApiKeys(ctx.sql, request.params.accountId, {
        after: decodeCursor(request.query.cursor),
        limit: request.query.limit + 1,
      });
      const page = toPage(rows, request.query.limit);
      return { data: page.data.map(keyJson), nextCursor: page.nextCursor };
    },
  );

  app.delete(
    '/v1/admin/accounts/:accountId/api-keys/:keyId',
    {
      schema: {
        tags: adminTags,
        summary: "Revoke an account's API key",
        params: AdminParams,
        response: { 200: ApiKeySchema },
      },
    },
    async (request) =>
      keyJson(await revokeKey(ctx, operatorActor(request), request.params.accountId, request.params.keyId)),
  );
}
