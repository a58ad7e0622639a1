// Public operational endpoints: liveness, readiness, and Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Context } from '../context.ts';
import { P, Problem } from '../http/problem.ts';

export async function healthRoutes(
  app: FastifyInstance,
  opts: { ctx: Context; started: () => boolean },
): Promise<void> {
  const { ctx } = opts;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'cx_' });
  const requests = new client.Histogram({
    name: 'cx_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    requests.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    // The port opens before the house account and data/bootstrap.json exist (they need the
    // URL it listens on): not ready until the process has finished starting.
    if (!opts.started()) {
      return reply
        .code(503)
        .type('application/problem+json')
        .send(new Problem(P.unavailable, 'still starting').toJSON());
    }
    try {
      await ctx.sql`select 1`;
      return { status: 'ready' };
    } catch {
      return reply
        .code(503)
        .type('application/problem+json')
        .send(new Problem(P.unavailable, 'database unreachable').toJSON());
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = ctx.config.metricsToken;
    if (token && request.headers.authorization !== `Bearer ${token}`) {
      throw new Problem(P.unauthenticated, 'send CX_METRICS_TOKEN as a Bearer token');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
