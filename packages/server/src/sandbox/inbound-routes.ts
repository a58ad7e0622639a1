// POST /v1/sandbox/inbound: make the sandbox SMSC send a message to one of your numbers, as
// a phone on an operator's network would. It arrives over real SMPP like any inbound SMS.
// With a test key it is recorded at once as a test-mode message (messaging/inbound.ts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { objectModeOf, principalOf } from '../auth/principal.ts';
import { Problem } from '../http/problem.ts';
import { normalizeE164 } from '../messaging/input.ts';
import { receiveTestInbound } from '../messaging/inbound.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import { ownsNumberFor, queueSandboxInbound } from './inbound-store.ts';

export async function sandboxInboundRoutes(base: FastifyInstance, opts: { ctx: Context; hasher: SubjectHasher }): Promise<void> {
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
      response: {
        202: Type.Union([
          Type.Object({ id: Type.String({ description: 'the simulated phone\'s request (sbx_…)' }), status: Type.Literal('queued') }),
          Type.Object({ id: Type.String({ description: 'the test-mode message (msg_…)' }), status: Type.Literal('received') }),
        ], { description: 'queued for the simulators with a live key; received at once as a test-mode message with a test key' }),
      },
    },
  }, async (request, reply) => {
    const accountId = principalOf(request).accountId;
    const from = normalizeE164(request.body.from);
    if (!from) throw Problem.field('/from', 'must be a valid E.164 number');
    const channel = request.body.channel ?? 'sms';
    // WhatsApp: the sandbox Business Account serves the sandbox number only.
    if (!(await ownsNumberFor(ctx, accountId, request.body.to, channel))) {
      throw Problem.field('/to', `must be one of your numbers with the ${channel} channel (GET /v1/numbers)${channel === 'whatsapp' ? ': the sandbox number' : ''}`);
    }
    const m = { channel, from, to: request.body.to };
    if (objectModeOf(principalOf(request)) === 'test') {
      const id = await receiveTestInbound(ctx, opts.hasher, { ...m, accountId, text: request.body.body, at: ctx.clock.now() });
      return reply.code(202).send({ id, status: 'received' as const });
    }
    const id = await queueSandboxInbound(ctx, accountId, { ...m, body: request.body.body });
    return reply.code(202).send({ id, status: 'queued' as const });
  });
}
