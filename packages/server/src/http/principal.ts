import type { KeyMode } from '../auth/api-key-format.ts';

export type AccountStatus = 'pending' | 'active' | 'suspended' | 'closed';

/** What every request checks of the caller's account: may it act, send, and how fast. */
export interface AccountGate {
  status: AccountStatus;
  isHouse: boolean;
  smsBlocked: boolean;
  trafficHold: boolean;
  rateLimitPerKey: number | null;
  rateLimitPerAccount: number | null;
}

/** Who is calling: an API key and the account it belongs to, as loaded for this request. */
export interface Principal {
  accountId: string;
  /** The API key's id; for a portal session, the user's id (`usr_...`), so actors and limits still work. */
  keyId: string;
  mode: KeyMode;
  scopes: ReadonlySet<string>;
  account: AccountGate;
  /** Set when a portal session cookie authenticated the request (auth/session-auth.ts). */
  session?: SessionInfo;
}

export interface SessionInfo {
  id: string;
  userId: string;
  role: string;
  /** Two-factor is mandatory here and not yet enabled: only the session routes are open. */
  enrollmentOnly: boolean;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
  createdAt: Date;
  lastSeenAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The caller of a route that requires a key; the auth hook guarantees it is set. */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new Error('route without authentication asked for a principal');
  return request.principal;
}

/** Who acted, for audit entries and ledgers: the portal user, or else the API key. */
export function actorOf(p: Principal): { type: 'user' | 'key'; id: string } {
  return p.session ? { type: 'user', id: p.session.userId } : { type: 'key', id: p.keyId };
}

/**
 * The key mode of the rows a caller may see and touch: a test key only test-mode objects, a live
 * key (or a portal session) every row of its account. Routes marked `testKeys: 'test-objects'` in
 * http/permissions.ts filter with it.
 */
export function objectModeOf(p: Principal): KeyMode | undefined {
  return p.mode === 'test' ? 'test' : undefined;
}

/** The actor an operator's request is audited as: its key (an Actor of accounts/service.ts). */
export function operatorActor(request: { principal: Principal | null }): { type: 'operator'; id: string } {
  return { type: 'operator', id: principalOf(request).keyId };
}
