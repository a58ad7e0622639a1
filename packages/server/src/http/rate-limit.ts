// Per-key and per-account request limits in one-second windows, kept in process memory.
// Checking a limit must not cost a database round trip on every request; with several api
// processes each enforces the limit on its share (docs/architecture.md explains the trade-off).
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

interface Window {
  second: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  /** Counts one request against every (bucket, limit) pair; refuses if any is over its limit. */
  take(nowMs: number, buckets: [key: string, limit: number | null][]): RateDecision {
    const second = Math.floor(nowMs / 1000);
    this.sweep(second);
    for (const [key, limit] of buckets) {
      if (limit === null) continue;
      const w = this.windows.get(key);
      if (w && w.second === second && w.count >= limit) {
        return { allowed: false, retryAfterSeconds: 1 };
      }
    }
    for (const [key, limit] of buckets) {
      if (limit === null) continue;
      const w = this.windows.get(key);
      if (w && w.second === second) w.count++;
      else this.windows.set(key, { second, count: 1 });
    }
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private sweep(second: number): void {
    if (second - this.lastSweep < 10) return;
    this.lastSweep = second;
    for (const [k, w] of this.windows) if (w.second < second) this.windows.delete(k);
  }
}
