// GET /v1/sandbox/emails: what the platform would have emailed the calling account.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { principalOf } from '../../http/principal.ts';
import { ListQuery, decodeCursor } from '../../http/pagination.ts';
import { NullableTimestamp, Timestamp } from '../../http/schemas.ts';
import { openEmail, openingKeys } from './outbox.ts';

const EmailSchema = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  createdAt: Timestamp,
  sentAt: NullableTimestamp,
});

export async function sandboxEmailRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  app.get(
    '/v1/sandbox/emails',
    {
      schema: {
        tags: ['sandbox'],
        summary: 'Emails kept by the sandbox for your account, newest first',
        querystring: ListQuery,
        response: {
          200: Type.Object({ data: Type.Array(EmailSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (request) => {
      const before = decodeCursor(request.query.cursor);
      const accountId = principalOf(request).accountId;
      const rows = await ctx.sql<
        { accountId: string; id: string; sealed: Buffer | null; status: string; createdAt: Date; sentAt: Date | null }[]
      >`
      select account_id as "accountId", id, sealed, status, created_at as "createdAt", sent_at as "sentAt"
      from email_outbox where account_id = ${accountId} ${before ? ctx.sql`and id < ${before}` : ctx.sql``}
      order by id desc limit ${request.query.limit + 1}`;
      const page = rows.slice(0, request.query.limit);
      const last = page[page.length - 1];
      const keys = page.length ? await openingKeys(ctx) : new Map();
      return {
        data: page.map((e) => ({
          id: e.id,
          ...openEmail(keys, e),
          status: e.status,
          createdAt: e.createdAt.toISOString(),
          sentAt: e.sentAt?.toISOString() ?? null,
        })),
        nextCursor: rows.length > request.query.limit && last ? Buffer.from(last.id).toString('base64url') : null,
      };
    },
  );
}
