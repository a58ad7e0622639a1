// Password policy, resets by emailed link, and changing one's own password. A new password
// ends the user's other sessions: whoever knew the old one is signed out.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { Problem } from '../http/problem.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { clearEmailFailures, throttleKeys } from './login-throttle.ts';
import { generateToken, hashToken, looksLikeToken } from './session-cookies.ts';
import { revokeUserSessions } from './session-store.ts';
import {
  consumePasswordReset,
  countRecentResets,
  findLoginUser,
  getUser,
  insertPasswordReset,
  setPasswordHash,
} from './user-store.ts';

export const MIN_PASSWORD_LENGTH = 12;
const RESET_TTL_MS = 60 * 60_000;
/** Reset emails per user per hour: enough for a lost email, too few to flood a mailbox. */
const RESETS_PER_HOUR = 3;

/** Length is what makes a password strong; the only other rule: not the email (or its local part). */
export function checkPasswordPolicy(password: string, email: string, pointer = '/password'): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw Problem.field(pointer, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const p = password.trim().toLowerCase();
  const e = email.trim().toLowerCase();
  if (p === e || p === e.split('@')[0]) throw Problem.field(pointer, 'must not be your email address');
}

/** A link in emails: the portal's page, the token in the fragment (never sent to a server or a log). */
export function portalLink(ctx: Context, page: string, token: string): string {
  const base = (ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`).replace(/\/$/, '');
  return `${base}/${page}#token=${token}`;
}

/** Always succeeds from the caller's view: whether the email has a user is never revealed. */
export async function requestPasswordReset(ctx: Context, email: string): Promise<void> {
  const at = ctx.clock.now();
  const user = await findLoginUser(ctx.sql, email);
  if (!user || user.disabledAt || user.accountStatus === 'closed') return;
  await withTransaction(ctx.sql, async (tx) => {
    if ((await countRecentResets(tx, user.accountId, user.id, new Date(at.getTime() - 3_600_000))) >= RESETS_PER_HOUR)
      return;
    const { token, hash } = generateToken('l');
    await insertPasswordReset(tx, {
      accountId: user.accountId,
      userId: user.id,
      tokenHash: hash,
      at,
      expiresAt: new Date(at.getTime() + RESET_TTL_MS),
    });
    await enqueueEmail(tx, {
      accountId: user.accountId,
      to: user.email,
      subject: 'Reset your CX Engage password',
      at,
      text:
        `Someone asked to reset the password of your CX Engage user.\n\nChoose a new password within one hour:\n${portalLink(ctx, 'reset-password', token)}\n\n` +
        'If this was not you, ignore this email; your password stays as it is.\n',
    });
    await appendAudit(tx, {
      accountId: user.accountId,
      actor: { type: 'system', id: 'login' },
      action: 'user.password_reset_requested',
      target: { type: 'user', id: user.id },
      at,
    });
  });
}

export async function confirmPasswordReset(ctx: Context, token: string, password: string): Promise<void> {
  const at = ctx.clock.now();
  const invalid = () => Problem.field('/token', 'the link is invalid, expired or was already used; ask for a new one');
  if (!looksLikeToken(token, 'l')) throw invalid();
  // Hash before the transaction: argon2id takes a while and holds no locks.
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx.sql, async (tx) => {
    const reset = await consumePasswordReset(tx, hashToken(token), at);
    if (!reset) throw invalid();
    const user = await getUser(tx, reset.accountId, reset.userId);
    if (!user || user.disabledAt) throw invalid();
    checkPasswordPolicy(password, user.email);
    await setPasswordHash(tx, user.accountId, user.id, passwordHash);
    const revoked = await revokeUserSessions(tx, user.accountId, user.id, at);
    await clearEmailFailures(tx, throttleKeys(user.email, ''));
    await appendAudit(tx, {
      accountId: user.accountId,
      actor: { type: 'user', id: user.id },
      action: 'user.password_reset',
      target: { type: 'user', id: user.id },
      data: { sessionsRevoked: revoked },
      at,
    });
  });
}

export async function changePassword(
  ctx: Context,
  who: { accountId: string; userId: string; sessionId: string },
  current: string,
  next: string,
): Promise<void> {
  const at = ctx.clock.now();
  const user = await getUser(ctx.sql, who.accountId, who.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current)))
    throw Problem.field('/currentPassword', 'the password is incorrect');
  checkPasswordPolicy(next, user.email, '/newPassword');
  const passwordHash = await hashPassword(next);
  await withTransaction(ctx.sql, async (tx) => {
    await setPasswordHash(tx, who.accountId, who.userId, passwordHash);
    const revoked = await revokeUserSessions(tx, who.accountId, who.userId, at, who.sessionId);
    await appendAudit(tx, {
      accountId: who.accountId,
      actor: { type: 'user', id: who.userId },
      action: 'user.password_changed',
      target: { type: 'user', id: who.userId },
      data: { sessionsRevoked: revoked },
      at,
    });
  });
}
