// The hook the voice work calls before placing a call: the same destination lists and range
// list as messages (premium and revenue-share ranges are the classic voice fraud), plus a cap
// on an account's concurrent calls.
import type { FraudConfig } from './config.ts';
import type { RangeEntry } from './ranges.ts';
import { decide, rangeOf, type Verdict } from './rules.ts';

export interface CallCandidate {
  to: string;
  country: string | null;
  concurrentCalls: number;
}

/** Concurrent calls above this are held for review unless the account sets its own cap. */
export const DEFAULT_MAX_CONCURRENT_CALLS = 30;

export function evaluateCall(
  call: CallCandidate,
  cfg: FraudConfig,
  ranges: readonly RangeEntry[],
  maxConcurrent = DEFAULT_MAX_CONCURRENT_CALLS,
): Verdict {
  // Only the destination rules apply to a call: counts are neutral here.
  const verdict = decide(
    { to: call.to, country: call.country, range: rangeOf(call.to), purpose: 'voice', text: null },
    {
      numberThisMinute: 1,
      rangeThisMinute: 1,
      countryThisMinute: 1,
      accountThisHour: 1,
      accountHourlyBaseline: 1,
      countryKnown: true,
      recentInRange: [],
      otpSent24h: 0,
      otpVerified24h: 0,
      reportsFeedback: false,
    },
    cfg,
    ranges,
  );
  if (call.concurrentCalls <= maxConcurrent) return verdict;
  const rule = {
    rule: 'concurrent_calls',
    score: 70,
    explanation: `${call.concurrentCalls} concurrent calls (more than ${maxConcurrent})`,
  };
  const rules = [...verdict.rules, rule].sort((a, b) => b.score - a.score);
  const score = Math.min(100, rules[0]!.score + 10 * (rules.length - 1));
  return { action: verdict.action === 'block' || score >= cfg.blockScore ? 'block' : 'review', score, rules };
}
