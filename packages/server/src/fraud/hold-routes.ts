// Operator endpoints for traffic holds: an account's kill switch, and platform-wide holds on a
// connector or a destination country. Each call returns once the dispatcher applies it.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { operatorActor } from '../http/principal.ts';
import { AccountSchema, accountJson } from '../accounts/present.ts';
import { idParam } from '../http/schemas.ts';
import { setAccountTrafficHold, setPlatformHold, type HoldScope } from './kill-switch.ts';

const HoldBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000, description: 'why; kept in the audit log' }) },
  { additionalProperties: false },
);
// DELETE carries no body: the (optional) reason for a release comes in the query string.
const ReleaseQuery = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) });

export async function holdRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: traffic holds'];

  app.post(
    '/v1/admin/accounts/:accountId/traffic-hold',
    {
      schema: {
        tags,
        summary:
          "Kill switch: stop all of an account's traffic now (new sends 403, waiting messages held, nothing more submitted)",
        params: idParam('accountId'),
        body: HoldBody,
        response: { 200: AccountSchema },
      },
    },
    async (request) =>
      accountJson(
        await setAccountTrafficHold(ctx, operatorActor(request), request.params.accountId, true, request.body.reason),
      ),
  );

  app.delete(
    '/v1/admin/accounts/:accountId/traffic-hold',
    {
      schema: {
        tags,
        summary: 'Release the kill switch: held messages go back to the queue, each exactly once',
        params: idParam('accountId'),
        querystring: ReleaseQuery,
        response: { 200: AccountSchema },
      },
    },
    async (request) =>
      accountJson(
        await setAccountTrafficHold(ctx, operatorActor(request), request.params.accountId, false, request.query.reason),
      ),
  );

  const platform = [
    [
      'connector',
      '/v1/admin/connectors/:target/traffic-hold',
      'a connector (routes fail over to their other connectors; without one, messages are held)',
    ],
    [
      'country',
      '/v1/admin/traffic-holds/countries/:target',
      'a destination country (ISO 3166-1 alpha-2), for every account',
    ],
  ] as const;
  for (const [scope, path, what] of platform) {
    const params = Type.Object({
      target:
        scope === 'country' ? Type.String({ pattern: '^[A-Z]{2}$' }) : Type.String({ minLength: 1, maxLength: 64 }),
    });
    app.post(
      path,
      {
        schema: {
          tags,
          summary: `Stop traffic through ${what}`,
          params,
          body: HoldBody,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await setPlatformHold(
          ctx,
          operatorActor(request),
          scope as HoldScope,
          request.params.target,
          true,
          request.body.reason,
        );
        return reply.code(204).send(null);
      },
    );
    app.delete(
      path,
      {
        schema: {
          tags,
          summary: `Release the hold on ${what.split(' (')[0]}`,
          params,
          querystring: ReleaseQuery,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await setPlatformHold(
          ctx,
          operatorActor(request),
          scope as HoldScope,
          request.params.target,
          false,
          request.query.reason,
        );
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/v1/admin/traffic-holds',
    {
      schema: {
        tags,
        summary: 'Everything on hold: accounts (kill switch), connectors, countries',
        response: {
          200: Type.Object({
            accounts: Type.Array(Type.String()),
            platform: Type.Array(
              Type.Object({
                scope: Type.String(),
                target: Type.String(),
                reason: Type.String(),
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const [accounts, platformHolds] = await Promise.all([
        ctx.sql<{ id: string }[]>`select id from accounts where traffic_hold order by id`,
        ctx.sql<
          { scope: string; target: string; reason: string; createdAt: Date }[]
        >`select scope, target, reason, created_at as "createdAt" from traffic_holds order by scope, target`,
      ]);
      return {
        accounts: accounts.map((a) => a.id),
        platform: platformHolds.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
      };
    },
  );
}
