// Operators' privacy requests about people the platform is controller for (clients' staff,
// invitees, prospective customers, anyone it emailed): by portal user or email address, kept
// in the house account, run like end users' requests, with the same report and journal.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { operatorActor } from '../../http/principal.ts';
import { houseAccountId } from '../../accounts/store.ts';
import { withTransaction } from '../../db/tx.ts';
import { P, Problem } from '../../http/problem.ts';
import { idParam } from '../../http/schemas.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../../http/pagination.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { addCalendarMonths } from '../../platform/calendar.ts';
import { newId } from '../../platform/ids.ts';
import { queueExecution } from './execute.ts';
import { PLATFORM_REQUEST_TYPES, platformSubjectHash } from './platform-subjects.ts';
import { RequestSchema } from './schemas.ts';
import { sendExport } from './export.ts';
import { emitRequestEvent, getRequest, listRequests, requestJson, type RequestRow } from './store.ts';

const CreateBody = Type.Object(
  {
    type: Type.Enum(PLATFORM_REQUEST_TYPES),
    subject: Type.Object(
      {
        userId: Type.Optional(Type.String({ maxLength: 64, description: 'a portal user on any account' })),
        email: Type.Optional(
          Type.String({
            format: 'email',
            maxLength: 320,
            description: 'anyone: a portal user, an invitee, a prospect the platform emailed',
          }),
        ),
      },
      { additionalProperties: false, minProperties: 1, maxProperties: 1, description: 'exactly one of userId, email' },
    ),
    note: Type.Optional(Type.String({ maxLength: 4000, description: 'e.g. how the identity was verified' })),
  },
  { additionalProperties: false },
);

export async function privacyRequestAdminRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: privacy'];
  const found = async (id: string): Promise<RequestRow> => {
    const row = await getRequest(ctx.sql, await houseAccountId(ctx.sql), id);
    if (row?.subjectKind !== 'platform') throw new Problem(P['not-found'], `no privacy request ${id}`);
    return row;
  };

  app.post(
    '/v1/admin/privacy/requests',
    {
      schema: {
        tags,
        summary:
          'Record and run a data-subject request about a portal user or an email address (the platform is controller)',
        body: CreateBody,
        response: { 201: RequestSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const house = await houseAccountId(ctx.sql);
      const hash = await platformSubjectHash(ctx.sql, b.subject);
      const at = ctx.clock.now();
      const id = newId('dsr', at);
      const subject = await ctx.keyring.encrypt(house, JSON.stringify(b.subject));
      const note = b.note !== undefined ? await ctx.keyring.encrypt(house, b.note) : null;
      const row = await withTransaction(ctx.sql, async (tx) => {
        await tx`insert into privacy_requests (account_id, id, type, status, subject_kind, subject_hash, subject, note, received_at, due_at, updated_at)
               values (${house}, ${id}, ${b.type}, 'received', 'platform', ${hash}, ${subject}, ${note}, ${at}, ${addCalendarMonths(at, 1)}, ${at})`;
        await emitRequestEvent(tx, { accountId: house, id, type: b.type }, 'dsr.received', 'received', at);
        await appendAudit(tx, {
          accountId: house,
          actor: operatorActor(request),
          action: 'dsr.received',
          target: { type: 'privacy_request', id },
          data: { type: b.type, subjectKind: 'platform' },
          at,
        });
        // The operator files it after checking who asks, so it runs at once.
        await queueExecution(tx, house, id);
        return (await getRequest(tx, house, id))!;
      });
      return reply.code(201).send(await requestJson(ctx.keyring, row));
    },
  );

  app.get(
    '/v1/admin/privacy/requests',
    {
      schema: {
        tags,
        summary: 'Requests about portal users and email addresses, newest first',
        querystring: ListQuery,
        response: { 200: pageOf(RequestSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await listRequests(ctx.sql, await houseAccountId(ctx.sql), {
        kind: 'platform',
        before: decodeCursor(q.cursor),
        limit: q.limit,
      });
      const page = toPage(rows, q.limit);
      return {
        data: await Promise.all(page.data.map((r) => requestJson(ctx.keyring, r))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/v1/admin/privacy/requests/:requestId',
    {
      schema: {
        tags,
        summary: 'A request about a portal user or email address, its outcome and report',
        params: idParam('requestId'),
        response: { 200: RequestSchema },
      },
    },
    async (request) => requestJson(ctx.keyring, await found(request.params.requestId)),
  );

  app.get(
    '/v1/admin/privacy/requests/:requestId/export',
    {
      schema: {
        tags,
        summary: 'Download the export of an access or portability request (a zip) until it expires',
        params: idParam('requestId'),
      },
    },
    async (request, reply) => sendExport(ctx, await found(request.params.requestId), reply),
  );
}
