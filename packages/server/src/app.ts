// The Fastify app as one plugin tree. Tests build it the same way `cx-engage start` does.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Context } from './context.ts';
import { installProblemHandlers } from './http/problem.ts';
import { authPlugin } from './http/auth-plugin.ts';
import { DOCS_CSP, securityHeaders } from './http/security-headers.ts';
import { idempotencyPlugin } from './platform/idempotency.ts';
import { healthRoutes } from './health/routes.ts';
import { adminAccountRoutes } from './accounts/admin-routes.ts';
import { accountRoutes } from './accounts/routes.ts';
import { apiKeyRoutes } from './auth/api-key-routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { sandboxEmailRoutes } from './platform/email/routes.ts';
import { ProblemSchema } from './http/schemas.ts';
import { numberRoutes } from './accounts/numbers-routes.ts';
import { connectorAdminRoutes } from './connectors/admin-routes.ts';
import { routeAdminRoutes } from './routing/admin-routes.ts';
import { countryRuleRoutes } from './country-rules/routes.ts';
import { messageRoutes } from './messaging/routes.ts';
import { createAcceptor } from './messaging/accept.ts';
import { createSenderPolicies } from './messaging/senders.ts';
import { createSubjectHasher } from './privacy/subject-hash.ts';
import { searchRoutes } from './search/routes.ts';
import { createWhatsAppDirectory } from './channels/whatsapp/directory.ts';
import { whatsAppWebhookRoutes } from './channels/whatsapp/webhook-routes.ts';
import { whatsAppTemplateRoutes } from './channels/whatsapp/template-routes.ts';
import { whatsAppMessageRoutes } from './channels/whatsapp/message-routes.ts';
import { whatsAppMediaRoutes } from './channels/whatsapp/media.ts';
import { sandboxInboundRoutes } from './sandbox/inbound-routes.ts';
import { validatorCompiler } from './http/validation.ts';
import { declareStorableBounds } from './http/storable.ts';
import { webhookRoutes } from './webhooks/routes.ts';
import { limitRoutes } from './billing/limit-routes.ts';
import { priceRoutes } from './billing/price-routes.ts';
import { invoiceRoutes, paymentRoutes } from './billing/invoice-routes.ts';
import { balanceRoutes } from './billing/balance-routes.ts';
import { rateRoutes } from './billing/rate-routes.ts';
import { companyRoutes } from './accounts/company-routes.ts';
import { orderRoutes } from './orders/routes.ts';
import { policyRoutes } from './policies/routes.ts';
import { holdRoutes } from './fraud/hold-routes.ts';
import { reviewRoutes } from './fraud/review-routes.ts';
import { fraudSettingsRoutes } from './fraud/settings-routes.ts';
import { portalIdentityRoutes } from './auth/portal-routes.ts';
import { contactRoutes } from './privacy/contact-routes.ts';
import { contactImportRoutes } from './privacy/contact-import.ts';
import { privacySettingsRoutes } from './privacy/settings-routes.ts';
import { privacyRequestRoutes } from './privacy/requests/routes.ts';
import { erasureJournalRoutes } from './privacy/requests/journal.ts';
import { privacyRequestAdminRoutes } from './privacy/requests/admin-routes.ts';
import { retentionRoutes } from './privacy/retention/routes.ts';
import { retentionAdminRoutes } from './privacy/retention/admin-routes.ts';
import { portalRoutes } from './portal/serve.ts';
import { reportRoutes } from './reports/routes.ts';

export type App = FastifyInstance;

export interface AppOptions {
  /** False while the process still starts (house account, workers): /readyz answers 503 until then. */
  started?: () => boolean;
}

export async function buildApp(ctx: Context, opts: AppOptions = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    // No log line per request at info: at thousands of requests a second they cost CPU and bury
    // what matters. Errors are logged by the problem handler; `debug` shows every request.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler());
  if (ctx.log.isLevelEnabled('debug')) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.debug({ req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    });
  }

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // `curl -X POST` without a body: treat it as an empty JSON object so optional bodies validate.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && (request.method === 'POST' || request.method === 'PATCH')) request.body = {};
  });

  // JSON only: a text/plain body is a client mistake (415), not a string to validate.
  app.removeContentTypeParser('text/plain');
  installProblemHandlers(app);
  await app.register(securityHeaders);
  // Before swagger: number fields without bounds of their own show the defaults the validator applies.
  app.addHook('onRoute', declareStorableBounds);
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CX Engage API',
        version: '1',
        description: 'Send and receive SMS and WhatsApp messages. Errors are RFC 9457 problem documents.',
      },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'cxk_live_… or cxk_test_…' } },
      },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP, uiConfig: { validatorUrl: null } });
  await app.register(authPlugin, { ctx });
  await app.register(idempotencyPlugin, { ctx });

  await app.register(healthRoutes, { ctx, started: opts.started ?? (() => true) });
  await app.register(accountRoutes, { ctx });
  await app.register(apiKeyRoutes, { ctx });
  await app.register(adminAccountRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(numberRoutes, { ctx });
  await app.register(connectorAdminRoutes, { ctx });
  await app.register(routeAdminRoutes, { ctx });
  await app.register(countryRuleRoutes, { ctx });
  const hasher = createSubjectHasher(ctx.sql, ctx.keyring);
  const senders = createSenderPolicies(ctx.sql);
  const acceptor = createAcceptor(ctx, hasher, senders);
  // Runs after the server stopped taking requests: everything accepted gets written.
  app.addHook('onClose', async () => {
    await acceptor.close();
    await senders.close();
  });
  await app.register(messageRoutes, { ctx, acceptor });
  await app.register(webhookRoutes, { ctx });
  await app.register(limitRoutes, { ctx });
  await app.register(priceRoutes, { ctx });
  await app.register(invoiceRoutes, { ctx });
  await app.register(paymentRoutes, { ctx });
  await app.register(balanceRoutes, { ctx });
  await app.register(rateRoutes, { ctx });
  await app.register(companyRoutes, { ctx });
  await app.register(orderRoutes, { ctx });
  await app.register(policyRoutes, { ctx });
  await app.register(holdRoutes, { ctx });
  const whatsapp = createWhatsAppDirectory(ctx);
  app.addHook('onClose', () => whatsapp.close());
  await app.register(whatsAppWebhookRoutes, { ctx, directory: whatsapp, hasher });
  await app.register(whatsAppTemplateRoutes, { ctx, directory: whatsapp });
  await app.register(whatsAppMessageRoutes, { ctx, directory: whatsapp, hasher });
  await app.register(whatsAppMediaRoutes, { ctx, directory: whatsapp });
  await app.register(reviewRoutes, { ctx });
  await app.register(fraudSettingsRoutes, { ctx });
  await app.register(portalIdentityRoutes, { ctx });
  await app.register(contactRoutes, { ctx, hasher });
  await app.register(contactImportRoutes, { ctx, hasher });
  await app.register(privacySettingsRoutes, { ctx });
  await app.register(privacyRequestRoutes, { ctx, hasher });
  await app.register(erasureJournalRoutes, { ctx });
  await app.register(privacyRequestAdminRoutes, { ctx });
  await app.register(retentionRoutes, { ctx, hasher });
  await app.register(retentionAdminRoutes, { ctx });
  await app.register(reportRoutes, { ctx });
  await app.register(searchRoutes, { ctx, hasher });
  await app.register(portalRoutes);
  if (ctx.config.sandbox) {
    await app.register(sandboxEmailRoutes, { ctx });
    await app.register(sandboxInboundRoutes, { ctx, hasher });
  }

  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app as unknown as App;
}
