// /v1/admin/routes: which connectors carry traffic to which destinations.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { P, Problem, type FieldError } from '../http/problem.ts';
import { idParam, Timestamp } from '../http/schemas.ts';
import { newId } from '../platform/ids.ts';
import { deleteRoute, getRoute, insertRoute, listRoutes, type RouteRow } from './routes-store.ts';

const Target = Type.Object(
  {
    connectorId: Type.String({ minLength: 1 }),
    priority: Type.Integer({ minimum: 0, default: 0 }),
    weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  },
  { additionalProperties: false },
);
const RouteSchema = Type.Object({
  id: Type.String(),
  prefix: Type.String(),
  accountId: Type.Union([Type.String(), Type.Null()]),
  connectors: Type.Array(Type.Object({ connectorId: Type.String(), priority: Type.Integer(), weight: Type.Integer() })),
  createdAt: Timestamp,
});

const routeJson = (r: RouteRow) => ({
  id: r.id,
  prefix: r.prefix,
  accountId: r.accountId,
  connectors: r.connectors,
  createdAt: r.createdAt.toISOString(),
});

export async function routeAdminRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: routes'];

  app.post(
    '/v1/admin/routes',
    {
      schema: {
        tags,
        summary: 'Route a destination prefix (optionally for one account) to connectors',
        body: Type.Object(
          {
            prefix: Type.String({
              pattern: '^\\+[0-9]{0,15}$',
              description: '"+" for every destination, "+49" for Germany, …',
            }),
            accountId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
            connectors: Type.Array(Target, { minItems: 1, maxItems: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: RouteSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const errors: FieldError[] = [];
      const known = new Set(
        (
          await ctx.sql<
            { id: string }[]
          >`select id from connectors where id = any(${b.connectors.map((c) => c.connectorId)})`
        ).map((r) => r.id),
      );
      b.connectors.forEach((c, i) => {
        if (!known.has(c.connectorId))
          errors.push({ pointer: `/connectors/${i}/connectorId`, detail: 'no such connector' });
      });
      if (b.accountId) {
        const [acc] = await ctx.sql`select id from accounts where id = ${b.accountId}`;
        if (!acc) errors.push({ pointer: '/accountId', detail: 'no such account' });
      }
      if (errors.length) throw Problem.fields(errors);
      const [dup] =
        await ctx.sql`select id from routes where prefix = ${b.prefix} and coalesce(account_id, '') = ${b.accountId ?? ''}`;
      if (dup)
        throw new Problem(
          P.conflict,
          `route ${dup.id as string} already covers ${b.prefix} for this scope; delete it first`,
        );
      const row = await insertRoute(ctx.sql, {
        id: newId('rte', ctx.clock.now()),
        prefix: b.prefix,
        accountId: b.accountId ?? null,
        connectors: b.connectors.map((c) => ({
          connectorId: c.connectorId,
          priority: c.priority,
          weight: c.weight ?? 1,
        })),
        createdAt: ctx.clock.now(),
      });
      return reply.code(201).send(routeJson(row));
    },
  );

  app.get(
    '/v1/admin/routes',
    {
      schema: {
        tags,
        summary: 'List routes',
        response: { 200: Type.Object({ data: Type.Array(RouteSchema), nextCursor: Type.Null() }) },
      },
    },
    async () => ({ data: (await listRoutes(ctx.sql)).map(routeJson), nextCursor: null }),
  );

  app.get(
    '/v1/admin/routes/:routeId',
    {
      schema: { tags, summary: 'Get a route', params: idParam('routeId'), response: { 200: RouteSchema } },
    },
    async (request) => {
      const r = await getRoute(ctx.sql, request.params.routeId);
      if (!r) throw new Problem(P['not-found'], `no route ${request.params.routeId}`);
      return routeJson(r);
    },
  );

  app.delete(
    '/v1/admin/routes/:routeId',
    {
      schema: { tags, summary: 'Delete a route', params: idParam('routeId'), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      if (!(await deleteRoute(ctx.sql, request.params.routeId)))
        throw new Problem(P['not-found'], `no route ${request.params.routeId}`);
      return reply.code(204).send(null);
    },
  );
}
