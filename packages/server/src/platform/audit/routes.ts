// GET /v1/audit-log (a client's own account) and GET /v1/admin/audit-log (operators, all).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import type { Db } from '../../db/pool.ts';
import { principalOf } from '../../http/principal.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../../http/pagination.ts';
import { Timestamp } from '../../http/schemas.ts';

const AuditEntrySchema = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  seq: Type.Integer(),
  at: Timestamp,
  actor: Type.Object({ type: Type.String(), id: Type.String() }),
  action: Type.String(),
  target: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown(), {
    description: 'what happened, with any free text (reasons, notes) until retention redacts it',
  }),
  freeTextRedactedAt: Type.Union([Timestamp, Type.Null()], {
    description: 'when retention removed the free text (the chain still verifies)',
  }),
  hash: Type.String({ description: 'hex SHA-256 of the previous hash and this entry' }),
});

const Filters = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorId: Type.Optional(Type.String({ maxLength: 100 })),
  targetId: Type.Optional(Type.String({ maxLength: 100 })),
  createdAfter: Type.Optional(Type.String({ format: 'date-time' })),
  createdBefore: Type.Optional(Type.String({ format: 'date-time' })),
});

interface Row {
  id: string;
  accountId: string;
  seq: bigint;
  at: Date;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  payload: string;
  hash: Buffer;
  freeText: Record<string, unknown> | null;
  freeTextRedactedAt: Date | null;
}
interface Query {
  limit: number;
  cursor?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  targetId?: string | undefined;
  createdAfter?: string | undefined;
  createdBefore?: string | undefined;
}

async function listEntries(db: Db, accountId: string | undefined, q: Query) {
  const after = decodeCursor(q.cursor);
  const rows = await db<Row[]>`
    select id, account_id as "accountId", seq, at, actor_type as "actorType", actor_id as "actorId", action,
           target_type as "targetType", target_id as "targetId", payload, hash, free_text as "freeText", free_text_redacted_at as "freeTextRedactedAt"
    from audit_log
    where true
      ${accountId ? db`and account_id = ${accountId}` : db``}
      ${after ? db`and id > ${after}` : db``}
      ${q.action ? db`and action = ${q.action}` : db``}
      ${q.actorId ? db`and actor_id = ${q.actorId}` : db``}
      ${q.targetId ? db`and target_id = ${q.targetId}` : db``}
      ${q.createdAfter ? db`and at >= ${new Date(q.createdAfter)}` : db``}
      ${q.createdBefore ? db`and at < ${new Date(q.createdBefore)}` : db``}
    order by id limit ${q.limit + 1}`;
  const page = toPage(rows, q.limit);
  return {
    data: page.data.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      seq: Number(r.seq),
      at: r.at.toISOString(),
      actor: { type: r.actorType, id: r.actorId },
      action: r.action,
      target: r.targetType && r.targetId ? { type: r.targetType, id: r.targetId } : null,
      data: { ...(JSON.parse(r.payload) as { data: Record<string, unknown> }).data, ...r.freeText },
      freeTextRedactedAt: r.freeTextRedactedAt?.toISOString() ?? null,
      hash: r.hash.toString('hex'),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function auditRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;

  app.get(
    '/v1/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: "Your account's audit log, oldest first",
        querystring: Type.Intersect([ListQuery, Filters]),
        response: { 200: pageOf(AuditEntrySchema) },
      },
    },
    async (request) => listEntries(ctx.sql, principalOf(request).accountId, request.query),
  );

  app.get(
    '/v1/admin/audit-log',
    {
      schema: {
        tags: ['admin: audit'],
        summary: 'The audit log of every account (or one), oldest first',
        querystring: Type.Intersect([
          ListQuery,
          Filters,
          Type.Object({ accountId: Type.Optional(Type.String({ maxLength: 64 })) }),
        ]),
        response: { 200: pageOf(AuditEntrySchema) },
      },
    },
    async (request) => listEntries(ctx.sql, request.query.accountId, request.query),
  );
}
