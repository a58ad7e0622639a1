// The per-country rules as a send policy, first in the policy order after validation: a
// sender a destination refuses is refused (`sender_not_allowed`) or replaced by the country's
// default sender, and marketing outside the country's sending window waits for it to open
// (`scheduled`). The rules are kept in memory (loadCountryRules), loaded on first use.
import type { Context } from '../context.ts';
import type { Candidate, Judgement, SendCheck } from '../send-policy/policy.ts';
import { loadCountryRules, type CountryRules, type CountryVerdict } from './service.ts';

export function countryRulesCheck(ctx: Context): SendCheck {
  let loading: Promise<CountryRules> | undefined;
  const rules = () =>
    (loading ??= loadCountryRules(ctx).catch((err: unknown) => {
      loading = undefined; // tried again by the next group
      throw err;
    }));
  return {
    name: 'per-country rules',
    async judge(_db, candidates, at) {
      const verdicts = (await rules()).verdicts(candidates, at);
      const out = new Map<Candidate, Judgement>();
      candidates.forEach((c, i) => {
        const j = judgementOf(verdicts[i] ?? null);
        if (j) out.set(c, j);
      });
      return out;
    },
    async stop() {
      await (await loading?.catch(() => undefined))?.close();
    },
  };
}

function judgementOf(v: CountryVerdict): Judgement | undefined {
  switch (v?.kind) {
    case undefined:
      return undefined;
    case 'refuse':
      return { verdict: { kind: 'refuse', error: v.error } };
    case 'sender':
      return { sender: v.from };
    case 'defer':
      return { verdict: { kind: 'defer', until: v.until }, ...(v.from && { sender: v.from }) };
  }
}
