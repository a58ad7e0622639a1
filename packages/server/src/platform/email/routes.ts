// GET /v1/sandbox/emails (implemented by the email outbox work).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.ts';

export async function sandboxEmailRoutes(_app: FastifyInstance, _opts: { ctx: Context }): Promise<void> {}
