// Enrolling, enabling and disabling TOTP for the signed-in user, and the operator's reset.
// Every change is audited.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { appendAudit, type AuditEntry } from '../platform/audit/log.ts';
import { verifyPassword } from './passwords.ts';
import type { SessionInfo } from '../http/principal.ts';
import { revokeUserSessions } from './session-store.ts';
import {
  checkTotp,
  getTotp,
  issueRecoveryCodes,
  markEnabled,
  otpauthUri,
  removeTwoFactor,
  storePendingSecret,
} from './two-factor.ts';
import { getUser } from './user-store.ts';

type Who = Pick<SessionInfo, 'userId' | 'twoFactorRequired'> & { accountId: string };

const userEntry = (
  who: { accountId: string; userId: string },
  action: string,
  at: Date,
  data?: AuditEntry['data'],
): AuditEntry => ({
  accountId: who.accountId,
  actor: { type: 'user', id: who.userId },
  action,
  target: { type: 'user', id: who.userId },
  at,
  ...(data && { data }),
});

export async function setupTotp(ctx: Context, who: Who): Promise<{ secret: string; otpauthUri: string }> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const user = await getUser(tx, who.accountId, who.userId);
    const existing = await getTotp(tx, who.accountId, who.userId, true);
    if (existing?.enabledAt)
      throw new Problem(
        P['invalid-state'],
        'two-factor authentication is already enabled; disable it first to enrol a new device',
      );
    const secret = await storePendingSecret(ctx, tx, who.accountId, who.userId, at);
    await appendAudit(tx, userEntry(who, 'user.2fa_setup_started', at));
    return { secret, otpauthUri: otpauthUri(user!.email, secret) };
  });
}

export async function enableTotp(ctx: Context, who: Who, code: string): Promise<string[]> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const totp = await getTotp(tx, who.accountId, who.userId, true);
    if (!totp) throw new Problem(P['invalid-state'], 'start with POST /v1/auth/2fa/setup');
    if (totp.enabledAt) throw new Problem(P['invalid-state'], 'two-factor authentication is already enabled');
    if (!(await checkTotp(ctx, tx, who.accountId, who.userId, totp, code, at))) {
      throw Problem.field('/code', 'the code does not match; check the time on your device and enter the current code');
    }
    await markEnabled(tx, who.accountId, who.userId, at);
    const codes = await issueRecoveryCodes(tx, who.accountId, who.userId, at);
    await appendAudit(tx, userEntry(who, 'user.2fa_enabled', at));
    return codes;
  });
}

export async function disableTotp(ctx: Context, who: Who, password: string, code: string): Promise<void> {
  if (who.twoFactorRequired)
    throw new Problem(
      P['two-factor-mandatory'],
      'two-factor authentication is mandatory for your user and cannot be disabled',
    );
  const at = ctx.clock.now();
  await withTransaction(ctx.sql, async (tx) => {
    const user = await getUser(tx, who.accountId, who.userId);
    const totp = await getTotp(tx, who.accountId, who.userId, true);
    if (!totp?.enabledAt) throw new Problem(P['invalid-state'], 'two-factor authentication is not enabled');
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password)))
      throw Problem.field('/password', 'the password is incorrect');
    if (!(await checkTotp(ctx, tx, who.accountId, who.userId, totp, code, at)))
      throw Problem.field('/code', 'the code does not match');
    await removeTwoFactor(tx, who.accountId, who.userId);
    await appendAudit(tx, userEntry(who, 'user.2fa_disabled', at));
  });
}

/** `cx-engage users reset-2fa`: the way back in after losing the device and the recovery codes. */
export async function resetTwoFactor(
  ctx: Context,
  email: string,
): Promise<{ accountId: string; userId: string; sessions: number } | undefined> {
  const at = ctx.clock.now();
  return withTransaction(ctx.sql, async (tx) => {
    const [user] = await tx<{ accountId: string; id: string }[]>`
      select account_id as "accountId", id from users where lower(email) = lower(${email.trim()}) for update`;
    if (!user) return undefined;
    const hadTwoFactor = await removeTwoFactor(tx, user.accountId, user.id);
    const sessions = await revokeUserSessions(tx, user.accountId, user.id, at);
    await appendAudit(tx, {
      accountId: user.accountId,
      actor: { type: 'system', id: 'cli' },
      action: 'user.2fa_reset',
      target: { type: 'user', id: user.id },
      data: { hadTwoFactor, sessionsRevoked: sessions },
      at,
    });
    return { accountId: user.accountId, userId: user.id, sessions };
  });
}
