// POST /v1/sandbox/inbound: make the sandbox SMSC send a message to one of your numbers, as
// a phone on an operator's network would. It arrives over real SMPP like any inbound SMS.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../auth/principal.ts';
import { Problem } from '../http/problem.ts';
import { newId } from '../platform/ids.ts';
import { normalizeE164 } from '../messaging/input.ts';

export async function sandboxInboundRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  app.post('/v1/sandbox/inbound', {
    schema: {
      tags: ['sandbox'], summary: 'Simulate an inbound SMS or WhatsApp message from a phone to one of your numbers',
      body: Type.Object({
        channel: Type.Optional(Type.Union([Type.Literal('sms'), Type.Literal('whatsapp')], { default: 'sms' })),
        from: Type.String({ minLength: 2, maxLength: 32 }),
        to: Type.String({ minLength: 2, maxLength: 32 }),
        body: Type.String({ minLength: 1, maxLength: 1600 }),
      }, { additionalProperties: false }),
      response: { 202: Type.Object({ id: Type.String(), status: Type.Literal('queued') }) },
    },
  }, async (request, reply) => {
    const accountId = principalOf(request).accountId;
    const from = normalizeE164(request.body.from);
    if (!from) throw Problem.field('/from', 'must be a valid E.164 number');
    const channel = request.body.channel ?? 'sms';
    // WhatsApp: the sandbox Business Account serves the sandbox number only.
    const [number] = await ctx.sql`select number from numbers where account_id = ${accountId} and number = ${request.body.to} and ${channel} = any(channels)
                                     ${channel === 'whatsapp' ? ctx.sql`and is_sandbox` : ctx.sql``}`;
    if (!number) throw Problem.field('/to', `must be one of your numbers with the ${channel} channel (GET /v1/numbers)${channel === 'whatsapp' ? ': the sandbox number' : ''}`);
    const at = ctx.clock.now();
    const id = newId('sbx', at);
    await ctx.sql`insert into sandbox_inbound (account_id, id, channel, from_number, to_number, body, created_at)
                  values (${accountId}, ${id}, ${channel}, ${from}, ${request.body.to}, ${request.body.body}, ${at})`;
    await ctx.sql`select pg_notify('cx_events', 'sandbox')`;
    return reply.code(202).send({ id, status: 'queued' as const });
  });
}

/** Claims pending sandbox inbound requests (the simulator's leader sends them). */
export async function takeSandboxInbound(ctx: Context): Promise<{ channel: 'sms' | 'whatsapp'; from: string; to: string; body: string }[]> {
  return ctx.sql<{ channel: 'sms' | 'whatsapp'; from: string; to: string; body: string }[]>`
    update sandbox_inbound set done_at = ${ctx.clock.now()}
    where (account_id, id) in (select account_id, id from sandbox_inbound where done_at is null order by created_at limit 100 for update skip locked)
    returning channel, from_number as "from", to_number as "to", body`;
}
