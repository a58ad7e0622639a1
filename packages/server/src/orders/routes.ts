// Orders: clients request and withdraw, operators draft, accept in writing or reject.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { operatorActor } from '../http/principal.ts';
import { ListQuery, decodeCursor, pageOf, toPage } from '../http/pagination.ts';
import { NullableTimestamp, Timestamp, idParam } from '../http/schemas.ts';
import { OrderItemSchema } from './items.ts';
import {
  acceptOrder,
  cancelOrder,
  confirmOrder,
  createOrder,
  getOrder,
  listOrders,
  rejectOrder,
  type OrderRow,
} from './service.ts';

const Status = Type.Union([
  Type.Literal('draft'),
  Type.Literal('requested'),
  Type.Literal('accepted'),
  Type.Literal('rejected'),
  Type.Literal('canceled'),
]);
const OrderSchema = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  status: Status,
  items: Type.Array(OrderItemSchema),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  placedAt: Type.Union([Timestamp, Type.Null()], {
    description: 'when the client placed the order (its request, or its confirmation of a draft); null for a draft',
  }),
  decidedAt: NullableTimestamp,
  acceptance: Type.Union(
    [
      Type.Object({ text: Type.String(), signer: Type.String(), reference: Type.Union([Type.String(), Type.Null()]) }),
      Type.Null(),
    ],
    {
      description: "the operator's written acceptance that made the order binding",
    },
  ),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  effects: Type.Union([
    Type.Array(
      Type.Object({
        item: Type.Integer(),
        kind: Type.String(),
        detail: Type.String(),
        id: Type.Optional(Type.String()),
      }),
    ),
    Type.Null(),
  ]),
});
const OrderBody = Type.Object(
  {
    items: Type.Array(OrderItemSchema, { minItems: 1, maxItems: 50 }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const StatusQuery = Type.Object({ status: Type.Optional(Status) });

const orderJson = (o: OrderRow) => ({
  id: o.id,
  accountId: o.accountId,
  status: o.status,
  items: o.items,
  note: o.note,
  createdAt: o.createdAt.toISOString(),
  placedAt: o.placedAt?.toISOString() ?? null,
  decidedAt: o.decidedAt?.toISOString() ?? null,
  acceptance: o.acceptance,
  decisionNote: o.decisionNote,
  effects: o.effects,
});

export async function orderRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const page = async (
    q: { limit: number; cursor?: string | undefined; status?: string | undefined },
    accountId?: string,
  ) => {
    const p = toPage(
      await listOrders(ctx.sql, { accountId, status: q.status, after: decodeCursor(q.cursor), limit: q.limit + 1 }),
      q.limit,
    );
    return { data: p.data.map(orderJson), nextCursor: p.nextCursor };
  };

  app.post(
    '/v1/orders',
    {
      schema: {
        tags: ['account'],
        summary: 'Request services (binding only once an operator accepts it in writing)',
        body: OrderBody,
        response: { 201: OrderSchema },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      return reply.code(201).send(
        orderJson(
          await createOrder(ctx, { type: 'key', id: p.keyId }, p.accountId, {
            items: request.body.items,
            note: request.body.note ?? null,
          }),
        ),
      );
    },
  );

  app.get(
    '/v1/orders',
    {
      schema: {
        tags: ['account'],
        summary: 'Your orders: your requests and the offers drafted for you',
        querystring: Type.Intersect([ListQuery, StatusQuery]),
        response: { 200: pageOf(OrderSchema) },
      },
    },
    async (request) => page(request.query, principalOf(request).accountId),
  );

  app.get(
    '/v1/orders/:orderId',
    {
      schema: { tags: ['account'], summary: 'An order', params: idParam('orderId'), response: { 200: OrderSchema } },
    },
    async (request) => orderJson(await getOrder(ctx.sql, request.params.orderId, principalOf(request).accountId)),
  );

  app.post(
    '/v1/orders/:orderId/confirm',
    {
      schema: {
        tags: ['account'],
        summary:
          'Place a draft an operator offered you as your order (it binds once the operator accepts it in writing)',
        params: idParam('orderId'),
        response: { 200: OrderSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return orderJson(await confirmOrder(ctx, { type: 'key', id: p.keyId }, p.accountId, request.params.orderId));
    },
  );

  app.post(
    '/v1/orders/:orderId/cancel',
    {
      schema: {
        tags: ['account'],
        summary: 'Withdraw a request or decline a draft before an operator accepts it',
        params: idParam('orderId'),
        response: { 200: OrderSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return orderJson(await cancelOrder(ctx, { type: 'key', id: p.keyId }, p.accountId, request.params.orderId));
    },
  );

  const adminTags = ['admin: orders'];
  app.post(
    '/v1/admin/accounts/:accountId/orders',
    {
      schema: {
        tags: adminTags,
        summary:
          'Draft an order for an account (an offer: nothing changes until the client confirms it and you accept it)',
        params: idParam('accountId'),
        body: OrderBody,
        response: { 201: OrderSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        orderJson(
          await createOrder(ctx, operatorActor(request), request.params.accountId, {
            items: request.body.items,
            note: request.body.note ?? null,
          }),
        ),
      ),
  );

  app.get(
    '/v1/admin/orders',
    {
      schema: {
        tags: adminTags,
        summary: 'Orders of every account (e.g. ?status=requested for the approval queue)',
        querystring: Type.Intersect([
          ListQuery,
          StatusQuery,
          Type.Object({ accountId: Type.Optional(Type.String({ maxLength: 64 })) }),
        ]),
        response: { 200: pageOf(OrderSchema) },
      },
    },
    async (request) => page(request.query, request.query.accountId),
  );

  app.post(
    '/v1/admin/orders/:orderId/accept',
    {
      schema: {
        tags: adminTags,
        summary:
          'Accept an order the client placed, in writing: it becomes binding and takes effect at once (all items or none); a draft the client has not confirmed is 409',
        params: idParam('orderId'),
        body: Type.Object(
          {
            acceptance: Type.Object(
              {
                text: Type.String({ minLength: 1, maxLength: 5000 }),
                signer: Type.String({ minLength: 1, maxLength: 200 }),
                reference: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
              },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: OrderSchema },
      },
    },
    async (request) => {
      const a = request.body.acceptance;
      return orderJson(
        await acceptOrder(ctx, operatorActor(request), request.params.orderId, {
          text: a.text,
          signer: a.signer,
          reference: a.reference ?? null,
        }),
      );
    },
  );

  app.post(
    '/v1/admin/orders/:orderId/reject',
    {
      schema: {
        tags: adminTags,
        summary: 'Reject an order',
        params: idParam('orderId'),
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: OrderSchema },
      },
    },
    async (request) =>
      orderJson(await rejectOrder(ctx, operatorActor(request), request.params.orderId, request.body.note)),
  );
}
