// WhatsApp-only actions on messages and customers: mark an inbound message read (the blue
// ticks), and the customers' WhatsApp opt-ins that business-initiated templates need when the
// account enforces consent (kept in the consent ledger as channel whatsapp, purpose optin).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../../context.ts';
import { principalOf } from '../../http/principal.ts';
import { P, Problem } from '../../http/problem.ts';
import { idParam } from '../../http/schemas.ts';
import { appendAudit } from '../../platform/audit/log.ts';
import { withTransaction } from '../../db/tx.ts';
import { normalizeE164 } from '../../platform/phone.ts';
import type { SubjectHasher } from '../../privacy/subject-hash.ts';
import { consentHistory, recordConsents, WHATSAPP_OPTIN, type ConsentSource } from '../../privacy/consent.ts';
import { contactForPhone } from '../../privacy/contacts.ts';
import { actorOf } from '../../http/principal.ts';
import type { WhatsAppDirectory } from './directory.ts';

const OptInSchema = Type.Object({
  optedIn: Type.Boolean(),
  source: Type.Union([Type.String(), Type.Null()]),
  grantedAt: Type.Union([Type.String(), Type.Null()]),
  withdrawnAt: Type.Union([Type.String(), Type.Null()]),
});

export async function whatsAppMessageRoutes(
  base: FastifyInstance,
  opts: { ctx: Context; directory: WhatsAppDirectory; hasher: SubjectHasher },
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, directory, hasher } = opts;

  app.post(
    '/v1/messages/:messageId/read',
    {
      schema: {
        tags: ['whatsapp'],
        summary: 'Mark an inbound WhatsApp message read (the customer sees blue ticks)',
        params: idParam('messageId'),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { accountId } = principalOf(request);
      const [m] = await ctx.sql<
        { channel: string; direction: string; to: string; wamid: string | null; connectorId: string | null }[]
      >`
      select channel, direction, to_number as "to", reference as wamid, connector_id as "connectorId" from messages where account_id = ${accountId} and id = ${request.params.messageId}`;
      if (!m) throw new Problem(P['not-found'], `no message ${request.params.messageId}`);
      if (m.channel !== 'whatsapp' || m.direction !== 'inbound' || !m.wamid)
        throw new Problem(P['invalid-state'], 'only inbound WhatsApp messages can be marked read');
      const sender = await directory.sender(m.to);
      const connector = sender && (await directory.connector(sender.connectorId));
      if (!sender || !connector?.client)
        throw new Problem(P.unavailable, "the number's WhatsApp connector is not available");
      await connector.client.markRead(sender.phoneNumberId, m.wamid);
      return reply.code(204).send(null);
    },
  );

  const numberOf = (raw: string) => {
    const number = normalizeE164(raw);
    if (!number) throw Problem.field('/params/number', 'must be an E.164 number');
    return number;
  };
  // The opt-in is the consent ledger's whatsapp/optin pair (privacy/consent.ts).
  const stateOf = async (accountId: string, hash: Buffer) => {
    const history = (await consentHistory(ctx.sql, ctx.keyring, accountId, hash)).filter(
      (r) => r.channel === 'whatsapp' && r.purpose === WHATSAPP_OPTIN,
    );
    const latest = history.at(-1);
    const grant = history.findLast((r) => r.action === 'granted');
    return {
      optedIn: latest?.action === 'granted',
      source: grant?.source ?? null,
      grantedAt: grant?.recordedAt ?? null,
      withdrawnAt: latest?.action === 'withdrawn' ? latest.recordedAt : null,
    };
  };
  const Params = Type.Object({ number: Type.String({ maxLength: 32 }) });

  app.get(
    '/v1/whatsapp/opt-ins/:number',
    {
      schema: {
        tags: ['whatsapp'],
        summary: "A customer's WhatsApp opt-in",
        params: Params,
        response: { 200: OptInSchema },
      },
    },
    async (request) => {
      const { accountId } = principalOf(request);
      return stateOf(accountId, await hasher.hash(accountId, numberOf(request.params.number)));
    },
  );

  for (const grant of [true, false]) {
    const handler = async (request: {
      params: { number: string };
      body?: { source: string; evidence?: string } | undefined;
      principal: Parameters<typeof principalOf>[0]['principal'];
    }) => {
      const p = principalOf(request);
      const hash = await hasher.hash(p.accountId, numberOf(request.params.number));
      const at = ctx.clock.now();
      const number = numberOf(request.params.number);
      await withTransaction(ctx.sql, async (tx) => {
        const contact = await contactForPhone(tx, ctx.keyring, hasher, p.accountId, number, at);
        await recordConsents(tx, ctx.keyring, [
          {
            accountId: p.accountId,
            subjectHash: hash,
            contactId: contact.id,
            channel: 'whatsapp',
            purpose: WHATSAPP_OPTIN,
            action: grant ? 'granted' : 'withdrawn',
            source: (request.body?.source ?? 'api') as ConsentSource,
            evidence: request.body?.evidence ?? null,
            actor: actorOf(p),
            at,
          },
        ]);
        // The audit names the customer by contact id only.
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: grant ? 'whatsapp.opt_in' : 'whatsapp.opt_out',
          target: { type: 'contact', id: contact.id },
          at,
        });
      });
      return stateOf(p.accountId, hash);
    };
    if (grant) {
      app.put(
        '/v1/whatsapp/opt-ins/:number',
        {
          schema: {
            tags: ['whatsapp'],
            summary: "Record a customer's WhatsApp opt-in (how and where they gave it)",
            params: Params,
            body: Type.Object(
              {
                source: Type.Union([
                  Type.Literal('api'),
                  Type.Literal('keyword'),
                  Type.Literal('portal'),
                  Type.Literal('import'),
                  Type.Literal('form'),
                ]),
                evidence: Type.Optional(Type.String({ maxLength: 2000 })),
              },
              { additionalProperties: false },
            ),
            response: { 200: OptInSchema },
          },
        },
        handler,
      );
    } else {
      app.delete(
        '/v1/whatsapp/opt-ins/:number',
        {
          schema: {
            tags: ['whatsapp'],
            summary: "Withdraw a customer's WhatsApp opt-in",
            params: Params,
            response: { 200: OptInSchema },
          },
        },
        (request) => handler({ params: request.params, principal: request.principal }),
      );
    }
  }
}
