// The pace of each WhatsApp business number (Meta's throughput limit is per phone number id:
// 80 messages/s by default, PROTOCOLS.md). Sends take evenly spaced slots at the number's
// rate. When Meta answers 130429 anyway (another process sends on the number, or its tier is
// lower than configured), the number pauses for Retry-After and slows down by a quarter, then
// speeds up again by a little with each accepted send, up to its configured rate: the number
// backs off as a whole instead of each queued message hitting the limit in turn.
// Per process: several worker processes share a number's limit only through Meta's answers.

interface NumberPace {
  /** Messages per second now; between MIN_RATE and the configured maximum. */
  rate: number;
  /** When the last send was let go. */
  last: number;
  pausedUntil: number;
  /** Sends waiting for a slot, first come first served. */
  waiting: (() => void)[];
  timer: NodeJS.Timeout | undefined;
}

const MIN_RATE = 1;
const SLOW_DOWN = 0.75;

export interface NumberPacer {
  /** Waits for this number's next slot. */
  take(phoneNumberId: string, maxPerSecond: number): Promise<void>;
  /** About how long a send queued now would wait. */
  waitMs(phoneNumberId: string): number;
  /** Meta refused a send for throughput: pause the number and slow it down. */
  throttled(phoneNumberId: string, pauseMs: number): void;
  /** Meta took a send: speed the number up again, towards its configured rate. */
  accepted(phoneNumberId: string, maxPerSecond: number): void;
}

/**
 * Waiting sends are let go one slot apart by a timer per number, not given their slots up
 * front: a pause or a slower rate applies at once to every send still waiting.
 */
export function createNumberPacer(now: () => number = Date.now): NumberPacer {
  const numbers = new Map<string, NumberPace>();
  const paceOf = (id: string, max: number): NumberPace => {
    let p = numbers.get(id);
    if (!p) numbers.set(id, (p = { rate: max, last: 0, pausedUntil: 0, waiting: [], timer: undefined }));
    p.rate = Math.min(p.rate, max);
    return p;
  };

  function pump(p: NumberPace): void {
    clearTimeout(p.timer);
    p.timer = undefined;
    const interval = 1000 / p.rate;
    const t = now();
    let due = Math.max(p.last + interval, p.pausedUntil);
    // Idle time is not saved up for a burst (Meta's bucket would refuse it).
    if (due < t - interval) due = t;
    while (p.waiting.length > 0 && due <= t) {
      p.waiting.shift()!();
      p.last = due;
      due += interval;
    }
    if (p.waiting.length > 0) p.timer = setTimeout(() => pump(p), due - t);
  }

  return {
    take(id, max) {
      const p = paceOf(id, max);
      return new Promise<void>((resolve) => {
        p.waiting.push(resolve);
        if (!p.timer) pump(p);
      });
    },
    waitMs(id) {
      const p = numbers.get(id);
      if (!p) return 0;
      return Math.max(0, p.pausedUntil - now()) + (p.waiting.length * 1000) / p.rate;
    },
    throttled(id, pauseMs) {
      const p = numbers.get(id);
      if (!p) return;
      p.pausedUntil = Math.max(p.pausedUntil, now() + pauseMs);
      p.rate = Math.max(MIN_RATE, p.rate * SLOW_DOWN);
      if (p.waiting.length > 0) pump(p);
    },
    accepted(id, max) {
      const p = paceOf(id, max);
      // Back to full rate after about a second's worth of accepted sends.
      p.rate = Math.min(max, p.rate + max / p.rate / 4);
    },
  };
}
