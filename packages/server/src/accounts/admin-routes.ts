// Operator endpoints for accounts: create, list, board, suspend, reactivate, close (the kill
// switch is in fraud/hold-routes.ts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { operatorActor } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { idParam } from '../http/schemas.ts';
import { AccountSchema, RateLimitsInput, accountJson } from './present.ts';
import { changeAccount, createAccount, transitionAccount } from './service.ts';
import { getAccount, listAccounts } from './store.ts';
import { boardAccount } from './boarding.ts';

const AccountParams = idParam('accountId');
const ReasonBody = Type.Optional(
  Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
);

export async function adminAccountRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: accounts'];

  app.post(
    '/v1/admin/accounts',
    {
      schema: {
        tags,
        summary: 'Create a client account (pending until boarded)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            status: Type.Optional(
              Type.Union([Type.Literal('pending'), Type.Literal('active')], { default: 'pending' }),
            ),
            rateLimits: Type.Optional(RateLimitsInput),
          },
          { additionalProperties: false },
        ),
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const account = await createAccount(ctx, operatorActor(request), {
        name: b.name,
        ...(b.status && { status: b.status }),
        ...(b.rateLimits?.perKey !== undefined && { rateLimitPerKey: b.rateLimits.perKey }),
        ...(b.rateLimits?.perAccount !== undefined && { rateLimitPerAccount: b.rateLimits.perAccount }),
      });
      return reply.code(201).send(accountJson(account));
    },
  );

  app.get(
    '/v1/admin/accounts',
    {
      schema: {
        tags,
        summary: 'List accounts',
        querystring: Type.Intersect([
          ListQuery,
          Type.Object({ status: Type.Optional(AccountSchema.properties.status) }),
        ]),
        response: { 200: pageOf(AccountSchema) },
      },
    },
    async (request) => {
      const { limit, cursor, status } = request.query;
      const rows = await listAccounts(ctx.sql, { after: decodeCursor(cursor), limit: limit + 1, status });
      const page = toPage(rows, limit);
      return { data: page.data.map(accountJson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/admin/accounts/:accountId',
    {
      schema: { tags, summary: 'Get an account', params: AccountParams, response: { 200: AccountSchema } },
    },
    async (request) => {
      const account = await getAccount(ctx.sql, request.params.accountId);
      if (!account) throw new Problem(P['not-found'], `no account ${request.params.accountId}`);
      return accountJson(account);
    },
  );

  app.patch(
    '/v1/admin/accounts/:accountId',
    {
      schema: {
        tags,
        summary: 'Rename an account or change its API rate limits',
        params: AccountParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            rateLimits: Type.Optional(RateLimitsInput),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      const b = request.body;
      const account = await changeAccount(ctx, operatorActor(request), request.params.accountId, {
        name: b.name,
        rateLimitPerKey: b.rateLimits?.perKey,
        rateLimitPerAccount: b.rateLimits?.perAccount,
      });
      return accountJson(account);
    },
  );

  app.post(
    '/v1/admin/accounts/:accountId/board',
    {
      schema: {
        tags,
        summary:
          'Board a pending account: with its company details complete and any required deposit held, your written acceptance activates it',
        params: AccountParams,
        body: Type.Object(
          {
            acceptance: Type.Object(
              {
                text: Type.String({
                  minLength: 1,
                  maxLength: 5000,
                  description:
                    'the acceptance as written, e.g. "We accept the order of ACME Ltd under our terms of 2026-01-01"',
                }),
                signer: Type.String({ minLength: 1, maxLength: 200, description: 'who signs for the operator' }),
                reference: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
              },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: AccountSchema },
      },
    },
    async (request) =>
      accountJson(await boardAccount(ctx, operatorActor(request), request.params.accountId, request.body.acceptance)),
  );

  const transitions = [
    ['suspend', 'Suspend an account: its live keys can no longer send'],
    ['reactivate', 'Reactivate a suspended account'],
    ['close', 'Close an account for good'],
  ] as const;
  for (const [transition, summary] of transitions) {
    app.post(
      `/v1/admin/accounts/:accountId/${transition}`,
      {
        schema: { tags, summary, params: AccountParams, body: ReasonBody, response: { 200: AccountSchema } },
      },
      async (request) => {
        const account = await transitionAccount(
          ctx,
          operatorActor(request),
          request.params.accountId,
          transition,
          request.body?.reason,
        );
        return accountJson(account);
      },
    );
  }
}
