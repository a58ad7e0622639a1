// SMS limit requests (clients), their written approval or rejection, direct limit changes and
// settlement (operators).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { operatorActor } from '../http/principal.ts';
import { AccountSchema, accountJson } from '../accounts/present.ts';
import { getAccount } from '../accounts/store.ts';
import { setSpendCap } from './account-store.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { NullableTimestamp, Timestamp, idParam } from '../http/schemas.ts';
import {
  approveLimitRequest,
  changeLimit,
  listLimitRequests,
  rejectLimitRequest,
  requestLimitChange,
  settleUsage,
  type LimitRequestRow,
} from './limit-changes.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const LimitRequestSchema = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  smsLimit: Type.Union([Type.Integer(), Type.Null()], { description: 'null = no limit' }),
  reason: NullableString,
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  createdAt: Timestamp,
  decidedAt: NullableTimestamp,
  approval: Type.Union(
    [Type.Object({ by: Type.String(), text: Type.String(), reference: NullableString, at: Timestamp }), Type.Null()],
    {
      description: "the operator's written approval",
    },
  ),
  decisionNote: NullableString,
});
const StatusQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])),
});
const ApprovalFields = {
  approvalText: Type.String({
    minLength: 1,
    maxLength: 4000,
    description: 'the written approval, e.g. the signed order or email it rests on',
  }),
  reference: Type.Optional(Type.String({ maxLength: 200 })),
};

function requestJson(r: LimitRequestRow) {
  return {
    id: r.id,
    accountId: r.accountId,
    smsLimit: r.smsLimit,
    reason: r.reason,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    approval:
      r.status === 'approved'
        ? { by: r.decidedBy!, text: r.approvalText!, reference: r.approvalReference, at: r.decidedAt!.toISOString() }
        : null,
    decisionNote: r.decisionNote,
  };
}

export async function limitRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['account'];
  const adminTags = ['admin: billing'];

  app.post(
    '/v1/account/limit-requests',
    {
      schema: {
        tags,
        summary: 'Ask for a different SMS limit (effective only once an operator approves it in writing)',
        body: Type.Object(
          {
            smsLimit: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: LimitRequestSchema },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const row = await requestLimitChange(ctx, { type: 'key', id: p.keyId }, p.accountId, {
        smsLimit: request.body.smsLimit,
        reason: request.body.reason ?? null,
      });
      return reply.code(201).send(requestJson(row));
    },
  );

  app.get(
    '/v1/account/limit-requests',
    {
      schema: {
        tags,
        summary: "Your account's limit requests",
        querystring: Type.Intersect([ListQuery, StatusQuery]),
        response: { 200: pageOf(LimitRequestSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await listLimitRequests(ctx.sql, {
        accountId: principalOf(request).accountId,
        status: q.status,
        after: decodeCursor(q.cursor),
        limit: q.limit + 1,
      });
      const page = toPage(rows, q.limit);
      return { data: page.data.map(requestJson), nextCursor: page.nextCursor };
    },
  );

  app.put(
    '/v1/account/spend-cap',
    {
      schema: {
        tags,
        summary:
          'Cap your rated spend per calendar month (UTC) and choose the alerts; at the cap messages are rejected (spend_cap)',
        body: Type.Object(
          {
            monthlyCapMicros: Type.Union([Type.Integer({ minimum: 0, maximum: 1e15 }), Type.Null()], {
              description: 'excluding VAT, in millionths of the currency unit; null = no cap',
            }),
            alertPercents: Type.Optional(
              Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), {
                maxItems: 5,
                uniqueItems: true,
                description: 'e.g. [50, 80]; 100 % always alerts',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const at = ctx.clock.now();
      await withTransaction(ctx.sql, async (tx) => {
        await setSpendCap(tx, p.accountId, request.body.monthlyCapMicros, request.body.alertPercents ?? [], at);
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: { type: 'key', id: p.keyId },
          action: 'account.spend_cap_changed',
          target: { type: 'account', id: p.accountId },
          data: { monthlyCapMicros: request.body.monthlyCapMicros },
          at,
        });
      });
      return accountJson((await getAccount(ctx.sql, p.accountId))!);
    },
  );

  app.get(
    '/v1/admin/limit-requests',
    {
      schema: {
        tags: adminTags,
        summary: 'Limit requests of every account (e.g. ?status=pending)',
        querystring: Type.Intersect([ListQuery, StatusQuery]),
        response: { 200: pageOf(LimitRequestSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await listLimitRequests(ctx.sql, {
        status: q.status,
        after: decodeCursor(q.cursor),
        limit: q.limit + 1,
      });
      const page = toPage(rows, q.limit);
      return { data: page.data.map(requestJson), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/v1/admin/limit-requests/:requestId/approve',
    {
      schema: {
        tags: adminTags,
        summary: 'Approve a limit request in writing; the limit applies at once',
        params: idParam('requestId'),
        body: Type.Object(ApprovalFields, { additionalProperties: false }),
        response: { 200: LimitRequestSchema },
      },
    },
    async (request) =>
      requestJson(
        await approveLimitRequest(ctx, operatorActor(request), request.params.requestId, {
          text: request.body.approvalText,
          reference: request.body.reference ?? null,
        }),
      ),
  );

  app.post(
    '/v1/admin/limit-requests/:requestId/reject',
    {
      schema: {
        tags: adminTags,
        summary: 'Reject a limit request',
        params: idParam('requestId'),
        body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: LimitRequestSchema },
      },
    },
    async (request) =>
      requestJson(
        await rejectLimitRequest(ctx, operatorActor(request), request.params.requestId, request.body.note ?? null),
      ),
  );

  app.post(
    '/v1/admin/accounts/:accountId/sms-limit',
    {
      schema: {
        tags: adminTags,
        summary: "Change an account's SMS limit, with the written approval it rests on",
        params: idParam('accountId'),
        body: Type.Object(
          {
            smsLimit: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]),
            ...ApprovalFields,
          },
          { additionalProperties: false },
        ),
        response: { 200: LimitRequestSchema },
      },
    },
    async (request) =>
      requestJson(
        await changeLimit(ctx, operatorActor(request), request.params.accountId, request.body.smsLimit, {
          text: request.body.approvalText,
          reference: request.body.reference ?? null,
        }),
      ),
  );

  app.post(
    '/v1/admin/accounts/:accountId/settle',
    {
      schema: {
        tags: adminTags,
        summary: "Record that the account's usage is paid or covered: its SMS count starts again from zero",
        params: idParam('accountId'),
        body: Type.Object(
          { reference: Type.String({ minLength: 1, maxLength: 200, description: 'payment or deposit reference' }) },
          { additionalProperties: false },
        ),
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      await settleUsage(ctx, operatorActor(request), request.params.accountId, request.body.reference);
      return accountJson((await getAccount(ctx.sql, request.params.accountId))!);
    },
  );
}
