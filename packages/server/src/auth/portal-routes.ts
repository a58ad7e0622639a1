// Portal identity as one plugin for app.ts: sessions, two-factor, users.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.ts';
import { sessionRoutes } from './session-routes.ts';
import { twoFactorRoutes } from './two-factor-routes.ts';
import { userRoutes } from './user-routes.ts';

export async function portalIdentityRoutes(app: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  await app.register(sessionRoutes, opts);
  await app.register(twoFactorRoutes, opts);
  await app.register(userRoutes, opts);
}
