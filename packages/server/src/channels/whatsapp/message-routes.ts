// WhatsApp-only actions on messages and customers: mark an inbound message read (the blue
// ticks), and the customers' WhatsApp opt-ins that business-initiated templates need when the
// account enforces consent (a minimal record until the privacy work's consent ledger).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { principalOf } from '../../auth/principal.ts';
import { P, Problem } from '../../http/problem.ts';
import { idParam } from '../../http/schemas.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { withTransaction } from '../../db/tx.ts';
import { normalizeE164 } from '../../messaging/input.ts';
import type { SubjectHasher } from '../../privacy/subject-hash.ts';
import type { WhatsAppDirectory } from './directory.ts';

const OptInSchema = Type.Object({
  optedIn: Type.Boolean(), source: Type.Union([Type.String(), Type.Null()]), grantedAt: Type.Union([Type.String(), Type.Null()]), withdrawnAt: Type.Union([Type.String(), Type.Null()]),
});

export async function whatsAppMessageRoutes(base: FastifyInstance, opts: { ctx: Context; directory: WhatsAppDirectory; hasher: SubjectHasher }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, directory, hasher } = opts;

  app.post('/v1/messages/:messageId/read', {
    schema: { tags: ['whatsapp'], summary: 'Mark an inbound WhatsApp message read (the customer sees blue ticks)', params: idParam('messageId'), response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const { accountId } = principalOf(request);
    const [m] = await ctx.sql<{ channel: string; direction: string; to: string; wamid: string | null; connectorId: string | null }[]>`
      select channel, direction, to_number as "to", reference as wamid, connector_id as "connectorId" from messages where account_id = ${accountId} and id = ${request.params.messageId}`;
    if (!m) throw new Problem(P['not-found'], `no message ${request.params.messageId}`);
    if (m.channel !== 'whatsapp' || m.direction !== 'inbound' || !m.wamid) throw new Problem(P['invalid-state'], 'only inbound WhatsApp messages can be marked read');
    const sender = await directory.sender(m.to);
    const connector = sender && (await directory.connector(sender.connectorId));
    if (!sender || !connector?.client) throw new Problem(P.unavailable, "the number's WhatsApp connector is not available");
    await connector.client.markRead(sender.phoneNumberId, m.wamid);
    return reply.code(204).send(null);
  });

  const numberOf = (raw: string) => {
    const number = normalizeE164(raw);
    if (!number) throw Problem.field('/params/number', 'must be an E.164 number');
    return number;
  };
  const stateOf = async (accountId: string, hash: Buffer) => {
    const [row] = await ctx.sql<{ source: string; grantedAt: Date; withdrawnAt: Date | null }[]>`
      select source, granted_at as "grantedAt", withdrawn_at as "withdrawnAt" from whatsapp_optins where account_id = ${accountId} and subject_hash = ${hash}`;
    return { optedIn: !!row && !row.withdrawnAt, source: row?.source ?? null, grantedAt: row?.grantedAt.toISOString() ?? null, withdrawnAt: row?.withdrawnAt?.toISOString() ?? null };
  };
  const Params = Type.Object({ number: Type.String({ maxLength: 32 }) });

  app.get('/v1/whatsapp/opt-ins/:number', {
    schema: { tags: ['whatsapp'], summary: "A customer's WhatsApp opt-in", params: Params, response: { 200: OptInSchema } },
  }, async (request) => {
    const { accountId } = principalOf(request);
    return stateOf(accountId, await hasher.hash(accountId, numberOf(request.params.number)));
  });

  for (const grant of [true, false]) {
    const handler = async (request: { params: { number: string }; body?: { source: string; evidence?: string } | undefined; principal: Parameters<typeof principalOf>[0]['principal'] }) => {
      const p = principalOf(request);
      const hash = await hasher.hash(p.accountId, numberOf(request.params.number));
      const at = ctx.clock.now();
      await withTransaction(ctx.sql, async (tx) => {
        if (grant) {
          await tx`insert into whatsapp_optins (account_id, subject_hash, source, evidence, granted_at) values (${p.accountId}, ${hash}, ${request.body!.source}, ${request.body!.evidence ?? null}, ${at})
                   on conflict (account_id, subject_hash) do update set source = excluded.source, evidence = excluded.evidence, granted_at = excluded.granted_at, withdrawn_at = null`;
        } else {
          await tx`update whatsapp_optins set withdrawn_at = ${at} where account_id = ${p.accountId} and subject_hash = ${hash} and withdrawn_at is null`;
        }
        // The audit names the customer by subject hash only.
        await appendAudit(tx, { accountId: p.accountId, actor: { type: 'key', id: p.keyId }, action: grant ? 'whatsapp.opt_in' : 'whatsapp.opt_out', target: { type: 'subject', id: hash.toString('hex').slice(0, 16) }, at });
      });
      return stateOf(p.accountId, hash);
    };
    if (grant) {
      app.put('/v1/whatsapp/opt-ins/:number', {
        schema: {
          tags: ['whatsapp'], summary: "Record a customer's WhatsApp opt-in (how and where they gave it)", params: Params,
          body: Type.Object({ source: Type.Union([Type.Literal('api'), Type.Literal('keyword'), Type.Literal('portal'), Type.Literal('import'), Type.Literal('form')]), evidence: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
          response: { 200: OptInSchema },
        },
      }, handler);
    } else {
      app.delete('/v1/whatsapp/opt-ins/:number', {
        schema: { tags: ['whatsapp'], summary: "Withdraw a customer's WhatsApp opt-in", params: Params, response: { 200: OptInSchema } },
      }, (request) => handler({ params: request.params, principal: request.principal }));
    }
  }
}
