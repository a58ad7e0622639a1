// Data-subject requests over the API (privacy:manage).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import type { Db, Tx } from '../../db/pool.ts';
import { actorOf, principalOf } from '../../http/principal.ts';
import { P, Problem } from '../../http/problem.ts';
import { idParam, Timestamp } from '../../http/schemas.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../../http/pagination.ts';
import { withTransaction } from '../../db/tx.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeE164 } from '../../platform/phone.ts';
import type { SubjectHasher } from '../subject-hash.ts';
import { contactByEmail, emailIdentity, getContact } from '../contacts.ts';
import {
  emitRequestEvent,
  getRequest,
  listRequests,
  readNotes,
  requestJson,
  setStatus,
  REQUEST_TYPES,
  type RequestRow,
  type SubjectRef,
} from './store.ts';
import { queueExecution } from './execute.ts';
import { RequestSchema } from './schemas.ts';
import { sendExport } from './export.ts';
import { addCalendarMonths } from '../../platform/calendar.ts';
import { automatedDecisions, releaseOverturned, reviewDecision } from './decisions.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const CreateBody = Type.Object(
  {
    type: Type.Enum(REQUEST_TYPES),
    subject: Type.Object(
      {
        phone: Type.Optional(Type.String({ maxLength: 32 })),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
        contactId: Type.Optional(Type.String({ maxLength: 64 })),
      },
      {
        additionalProperties: false,
        minProperties: 1,
        maxProperties: 1,
        description: 'exactly one of phone, email, contactId',
      },
    ),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    changes: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
          whatsappId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
          attributes: Type.Optional(
            Type.Record(
              Type.String({ maxLength: 64 }),
              Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]),
            ),
          ),
        },
        {
          additionalProperties: false,
          minProperties: 1,
          description: 'rectification only: the corrected contact fields',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export async function privacyRequestRoutes(
  base: FastifyInstance,
  opts: { ctx: Context; hasher: SubjectHasher },
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, hasher } = opts;
  const found = async (accountId: string, id: string, db: Db = ctx.sql, forUpdate = false): Promise<RequestRow> => {
    const row = await getRequest(db, accountId, id, { forUpdate });
    if (!row) throw new Problem(P['not-found'], `no privacy request ${id}`);
    return row;
  };
  const show = (row: RequestRow) => requestJson(ctx.keyring, row);
  /** Changes one request under its row lock and answers with it as it is afterwards. */
  const act = async (accountId: string, id: string, change: (tx: Tx, row: RequestRow) => Promise<void>) =>
    show(
      await withTransaction(ctx.sql, async (tx) => {
        await change(tx, await found(accountId, id, tx, true));
        return (await getRequest(tx, accountId, id))!;
      }),
    );

  /** The subject's hash: a number's, the contact's, or an email's (its contact's, if one has it). */
  async function resolve(accountId: string, subject: SubjectRef): Promise<{ hash: Buffer; contactId: string | null }> {
    if (subject.phone !== undefined) {
      const phone = normalizeE164(subject.phone);
      if (!phone) throw Problem.field('/subject/phone', 'must be an E.164 number, e.g. +4915112345678');
      return { hash: await hasher.hash(accountId, phone), contactId: null };
    }
    if (subject.contactId !== undefined) {
      const contact = await getContact(ctx.sql, accountId, subject.contactId);
      if (!contact) throw Problem.field('/subject/contactId', `no contact ${subject.contactId} in this account`);
      return { hash: contact.subjectHash, contactId: contact.id };
    }
    const contact = await contactByEmail(ctx.sql, hasher, accountId, subject.email!);
    return contact
      ? { hash: contact.subjectHash, contactId: contact.id }
      : { hash: await hasher.hash(accountId, emailIdentity(subject.email!)), contactId: null };
  }

  app.post(
    '/v1/privacy/requests',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Record a data-subject request; it runs on its own unless the account approves requests by hand',
        body: CreateBody,
        response: { 201: RequestSchema },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      if (b.type === 'rectification' && !b.changes)
        throw Problem.field('/changes', 'a rectification needs the corrected fields');
      if (b.type !== 'rectification' && b.changes)
        throw Problem.field('/changes', 'only a rectification carries changes');
      const { hash } = await resolve(p.accountId, b.subject);
      const at = ctx.clock.now();
      const id = newId('dsr', at);
      const seal = (v: unknown) => ctx.keyring.encrypt(p.accountId, JSON.stringify(v));
      const row = await withTransaction(ctx.sql, async (tx) => {
        const [{ manual }] = await tx<
          [{ manual: boolean }]
        >`select coalesce((settings->>'privacyManualApproval')::boolean, false) as manual from accounts where id = ${p.accountId}`;
        await tx`insert into privacy_requests (account_id, id, type, status, subject_hash, subject, note, changes, received_at, due_at, updated_at)
               values (${p.accountId}, ${id}, ${b.type}, 'received', ${hash}, ${await seal(b.subject)},
                       ${b.note !== undefined ? await ctx.keyring.encrypt(p.accountId, b.note) : null}, ${b.changes ? await seal(b.changes) : null},
                       ${at}, ${addCalendarMonths(at, 1)}, ${at})`;
        await emitRequestEvent(tx, { accountId: p.accountId, id, type: b.type }, 'dsr.received', 'received', at);
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: 'dsr.received',
          target: { type: 'privacy_request', id },
          data: { type: b.type, manualApproval: manual! },
          at,
        });
        if (!manual) await queueExecution(tx, p.accountId, id);
        return (await getRequest(tx, p.accountId, id))!;
      });
      return reply.code(201).send(await show(row));
    },
  );

  app.get(
    '/v1/privacy/requests',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Data-subject requests, newest first',
        querystring: Type.Intersect([
          ListQuery,
          Type.Object({
            status: Type.Optional(
              Type.Union([
                Type.Literal('received'),
                Type.Literal('in_progress'),
                Type.Literal('completed'),
                Type.Literal('rejected'),
              ]),
            ),
            type: Type.Optional(Type.Enum(REQUEST_TYPES)),
          }),
        ]),
        response: { 200: pageOf(RequestSchema) },
      },
    },
    async (request) => {
      const { accountId } = principalOf(request);
      const q = request.query;
      const page = toPage(
        await listRequests(ctx.sql, accountId, {
          status: q.status,
          type: q.type,
          before: decodeCursor(q.cursor),
          limit: q.limit,
        }),
        q.limit,
      );
      return { data: await Promise.all(page.data.map(show)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/privacy/requests/:requestId',
    {
      schema: {
        tags: ['privacy'],
        summary: 'A data-subject request, its outcome and report',
        params: idParam('requestId'),
        response: { 200: RequestSchema },
      },
    },
    async (request) => show(await found(principalOf(request).accountId, request.params.requestId)),
  );

  app.patch(
    '/v1/privacy/requests/:requestId',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Assign a request to a team member, or add a note',
        params: idParam('requestId'),
        body: Type.Object(
          {
            assignee: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
            addNote: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: RequestSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      return act(p.accountId, request.params.requestId, async (tx, row) => {
        if (b.assignee) {
          const [user] = await tx`select id from users where account_id = ${p.accountId} and id = ${b.assignee}`;
          if (!user) throw Problem.field('/assignee', `no user ${b.assignee} in this account`);
        }
        const notes = b.addNote
          ? [
              ...(await readNotes(ctx.keyring, row)),
              { at: ctx.clock.now().toISOString(), by: actorOf(p), text: b.addNote },
            ]
          : null;
        await tx`update privacy_requests set assignee = ${b.assignee !== undefined ? b.assignee : row.assignee},
                 notes = ${notes ? await ctx.keyring.encrypt(p.accountId, JSON.stringify(notes)) : row.notes}, updated_at = ${ctx.clock.now()}
               where account_id = ${p.accountId} and id = ${row.id}`;
        if (b.assignee !== undefined) {
          await appendAudit(tx, {
            accountId: p.accountId,
            actor: actorOf(p),
            action: 'dsr.assigned',
            target: { type: 'privacy_request', id: row.id },
            data: { assignee: b.assignee },
            at: ctx.clock.now(),
          });
        }
      });
    },
  );

  app.post(
    '/v1/privacy/requests/:requestId/approve',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Approve a request waiting for approval (manual approval accounts): it runs now',
        params: idParam('requestId'),
        body: Type.Object({ assignee: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }),
        response: { 200: RequestSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return act(p.accountId, request.params.requestId, async (tx, row) => {
        if (row.status !== 'received')
          throw new Problem(
            P['invalid-state'],
            `the request is ${row.status}; only a received request can be approved`,
          );
        const assignee = request.body.assignee ?? (p.session ? p.session.userId : row.assignee);
        await tx`update privacy_requests set assignee = ${assignee}, updated_at = ${ctx.clock.now()} where account_id = ${p.accountId} and id = ${row.id}`;
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: 'dsr.approved',
          target: { type: 'privacy_request', id: row.id },
          at: ctx.clock.now(),
        });
        await queueExecution(tx, p.accountId, row.id);
      });
    },
  );

  app.post(
    '/v1/privacy/requests/:requestId/reject',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Refuse a request, with the reason the person is told (e.g. identity not verified)',
        params: idParam('requestId'),
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: RequestSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return act(p.accountId, request.params.requestId, async (tx, row) => {
        if (row.status !== 'received' && row.status !== 'in_progress')
          throw new Problem(P['invalid-state'], `the request is already ${row.status}`);
        await setStatus(tx, row, 'rejected', ctx.clock.now(), { rejectionReason: request.body.reason });
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: 'dsr.rejected',
          target: { type: 'privacy_request', id: row.id },
          at: ctx.clock.now(),
        });
      });
    },
  );

  app.post(
    '/v1/privacy/requests/:requestId/extend',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Extend the deadline by two months, once, with the reason (GDPR Art. 12(3): complexity or number of requests)',
        params: idParam('requestId'),
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: RequestSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return act(p.accountId, request.params.requestId, async (tx, row) => {
        if (row.extensionReason)
          throw new Problem(
            P['invalid-state'],
            'the deadline was already extended; GDPR allows one extension of two months',
          );
        if (row.status === 'completed' || row.status === 'rejected')
          throw new Problem(P['invalid-state'], `the request is already ${row.status}`);
        const at = ctx.clock.now();
        await tx`update privacy_requests set due_at = ${addCalendarMonths(row.receivedAt, 3)}, extension_reason = ${request.body.reason}, updated_at = ${at}
               where account_id = ${p.accountId} and id = ${row.id}`;
        await emitRequestEvent(tx, row, 'dsr.extended', row.status, at);
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: 'dsr.extended',
          target: { type: 'privacy_request', id: row.id },
          at,
        });
      });
    },
  );

  app.get(
    '/v1/privacy/requests/:requestId/decisions',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Automated decisions about the subject (automated_decision_review requests), each with its explanation and review',
        params: idParam('requestId'),
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                messageId: Type.String(),
                kind: Type.String(),
                status: Type.String(),
                at: Timestamp,
                explanation: Type.String(),
                review: Nullable(Type.Object({ outcome: Type.String(), note: Nullable(Type.String()), at: Timestamp })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { accountId } = principalOf(request);
      const row = await found(accountId, request.params.requestId);
      if (row.type !== 'automated_decision_review')
        throw new Problem(P['invalid-state'], 'only an automated_decision_review request lists decisions');
      return { data: await automatedDecisions(ctx.sql, accountId, row.subjectHash, row.id) };
    },
  );

  app.post(
    '/v1/privacy/requests/:requestId/reviews',
    {
      schema: {
        tags: ['privacy'],
        summary: 'A person confirms or overturns one automated decision; an overturned hold is released',
        params: idParam('requestId'),
        body: Type.Object(
          {
            messageId: Type.String({ maxLength: 64 }),
            outcome: Type.Union([Type.Literal('confirmed'), Type.Literal('overturned')]),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const actor = actorOf(p);
      const { row, release } = await withTransaction(ctx.sql, async (tx) => {
        const r = await found(p.accountId, request.params.requestId, tx, true);
        if (r.type !== 'automated_decision_review')
          throw new Problem(P['invalid-state'], 'only an automated_decision_review request has decisions to review');
        if (r.status !== 'in_progress') throw new Problem(P['invalid-state'], `the request is ${r.status}`);
        const reviewed = await reviewDecision(ctx, tx, r, b.messageId, b.outcome, b.note ?? null, actor);
        if (reviewed.allReviewed) await setStatus(tx, r, 'completed', ctx.clock.now());
        return { row: r, release: reviewed.release };
      });
      if (release) await releaseOverturned(ctx, row, b.messageId, actor);
      return show((await getRequest(ctx.sql, p.accountId, row.id))!);
    },
  );

  app.get(
    '/v1/privacy/requests/:requestId/export',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Download the export of an access or portability request (a zip) until it expires',
        params: idParam('requestId'),
      },
    },
    async (request, reply) => {
      const { accountId } = principalOf(request);
      return sendExport(ctx, await found(accountId, request.params.requestId), reply);
    },
  );
}
