// Security headers on every response (helmet): no MIME sniffing, no framing, and a CSP under
// which an API answer can load and run nothing. Pages set a CSP of their own on top: the portal
// (portal/serve.ts) and the interactive docs (DOCS_CSP, given to @fastify/swagger-ui), which are
// same-origin with the portal. Every /v1 answer is `no-store` unless its route says otherwise:
// many carry secrets (new API keys, webhook secrets, two-factor setup, the session's CSRF token)
// and none is meant for a shared cache.
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** What Swagger UI needs: its own scripts and styles, the spec from /docs/json, data: images. */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const securityHeaders = fp(async function securityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    // TLS ends at the proxy in front of us (or there is none, on 127.0.0.1): HSTS is its decision.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/v1/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
