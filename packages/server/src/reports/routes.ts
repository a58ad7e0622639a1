// Reports for the portal's dashboard: how many messages, in which status, per hour. Spend is
// not here: /v1/usage has it for those who hold billing:read.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../auth/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { Timestamp } from '../http/schemas.ts';
import { messageCounts } from './store.ts';

/** A month of hourly buckets at most: enough for any dashboard, and bounded work per request. */
const MAX_RANGE_MS = 31 * 24 * 3600_000;

const SummaryBucket = Type.Object({
  hour: Timestamp, channel: Type.String(), direction: Type.String(), status: Type.String(), count: Type.Integer(),
});

export async function reportRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;

  app.get('/v1/reports/summary', {
    schema: {
      tags: ['reports'],
      summary: 'Message counts per hour, channel, direction and current status (at most 31 days)',
      querystring: Type.Object({ from: Timestamp, to: Timestamp }),
      response: { 200: Type.Object({ from: Timestamp, to: Timestamp, data: Type.Array(SummaryBucket) }) },
    },
  }, async (request) => {
    const from = new Date(request.query.from);
    const to = new Date(request.query.to);
    if (to <= from) throw Problem.field('/querystring/to', 'must be after from', P['bad-request']);
    if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw Problem.field('/querystring/to', 'must be at most 31 days after from', P['bad-request']);
    const rows = await messageCounts(ctx.sql, principalOf(request).accountId, from, to);
    return { from: from.toISOString(), to: to.toISOString(), data: rows.map((r) => ({ ...r, hour: r.hour.toISOString() })) };
  });
}
