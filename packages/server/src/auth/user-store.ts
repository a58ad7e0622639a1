// SQL for portal users, their invitations and password resets. Emails are unique across the
// platform (case-insensitive), so an email names at most one user.
import type { Db } from '../db/pool.ts';
import type { AccountStatus } from '../http/principal.ts';

export interface UserRow {
  accountId: string;
  id: string;
  email: string;
  name: string | null;
  role: string;
  createdAt: Date;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
  twoFactorEnabled: boolean;
}

const userColumns = (db: Db) => db`
  u.account_id as "accountId", u.id, u.email, u.name, u.role, u.created_at as "createdAt",
  u.last_login_at as "lastLoginAt", u.disabled_at as "disabledAt",
  exists (select 1 from user_totp t where t.account_id = u.account_id and t.user_id = u.id and t.enabled_at is not null) as "twoFactorEnabled"`;

export interface LoginUser extends UserRow {
  passwordHash: string | null;
  accountStatus: AccountStatus;
  isHouse: boolean;
  settings: Record<string, unknown>;
}

export async function findLoginUser(db: Db, email: string): Promise<LoginUser | undefined> {
  const [row] = await db<LoginUser[]>`
    select ${userColumns(db)}, u.password_hash as "passwordHash", a.status as "accountStatus", a.is_house as "isHouse", a.settings
    from users u join accounts a on a.id = u.account_id
    where lower(u.email) = lower(${email.trim()})`;
  return row;
}

export async function getUser(
  db: Db,
  accountId: string,
  id: string,
): Promise<(UserRow & { passwordHash: string | null }) | undefined> {
  const [row] = await db<(UserRow & { passwordHash: string | null })[]>`
    select ${userColumns(db)}, u.password_hash as "passwordHash" from users u where u.account_id = ${accountId} and u.id = ${id}`;
  return row;
}

export async function listUsers(
  db: Db,
  accountId: string,
  opts: { after?: string | undefined; limit: number },
): Promise<UserRow[]> {
  return db<UserRow[]>`
    select ${userColumns(db)} from users u
    where u.account_id = ${accountId} ${opts.after ? db`and u.id > ${opts.after}` : db``}
    order by u.id limit ${opts.limit}`;
}

export async function insertUser(
  db: Db,
  u: { accountId: string; id: string; email: string; name: string; role: string; passwordHash: string; at: Date },
): Promise<void> {
  await db`insert into users (account_id, id, email, name, role, password_hash, created_at)
           values (${u.accountId}, ${u.id}, ${u.email}, ${u.name}, ${u.role}, ${u.passwordHash}, ${u.at})`;
}

export async function emailTaken(db: Db, email: string): Promise<{ accountId: string } | undefined> {
  const [row] = await db<
    { accountId: string }[]
  >`select account_id as "accountId" from users where lower(email) = lower(${email})`;
  return row;
}

/** The account's enabled owners, locked: role changes that could remove the last one serialize here. */
export async function lockOwners(db: Db, accountId: string): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    select id from users where account_id = ${accountId} and role = 'owner' and disabled_at is null order by id for update`;
  return rows.map((r) => r.id);
}

export async function setRole(db: Db, accountId: string, id: string, role: string): Promise<void> {
  await db`update users set role = ${role} where account_id = ${accountId} and id = ${id}`;
}

export async function setDisabled(db: Db, accountId: string, id: string, at: Date): Promise<void> {
  await db`update users set disabled_at = coalesce(disabled_at, ${at}) where account_id = ${accountId} and id = ${id}`;
}

export async function setPasswordHash(db: Db, accountId: string, id: string, hash: string): Promise<void> {
  await db`update users set password_hash = ${hash} where account_id = ${accountId} and id = ${id}`;
}

export async function setLastLogin(db: Db, accountId: string, id: string, at: Date): Promise<void> {
  await db`update users set last_login_at = ${at} where account_id = ${accountId} and id = ${id}`;
}

export interface InvitationRow {
  accountId: string;
  id: string;
  email: string;
  role: string;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  userId: string | null;
  revokedAt: Date | null;
}

const invitationColumns = (db: Db) => db`
  account_id as "accountId", id, email, role, invited_by as "invitedBy", created_at as "createdAt", expires_at as "expiresAt",
  accepted_at as "acceptedAt", user_id as "userId", revoked_at as "revokedAt"`;

export async function insertInvitation(
  db: Db,
  i: {
    accountId: string;
    id: string;
    email: string;
    role: string;
    tokenHash: Buffer;
    invitedBy: string;
    at: Date;
    expiresAt: Date;
  },
): Promise<InvitationRow> {
  // One open invitation per email and account: a new one replaces the earlier link.
  await db`update user_invitations set revoked_at = ${i.at}
           where account_id = ${i.accountId} and lower(email) = lower(${i.email}) and accepted_at is null and revoked_at is null`;
  const [row] = await db<InvitationRow[]>`
    insert into user_invitations (account_id, id, email, role, token_hash, invited_by, created_at, expires_at)
    values (${i.accountId}, ${i.id}, ${i.email}, ${i.role}, ${i.tokenHash}, ${i.invitedBy}, ${i.at}, ${i.expiresAt})
    returning ${invitationColumns(db)}`;
  return row!;
}

export async function findInvitationByToken(db: Db, tokenHash: Buffer): Promise<InvitationRow | undefined> {
  const [row] = await db<
    InvitationRow[]
  >`select ${invitationColumns(db)} from user_invitations where token_hash = ${tokenHash} for update`;
  return row;
}

export async function markInvitationAccepted(
  db: Db,
  accountId: string,
  id: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db`update user_invitations set accepted_at = ${at}, user_id = ${userId} where account_id = ${accountId} and id = ${id}`;
}

export async function listOpenInvitations(
  db: Db,
  accountId: string,
  now: Date,
  opts: { after?: string | undefined; limit: number },
): Promise<InvitationRow[]> {
  return db<InvitationRow[]>`
    select ${invitationColumns(db)} from user_invitations
    where account_id = ${accountId} and accepted_at is null and revoked_at is null and expires_at > ${now}
      ${opts.after ? db`and id > ${opts.after}` : db``}
    order by id limit ${opts.limit}`;
}

export async function revokeInvitation(
  db: Db,
  accountId: string,
  id: string,
  at: Date,
): Promise<InvitationRow | undefined> {
  const [row] = await db<InvitationRow[]>`
    update user_invitations set revoked_at = coalesce(revoked_at, ${at})
    where account_id = ${accountId} and id = ${id} and accepted_at is null
    returning ${invitationColumns(db)}`;
  return row;
}

export async function insertPasswordReset(
  db: Db,
  r: { accountId: string; userId: string; tokenHash: Buffer; at: Date; expiresAt: Date },
): Promise<void> {
  await db`insert into password_resets (account_id, user_id, token_hash, created_at, expires_at)
           values (${r.accountId}, ${r.userId}, ${r.tokenHash}, ${r.at}, ${r.expiresAt})`;
}

export async function countRecentResets(db: Db, accountId: string, userId: string, since: Date): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from password_resets where account_id = ${accountId} and user_id = ${userId} and created_at > ${since}`;
  return row!.n;
}

/** Uses up a reset link: returns its user when the link is known, unused and not expired. */
export async function consumePasswordReset(
  db: Db,
  tokenHash: Buffer,
  now: Date,
): Promise<{ accountId: string; userId: string } | undefined> {
  const [row] = await db<{ accountId: string; userId: string }[]>`
    update password_resets set used_at = ${now}
    where token_hash = ${tokenHash} and used_at is null and expires_at > ${now}
    returning account_id as "accountId", user_id as "userId"`;
  if (!row) return undefined;
  // Every other link sent to this user stops working too.
  await db`update password_resets set used_at = ${now} where account_id = ${row.accountId} and user_id = ${row.userId} and used_at is null`;
  return row;
}
