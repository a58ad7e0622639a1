// The permission table: every route of the API and the scope it needs, in one place.
// The auth hook enforces it and refuses to start if a route is missing here, so a new
// route cannot ship unprotected by accident. Portal roles map to scopes in auth/scopes.ts.
import type { Scope } from '../auth/scopes.ts';

export interface RoutePermission {
  /**
   * 'public' needs no key; 'session' needs a portal session (any role, auth/session-auth.ts);
   * otherwise the scope the key or the session's role must hold.
   */
  scope: Scope | 'public' | 'session';
  /** Sending routes get the account-level refusal rule (accounts/sending-rule.ts). */
  sends?: true;
  /** Creating POSTs honour Idempotency-Key (platform/idempotency.ts). */
  creates?: true;
  /**
   * What a test key (`cxk_test_…`) may do here. Unset: nothing, 403 `test-key-forbidden`, so a new
   * route is closed to test keys until someone decides otherwise. 'allowed': the route touches
   * nothing that is live-only (the account's name and numbers, templates to send with).
   * 'test-objects': the handler creates and shows only test-mode rows to a test key
   * (`objectModeOf` in principal.ts).
   */
  testKeys?: 'allowed' | 'test-objects';
}

const pub: RoutePermission = { scope: 'public' };

export const ROUTE_PERMISSIONS: Record<string, RoutePermission> = {
  'GET /': pub,
  'GET /*': pub,
  'GET /healthz': pub,
  'GET /readyz': pub,
  'GET /metrics': pub,
  'GET /v1/openapi.json': pub,
  // Meta calls these; each request is checked against the connector's verify token or app secret.
  'GET /webhooks/whatsapp/:connectorId': pub,
  'POST /webhooks/whatsapp/:connectorId': pub,
  'GET /v1/whatsapp/templates': { scope: 'templates:manage', testKeys: 'allowed' },
  'POST /v1/whatsapp/templates': { scope: 'templates:manage', creates: true },
  'DELETE /v1/whatsapp/templates/:templateId': { scope: 'templates:manage' },
  'POST /v1/admin/whatsapp/templates/sync': { scope: 'platform:admin' },
  'POST /v1/messages/:messageId/read': { scope: 'messages:write' },
  'POST /v1/media': { scope: 'messages:write', creates: true },
  'GET /v1/media/:fileId': { scope: 'messages:read' },
  'GET /v1/whatsapp/opt-ins/:number': { scope: 'contacts:read' },
  'PUT /v1/whatsapp/opt-ins/:number': { scope: 'contacts:write' },
  'DELETE /v1/whatsapp/opt-ins/:number': { scope: 'contacts:write' },

  'GET /v1/contacts': { scope: 'contacts:read' },
  'POST /v1/contacts': { scope: 'contacts:write', creates: true },
  'POST /v1/contacts/import': { scope: 'contacts:write', creates: true },
  'GET /v1/contacts/:contactId': { scope: 'contacts:read' },
  'PATCH /v1/contacts/:contactId': { scope: 'contacts:write' },
  'DELETE /v1/contacts/:contactId': { scope: 'contacts:write' },
  'GET /v1/contacts/:contactId/consents': { scope: 'contacts:read' },
  'POST /v1/contacts/:contactId/consents': { scope: 'contacts:write', creates: true },
  'POST /v1/consents': { scope: 'contacts:write', creates: true },
  'GET /v1/privacy/settings': { scope: 'privacy:manage' },
  'PUT /v1/privacy/settings': { scope: 'privacy:manage' },
  'POST /v1/privacy/requests': { scope: 'privacy:manage', creates: true },
  'GET /v1/privacy/requests': { scope: 'privacy:manage' },
  'GET /v1/privacy/requests/:requestId': { scope: 'privacy:manage' },
  'PATCH /v1/privacy/requests/:requestId': { scope: 'privacy:manage' },
  'POST /v1/privacy/requests/:requestId/approve': { scope: 'privacy:manage' },
  'POST /v1/privacy/requests/:requestId/reject': { scope: 'privacy:manage' },
  'POST /v1/privacy/requests/:requestId/extend': { scope: 'privacy:manage' },
  'GET /v1/privacy/requests/:requestId/decisions': { scope: 'privacy:manage' },
  'POST /v1/privacy/requests/:requestId/reviews': { scope: 'privacy:manage' },
  'GET /v1/privacy/requests/:requestId/export': { scope: 'privacy:manage' },
  'GET /v1/admin/privacy/erasure-journal': { scope: 'platform:read' },
  'POST /v1/admin/privacy/requests': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/privacy/requests': { scope: 'platform:read' },
  'GET /v1/admin/privacy/requests/:requestId': { scope: 'platform:read' },
  // The export holds the person's data: operators who may act, not those who may only look.
  'GET /v1/admin/privacy/requests/:requestId/export': { scope: 'platform:admin' },

  'GET /v1/account': { scope: 'account:manage', testKeys: 'allowed' },
  'POST /v1/account/limit-requests': { scope: 'account:manage', creates: true },
  'GET /v1/account/limit-requests': { scope: 'account:manage' },
  'PUT /v1/account/spend-cap': { scope: 'account:manage' },
  'GET /v1/admin/limit-requests': { scope: 'platform:read' },
  'POST /v1/admin/limit-requests/:requestId/approve': { scope: 'platform:admin' },
  'POST /v1/admin/limit-requests/:requestId/reject': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/sms-limit': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/settle': { scope: 'platform:admin' },
  'POST /v1/admin/prices': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/prices': { scope: 'platform:read' },
  'DELETE /v1/admin/prices/:priceId': { scope: 'platform:admin' },
  'GET /v1/pricing': { scope: 'billing:read' },
  'PUT /v1/admin/billing/supplier': { scope: 'platform:admin' },
  'PUT /v1/admin/accounts/:accountId/billing-profile': { scope: 'platform:admin' },
  'POST /v1/admin/invoice-runs': { scope: 'platform:admin' },
  'GET /v1/admin/invoices': { scope: 'platform:read' },
  'POST /v1/admin/invoices/:invoiceId/credit-note': { scope: 'platform:admin' },
  'POST /v1/admin/invoices/:invoiceId/interest-note': { scope: 'platform:admin', creates: true },
  'GET /v1/invoices': { scope: 'billing:read' },
  'GET /v1/invoices/:invoiceId': { scope: 'billing:read' },
  'GET /v1/invoices/:invoiceId/pdf': { scope: 'billing:read' },
  'POST /v1/admin/payments': { scope: 'platform:admin', creates: true },
  'GET /v1/statement': { scope: 'billing:read' },
  'GET /v1/usage': { scope: 'billing:read' },
  'GET /v1/reports/summary': { scope: 'messages:read' },
  'GET /v1/admin/reports/overview': { scope: 'platform:read' },
  // The portal's search box; each kind it finds also needs that kind's own scope (search/service.ts).
  // Closed to test keys: it would show live numbers and contacts.
  'GET /v1/search': { scope: 'messages:read' },
  'GET /v1/balance': { scope: 'billing:read' },
  'PUT /v1/admin/accounts/:accountId/billing-mode': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/top-ups': { scope: 'platform:admin', creates: true },
  'PUT /v1/admin/accounts/:accountId/deposit-requirement': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/deposits': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/accounts/:accountId/deposits': { scope: 'platform:read' },
  'POST /v1/admin/accounts/:accountId/deposits/:depositId/refund': { scope: 'platform:admin' },
  'GET /v1/admin/billing/rates': { scope: 'platform:read' },
  'PUT /v1/admin/billing/vat-rates/:country': { scope: 'platform:admin' },
  'PUT /v1/admin/billing/reference-rates/:halfYearStart': { scope: 'platform:admin' },
  'PUT /v1/admin/billing/late-interest/:jurisdiction': { scope: 'platform:admin' },
  'PUT /v1/admin/billing/late-interest/:jurisdiction/reference-rates/:validFrom': { scope: 'platform:admin' },
  'PUT /v1/admin/billing/consumer-late-rate': { scope: 'platform:admin' },

  'GET /v1/account/company': { scope: 'account:manage' },
  'PUT /v1/account/company': { scope: 'account:manage' },
  'GET /v1/admin/accounts/:accountId/company': { scope: 'platform:read' },
  'PUT /v1/admin/accounts/:accountId/company': { scope: 'platform:admin' },
  'POST /v1/orders': { scope: 'account:manage', creates: true },
  'GET /v1/orders': { scope: 'account:manage' },
  'GET /v1/orders/:orderId': { scope: 'account:manage' },
  'POST /v1/orders/:orderId/confirm': { scope: 'account:manage' },
  'POST /v1/orders/:orderId/cancel': { scope: 'account:manage' },
  'POST /v1/admin/accounts/:accountId/orders': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/orders': { scope: 'platform:read' },
  'POST /v1/admin/orders/:orderId/accept': { scope: 'platform:admin' },
  'POST /v1/admin/orders/:orderId/reject': { scope: 'platform:admin' },
  'GET /v1/policies': { scope: 'account:manage' },
  'GET /v1/policies/:policyId': { scope: 'account:manage' },
  'POST /v1/policies/:policyId/objection': { scope: 'account:manage' },
  'POST /v1/policies/:policyId/acceptance': { scope: 'account:manage' },
  'POST /v1/admin/policies': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/policies': { scope: 'platform:read' },
  'GET /v1/admin/policies/:policyId': { scope: 'platform:read' },
  'GET /v1/admin/policies/:policyId/objections': { scope: 'platform:read' },

  'GET /v1/api-keys': { scope: 'keys:manage' },
  'POST /v1/api-keys': { scope: 'keys:manage', creates: true },
  'GET /v1/api-keys/:keyId': { scope: 'keys:manage' },
  'DELETE /v1/api-keys/:keyId': { scope: 'keys:manage' },

  'GET /v1/audit-log': { scope: 'audit:read' },

  // Shows the invitation and password-reset emails of real users: closed to test keys.
  'GET /v1/sandbox/emails': { scope: 'sandbox:use' },

  'GET /v1/admin/accounts': { scope: 'platform:read' },
  'POST /v1/admin/accounts': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/accounts/:accountId': { scope: 'platform:read' },
  'PATCH /v1/admin/accounts/:accountId': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/board': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/suspend': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/reactivate': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/close': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/traffic-hold': { scope: 'platform:admin' },
  'DELETE /v1/admin/accounts/:accountId/traffic-hold': { scope: 'platform:admin' },
  'POST /v1/admin/connectors/:target/traffic-hold': { scope: 'platform:admin' },
  'DELETE /v1/admin/connectors/:target/traffic-hold': { scope: 'platform:admin' },
  'POST /v1/admin/traffic-holds/countries/:target': { scope: 'platform:admin' },
  'DELETE /v1/admin/traffic-holds/countries/:target': { scope: 'platform:admin' },
  'GET /v1/admin/traffic-holds': { scope: 'platform:read' },
  'POST /v1/messages/:messageId/release': { scope: 'fraud:review' },
  'POST /v1/messages/:messageId/reject': { scope: 'fraud:review' },
  'POST /v1/messages/held/release': { scope: 'fraud:review' },
  'POST /v1/messages/held/reject': { scope: 'fraud:review' },
  'POST /v1/admin/held-messages/release': { scope: 'platform:admin' },
  'POST /v1/admin/held-messages/reject': { scope: 'platform:admin' },
  'GET /v1/admin/accounts/:accountId/fraud-settings': { scope: 'platform:read' },
  'PUT /v1/admin/accounts/:accountId/fraud-settings': { scope: 'platform:admin' },
  'GET /v1/account/fraud-settings': { scope: 'account:manage' },
  'GET /v1/admin/fraud/ranges': { scope: 'platform:read' },
  'PUT /v1/admin/fraud/ranges': { scope: 'platform:admin' },
  'POST /v1/messages/:messageId/feedback': { scope: 'messages:write' },
  'GET /v1/admin/accounts/:accountId/api-keys': { scope: 'platform:read' },
  'POST /v1/admin/accounts/:accountId/api-keys': { scope: 'platform:admin', creates: true },
  'DELETE /v1/admin/accounts/:accountId/api-keys/:keyId': { scope: 'platform:admin' },
  'GET /v1/admin/audit-log': { scope: 'platform:read' },

  'POST /v1/messages': { scope: 'messages:write', sends: true, creates: true, testKeys: 'test-objects' },
  'POST /v1/messages/batch': { scope: 'messages:write', sends: true, creates: true, testKeys: 'test-objects' },
  'GET /v1/messages': { scope: 'messages:read', testKeys: 'test-objects' },
  'GET /v1/messages/:messageId': { scope: 'messages:read', testKeys: 'test-objects' },
  'POST /v1/messages/:messageId/cancel': { scope: 'messages:write', testKeys: 'test-objects' },
  'GET /v1/numbers': { scope: 'numbers:read', testKeys: 'allowed' },
  'POST /v1/sandbox/inbound': { scope: 'sandbox:use', testKeys: 'test-objects' },

  'POST /v1/webhook-endpoints': { scope: 'webhooks:manage', creates: true, testKeys: 'test-objects' },
  'GET /v1/webhook-endpoints': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'GET /v1/webhook-endpoints/:endpointId': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'PATCH /v1/webhook-endpoints/:endpointId': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'DELETE /v1/webhook-endpoints/:endpointId': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'POST /v1/webhook-endpoints/:endpointId/rotate-secret': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'POST /v1/webhook-endpoints/:endpointId/replay': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'GET /v1/webhook-deliveries': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'GET /v1/webhook-deliveries/:deliveryId': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  'POST /v1/webhook-deliveries/:deliveryId/retry': { scope: 'webhooks:manage', testKeys: 'test-objects' },
  // The account's default secret signs every callbackUrl delivery, live ones too: closed to test keys.
  'GET /v1/webhook-secret': { scope: 'webhooks:manage' },
  'POST /v1/webhook-secret': { scope: 'webhooks:manage' },

  'POST /v1/admin/connectors': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/connectors': { scope: 'platform:read' },
  'GET /v1/admin/connectors/:connectorId': { scope: 'platform:read' },
  'PATCH /v1/admin/connectors/:connectorId': { scope: 'platform:admin' },
  'DELETE /v1/admin/connectors/:connectorId': { scope: 'platform:admin' },
  'POST /v1/admin/routes': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/routes': { scope: 'platform:read' },
  'GET /v1/admin/routes/:routeId': { scope: 'platform:read' },
  'DELETE /v1/admin/routes/:routeId': { scope: 'platform:admin' },
  'GET /v1/admin/country-rules': { scope: 'platform:read' },
  'GET /v1/admin/country-rules/:country': { scope: 'platform:read' },
  'PUT /v1/admin/country-rules/:country': { scope: 'platform:admin' },
  'DELETE /v1/admin/country-rules/:country': { scope: 'platform:admin' },
  'POST /v1/admin/numbers': { scope: 'platform:admin', creates: true },
  'GET /v1/admin/numbers': { scope: 'platform:read' },
  'DELETE /v1/admin/numbers/:numberId': { scope: 'platform:admin' },

  // Portal identity (auth/): sign-in, sessions, two-factor, users.
  'POST /v1/auth/login': pub,
  'POST /v1/auth/login/2fa': pub,
  'POST /v1/auth/invitations/accept': pub,
  'POST /v1/auth/password-reset': pub,
  'POST /v1/auth/password-reset/confirm': pub,
  'POST /v1/auth/logout': { scope: 'session' },
  'GET /v1/auth/session': { scope: 'session' },
  'GET /v1/auth/sessions': { scope: 'session' },
  'DELETE /v1/auth/sessions/:sessionId': { scope: 'session' },
  'POST /v1/auth/password': { scope: 'session' },
  'POST /v1/auth/2fa/setup': { scope: 'session' },
  'POST /v1/auth/2fa/enable': { scope: 'session' },
  'POST /v1/auth/2fa/disable': { scope: 'session' },
  'GET /v1/users': { scope: 'users:manage' },
  'PATCH /v1/users/:userId': { scope: 'users:manage' },
  'DELETE /v1/users/:userId': { scope: 'users:manage' },
  'POST /v1/users/invitations': { scope: 'users:manage', creates: true },
  'GET /v1/users/invitations': { scope: 'users:manage' },
  'DELETE /v1/users/invitations/:invitationId': { scope: 'users:manage' },
  'GET /v1/users/policy': { scope: 'users:manage' },
  'PUT /v1/users/policy': { scope: 'users:manage' },
  'GET /v1/admin/accounts/:accountId/users': { scope: 'platform:read' },
  'POST /v1/admin/accounts/:accountId/invitations': { scope: 'platform:admin', creates: true },
  'PATCH /v1/admin/accounts/:accountId/users/:userId': { scope: 'platform:admin' },
  'DELETE /v1/admin/accounts/:accountId/users/:userId': { scope: 'platform:admin' },
  // (end of portal identity)
  // Retention, legal holds, records of processing (privacy/retention/).
  'GET /v1/privacy/retention': { scope: 'privacy:manage' },
  'PUT /v1/privacy/retention': { scope: 'privacy:manage' },
  'GET /v1/privacy/retention/runs': { scope: 'privacy:manage' },
  'GET /v1/privacy/legal-holds': { scope: 'privacy:manage' },
  'POST /v1/privacy/legal-holds': { scope: 'privacy:manage', creates: true },
  'DELETE /v1/privacy/legal-holds/:holdId': { scope: 'privacy:manage' },
  'GET /v1/privacy/records-of-processing': { scope: 'privacy:manage' },
  'GET /v1/admin/privacy/retention-defaults': { scope: 'platform:read' },
  'PUT /v1/admin/privacy/retention-defaults': { scope: 'platform:admin' },
  'POST /v1/admin/accounts/:accountId/legal-hold': { scope: 'platform:admin', creates: true },
  'DELETE /v1/admin/accounts/:accountId/legal-hold': { scope: 'platform:admin' },
  'GET /v1/admin/accounts/:accountId/records-of-processing': { scope: 'platform:read' },
  // (end of retention)
};

export function permissionFor(method: string, url: string): RoutePermission | undefined {
  // The interactive docs plugin registers its own asset routes; all of them are public.
  if (url === '/docs' || url.startsWith('/docs/')) return pub;
  return ROUTE_PERMISSIONS[`${method} ${url}`];
}
