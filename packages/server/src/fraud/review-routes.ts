// Reviewing held messages: clients (fraud:review) release or reject what the fraud rules held
// for review, one by one or by filter; operators do the same for any hold.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { operatorActor } from '../http/principal.ts';
import { idParam } from '../http/schemas.ts';
import { getMessage } from '../messaging/store.ts';
import { messageJson } from '../messaging/model.ts';
import { MessageSchema } from '../messaging/schemas.ts';
import { decideHeld, decideOne, type ReviewDecision } from './review.ts';

const Filter = {
  ids: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 1000 })),
  to: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' })),
  createdAfter: Type.Optional(Type.String({ format: 'date-time' })),
  createdBefore: Type.Optional(Type.String({ format: 'date-time' })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
};
const Decided = Type.Object({ count: Type.Integer(), ids: Type.Array(Type.String()) });
const dateOf = (s: string | undefined) => (s ? new Date(s) : undefined);

export async function reviewRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const decryptBody = async (accountId: string, body: Buffer | null) =>
    body ? (await ctx.keyring.decrypt(accountId, body)).toString('utf8') : null;

  for (const decision of ['release', 'reject'] as const satisfies readonly ReviewDecision[]) {
    const verb = decision === 'release' ? 'Release' : 'Reject';
    app.post(
      `/v1/messages/:messageId/${decision}`,
      {
        schema: {
          tags: ['messages'],
          params: idParam('messageId'),
          response: { 200: MessageSchema },
          summary: `${verb} a message the fraud rules held for review (${decision === 'release' ? 'it is sent, once' : 'it ends rejected, fraud_blocked'})`,
        },
      },
      async (request) => {
        const p = principalOf(request);
        await decideOne(ctx, { type: 'key', id: p.keyId }, decision, p.accountId, request.params.messageId, true);
        const m = (await getMessage(ctx.sql, p.accountId, request.params.messageId))!;
        return messageJson(m, await decryptBody(m.accountId, m.body));
      },
    );

    app.post(
      `/v1/messages/held/${decision}`,
      {
        schema: {
          tags: ['messages'],
          summary: `${verb} every message held for review that matches the filter`,
          body: Type.Object(Filter, { additionalProperties: false }),
          response: { 200: Decided },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const b = request.body;
        const ids = await decideHeld(
          ctx,
          { type: 'key', id: p.keyId },
          decision,
          {
            accountId: p.accountId,
            reason: 'fraud_review',
            ids: b.ids,
            to: b.to,
            createdAfter: dateOf(b.createdAfter),
            createdBefore: dateOf(b.createdBefore),
          },
          b.note ?? null,
        );
        return { count: ids.length, ids };
      },
    );

    app.post(
      `/v1/admin/held-messages/${decision}`,
      {
        schema: {
          tags: ['admin: traffic holds'],
          summary: `${verb} held messages of any account and any hold reason that match the filter`,
          body: Type.Object(
            {
              ...Filter,
              accountId: Type.Optional(Type.String({ maxLength: 64 })),
              holdReason: Type.Optional(Type.String({ maxLength: 80 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Decided },
        },
      },
      async (request) => {
        const b = request.body;
        const ids = await decideHeld(
          ctx,
          operatorActor(request),
          decision,
          {
            accountId: b.accountId,
            reason: b.holdReason,
            ids: b.ids,
            to: b.to,
            createdAfter: dateOf(b.createdAfter),
            createdBefore: dateOf(b.createdBefore),
          },
          b.note ?? null,
        );
        return { count: ids.length, ids };
      },
    );
  }
}
