// Prepaid balances and deposits: operators switch an account to prepaid, sell credit (a top-up
// invoice), require, record and refund deposits; clients read their balance.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { operatorActor } from '../http/principal.ts';
import { getAccount } from '../accounts/store.ts';
import { P, Problem } from '../http/problem.ts';
import { MAX_AMOUNT_MINOR, idParam } from '../http/schemas.ts';
import { heldDeposits, listDeposits, type DepositRow } from './deposit-store.ts';
import { recordDeposit, refundDeposit } from './deposits.ts';
import { setDepositRequirement } from './deposit-demands.ts';
import { toIsoDate } from './rules/dates.ts';
import { issueTopUp, setBillingMode } from './prepaid.ts';

const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const Amount = Type.Object(
  { amountMinor: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR }), currency: Currency },
  { additionalProperties: false },
);
const DepositSchema = Type.Object({
  id: Type.String(),
  amountMinor: Type.Integer(),
  currency: Type.String(),
  receivedOn: Type.String(),
  reference: Type.String(),
  method: Type.String(),
  status: Type.Union([Type.Literal('held'), Type.Literal('refunded')]),
  createdAt: Type.String(),
  refundedAt: Type.Union([Type.String(), Type.Null()]),
  refundNote: Type.Union([Type.String(), Type.Null()]),
});
const depositJson = (d: DepositRow) => ({
  ...d,
  createdAt: d.createdAt.toISOString(),
  refundedAt: d.refundedAt?.toISOString() ?? null,
});
const params = idParam('accountId');

export async function balanceRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: billing'];

  app.put(
    '/v1/admin/accounts/:accountId/billing-mode',
    {
      schema: {
        tags,
        summary: 'Postpaid (invoiced monthly, SMS limit applies) or prepaid (pays from bought credit, refused at zero)',
        params,
        body: Type.Object(
          { mode: Type.Union([Type.Literal('postpaid'), Type.Literal('prepaid')]) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await setBillingMode(ctx, operatorActor(request), request.params.accountId, request.body.mode);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/admin/accounts/:accountId/top-ups',
    {
      schema: {
        tags,
        summary:
          'Sell prepaid credit: issues an invoice for the amount (plus VAT); paying it in full credits the balance',
        params,
        body: Amount,
        response: {
          201: Type.Object({
            invoiceId: Type.String(),
            number: Type.String(),
            totalMinor: Type.Integer({ description: 'including VAT' }),
          }),
        },
      },
    },
    async (request, reply) => {
      const invoice = await issueTopUp(
        ctx,
        operatorActor(request),
        request.params.accountId,
        request.body.amountMinor,
        request.body.currency,
      );
      return reply.code(201).send({ invoiceId: invoice.id, number: invoice.number, totalMinor: invoice.totalMinor });
    },
  );

  app.put(
    '/v1/admin/accounts/:accountId/deposit-requirement',
    {
      schema: {
        tags,
        params,
        response: { 204: Type.Null() },
        summary:
          'Demand a deposit (null: none). Before boarding it is a condition of activation; on an account in service it is due by dueOn ' +
          '(default: the payment terms from today), the client is notified, and after that day its messages are refused (deposit_overdue) until it is held',
        body: Type.Object(
          {
            required: Type.Union([
              Type.Object(
                {
                  amountMinor: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR }),
                  currency: Currency,
                  dueOn: Type.Optional(
                    Type.String({ format: 'date', description: 'the last day to pay; today or later' }),
                  ),
                },
                { additionalProperties: false },
              ),
              Type.Null(),
            ]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      await setDepositRequirement(ctx, operatorActor(request), request.params.accountId, request.body.required);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/admin/accounts/:accountId/deposits',
    {
      schema: {
        tags,
        summary: 'Record a deposit received (held as security; it also covers unbilled usage for settlement)',
        params,
        body: Type.Object(
          {
            amountMinor: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR }),
            currency: Currency,
            receivedOn: Type.String({ format: 'date' }),
            reference: Type.String({ minLength: 1, maxLength: 200 }),
            method: Type.Union([
              Type.Literal('bank_transfer'),
              Type.Literal('card'),
              Type.Literal('direct_debit'),
              Type.Literal('other'),
            ]),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            deposit: DepositSchema,
            settled: Type.Boolean({ description: 'the deposit covered the unbilled usage: the SMS count restarted' }),
          }),
        },
      },
    },
    async (request, reply) => {
      const { deposit, settled } = await recordDeposit(
        ctx,
        operatorActor(request),
        request.params.accountId,
        request.body,
      );
      return reply.code(201).send({ deposit: depositJson(deposit), settled });
    },
  );

  app.get(
    '/v1/admin/accounts/:accountId/deposits',
    {
      schema: {
        tags,
        summary: "An account's deposits",
        params,
        response: { 200: Type.Object({ data: Type.Array(DepositSchema) }) },
      },
    },
    async (request) => ({ data: (await listDeposits(ctx.sql, request.params.accountId)).map(depositJson) }),
  );

  app.post(
    '/v1/admin/accounts/:accountId/deposits/:depositId/refund',
    {
      schema: {
        tags,
        summary: 'Mark a deposit refunded (after paying it back)',
        params: Type.Intersect([idParam('accountId'), idParam('depositId')]),
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: DepositSchema },
      },
    },
    async (request) =>
      depositJson(
        await refundDeposit(
          ctx,
          operatorActor(request),
          request.params.accountId,
          request.params.depositId,
          request.body.note,
        ),
      ),
  );

  app.get(
    '/v1/balance',
    {
      schema: {
        tags: ['billing'],
        summary: 'Your billing mode, prepaid credit and deposits',
        response: {
          200: Type.Object({
            mode: Type.Union([Type.Literal('postpaid'), Type.Literal('prepaid')]),
            balance: Type.Union([
              Type.Object({
                amountMicros: Type.Integer({ description: 'excluding VAT; at or below zero messages are refused' }),
                currency: Type.String(),
              }),
              Type.Null(),
            ]),
            deposits: Type.Object({
              required: Type.Union([
                Type.Object({
                  amountMinor: Type.Integer(),
                  currency: Type.String(),
                  dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
                    description: 'the last day to pay; null: a condition of boarding',
                  }),
                  overdue: Type.Boolean({
                    description: 'past dueOn and not held in full: messages are refused (deposit_overdue)',
                  }),
                }),
                Type.Null(),
              ]),
              held: Type.Array(Type.Object({ amountMinor: Type.Integer(), currency: Type.String() })),
            }),
          }),
        },
      },
    },
    async (request) => {
      const accountId = principalOf(request).accountId;
      const account = await getAccount(ctx.sql, accountId);
      if (!account) throw new Problem(P['not-found'], 'no such account');
      const held = await heldDeposits(ctx.sql, accountId);
      const short =
        account.depositRequiredMinor !== null &&
        account.depositCurrency !== null &&
        (held.get(account.depositCurrency) ?? 0) < account.depositRequiredMinor;
      return {
        mode: account.billingMode,
        balance: account.balanceCurrency
          ? { amountMicros: account.balanceMicros, currency: account.balanceCurrency }
          : null,
        deposits: {
          required:
            account.depositRequiredMinor !== null && account.depositCurrency
              ? {
                  amountMinor: account.depositRequiredMinor,
                  currency: account.depositCurrency,
                  dueOn: account.depositDueOn,
                  overdue: short && account.depositDueOn !== null && account.depositDueOn < toIsoDate(ctx.clock.now()),
                }
              : null,
          held: [...held].map(([currency, amountMinor]) => ({ amountMinor, currency })),
        },
      };
    },
  );
}
