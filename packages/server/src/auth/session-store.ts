// SQL for portal sessions. The per-request lookup checks and touches a session in one
// statement: it is valid only if not revoked, seen within the idle timeout, younger than the
// absolute timeout, and its user and account are still allowed in.
import type { Db } from '../db/pool.ts';
import { newId } from '../platform/ids.ts';
import type { AccountGate } from '../http/principal.ts';

export type SessionMethod = 'password' | 'totp' | 'recovery_code';

export interface SessionRow {
  id: string;
  accountId: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
  method: SessionMethod;
  revokedAt: Date | null;
}

export interface Timeouts {
  idleMs: number;
  absoluteMs: number;
}

const columns = (db: Db) => db`
  id, account_id as "accountId", user_id as "userId", created_at as "createdAt", last_seen_at as "lastSeenAt",
  user_agent as "userAgent", ip, method, revoked_at as "revokedAt"`;

export async function insertSession(
  db: Db,
  s: {
    accountId: string;
    userId: string;
    tokenHash: Buffer;
    method: SessionMethod;
    userAgent: string | undefined;
    ip: string | undefined;
    at: Date;
  },
): Promise<SessionRow> {
  const [row] = await db<SessionRow[]>`
    insert into user_sessions (account_id, id, user_id, token_hash, created_at, last_seen_at, user_agent, ip, method)
    values (${s.accountId}, ${newId('ses', s.at)}, ${s.userId}, ${s.tokenHash}, ${s.at}, ${s.at},
            ${s.userAgent?.slice(0, 200) ?? null}, ${s.ip ? truncateIp(s.ip) : null}, ${s.method})
    returning ${columns(db)}`;
  return row!;
}

export interface ActiveSession extends AccountGate {
  accountId: string;
  id: string;
  userId: string;
  role: string;
  createdAt: Date;
  lastSeenAt: Date;
  settings: Record<string, unknown>;
  twoFactorEnabled: boolean;
}

/** Finds a live session by its token's hash and records this use. */
export async function touchSession(
  db: Db,
  tokenHash: Buffer,
  now: Date,
  t: Timeouts,
): Promise<ActiveSession | undefined> {
  const [row] = await db<ActiveSession[]>`
    update user_sessions s set last_seen_at = greatest(s.last_seen_at, ${now})
    from users u
      join accounts a on a.id = u.account_id
      join billing_accounts b on b.account_id = u.account_id
      left join user_totp t on t.account_id = u.account_id and t.user_id = u.id and t.enabled_at is not null
    where s.token_hash = ${tokenHash} and s.revoked_at is null
      and s.last_seen_at > ${new Date(now.getTime() - t.idleMs)}
      and s.created_at > ${new Date(now.getTime() - t.absoluteMs)}
      and u.account_id = s.account_id and u.id = s.user_id and u.disabled_at is null
    returning s.account_id as "accountId", s.id, s.user_id as "userId", u.role, s.created_at as "createdAt", s.last_seen_at as "lastSeenAt",
      a.status, a.is_house as "isHouse", b.sms_blocked as "smsBlocked", a.traffic_hold as "trafficHold",
      a.rate_limit_per_key as "rateLimitPerKey", a.rate_limit_per_account as "rateLimitPerAccount", a.settings,
      t.user_id is not null as "twoFactorEnabled"`;
  return row;
}

/** A user's sessions that still work, oldest first (ids are time-sortable). */
export async function listActiveSessions(
  db: Db,
  accountId: string,
  userId: string,
  now: Date,
  t: Timeouts,
  opts: { after?: string | undefined; limit: number },
): Promise<SessionRow[]> {
  return db<SessionRow[]>`
    select ${columns(db)} from user_sessions
    where account_id = ${accountId} and user_id = ${userId} and revoked_at is null
      and last_seen_at > ${new Date(now.getTime() - t.idleMs)} and created_at > ${new Date(now.getTime() - t.absoluteMs)}
      ${opts.after ? db`and id > ${opts.after}` : db``}
    order by id limit ${opts.limit}`;
}

export async function revokeSession(
  db: Db,
  accountId: string,
  userId: string,
  id: string,
  at: Date,
): Promise<SessionRow | undefined> {
  const [row] = await db<SessionRow[]>`
    update user_sessions set revoked_at = coalesce(revoked_at, ${at})
    where account_id = ${accountId} and user_id = ${userId} and id = ${id}
    returning ${columns(db)}`;
  return row;
}

/** Ends every session of a user (password reset, 2FA reset, disabling), or all but one. */
export async function revokeUserSessions(
  db: Db,
  accountId: string,
  userId: string,
  at: Date,
  exceptId?: string,
): Promise<number> {
  const rows = await db`
    update user_sessions set revoked_at = ${at}
    where account_id = ${accountId} and user_id = ${userId} and revoked_at is null
      ${exceptId ? db`and id <> ${exceptId}` : db``}
    returning id`;
  return rows.length;
}

/** Enough to recognise a session in the list, not to locate a person: IPv4 /24, IPv6 /48. */
export function truncateIp(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/i.exec(ip);
  if (v4) return `${v4[1]}.0`;
  if (ip.includes(':')) {
    const groups = ip.split('::')[0]!.split(':').slice(0, 3);
    return `${groups.join(':')}::`;
  }
  return ip.slice(0, 45);
}
