// Managing an account's users: invitations by emailed link, role changes, disabling, and the
// account's two-factor policy. Rules: clients never grant operator roles (those exist only on
// the house account, given by operators); only owners (or operators) grant, take away or
// disable the owner role; an account always keeps at least one enabled owner.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { newId } from '../platform/ids.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import type { Actor } from '../accounts/service.ts';
import { getAccount, mergeAccountSettings } from '../accounts/store.ts';
import { hashPassword } from './passwords.ts';
import { checkPasswordPolicy, portalLink } from './password-service.ts';
import { ALL_ROLES, isOperatorRole } from './roles.ts';
import { generateToken, hashToken, looksLikeToken } from './session-cookies.ts';
import { revokeUserSessions } from './session-store.ts';
import {
  emailTaken,
  findInvitationByToken,
  getUser,
  insertInvitation,
  insertUser,
  lockOwners,
  markInvitationAccepted,
  revokeInvitation,
  setDisabled,
  setRole,
  type InvitationRow,
  type UserRow,
} from './user-store.ts';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export interface Caller {
  /** The account whose users are managed. */
  accountId: string;
  actor: Actor;
  /** The caller's role for a portal session; undefined for API keys and operators. */
  role: string | undefined;
  /** An operator acting through /v1/admin/... */
  operator: boolean;
}

const managesOwners = (c: Caller) => c.operator || c.role === 'owner';

async function checkRole(ctx: Context, caller: Caller, role: string): Promise<void> {
  if (!(ALL_ROLES as readonly string[]).includes(role))
    throw Problem.field('/role', `must be one of ${ALL_ROLES.join(', ')}`);
  if (isOperatorRole(role)) {
    if (!caller.operator) throw Problem.field('/role', 'operator roles are given by operators only');
    const account = await getAccount(ctx.sql, caller.accountId);
    if (!account?.isHouse) throw Problem.field('/role', 'operator roles exist only on the house account');
  }
  if (role === 'owner' && !managesOwners(caller))
    throw new Problem(P.forbidden, 'only an owner can make someone an owner');
}

export async function inviteUser(
  ctx: Context,
  caller: Caller,
  input: { email: string; role: string },
): Promise<InvitationRow> {
  await checkRole(ctx, caller, input.role);
  const at = ctx.clock.now();
  const email = input.email.trim();
  return withTransaction(ctx.sql, async (tx) => {
    const account = await getAccount(tx, caller.accountId);
    if (!account) throw new Problem(P['not-found'], `no account ${caller.accountId}`);
    if (account.status === 'closed') throw new Problem(P['invalid-state'], 'the account is closed');
    // Only a user of this account is reported: whether another tenant has the email stays private.
    if ((await emailTaken(tx, email))?.accountId === account.id)
      throw new Problem(P.conflict, 'a user with this email already exists in the account');
    const { token, hash } = generateToken('l');
    const invitation = await insertInvitation(tx, {
      accountId: account.id,
      id: newId('uin', at),
      email,
      role: input.role,
      tokenHash: hash,
      invitedBy: caller.actor.id,
      at,
      expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
    });
    await enqueueEmail(tx, {
      accountId: account.id,
      to: email,
      subject: `You are invited to ${account.name} on CX Engage`,
      at,
      text:
        `You have been invited to join ${account.name} on CX Engage as ${input.role}.\n\n` +
        `Choose your password within 7 days:\n${portalLink(ctx, 'accept-invitation', token)}\n\n` +
        'If you did not expect this invitation, ignore this email.\n',
    });
    await appendAudit(tx, {
      accountId: account.id,
      actor: caller.actor,
      action: 'user.invited',
      target: { type: 'invitation', id: invitation.id },
      data: { role: input.role },
      at,
    });
    return invitation;
  });
}

export async function withdrawInvitation(ctx: Context, caller: Caller, invitationId: string): Promise<InvitationRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const inv = await revokeInvitation(tx, caller.accountId, invitationId, at);
    if (!inv) throw new Problem(P['not-found'], `no open invitation ${invitationId}`);
    await appendAudit(tx, {
      accountId: caller.accountId,
      actor: caller.actor,
      action: 'user.invitation_revoked',
      target: { type: 'invitation', id: inv.id },
      at,
    });
    return inv;
  });
}

export async function acceptInvitation(
  ctx: Context,
  input: { token: string; password: string; name: string },
): Promise<UserRow> {
  const at = ctx.clock.now();
  const invalid = () =>
    Problem.field('/token', 'the invitation is invalid, expired or was already used; ask for a new one');
  if (!looksLikeToken(input.token, 'l')) throw invalid();
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx.sql, async (tx) => {
    const inv = await findInvitationByToken(tx, hashToken(input.token));
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= at) throw invalid();
    const account = await getAccount(tx, inv.accountId);
    if (!account || account.status === 'closed') throw invalid();
    checkPasswordPolicy(input.password, inv.email);
    if (await emailTaken(tx, inv.email))
      throw new Problem(P.conflict, 'this email already has a user; sign in with it instead');
    const userId = newId('usr', at);
    await insertUser(tx, {
      accountId: inv.accountId,
      id: userId,
      email: inv.email,
      name: input.name.trim(),
      role: inv.role,
      passwordHash,
      at,
    });
    await markInvitationAccepted(tx, inv.accountId, inv.id, userId, at);
    await appendAudit(tx, {
      accountId: inv.accountId,
      actor: { type: 'user', id: userId },
      action: 'user.created',
      target: { type: 'user', id: userId },
      data: { role: inv.role, invitationId: inv.id },
      at,
    });
    return (await getUser(tx, inv.accountId, userId))!;
  });
}

export async function changeRole(ctx: Context, caller: Caller, userId: string, role: string): Promise<UserRow> {
  await checkRole(ctx, caller, role);
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const owners = await lockOwners(tx, caller.accountId);
    const user = await getUser(tx, caller.accountId, userId);
    if (!user) throw new Problem(P['not-found'], `no user ${userId}`);
    if (user.role === role) return user;
    checkTarget(caller, user, owners, role);
    await setRole(tx, caller.accountId, userId, role);
    await appendAudit(tx, {
      accountId: caller.accountId,
      actor: caller.actor,
      action: 'user.role_changed',
      target: { type: 'user', id: userId },
      data: { from: user.role, to: role },
      at,
    });
    return (await getUser(tx, caller.accountId, userId))!;
  });
}

export async function disableUser(ctx: Context, caller: Caller, userId: string): Promise<UserRow> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const owners = await lockOwners(tx, caller.accountId);
    const user = await getUser(tx, caller.accountId, userId);
    if (!user) throw new Problem(P['not-found'], `no user ${userId}`);
    if (user.disabledAt) return user;
    checkTarget(caller, user, owners, undefined);
    await setDisabled(tx, caller.accountId, userId, at);
    const revoked = await revokeUserSessions(tx, caller.accountId, userId, at);
    await appendAudit(tx, {
      accountId: caller.accountId,
      actor: caller.actor,
      action: 'user.disabled',
      target: { type: 'user', id: userId },
      data: { sessionsRevoked: revoked },
      at,
    });
    return (await getUser(tx, caller.accountId, userId))!;
  });
}

/** May the caller take `user` out of its current role (newRole undefined: disable it)? */
function checkTarget(caller: Caller, user: UserRow, enabledOwners: string[], newRole: string | undefined): void {
  if (isOperatorRole(user.role) && !caller.operator)
    throw new Problem(P.forbidden, 'operator users are managed by operators');
  if (user.role !== 'owner' || user.disabledAt) return;
  if (!managesOwners(caller)) throw new Problem(P.forbidden, 'only an owner can change or disable another owner');
  if (newRole !== 'owner' && enabledOwners.length <= 1) {
    throw new Problem(P['invalid-state'], 'an account keeps at least one owner: make someone else owner first');
  }
}

export async function setTwoFactorPolicy(
  ctx: Context,
  caller: Caller,
  require2fa: boolean,
): Promise<{ require2fa: boolean }> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    await mergeAccountSettings(tx, caller.accountId, { require2fa }, at);
    await appendAudit(tx, {
      accountId: caller.accountId,
      actor: caller.actor,
      action: 'account.security_policy_changed',
      target: { type: 'account', id: caller.accountId },
      data: { require2fa },
      at,
    });
    return { require2fa };
  });
}
