// GET /v1/audit-log and GET /v1/admin/audit-log (implemented by the audit work).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.ts';

export async function auditRoutes(_app: FastifyInstance, _opts: { ctx: Context }): Promise<void> {}
