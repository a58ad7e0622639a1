// "Who am I" for the portal: the signed-in user, their account, the scopes their role gives,
// their two-factor state, the session's expiry and the CSRF token to echo.
import { Type, type Static } from 'typebox';
import type { Context } from '../context.ts';
import { Timestamp } from '../http/schemas.ts';
import { csrfTokenFor } from './session-cookies.ts';
import { sessionTimeouts } from './session-auth.ts';
import { scopesOfRole, twoFactorRequired } from './roles.ts';

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    email: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    role: Type.String(),
  }),
  account: Type.Object({ id: Type.String(), name: Type.String(), status: Type.String(), isHouse: Type.Boolean() }),
  scopes: Type.Array(Type.String(), {
    description: 'what the role allows; empty until two-factor is enabled when it is mandatory',
  }),
  twoFactor: Type.Object({
    enabled: Type.Boolean(),
    required: Type.Boolean({ description: 'always for operators; for client users when the account policy says so' }),
    enrollmentRequired: Type.Boolean({
      description: 'required but not enabled: only /v1/auth/... routes work until it is',
    }),
  }),
  session: Type.Object({
    id: Type.String(),
    method: Type.String(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    idleExpiresAt: Timestamp,
  }),
  csrfToken: Type.String({
    description: 'send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE (also in the cx_csrf cookie)',
  }),
});
export type Me = Static<typeof MeSchema>;

interface Row {
  userId: string;
  email: string;
  name: string | null;
  role: string;
  accountId: string;
  accountName: string;
  status: string;
  isHouse: boolean;
  settings: Record<string, unknown>;
  twoFactorEnabled: boolean;
  sessionId: string;
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export async function loadMe(ctx: Context, accountId: string, sessionId: string, sessionToken: string): Promise<Me> {
  const [r] = await ctx.sql<Row[]>`
    select u.id as "userId", u.email, u.name, u.role, a.id as "accountId", a.name as "accountName", a.status, a.is_house as "isHouse", a.settings,
      exists (select 1 from user_totp t where t.account_id = u.account_id and t.user_id = u.id and t.enabled_at is not null) as "twoFactorEnabled",
      s.id as "sessionId", s.method, s.created_at as "createdAt", s.last_seen_at as "lastSeenAt"
    from user_sessions s join users u on u.account_id = s.account_id and u.id = s.user_id join accounts a on a.id = s.account_id
    where s.account_id = ${accountId} and s.id = ${sessionId}`;
  if (!r) throw new Error(`session ${sessionId} vanished`);
  const required = twoFactorRequired(r.role, r.settings);
  const enrollmentRequired = required && !r.twoFactorEnabled;
  const t = sessionTimeouts(ctx);
  return {
    user: { id: r.userId, email: r.email, name: r.name, role: r.role },
    account: { id: r.accountId, name: r.accountName, status: r.status, isHouse: r.isHouse },
    scopes: enrollmentRequired ? [] : [...scopesOfRole(r.role, r.isHouse)],
    twoFactor: { enabled: r.twoFactorEnabled, required, enrollmentRequired },
    session: {
      id: r.sessionId,
      method: r.method,
      createdAt: r.createdAt.toISOString(),
      expiresAt: new Date(r.createdAt.getTime() + t.absoluteMs).toISOString(),
      idleExpiresAt: new Date(
        Math.min(r.lastSeenAt.getTime() + t.idleMs, r.createdAt.getTime() + t.absoluteMs),
      ).toISOString(),
    },
    csrfToken: csrfTokenFor(sessionToken),
  };
}
