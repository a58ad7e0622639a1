// Portal sessions in front of every route (called from http/auth-plugin.ts): a `cx_session`
// cookie authenticates like an API key, with the scopes of the user's role. State-changing
// requests must echo the CSRF token; API keys (Authorization header) need none, since a
// browser never attaches them on its own.
import type { FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { P, Problem } from '../http/problem.ts';
import type { Scope } from './scopes.ts';
import type { Principal } from '../http/principal.ts';
import { csrfHeaderMatches, hashToken, sessionTokenOf } from './session-cookies.ts';
import { touchSession } from './session-store.ts';
import { scopesOfRole, twoFactorRequired } from './roles.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionTimeouts(ctx: Context) {
  return { idleMs: ctx.config.sessionIdleMs, absoluteMs: ctx.config.sessionAbsoluteMs };
}

export async function authenticateSession(ctx: Context, request: FastifyRequest): Promise<Principal> {
  const token = sessionTokenOf(request);
  if (!token) throw new Problem(P.unauthenticated, 'the session cookie is malformed; sign in again');
  // Before the lookup: a forged request costs no database work and does not keep the session alive.
  if (!SAFE_METHODS.has(request.method) && !csrfHeaderMatches(request, token)) {
    throw new Problem(P['csrf-token-invalid'], 'send the value of the cx_csrf cookie in the X-CSRF-Token header');
  }
  const s = await touchSession(ctx.sql, hashToken(token), ctx.clock.now(), sessionTimeouts(ctx));
  if (!s) throw new Problem(P.unauthenticated, 'the session expired or was revoked; sign in again');
  if (s.status === 'closed') throw new Problem(P['account-closed'], 'the account is closed');
  const required = twoFactorRequired(s.role, s.settings);
  const enrollmentOnly = required && !s.twoFactorEnabled;
  const principal: Principal = {
    accountId: s.accountId,
    keyId: s.userId,
    mode: 'live',
    scopes: new Set(enrollmentOnly ? [] : scopesOfRole(s.role, s.isHouse)),
    account: {
      status: s.status,
      isHouse: s.isHouse,
      smsBlocked: s.smsBlocked,
      trafficHold: s.trafficHold,
      rateLimitPerKey: s.rateLimitPerKey,
      rateLimitPerAccount: s.rateLimitPerAccount,
    },
    session: {
      id: s.id,
      userId: s.userId,
      role: s.role,
      enrollmentOnly,
      twoFactorEnabled: s.twoFactorEnabled,
      twoFactorRequired: required,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
    },
  };
  request.principal = principal;
  return principal;
}

/**
 * Session routes (scope 'session') are for signed-in users whatever their role, and the only
 * ones open to a session that must still enable two-factor authentication.
 */
export function checkSessionRoute(principal: Principal, scope: Scope | 'session'): void {
  if (scope === 'session' && !principal.session) {
    throw new Problem(P.forbidden, 'this route is for portal sessions; sign in with email and password');
  }
  if (scope !== 'session' && principal.session?.enrollmentOnly) {
    throw new Problem(
      P['two-factor-enrollment-required'],
      'two-factor authentication is mandatory for you: set it up at /v1/auth/2fa/setup',
    );
  }
}

/** The session of a route marked 'session'; the auth hook guarantees it. */
export function sessionOf(request: FastifyRequest): NonNullable<Principal['session']> & { accountId: string } {
  const p = request.principal;
  if (!p?.session) throw new Error('route without a session asked for one');
  return { ...p.session, accountId: p.accountId };
}
