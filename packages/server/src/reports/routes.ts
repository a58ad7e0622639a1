// Reports for the portal's dashboards: how many messages, in which status, per hour; and for
// operators the whole platform's today and what is held. Spend is not here: /v1/usage has it
// for those who hold billing:read.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { Timestamp } from '../http/schemas.ts';
import { heldCounts, messageCounts, platformCounts } from './store.ts';

/** A month of hourly buckets at most: enough for any dashboard, and bounded work per request. */
const MAX_RANGE_MS = 31 * 24 * 3600_000;

const SummaryBucket = Type.Object({
  hour: Timestamp,
  channel: Type.String(),
  direction: Type.String(),
  status: Type.String(),
  count: Type.Integer(),
});

export async function reportRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/v1/reports/summary',
    {
      schema: {
        tags: ['reports'],
        summary: 'Message counts per hour, channel, direction and current status (at most 31 days)',
        querystring: Type.Object({ from: Timestamp, to: Timestamp }),
        response: { 200: Type.Object({ from: Timestamp, to: Timestamp, data: Type.Array(SummaryBucket) }) },
      },
    },
    async (request) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (to <= from) throw Problem.field('/querystring/to', 'must be after from', P['bad-request']);
      if (to.getTime() - from.getTime() > MAX_RANGE_MS)
        throw Problem.field('/querystring/to', 'must be at most 31 days after from', P['bad-request']);
      const rows = await messageCounts(ctx.sql, principalOf(request).accountId, from, to);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        data: rows.map((r) => ({ ...r, hour: r.hour.toISOString() })),
      };
    },
  );

  app.get(
    '/v1/admin/reports/overview',
    {
      schema: {
        tags: ['admin: reports'],
        summary:
          "The platform at a glance for the operators' home: every account's messages since a time (at most 31 days ago) per status, and the messages held now per reason",
        querystring: Type.Object({ since: Timestamp }),
        response: {
          200: Type.Object({
            since: Timestamp,
            messages: Type.Array(Type.Object({ status: Type.String(), count: Type.Integer() })),
            held: Type.Array(
              Type.Object({
                reason: Type.String({
                  description: 'traffic_hold, fraud_review, connector or country (a platform hold), as in holdReason',
                }),
                count: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const since = new Date(request.query.since);
      if (ctx.clock.now().getTime() - since.getTime() > MAX_RANGE_MS)
        throw Problem.field('/querystring/since', 'must be at most 31 days ago', P['bad-request']);
      const [messages, held] = await Promise.all([platformCounts(ctx.sql, since), heldCounts(ctx.sql)]);
      return { since: since.toISOString(), messages, held };
    },
  );
}
