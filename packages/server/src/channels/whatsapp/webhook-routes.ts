// Meta's webhook for a WhatsApp connector: the subscription handshake (GET) and the event POSTs
// (messages, statuses, template status updates),
// verified with X-Hub-Signature-256 over the raw bytes with that connector's app secret. The
// body parser here keeps the raw bytes, so this plugin is encapsulated (not shared).
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.ts';
import type { SubjectHasher } from '../../privacy/subject-hash.ts';
import { P, Problem } from '../../http/problem.ts';
import { idParam } from '../../http/schemas.ts';
import { receiveWhatsApp } from '../../messaging/whatsapp-events.ts';
import { applyWhatsAppStatuses } from '../../messaging/whatsapp-statuses.ts';
import { createSendPolicies } from '../../send-policy/order.ts';
import type { WhatsAppDirectory } from './directory.ts';
import { parseTemplateStatusUpdates, parseWebhook, verifyHandshake, verifySignature } from './webhook.ts';
import { applyTemplateStatus } from './template-service.ts';

export async function whatsAppWebhookRoutes(
  app: FastifyInstance,
  opts: { ctx: Context; directory: WhatsAppDirectory; hasher: SubjectHasher },
): Promise<void> {
  const { ctx, directory, hasher } = opts;
  // A failed WhatsApp message with a fallback becomes an SMS here, and passes the SMS policies.
  const policies = createSendPolicies(ctx);
  app.addHook('onClose', () => policies.stop());
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 3 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  const secretsOf = async (connectorId: string) => {
    const connector = await directory.connector(connectorId);
    if (!connector) throw new Problem(P['not-found'], 'no such WhatsApp connector');
    return connector.secrets;
  };

  app.get<{ Params: { connectorId: string }; Querystring: Record<string, string> }>(
    '/webhooks/whatsapp/:connectorId',
    {
      schema: {
        tags: ['webhooks from Meta'],
        summary: "Meta's webhook subscription handshake (hub.mode, hub.verify_token, hub.challenge)",
        params: idParam('connectorId'),
      },
    },
    async (request, reply) => {
      const { verifyToken } = await secretsOf(request.params.connectorId);
      const challenge = verifyToken ? verifyHandshake(request.query, verifyToken) : null;
      if (challenge === null) throw new Problem(P.forbidden, 'the verify token does not match this connector');
      return reply.type('text/plain').send(challenge);
    },
  );

  app.post<{ Params: { connectorId: string }; Body: Buffer }>(
    '/webhooks/whatsapp/:connectorId',
    {
      schema: {
        tags: ['webhooks from Meta'],
        summary: "Meta's WhatsApp events for this connector: inbound messages and statuses (signed)",
        params: idParam('connectorId'),
      },
    },
    async (request, reply) => {
      const { connectorId } = request.params;
      const { appSecret } = await secretsOf(connectorId);
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!appSecret || !verifySignature(appSecret, raw, request.headers['x-hub-signature-256'])) {
        throw new Problem(P.unauthenticated, "the X-Hub-Signature-256 does not match this connector's app secret");
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new Problem(P['invalid-json'], 'the body is not JSON');
      }
      const { inbound, statuses } = parseWebhook(json);
      for (const t of parseTemplateStatusUpdates(json))
        await applyTemplateStatus(ctx.sql, connectorId, t, ctx.clock.now());
      await receiveWhatsApp(ctx, hasher, directory, connectorId, inbound);
      // A status that beat the commit of its send waits, durably, for the leader's sweep.
      await applyWhatsAppStatuses(ctx, policies, connectorId, statuses);
      return reply.code(200).send({ received: true });
    },
  );
}
