// One hook in front of every route: authenticate the key (or a portal session cookie), check the route's scope from the
// permission table, apply rate limits and, on sending routes, the account-level refusal rule.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { permissionFor, type RoutePermission } from './permissions.ts';
import { P, Problem } from './problem.ts';
import { RateLimiter } from './rate-limit.ts';
import { grants } from '../auth/scopes.ts';
import { hashApiKey, looksLikeApiKey } from '../auth/api-key-format.ts';
import { findPrincipalByHash, touchApiKeys } from '../auth/key-store.ts';
import { assertAccountMaySend } from '../accounts/sending-rule.ts';
import type { Principal } from './principal.ts';
import { authenticateSession, checkSessionRoute } from '../auth/session-auth.ts';
import { hasSessionCookie } from '../auth/session-cookies.ts';
import { createCache } from '../db/cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}

/**
 * Keys and their accounts are cached this long per process, so a request costs no lookup.
 * Changes made through this process (revocations, suspensions, limits) clear the cache at once;
 * other api processes see them within this time.
 */
const PRINCIPAL_TTL_MS = 2000;
const PRINCIPAL_CACHE_MAX = 10_000;

export const authPlugin = fp(async function authPlugin(app: FastifyInstance, opts: { ctx: Context }) {
  const { ctx } = opts;
  const limiter = new RateLimiter();
  const principals = createCache<Promise<Principal | undefined>>({
    ttlMs: PRINCIPAL_TTL_MS,
    maxEntries: PRINCIPAL_CACHE_MAX,
  });
  const used = new Map<string, { accountId: string; keyId: string; at: Date }>();

  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      const permission = permissionFor(method, route.url);
      if (!permission) throw new Error(`route ${method} ${route.url} has no entry in http/permissions.ts`);
      route.config = { ...route.config, permission };
    }
  });

  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (!permission || permission.scope === 'public') return;
    const principal = await authenticate(request);
    // Deny by default: a test key reaches only routes the permission table opens to it.
    if (principal.mode === 'test' && !permission.testKeys) {
      throw new Problem(
        P['test-key-forbidden'],
        'test keys reach only test messages and a few reads; use a live key for this route',
      );
    }
    checkSessionRoute(principal, permission.scope);
    if (permission.scope !== 'session' && !grants(principal.scopes, permission.scope)) {
      // A person signed in with a password has a role, not a key: the problem speaks of the role.
      if (principal.session)
        throw new Problem(
          P['role-forbidden'],
          `the role ${principal.session.role} does not include ${permission.scope}`,
        );
      throw new Problem(P.forbidden, `this route needs the scope ${permission.scope}`);
    }
    const now = ctx.clock.now();
    const decision = limiter.take(Date.now(), [
      [`k:${principal.keyId}`, principal.account.rateLimitPerKey],
      [`a:${principal.accountId}`, principal.account.rateLimitPerAccount],
    ]);
    if (!decision.allowed) {
      throw new Problem(
        P['rate-limited'],
        'slow down and retry after the number of seconds in Retry-After',
        undefined,
        {
          'retry-after': String(decision.retryAfterSeconds),
        },
      );
    }
    if (!principal.session)
      used.set(principal.keyId, { accountId: principal.accountId, keyId: principal.keyId, at: now });
    if (permission.sends) assertAccountMaySend(principal);
  });

  async function authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization ?? '';
    // No Authorization header but a portal session cookie: auth/session-auth.ts (CSRF, timeouts).
    if (!header && hasSessionCookie(request)) return authenticateSession(ctx, request);
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new Problem(P.unauthenticated, 'send the API key as "Authorization: Bearer <key>"', undefined, {
        'www-authenticate': 'Bearer',
      });
    }
    const secret = match[1]!;
    const principal = looksLikeApiKey(secret) ? await lookup(hashApiKey(secret)) : undefined;
    if (!principal) {
      throw new Problem(P.unauthenticated, 'the API key is unknown or revoked', undefined, {
        'www-authenticate': 'Bearer',
      });
    }
    if (principal.account.status === 'closed')
      throw new Problem(P['account-closed'], 'the account is closed; its keys no longer work');
    request.principal = principal;
    return principal;
  }

  /** An unknown or revoked key is not kept (the cache drops undefined): random keys cannot fill it. */
  function lookup(hash: Buffer): Promise<Principal | undefined> {
    return principals.get(hash.toString('base64'), () => findPrincipalByHash(ctx.sql, hash));
  }

  // Anything that changes keys or accounts goes through these routes: forget what we cached,
  // before the answer leaves, so the caller's next request already sees the change.
  app.addHook('onSend', async (request, _reply, payload) => {
    const url = request.routeOptions.url ?? '';
    if (request.method !== 'GET' && (url.startsWith('/v1/admin/') || url.startsWith('/v1/api-keys')))
      principals.clear();
    return payload;
  });

  const flush = async () => {
    const batch = [...used.values()];
    used.clear();
    await touchApiKeys(ctx.sql, batch).catch((err: unknown) => ctx.log.warn({ err }, 'could not record key usage'));
  };
  const timer = setInterval(() => void flush(), 1000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush();
  });
});
