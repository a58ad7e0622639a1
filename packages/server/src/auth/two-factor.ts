// TOTP two-factor authentication (RFC 6238, via otplib) with one-time recovery codes.
// The secret is sealed with the account's data key; recovery codes (80 random bits each)
// are stored as SHA-256 and each works once.
import crypto from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Context } from '../context.ts';
import type { Db } from '../db/pool.ts';

const ISSUER = 'CX Engage';
/** One 30-second step either side, for phones whose clock drifts a little. */
const EPOCH_TOLERANCE_S = 30;
export const RECOVERY_CODE_COUNT = 10;

export interface TotpState {
  secret: Buffer;
  enabledAt: Date | null;
  lastTimeStep: bigint | null;
}

export async function getTotp(
  db: Db,
  accountId: string,
  userId: string,
  forUpdate = false,
): Promise<TotpState | undefined> {
  const [row] = await db<TotpState[]>`
    select secret, enabled_at as "enabledAt", last_time_step as "lastTimeStep" from user_totp
    where account_id = ${accountId} and user_id = ${userId} ${forUpdate ? db`for update` : db``}`;
  return row;
}

/** A new secret waiting for its first code; replaces an unfinished setup. */
export async function storePendingSecret(
  ctx: Context,
  db: Db,
  accountId: string,
  userId: string,
  at: Date,
): Promise<string> {
  const secret = generateSecret();
  const sealed = await ctx.keyring.encrypt(accountId, secret);
  await db`
    insert into user_totp (account_id, user_id, secret, created_at) values (${accountId}, ${userId}, ${sealed}, ${at})
    on conflict (account_id, user_id) do update set secret = excluded.secret, created_at = excluded.created_at, last_time_step = null
    where user_totp.enabled_at is null`;
  return secret;
}

export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/**
 * Checks a code against the stored secret at the clock's time. A code is accepted once:
 * its time step is remembered and only later steps pass afterwards (RFC 6238 §5.2).
 */
export async function checkTotp(
  ctx: Context,
  db: Db,
  accountId: string,
  userId: string,
  state: TotpState,
  code: string,
  at: Date,
): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const secret = (await ctx.keyring.decrypt(accountId, state.secret)).toString('utf8');
  const epoch = Math.floor(at.getTime() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: EPOCH_TOLERANCE_S,
    ...(state.lastTimeStep !== null && { afterTimeStep: Number(state.lastTimeStep) }),
  });
  if (!result.valid) return false;
  // The TOTP branch of the result carries its time step; period 30 s, t0 = 0 (the defaults).
  const step = 'timeStep' in result ? result.timeStep : Math.floor(epoch / 30) + result.delta;
  await db`update user_totp set last_time_step = ${step} where account_id = ${accountId} and user_id = ${userId}`;
  return true;
}

export async function markEnabled(db: Db, accountId: string, userId: string, at: Date): Promise<void> {
  await db`update user_totp set enabled_at = ${at} where account_id = ${accountId} and user_id = ${userId}`;
}

/** Replaces the user's recovery codes with fresh ones; returns them (shown once). */
export async function issueRecoveryCodes(db: Db, accountId: string, userId: string, at: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db`delete from user_recovery_codes where account_id = ${accountId} and user_id = ${userId}`;
  await db`insert into user_recovery_codes ${db(codes.map((c) => ({ account_id: accountId, user_id: userId, code_hash: hashRecoveryCode(c), created_at: at })))}`;
  return codes;
}

/** Uses up a recovery code; false when it is unknown or already used. */
export async function useRecoveryCode(
  db: Db,
  accountId: string,
  userId: string,
  code: string,
  at: Date,
): Promise<boolean> {
  const rows = await db`
    update user_recovery_codes set used_at = ${at}
    where account_id = ${accountId} and user_id = ${userId} and code_hash = ${hashRecoveryCode(code)} and used_at is null
    returning code_hash`;
  return rows.length === 1;
}

export async function remainingRecoveryCodes(db: Db, accountId: string, userId: string): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from user_recovery_codes where account_id = ${accountId} and user_id = ${userId} and used_at is null`;
  return row!.n;
}

/** Forgets the secret and the recovery codes (disable, or `cx-engage users reset-2fa`). */
export async function removeTwoFactor(db: Db, accountId: string, userId: string): Promise<boolean> {
  await db`delete from user_recovery_codes where account_id = ${accountId} and user_id = ${userId}`;
  const rows =
    await db`delete from user_totp where account_id = ${accountId} and user_id = ${userId} returning enabled_at`;
  return rows.length === 1 && rows[0]!.enabled_at !== null;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `xxxx-xxxx-xxxx-xxxx`: 16 base32 characters, 80 random bits. */
function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => BASE32[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

function hashRecoveryCode(code: string): Buffer {
  return crypto
    .createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z2-7]/g, ''))
    .digest();
}
