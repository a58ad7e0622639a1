// Status webhooks as Meta sends them at volume: several statuses in one POST (one entry per
// WABA, one change per phone number, `value.statuses[]`), and, when asked, out of order and
// repeated (PROTOCOLS.md, "WhatsApp": receivers must not rely on order or uniqueness).
//
// In order (the default) each message's next status is due statusDelayMs after the POST that
// carried the previous one was answered, so a receiver sees sent, delivered, read. Shuffled,
// every status of a message is due at a random moment within its steps × statusDelayMs, and
// about one in four is sent twice; the seed makes the plan of each message reproducible.
import type { StatusPlan } from './sends.ts';

export type StatusStep = StatusPlan['steps'][number];

/** One status of one message, ready to go; `sequence` is the step number (for chaining). */
export interface DueStatus {
  plan: StatusPlan;
  step: StatusStep;
  sequence: number;
}

export interface StatusOutOptions {
  delayMs: number;
  shuffle: boolean;
  seed: number;
  /** Most statuses in one POST (Meta's batches are small; the sandbox takes up to this many). */
  maxPerPost: number;
  /** POSTs in flight at once; more give more (natural) reordering. */
  concurrency: number;
  /** How long the first due status waits for others to share its POST. */
  batchMs: number;
  later: (ms: number, fn: () => void) => void;
  /** Sends one POST with these statuses; resolves once it was answered (or given up). */
  post: (batch: DueStatus[]) => Promise<void>;
}

export interface StatusOut {
  play(plan: StatusPlan): void;
}

/** How often a shuffled status is sent a second time. */
const REPEAT_CHANCE = 0.25;

export function createStatusOut(opts: StatusOutOptions): StatusOut {
  const random = seededRandom(opts.seed);
  const due: DueStatus[] = [];
  let posting = 0;
  let flushQueued = false;

  function enqueue(s: DueStatus): void {
    due.push(s);
    if (!flushQueued) {
      flushQueued = true;
      opts.later(opts.batchMs, () => {
        flushQueued = false;
        flush();
      });
    }
  }

  function flush(): void {
    while (due.length > 0 && posting < opts.concurrency) {
      const batch = due.splice(0, opts.maxPerPost);
      posting++;
      void opts.post(batch).finally(() => {
        posting--;
        if (!opts.shuffle) for (const s of batch) chain(s);
        flush();
      });
    }
  }

  /** In order: the next step of this message, a status delay after this one was answered. */
  function chain(s: DueStatus): void {
    const next = s.plan.steps[s.sequence + 1];
    if (next) opts.later(opts.delayMs, () => enqueue({ plan: s.plan, step: next, sequence: s.sequence + 1 }));
  }

  return {
    play(plan) {
      const first = plan.steps[0];
      if (!first) return;
      if (!opts.shuffle) return opts.later(opts.delayMs, () => enqueue({ plan, step: first, sequence: 0 }));
      const span = opts.delayMs * plan.steps.length;
      plan.steps.forEach((step, sequence) => {
        const copies = random() < REPEAT_CHANCE ? 2 : 1;
        for (let c = 0; c < copies; c++)
          opts.later(Math.round(opts.delayMs + random() * span), () => enqueue({ plan, step, sequence }));
      });
    },
  };
}

/** mulberry32: small, fast and good enough to make a test's "random" order repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
