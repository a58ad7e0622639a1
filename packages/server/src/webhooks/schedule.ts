// When a failed delivery is tried again: exponential backoff over more than a day, the first
// retry within 30 s, ±10 % jitter so a recovering receiver is not hit by every retry at once.
/** Seconds after the 1st, 2nd, … failed attempt; after the last one the delivery is dead. */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** A receiver's Retry-After is honoured up to this (longer asks are treated as this). */
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/** The next attempt's time, or null when `attempts` was the last one. */
export function nextAttemptAt(
  now: Date,
  attempts: number,
  retryAfterSeconds: number | undefined,
  random = Math.random,
): Date | null {
  const base = RETRY_DELAYS_SECONDS[attempts - 1];
  if (base === undefined) return null;
  const jittered = base * (0.9 + 0.2 * random());
  const delay = Math.max(jittered, Math.min(retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS));
  return new Date(now.getTime() + Math.round(delay * 1000));
}
