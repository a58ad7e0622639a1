// When to try a request again and how long to wait first.

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A server asking for a longer pause gets the error instead: the caller decides whether to wait that long. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** 429 and 5xx are worth another try; other 4xx will fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Exponential backoff (0.5 s, 1 s, 2 s… up to 8 s) with jitter, so that many clients failing
 * together do not come back together. Never sooner than the server's Retry-After.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined): number {
  const backoff = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
  const jittered = backoff / 2 + Math.random() * (backoff / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
