// Prices (operators), the price preview and usage summaries (clients).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { analyzeText } from '@cx-engage/encoding';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { operatorActor } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { idParam, Timestamp } from '../http/schemas.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { newId } from '../platform/ids.ts';
import { normalizeE164 } from '../platform/phone.ts';
import { createSenderPolicies } from '../messaging/senders.ts';
import { cachedPriceBook, loadPrices, type PriceRow } from './price-book.ts';

const Channel = Type.Union([Type.Literal('sms'), Type.Literal('whatsapp')]);
const Direction = Type.Union([Type.Literal('outbound'), Type.Literal('inbound')]);
const Money = Type.Object({ amountMicros: Type.Integer(), currency: Type.String() });
const PriceSchema = Type.Object({
  id: Type.String(),
  accountId: Type.Union([Type.String(), Type.Null()], { description: "null: the platform's list price" }),
  channel: Type.String(),
  direction: Type.String(),
  prefix: Type.String(),
  connectorId: Type.Union([Type.String(), Type.Null()]),
  category: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.Literal('price'), Type.Literal('discount')]),
  unitPriceMicros: Type.Union([Type.Integer(), Type.Null()]),
  discountBasisPoints: Type.Union([Type.Integer(), Type.Null()]),
  currency: Type.String(),
  effectiveFrom: Timestamp,
});
const PriceBody = Type.Object(
  {
    accountId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    channel: Channel,
    direction: Type.Optional(Direction),
    prefix: Type.String({ pattern: '^\\+[0-9]{0,15}$', description: "'+' for every destination, '+49', '+4915', …" }),
    connectorId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    category: Type.Optional(
      Type.Union(
        [
          Type.Literal('marketing'),
          Type.Literal('utility'),
          Type.Literal('authentication'),
          Type.Literal('service'),
          Type.Null(),
        ],
        {
          description:
            'WhatsApp: the message category this price is for (templates by their category, replies in the window are service); null: any',
        },
      ),
    ),
    unitPriceMicros: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000_000,
        description:
          'per SMS part or WhatsApp message, excluding VAT, in millionths of the currency unit (€0.0725 = 72500)',
      }),
    ),
    discountBasisPoints: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000,
        description: "an account's discount off the list price in force (1250 = 12.5 %)",
      }),
    ),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    effectiveFrom: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

function priceJson(p: PriceRow) {
  return { ...p, category: p.category ?? null, effectiveFrom: p.effectiveFrom.toISOString() };
}

export async function priceRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const prices = cachedPriceBook(ctx.sql, 1000);
  const senders = createSenderPolicies(ctx.sql);
  app.addHook('onClose', () => senders.close());

  app.post(
    '/v1/admin/prices',
    {
      schema: {
        tags: ['admin: billing'],
        summary: 'Add a price (list price or an account agreement), effective from a date',
        body: PriceBody,
        response: { 201: PriceSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const at = ctx.clock.now();
      if ((b.unitPriceMicros === undefined) === (b.discountBasisPoints === undefined))
        throw Problem.field(
          '/unitPriceMicros',
          'give either unitPriceMicros (a price) or discountBasisPoints (a discount)',
        );
      if (b.discountBasisPoints !== undefined && !b.accountId)
        throw Problem.field('/accountId', 'a discount is an agreement with one account');
      const row = await withTransaction(ctx.sql, async (tx) => {
        const [owner] = b.accountId
          ? await tx<{ id: string }[]>`select id from accounts where id = ${b.accountId}`
          : await tx<{ id: string }[]>`select id from accounts where is_house`;
        if (!owner) throw Problem.field('/accountId', 'no such account');
        const id = newId('prc', at);
        if (b.category && b.channel !== 'whatsapp')
          throw Problem.field('/category', 'categories price WhatsApp messages only');
        await tx`insert into prices (id, account_id, channel, direction, prefix, connector_id, category, kind, unit_price_micros, discount_basis_points, currency, effective_from, note, created_at)
               values (${id}, ${b.accountId ?? null}, ${b.channel}, ${b.direction ?? 'outbound'}, ${b.prefix}, ${b.connectorId ?? null}, ${b.category ?? null},
                       ${b.discountBasisPoints !== undefined ? 'discount' : 'price'}, ${b.unitPriceMicros ?? null}, ${b.discountBasisPoints ?? null},
                       ${b.currency}, ${b.effectiveFrom ? new Date(b.effectiveFrom) : at}, ${b.note ?? null}, ${at})`;
        await appendAudit(tx, {
          accountId: owner.id,
          actor: operatorActor(request),
          action: 'price.added',
          target: { type: 'price', id },
          data: {
            prefix: b.prefix,
            channel: b.channel,
            unitPriceMicros: b.unitPriceMicros ?? null,
            discountBasisPoints: b.discountBasisPoints ?? null,
            currency: b.currency,
          },
          at,
        });
        return (await loadPrices(tx)).find((p) => p.id === id)!;
      });
      return reply.code(201).send(priceJson(row));
    },
  );

  app.get(
    '/v1/admin/prices',
    {
      schema: {
        tags: ['admin: billing'],
        summary: 'Every price, list prices and agreements, by effective date',
        querystring: Type.Object({ accountId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Object({ data: Type.Array(PriceSchema) }) },
      },
    },
    async (request) => {
      const all = await loadPrices(ctx.sql);
      const rows = request.query.accountId ? all.filter((p) => p.accountId === request.query.accountId) : all;
      return { data: rows.sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime()).map(priceJson) };
    },
  );

  app.delete(
    '/v1/admin/prices/:priceId',
    {
      schema: {
        tags: ['admin: billing'],
        summary: 'Withdraw a price that is not in force yet',
        params: idParam('priceId'),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const [row] = await ctx.sql<
        { effectiveFrom: Date }[]
      >`select effective_from as "effectiveFrom" from prices where id = ${request.params.priceId}`;
      if (!row) throw new Problem(P['not-found'], `no price ${request.params.priceId}`);
      if (row.effectiveFrom <= ctx.clock.now())
        throw new Problem(
          P['invalid-state'],
          'a price in force is history (it rated usage): add a newer price instead',
        );
      await ctx.sql`delete from prices where id = ${request.params.priceId}`;
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/pricing',
    {
      schema: {
        tags: ['billing'],
        summary: 'What an SMS to this number with this text would cost (excluding VAT)',
        querystring: Type.Object({
          to: Type.String({ maxLength: 32 }),
          body: Type.String({ minLength: 1, maxLength: 1600 }),
        }),
        response: {
          200: Type.Object({
            to: Type.String(),
            encoding: Type.String(),
            segments: Type.Integer(),
            unitPrice: Type.Union([Money, Type.Null()]),
            total: Type.Union([Money, Type.Null()], { description: 'null when no price applies' }),
          }),
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const to = normalizeE164(request.query.to);
      if (!to) throw Problem.field('/querystring/to', 'must be a valid E.164 number');
      const analysis = analyzeText(request.query.body, {
        smartEncoding: (await senders.get(p.accountId)).smartEncoding,
      });
      const price = (await prices()).priceOf({
        accountId: p.accountId,
        channel: 'sms',
        direction: 'outbound',
        number: to,
        connectorId: null,
        at: ctx.clock.now(),
      });
      return {
        to,
        encoding: analysis.encoding,
        segments: analysis.segments,
        unitPrice: price ? { amountMicros: price.unitPriceMicros, currency: price.currency } : null,
        total: price ? { amountMicros: price.unitPriceMicros * analysis.segments, currency: price.currency } : null,
      };
    },
  );

  app.get(
    '/v1/usage',
    {
      schema: {
        tags: ['billing'],
        summary: 'Usage summary (rated units and amounts, excluding VAT) grouped by day, channel or country',
        querystring: Type.Object({
          from: Type.String({ format: 'date-time' }),
          to: Type.String({ format: 'date-time' }),
          groupBy: Type.Union([Type.Literal('day'), Type.Literal('channel'), Type.Literal('country')], {
            default: 'day',
          }),
        }),
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                key: Type.String(),
                units: Type.Integer(),
                amountMicros: Type.Integer(),
                currency: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const key =
        q.groupBy === 'day'
          ? ctx.sql`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')`
          : q.groupBy === 'channel'
            ? ctx.sql`channel`
            : ctx.sql`coalesce(country, 'unknown')`;
      const rows = await ctx.sql<{ key: string; units: number; amountMicros: bigint; currency: string | null }[]>`
      select ${key} as key, sum(units)::int as units, sum(amount_micros) as "amountMicros", currency
      from usage_records where account_id = ${principalOf(request).accountId} and occurred_at >= ${new Date(q.from)} and occurred_at < ${new Date(q.to)}
      group by 1, currency order by 1`;
      return { data: rows.map((r) => ({ ...r, amountMicros: Number(r.amountMicros) })) };
    },
  );
}
