// Numbers and short codes: operators assign them to accounts; clients list their own.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { P, Problem } from '../http/problem.ts';
import { idParam, Timestamp } from '../http/schemas.ts';
import { newId } from '../platform/ids.ts';
import { normalizeAssignable } from '../platform/phone.ts';

const WhatsAppLink = Type.Object(
  {
    connectorId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'the WhatsApp connector (Business Account) the number belongs to',
    }),
    phoneNumberId: Type.String({ pattern: '^[0-9]{1,32}$', description: "Meta's phone number id" }),
  },
  { additionalProperties: false },
);
const NumberSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  accountId: Type.String(),
  channels: Type.Array(Type.String()),
  sandbox: Type.Boolean(),
  whatsapp: Type.Union([WhatsAppLink, Type.Null()]),
  createdAt: Timestamp,
});
interface NumberRow {
  id: string;
  number: string;
  accountId: string;
  channels: string[];
  sandbox: boolean;
  connectorId: string | null;
  phoneNumberId: string | null;
  createdAt: Date;
}
const numberJson = ({ connectorId, phoneNumberId, ...n }: NumberRow) => ({
  ...n,
  whatsapp: connectorId && phoneNumberId ? { connectorId, phoneNumberId } : null,
  createdAt: n.createdAt.toISOString(),
});

export async function numberRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const select = ctx.sql`id, number, account_id as "accountId", channels, is_sandbox as sandbox, whatsapp_connector_id as "connectorId",
    phone_number_id as "phoneNumberId", created_at as "createdAt"`;

  app.post(
    '/v1/admin/numbers',
    {
      schema: {
        tags: ['admin: numbers'],
        summary: 'Assign a number or short code to an account',
        body: Type.Object(
          {
            number: Type.String({ minLength: 3, maxLength: 32 }),
            accountId: Type.String({ minLength: 1 }),
            channels: Type.Array(Type.Union([Type.Literal('sms'), Type.Literal('whatsapp')]), {
              minItems: 1,
              uniqueItems: true,
            }),
            whatsapp: Type.Optional(WhatsAppLink),
          },
          { additionalProperties: false },
        ),
        response: { 201: NumberSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const number = normalizeAssignable(b.number);
      if (!number) throw Problem.field('/number', 'must be an E.164 number or a short code (3-8 digits)');
      const [acc] = await ctx.sql`select id from accounts where id = ${b.accountId}`;
      if (!acc) throw Problem.field('/accountId', 'no such account');
      const [taken] = await ctx.sql`select account_id from numbers where number = ${number}`;
      if (taken) throw new Problem(P.conflict, `${number} is already assigned`);
      if (b.channels.includes('whatsapp') !== (b.whatsapp !== undefined)) {
        throw Problem.field(
          '/whatsapp',
          'a number with the whatsapp channel needs { connectorId, phoneNumberId }, and only such a number takes them',
        );
      }
      if (b.whatsapp) {
        const [connector] =
          await ctx.sql`select 1 from connectors where id = ${b.whatsapp.connectorId} and kind = 'whatsapp'`;
        if (!connector) throw Problem.field('/whatsapp/connectorId', 'no such WhatsApp connector');
      }
      const at = ctx.clock.now();
      const [row] = await ctx.sql<NumberRow[]>`
      insert into numbers (account_id, id, number, channels, whatsapp_connector_id, phone_number_id, created_at)
      values (${b.accountId}, ${newId('num', at)}, ${number}, ${b.channels}, ${b.whatsapp?.connectorId ?? null}, ${b.whatsapp?.phoneNumberId ?? null}, ${at})
      returning ${select}`;
      return reply.code(201).send(numberJson(row!));
    },
  );

  app.get(
    '/v1/admin/numbers',
    {
      schema: {
        tags: ['admin: numbers'],
        summary: 'List assigned numbers',
        querystring: Type.Object({ accountId: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ data: Type.Array(NumberSchema), nextCursor: Type.Null() }) },
      },
    },
    async (request) => {
      const rows = await ctx.sql<
        NumberRow[]
      >`select ${select} from numbers ${request.query.accountId ? ctx.sql`where account_id = ${request.query.accountId}` : ctx.sql``} order by number`;
      return { data: rows.map(numberJson), nextCursor: null };
    },
  );

  app.delete(
    '/v1/admin/numbers/:numberId',
    {
      schema: {
        tags: ['admin: numbers'],
        summary: 'Take a number back from its account',
        params: idParam('numberId'),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const rows =
        await ctx.sql`delete from numbers where id = ${request.params.numberId} and not is_sandbox returning id`;
      if (rows.length === 0) throw new Problem(P['not-found'], `no removable number ${request.params.numberId}`);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/numbers',
    {
      schema: {
        tags: ['numbers'],
        summary: "Your account's numbers",
        response: { 200: Type.Object({ data: Type.Array(NumberSchema), nextCursor: Type.Null() }) },
      },
    },
    async (request) => {
      const rows = await ctx.sql<
        NumberRow[]
      >`select ${select} from numbers where account_id = ${principalOf(request).accountId} order by number`;
      return { data: rows.map(numberJson), nextCursor: null };
    },
  );
}
