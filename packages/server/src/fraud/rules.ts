// The fraud rules, pure: each looks at one candidate message with the counts that include it
// (its batch counted up to itself) and says whether it fires, how strongly, and why in words a
// client can read. `decide` combines them. No I/O here: counters.ts supplies the counts.
import type { FraudConfig } from './config.ts';
import { matchRange, type RangeEntry } from './ranges.ts';
import { WALK_GAP } from './recent-numbers.ts';

/** The range a number belongs to: all but its last 4 digits (one operator block of 10,000). */
export const rangeOf = (e164: string) => e164.slice(0, Math.max(4, e164.length - 4));

export interface Candidate {
  to: string;
  country: string | null;
  /** The number without its last 4 digits: one operator block, the unit pumping walks through. */
  range: string;
  purpose: string;
  text: string | null;
}

/** Counts as of this message (inclusive), across every api process. */
export interface Counts {
  numberThisMinute: number;
  rangeThisMinute: number;
  countryThisMinute: number;
  accountThisHour: number;
  /** Average messages per hour over the last 7 days (0 for a new account). */
  accountHourlyBaseline: number;
  countryKnown: boolean;
  /** Numbers of the same range sent to in the last minute that form a walk with this one (gaps of at most 10), this one included; ascending, distinct. */
  recentInRange: readonly number[];
  otpSent24h: number;
  otpVerified24h: number;
  /** The account reports OTP outcomes at all (else conversion is unknown, not low). */
  reportsFeedback: boolean;
}

export interface FiredRule {
  rule: string;
  score: number;
  action?: 'review' | 'block';
  explanation: string;
}

type Rule = (c: Candidate, n: Counts, cfg: FraudConfig, ranges: readonly RangeEntry[]) => FiredRule | null;

const lists: Rule = (c, _n, cfg, ranges) => {
  if (c.country && cfg.blockedCountries.includes(c.country)) {
    return {
      rule: 'destination_blocked',
      score: 100,
      action: 'block',
      explanation: `messages to ${c.country} are blocked for this account`,
    };
  }
  const own = cfg.blockedPrefixes.filter((p) => c.to.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (own)
    return {
      rule: 'destination_blocked',
      score: 100,
      action: 'block',
      explanation: `destinations starting ${own} are blocked for this account`,
    };
  if (cfg.allowedPrefixes.some((p) => c.to.startsWith(p))) return null;
  const hit = matchRange(ranges, c.to);
  if (!hit || hit.action === 'allow') return null;
  return {
    rule: 'irsf_range',
    score: hit.action === 'block' ? 100 : 70,
    action: hit.action,
    explanation: `${hit.prefix} (${hit.label}) is a destination range known for premium-rate or revenue-share fraud`,
  };
};

const velocity: Rule = (_c, n, cfg) => {
  if (n.numberThisMinute > cfg.numberPerMinuteBlock) {
    return {
      rule: 'velocity_number',
      score: 95,
      action: 'block',
      explanation: `${n.numberThisMinute} messages to the same number within a minute (limit ${cfg.numberPerMinuteBlock})`,
    };
  }
  if (n.numberThisMinute > cfg.numberPerMinute) {
    return {
      rule: 'velocity_number',
      score: 60,
      explanation: `${n.numberThisMinute} messages to the same number within a minute (more than ${cfg.numberPerMinute})`,
    };
  }
  return null;
};

const rangeVelocity: Rule = (c, n, cfg) =>
  n.rangeThisMinute > cfg.rangePerMinute
    ? {
        rule: 'velocity_range',
        score: 60,
        explanation: `${n.rangeThisMinute} messages to numbers of the range ${c.range}… within a minute (more than ${cfg.rangePerMinute})`,
      }
    : null;

const countryVelocity: Rule = (c, n, cfg) =>
  n.countryThisMinute > cfg.countryPerMinute
    ? {
        rule: 'velocity_country',
        score: 30,
        explanation: `${n.countryThisMinute} messages to ${c.country ?? 'one country'} within a minute (more than ${cfg.countryPerMinute})`,
      }
    : null;

const spike: Rule = (_c, n, cfg) => {
  const threshold = Math.max(cfg.spikeFloor, Math.ceil(n.accountHourlyBaseline * cfg.spikeFactor));
  return n.accountThisHour > threshold
    ? {
        rule: 'spike',
        score: 50,
        explanation: `${n.accountThisHour} messages this hour against an hourly average of ${Math.round(n.accountHourlyBaseline)} over the last 7 days`,
      }
    : null;
};

/** A run of numbers in one range each within 10 of the next: someone walking through a block. */
const sequential: Rule = (c, n, cfg) => {
  // Ascending and distinct already (Counts): one pass, no copy or sort per message.
  const walk = n.recentInRange;
  let run = 1;
  let best = 1;
  for (let i = 1; i < walk.length; i++) {
    run = walk[i]! - walk[i - 1]! <= WALK_GAP ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best >= cfg.sequentialRun
    ? {
        rule: 'sequential_numbers',
        score: 70,
        explanation: `${best} near-sequential numbers of the range ${c.range}… within a minute`,
      }
    : null;
};

const otpConversion: Rule = (c, n, cfg) => {
  if (c.purpose !== 'otp' || !n.reportsFeedback || n.otpSent24h < cfg.otpMinSample) return null;
  const percent = (100 * n.otpVerified24h) / n.otpSent24h;
  return percent < cfg.otpMinConversionPercent
    ? {
        rule: 'otp_low_conversion',
        score: 60,
        explanation: `only ${percent.toFixed(0)} % of ${n.otpSent24h} one-time passcodes to the range ${c.range}… were verified in 24 h`,
      }
    : null;
};

const newCountry: Rule = (c, n, cfg) =>
  c.country && !n.countryKnown && n.countryThisMinute > cfg.newCountryBurst
    ? {
        rule: 'new_country',
        score: 50,
        explanation: `${n.countryThisMinute} messages within a minute to ${c.country}, a country this account has not used before`,
      }
    : null;

const content: Rule = (c, _n, cfg) => {
  if (!c.text) return null;
  const lower = c.text.toLowerCase();
  const keyword = cfg.blockedKeywords.find((k) => lower.includes(k.toLowerCase()));
  if (keyword)
    return {
      rule: 'content_keyword',
      score: 100,
      action: 'block',
      explanation: `the text contains "${keyword}", blocked for this account`,
    };
  const shortener = cfg.urlShorteners.find((s) => shortenerPattern(s).test(c.text!));
  return shortener
    ? {
        rule: 'content_url_shortener',
        score: 40,
        explanation: `the text links through the URL shortener ${shortener}, which hides the destination`,
      }
    : null;
};

const patterns = new Map<string, RegExp>();
/** The shortener's domain followed by a path, not a longer domain that ends like it. */
function shortenerPattern(domain: string): RegExp {
  let p = patterns.get(domain);
  if (!p) {
    p = new RegExp(`(^|[^a-z0-9.-])${domain.replace(/\./g, '\\.')}/`, 'i');
    if (patterns.size < 10_000) patterns.set(domain, p);
  }
  return p;
}

export const RULES: readonly Rule[] = [
  lists,
  velocity,
  rangeVelocity,
  countryVelocity,
  spike,
  sequential,
  otpConversion,
  newCountry,
  content,
];

export interface Verdict {
  action: 'allow' | 'review' | 'block';
  score: number;
  rules: FiredRule[];
}

/**
 * The strongest rule sets the score and each further rule adds 10 (capped at 100); a rule that
 * names an action (a blocked destination) gets at least that action. Then the account's
 * thresholds: blockScore and up blocks, reviewScore and up holds for review.
 */
export function decide(c: Candidate, n: Counts, cfg: FraudConfig, ranges: readonly RangeEntry[]): Verdict {
  const fired = RULES.map((r) => r(c, n, cfg, ranges))
    .filter((r): r is FiredRule => r !== null)
    .sort((a, b) => b.score - a.score);
  if (fired.length === 0) return { action: 'allow', score: 0, rules: [] };
  const score = Math.min(100, fired[0]!.score + 10 * (fired.length - 1));
  const named = fired.some((r) => r.action === 'block')
    ? 'block'
    : fired.some((r) => r.action === 'review')
      ? 'review'
      : 'allow';
  const byScore = score >= cfg.blockScore ? 'block' : score >= cfg.reviewScore ? 'review' : 'allow';
  const rank = { allow: 0, review: 1, block: 2 } as const;
  return { action: rank[named] >= rank[byScore] ? named : byScore, score, rules: fired };
}
