// Failed sign-ins, counted per email and per client address. After too many failures inside
// the window the key is locked: 15 minutes, doubling with each further lockout up to a day.
// A successful sign-in clears the email's count; an address's count only ages out, so an
// attacker cannot reset it by signing in to an account of their own between guesses.
// Unknown emails are counted like known ones: a lockout never tells whether a user exists.
import crypto from 'node:crypto';
import type { Db } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import type { Sql } from '../db/pool.ts';
import { P, Problem } from '../http/problem.ts';

export type ThrottleKind = 'email' | 'ip';

const MAX_FAILURES: Record<ThrottleKind, number> = { email: 5, ip: 20 };
const WINDOW_MS = 15 * 60_000;
const FIRST_LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 3_600_000;
/** A key with no failure for this long starts again from its first lockout. */
const FORGET_MS = 24 * 3_600_000;

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  const h = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
  return [
    { kind: 'email', key: `email:${h(email.trim().toLowerCase())}` },
    { kind: 'ip', key: `ip:${h(ip)}` },
  ];
}

/** 429 with Retry-After while any of the keys is locked. */
export async function assertNotLocked(db: Db, keys: ThrottleKey[], now: Date): Promise<void> {
  const [row] = await db<{ lockedUntil: Date }[]>`
    select max(locked_until) as "lockedUntil" from login_throttles
    where key = any(${keys.map((k) => k.key)}) and locked_until > ${now}`;
  if (!row?.lockedUntil) return;
  const seconds = Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
  throw new Problem(
    P['login-locked'],
    `too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes`,
    undefined,
    {
      'retry-after': String(seconds),
    },
  );
}

/** Counts one failure against each key; returns the keys this failure locked, with until when. */
export async function recordFailure(
  sql: Sql,
  keys: ThrottleKey[],
  now: Date,
): Promise<{ kind: ThrottleKind; until: Date }[]> {
  return withTransaction(sql, async (tx) => {
    const locked: { kind: ThrottleKind; until: Date }[] = [];
    for (const k of keys) {
      await tx`insert into login_throttles (key, failures, window_started_at, updated_at) values (${k.key}, 0, ${now}, ${now})
               on conflict (key) do nothing`;
      const [row] = await tx<{ failures: number; windowStartedAt: Date; lockouts: number; updatedAt: Date }[]>`
        select failures, window_started_at as "windowStartedAt", lockouts, updated_at as "updatedAt"
        from login_throttles where key = ${k.key} for update`;
      const fresh = now.getTime() - row!.windowStartedAt.getTime() > WINDOW_MS;
      const failures = (fresh ? 0 : row!.failures) + 1;
      const lockouts = now.getTime() - row!.updatedAt.getTime() > FORGET_MS ? 0 : row!.lockouts;
      if (failures >= MAX_FAILURES[k.kind]) {
        const until = new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** lockouts, MAX_LOCK_MS));
        await tx`update login_throttles set failures = 0, window_started_at = ${now}, lockouts = ${lockouts + 1},
                   locked_until = ${until}, updated_at = ${now} where key = ${k.key}`;
        locked.push({ kind: k.kind, until });
      } else {
        await tx`update login_throttles set failures = ${failures}, window_started_at = ${fresh ? now : row!.windowStartedAt},
                   lockouts = ${lockouts}, updated_at = ${now} where key = ${k.key}`;
      }
    }
    // Keys nobody failed with for two days carry no information any more.
    await tx`delete from login_throttles where updated_at < ${new Date(now.getTime() - 2 * FORGET_MS)}`;
    return locked;
  });
}

/** After a successful sign-in (or a password reset): the email starts from zero again. */
export async function clearEmailFailures(db: Db, keys: ThrottleKey[]): Promise<void> {
  const emailKeys = keys.filter((k) => k.kind === 'email').map((k) => k.key);
  await db`delete from login_throttles where key = any(${emailKeys})`;
}
