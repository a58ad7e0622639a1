// What the auth domain holds about people, for privacy: the retention sweeps (ended sessions,
// used or lapsed invitations, password resets and sign-in challenges, disabled users) and
// access and erasure for one person, found by the SHA-256 of their email address (the same
// hash as the email outbox's and the login throttles'). The user row itself always stays:
// audit entries name users by id, so an erased user becomes a pseudonym, never a gap.
import type { Db, Tx } from '../db/pool.ts';
import type { Timeouts } from './session-store.ts';

/** The (account, user) pairs of some users, for queries that stay keyed by account. */
const ofUsers = (db: Db, users: { accountId: string; id: string }[]) =>
  db`(account_id, user_id) in (select * from unnest(${users.map((u) => u.accountId)}::text[], ${users.map((u) => u.id)}::text[]))`;

/** SQL for the hash of an email column; matches emailAddressHash() in platform/email. */
const hashOf = (db: Db, column: string) => db`sha256(convert_to(lower(trim(${db(column)})), 'UTF8'))`;

/** Sessions ended (revoked, idle or past their maximum age) before the cutoff. */
export async function deleteEndedSessions(
  tx: Tx,
  accountId: string,
  cutoff: Date,
  limit: number,
  t: Timeouts,
): Promise<number> {
  const rows = await tx`
    delete from user_sessions where account_id = ${accountId} and id in (
      select id from user_sessions where account_id = ${accountId}
        and least(coalesce(revoked_at, 'infinity'), last_seen_at + ${t.idleMs} * interval '1 millisecond',
                  created_at + ${t.absoluteMs} * interval '1 millisecond') < ${cutoff}
      order by last_seen_at limit ${limit})
    returning id`;
  return rows.length;
}

/** Invitations, password resets and sign-in challenges used, withdrawn or expired before the cutoff. */
export async function deleteEndedTokens(tx: Tx, accountId: string, cutoff: Date, limit: number): Promise<number> {
  const invitations = await tx`
    delete from user_invitations where account_id = ${accountId} and id in (
      select id from user_invitations where account_id = ${accountId}
        and least(coalesce(accepted_at, 'infinity'), coalesce(revoked_at, 'infinity'), expires_at) < ${cutoff}
      order by created_at limit ${limit})
    returning id`;
  let n = invitations.length;
  for (const table of ['password_resets', 'login_challenges']) {
    n += (
      await tx`
      delete from ${tx(table)} where (account_id, user_id, token_hash) in (
        select account_id, user_id, token_hash from ${tx(table)} where account_id = ${accountId}
          and least(coalesce(used_at, 'infinity'), expires_at) < ${cutoff}
        order by created_at limit ${limit})
      returning token_hash`
    ).length;
  }
  return n;
}

/**
 * Turns users into pseudonyms: a reserved address (RFC 2606 `.invalid`), no name, no password,
 * disabled, and nothing left that signs in or was about signing in.
 */
export async function anonymizeUsers(tx: Tx, accountId: string, ids: string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  for (const table of ['user_sessions', 'user_totp', 'user_recovery_codes', 'password_resets', 'login_challenges']) {
    await tx`delete from ${tx(table)} where account_id = ${accountId} and user_id = any(${ids})`;
  }
  const rows = await tx`
    update users set email = 'erased-' || id || '@invalid', name = null, password_hash = null,
      disabled_at = coalesce(disabled_at, ${at}), anonymized_at = ${at}
    where account_id = ${accountId} and id = any(${ids}) and anonymized_at is null
    returning id`;
  return rows.length;
}

/** Users disabled before the cutoff and not yet anonymized. */
export async function anonymizeDisabledUsers(
  tx: Tx,
  accountId: string,
  cutoff: Date,
  limit: number,
  at: Date,
): Promise<number> {
  const ids = (
    await tx<{ id: string }[]>`
    select id from users where account_id = ${accountId} and disabled_at < ${cutoff} and anonymized_at is null
    order by disabled_at limit ${limit} for update`
  ).map((r) => r.id);
  return anonymizeUsers(tx, accountId, ids, at);
}

type Row = Record<string, string | number | boolean | null>;

export interface PortalData {
  users: Row[];
  sessions: Row[];
  invitations: Row[];
  passwordResets: Row[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Everything the auth domain holds about the person with this email hash, on any account. */
export async function portalDataOf(db: Db, emailHash: Buffer): Promise<PortalData> {
  const users = await db<
    {
      accountId: string;
      id: string;
      email: string;
      name: string | null;
      role: string;
      createdAt: Date;
      lastLoginAt: Date | null;
      disabledAt: Date | null;
    }[]
  >`
    select account_id as "accountId", id, email, name, role, created_at as "createdAt", last_login_at as "lastLoginAt", disabled_at as "disabledAt"
    from users where ${hashOf(db, 'email')} = ${emailHash} order by id`;
  const sessions = await db<
    {
      accountId: string;
      id: string;
      userId: string;
      createdAt: Date;
      lastSeenAt: Date;
      userAgent: string | null;
      ip: string | null;
      method: string;
      revokedAt: Date | null;
    }[]
  >`
    select account_id as "accountId", id, user_id as "userId", created_at as "createdAt", last_seen_at as "lastSeenAt", user_agent as "userAgent", ip, method, revoked_at as "revokedAt"
    from user_sessions where ${ofUsers(db, users)} order by id`;
  const invitations = await db<
    {
      accountId: string;
      id: string;
      email: string;
      role: string;
      createdAt: Date;
      expiresAt: Date;
      acceptedAt: Date | null;
      revokedAt: Date | null;
    }[]
  >`
    select account_id as "accountId", id, email, role, created_at as "createdAt", expires_at as "expiresAt", accepted_at as "acceptedAt", revoked_at as "revokedAt"
    from user_invitations where ${hashOf(db, 'email')} = ${emailHash} order by id`;
  const resets = await db<
    { accountId: string; userId: string; createdAt: Date; expiresAt: Date; usedAt: Date | null }[]
  >`
    select account_id as "accountId", user_id as "userId", created_at as "createdAt", expires_at as "expiresAt", used_at as "usedAt"
    from password_resets where ${ofUsers(db, users)} order by created_at`;
  return {
    users: users.map((u) => ({
      ...u,
      createdAt: iso(u.createdAt),
      lastLoginAt: iso(u.lastLoginAt),
      disabledAt: iso(u.disabledAt),
    })),
    sessions: sessions.map((s) => ({
      ...s,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      revokedAt: iso(s.revokedAt),
    })),
    invitations: invitations.map((i) => ({
      ...i,
      createdAt: iso(i.createdAt),
      expiresAt: iso(i.expiresAt),
      acceptedAt: iso(i.acceptedAt),
      revokedAt: iso(i.revokedAt),
    })),
    passwordResets: resets.map((r) => ({
      ...r,
      createdAt: iso(r.createdAt),
      expiresAt: iso(r.expiresAt),
      usedAt: iso(r.usedAt),
    })),
  };
}

/** Erases the person with this email hash from users, sessions, invitations and resets. */
export async function erasePortalData(
  tx: Tx,
  emailHash: Buffer,
  at: Date,
): Promise<{ users: number; sessions: number; invitations: number; passwordResets: number }> {
  const users = await tx<{ accountId: string; id: string }[]>`
    select account_id as "accountId", id from users where ${hashOf(tx, 'email')} = ${emailHash} for update`;
  const [counts] = await tx<{ sessions: number; passwordResets: number }[]>`
    select (select count(*)::int from user_sessions where ${ofUsers(tx, users)}) as sessions,
           (select count(*)::int from password_resets where ${ofUsers(tx, users)}) as "passwordResets"`;
  for (const u of users) await anonymizeUsers(tx, u.accountId, [u.id], at);
  const invitations = await tx`delete from user_invitations where ${hashOf(tx, 'email')} = ${emailHash} returning id`;
  return {
    users: users.length,
    sessions: counts!.sessions,
    invitations: invitations.length,
    passwordResets: counts!.passwordResets,
  };
}
