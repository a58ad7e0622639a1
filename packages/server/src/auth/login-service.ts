// Signing in: email and password, then (when enrolled) a TOTP or recovery code against a
// short-lived challenge, then a session. Every answer to a wrong email, password or code is
// the same generic 401; failures count toward the lockout (login-throttle.ts) and are audited.
import type { Context } from '../context.ts';
import type { Db } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  assertNotLocked,
  clearEmailFailures,
  recordFailure,
  throttleKeys,
  type ThrottleKey,
} from './login-throttle.ts';
import { generateToken, hashToken, looksLikeToken } from './session-cookies.ts';
import { insertSession, type SessionMethod, type SessionRow } from './session-store.ts';
import { checkTotp, getTotp, remainingRecoveryCodes, useRecoveryCode } from './two-factor.ts';
import { findLoginUser, setLastLogin } from './user-store.ts';

const CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes a single challenge tolerates before the user must enter the password again. */
const CHALLENGE_MAX_FAILURES = 5;
const GENERIC = 'the email, password or code is incorrect';

export interface ClientMeta {
  ip: string;
  userAgent: string | undefined;
}

export type LoginOutcome =
  | { kind: 'session'; token: string; session: SessionRow }
  | { kind: 'challenge'; challengeId: string; expiresAt: Date };

// Verifying against a real argon2id hash when the email is unknown keeps the answer's timing
// from telling which emails have users.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword('decoy password, never valid'));

export async function passwordLogin(
  ctx: Context,
  email: string,
  password: string,
  meta: ClientMeta,
): Promise<LoginOutcome> {
  const keys = throttleKeys(email, meta.ip);
  await assertNotLocked(ctx.sql, keys, ctx.clock.now());
  const user = await findLoginUser(ctx.sql, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  const allowed = user?.passwordHash && !user.disabledAt && user.accountStatus !== 'closed';
  if (!ok || !allowed) {
    const reason = !user ? 'unknown_user' : !ok ? 'password' : 'disabled';
    await failed(ctx, keys, user ? { accountId: user.accountId, userId: user.id } : undefined, reason);
    throw new Problem(P['invalid-credentials'], GENERIC);
  }
  const at = ctx.clock.now();
  if (user.twoFactorEnabled) {
    const { token, hash } = generateToken('c');
    const expiresAt = new Date(at.getTime() + CHALLENGE_TTL_MS);
    await ctx.sql`insert into login_challenges (account_id, user_id, token_hash, created_at, expires_at)
                  values (${user.accountId}, ${user.id}, ${hash}, ${at}, ${expiresAt})`;
    return { kind: 'challenge', challengeId: token, expiresAt };
  }
  return withTransaction(ctx.sql, async (tx) => {
    const started = await startSession(ctx, tx, { accountId: user.accountId, userId: user.id }, 'password', meta, at);
    await clearEmailFailures(tx, keys);
    return started;
  });
}

export async function secondFactorLogin(
  ctx: Context,
  challengeId: string,
  proof: { code?: string | undefined; recoveryCode?: string | undefined },
  meta: ClientMeta,
): Promise<LoginOutcome & { kind: 'session' }> {
  const now = ctx.clock.now();
  const [challenge] = looksLikeToken(challengeId, 'c')
    ? await ctx.sql<{ accountId: string; userId: string; email: string }[]>`
    select c.account_id as "accountId", c.user_id as "userId", u.email from login_challenges c
    join users u on u.account_id = c.account_id and u.id = c.user_id
    where c.token_hash = ${hashToken(challengeId)} and c.used_at is null and c.expires_at > ${now}
      and c.failures < ${CHALLENGE_MAX_FAILURES} and u.disabled_at is null`
    : [];
  if (!challenge)
    throw new Problem(
      P['invalid-credentials'],
      'the sign-in attempt expired or is unknown; enter your email and password again',
    );
  const keys = throttleKeys(challenge.email, meta.ip);
  await assertNotLocked(ctx.sql, keys, now);
  const who = { accountId: challenge.accountId, userId: challenge.userId };
  const outcome = await withTransaction(ctx.sql, async (tx) => {
    const method = await checkSecondFactor(ctx, tx, who, proof, now);
    if (!method) return undefined;
    await tx`update login_challenges set used_at = ${now} where token_hash = ${hashToken(challengeId)}`;
    if (method === 'recovery_code') {
      await appendAudit(tx, {
        accountId: who.accountId,
        actor: { type: 'user', id: who.userId },
        action: 'user.recovery_code_used',
        target: { type: 'user', id: who.userId },
        data: { remaining: await remainingRecoveryCodes(tx, who.accountId, who.userId) },
        at: now,
      });
    }
    const started = await startSession(ctx, tx, who, method, meta, now);
    await clearEmailFailures(tx, keys);
    return started;
  });
  if (!outcome) {
    await ctx.sql`update login_challenges set failures = failures + 1 where token_hash = ${hashToken(challengeId)}`;
    await failed(ctx, keys, who, 'second_factor');
    throw new Problem(P['invalid-credentials'], GENERIC);
  }
  return outcome;
}

async function checkSecondFactor(
  ctx: Context,
  tx: Db,
  who: { accountId: string; userId: string },
  proof: { code?: string | undefined; recoveryCode?: string | undefined },
  at: Date,
): Promise<SessionMethod | undefined> {
  if (proof.recoveryCode)
    return (await useRecoveryCode(tx, who.accountId, who.userId, proof.recoveryCode, at)) ? 'recovery_code' : undefined;
  const totp = await getTotp(tx, who.accountId, who.userId, true);
  if (!totp?.enabledAt || !proof.code) return undefined;
  return (await checkTotp(ctx, tx, who.accountId, who.userId, totp, proof.code, at)) ? 'totp' : undefined;
}

/** Creates the session, records the sign-in and audits it; the caller sets the cookies. */
export async function startSession(
  _ctx: Context,
  tx: Db,
  who: { accountId: string; userId: string },
  method: SessionMethod,
  meta: ClientMeta,
  at: Date,
): Promise<LoginOutcome & { kind: 'session' }> {
  const { token, hash } = generateToken('s');
  const session = await insertSession(tx, {
    ...who,
    tokenHash: hash,
    method,
    userAgent: meta.userAgent,
    ip: meta.ip,
    at,
  });
  await setLastLogin(tx, who.accountId, who.userId, at);
  await appendAudit(tx, {
    accountId: who.accountId,
    actor: { type: 'user', id: who.userId },
    action: 'user.login',
    target: { type: 'session', id: session.id },
    data: { method },
    at,
  });
  return { kind: 'session', token, session };
}

/** Counts the failure, audits it (and any lockout it caused) without naming the email. */
async function failed(
  ctx: Context,
  keys: ThrottleKey[],
  who: { accountId: string; userId: string } | undefined,
  reason: string,
): Promise<void> {
  const at = ctx.clock.now();
  const locked = await recordFailure(ctx.sql, keys, at);
  await withTransaction(ctx.sql, async (tx) => {
    // Failures for emails without a user go to the house account's chain: there is no other.
    const accountId = who?.accountId ?? (await tx<{ id: string }[]>`select id from accounts where is_house`)[0]?.id;
    if (!accountId) return;
    const target = who ? { type: 'user', id: who.userId } : undefined;
    const actor = { type: 'system' as const, id: 'login' };
    await appendAudit(tx, {
      accountId,
      actor,
      action: 'user.login_failed',
      ...(target && { target }),
      data: { reason },
      at,
    });
    for (const l of locked) {
      await appendAudit(tx, {
        accountId,
        actor,
        action: 'user.login_locked',
        ...(target && { target }),
        data: { by: l.kind, until: l.until.toISOString() },
        at,
      });
    }
  });
}
