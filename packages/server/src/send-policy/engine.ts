// The send policies in the contract's order (ARCHITECTURE.md, contract additions v2.2):
// per-country rules → opt-out and consent → channel window → fraud → deposit, prepaid and
// spend cap → the SMS limit, counted last so that a refused message never counts.
// Checks only read, so a group's checks run at once, before the accept transaction opens;
// counters run in order inside it. The first final verdict in policy order wins.
import type { Db, Tx } from '../db/pool.ts';
import {
  isFinal,
  type Candidate,
  type Judgement,
  type Judgements,
  type SendCheck,
  type SendCounter,
} from './policy.ts';

export type PolicyStep = { check: SendCheck } | { counter: SendCounter };

export interface SendPolicyEngine {
  /** Runs every check for the group at once; `db` is the pool (or a transaction on side paths). */
  check(db: Db, candidates: readonly Candidate[], at: Date): Promise<CheckedGroup>;
  /** Walks the policies in order inside `tx`, counting only what is still open; returns the judgements. */
  decide(tx: Tx, group: CheckedGroup, at: Date): Promise<Judgements>;
  /** check + decide in one transaction: fallback to SMS, release from review. */
  judge(tx: Tx, candidates: readonly Candidate[], at: Date): Promise<Judgements>;
  stop(): Promise<void>;
}

export interface CheckedGroup {
  candidates: readonly Candidate[];
  checked: Map<SendCheck, Map<Candidate, Judgement>>;
}

export function createSendPolicyEngine(steps: PolicyStep[]): SendPolicyEngine {
  const checks = steps.flatMap((s) => ('check' in s ? [s.check] : []));

  async function check(db: Db, candidates: readonly Candidate[], at: Date): Promise<CheckedGroup> {
    if (candidates.length === 0) return { candidates, checked: new Map() };
    const results = await Promise.all(checks.map((c) => c.judge(db, candidates, at)));
    return { candidates, checked: new Map(checks.map((c, i) => [c, results[i]!])) };
  }

  async function decide(tx: Tx, group: CheckedGroup, at: Date): Promise<Judgements> {
    const judgements: Judgements = new Map(group.candidates.map((c) => [c, {} as Judgement]));
    const open = () => group.candidates.filter((c) => !isFinal(judgements.get(c)!.verdict));
    for (const step of steps) {
      if ('check' in step) {
        const said = group.checked.get(step.check);
        for (const c of open()) {
          const j = said?.get(c);
          if (j) judgements.set(c, merge(judgements.get(c)!, j));
        }
        continue;
      }
      const still = open();
      if (still.length === 0) break;
      for (const [c, j] of await step.counter.judge(tx, still, at)) judgements.set(c, merge(judgements.get(c)!, j));
    }
    return judgements;
  }

  return {
    check,
    decide,
    async judge(tx, candidates, at) {
      return decide(tx, await check(tx, candidates, at), at);
    },
    async stop() {
      for (const s of steps) await ('counter' in s ? s.counter.stop?.() : s.check.stop?.());
    },
  };
}

/** A later final verdict replaces a deferral; notes (fraud, SMS cycle, sender) add up. */
function merge(a: Judgement, b: Judgement): Judgement {
  const verdict = b.verdict && (!a.verdict || a.verdict.kind === 'defer') ? b.verdict : a.verdict;
  return { ...a, ...b, ...(verdict && { verdict }) };
}
