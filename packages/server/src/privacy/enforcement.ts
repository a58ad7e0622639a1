// The consent rule at send time, for a whole group of messages (a few queries per group, none
// per message): opt-outs (STOP) first, which always win; then restrictions and objections,
// which hold whatever the account's setting; then, where the account enforces consent,
// marketing needs a current grant for its channel, unless it replies inside an open WhatsApp
// conversation. A send-policy check: it returns verdicts and changes nothing.
import type { Db } from '../db/pool.ts';
import type { MessageError } from '../messaging/model.ts';
import { NO_CONSENT, OBJECTION, OPTED_OUT, RESTRICTED } from './problems.ts';
import type { Candidate, Judgement, SendCheck } from '../send-policy/policy.ts';
import { currentGrants, enforcingAccounts } from './consent.ts';
import { suppressedHashes } from './suppressions.ts';
import { inOpenWindow } from '../messaging/whatsapp-window.ts';

const keyOf = (r: { accountId: string; subjectHash: Buffer }) => `${r.accountId}|${r.subjectHash.toString('hex')}`;

export const consentCheck: SendCheck = {
  name: 'opt-out and consent',
  async judge(db, candidates, at) {
    const verdicts = new Map<Candidate, Judgement>();
    const refuse = (c: Candidate, error: MessageError) => verdicts.set(c, { verdict: { kind: 'refuse', error } });
    const [suppressed, kinds] = await Promise.all([
      // One opt-out list per account: STOP by SMS stops every channel.
      suppressedHashes(
        db,
        candidates.map((c) => ({ accountId: c.accountId, hash: c.subjectHash })),
        'sms',
      ),
      restrictionsOf(db, candidates),
    ]);
    for (const c of candidates) {
      const k = kinds.get(keyOf(c));
      if (suppressed.has(`${c.accountId}:${c.subjectHash.toString('hex')}`)) refuse(c, OPTED_OUT);
      else if (k?.has('restriction')) refuse(c, RESTRICTED);
      else if (k?.has('objection') && c.purpose === 'marketing') refuse(c, OBJECTION);
    }
    for (const c of await lackingMarketingConsent(
      db,
      candidates.filter((c) => !verdicts.has(c) && c.purpose === 'marketing'),
      at,
    ))
      refuse(c, NO_CONSENT);
    return verdicts;
  },
};

async function restrictionsOf(db: Db, candidates: readonly Candidate[]): Promise<Map<string, Set<string>>> {
  const rows = await db<{ key: string; kind: 'objection' | 'restriction' }[]>`
    select r.account_id || '|' || encode(r.subject_hash, 'hex') as key, r.kind
    from privacy_restrictions r
    join unnest(${candidates.map((m) => m.accountId)}::text[], ${candidates.map((m) => m.subjectHash.toString('hex'))}::text[]) as k(account_id, hash)
      on r.account_id = k.account_id and r.subject_hash = decode(k.hash, 'hex')`;
  const kinds = new Map<string, Set<string>>();
  for (const r of rows) kinds.set(r.key, (kinds.get(r.key) ?? new Set()).add(r.kind));
  return kinds;
}

async function lackingMarketingConsent(db: Db, marketing: Candidate[], at: Date): Promise<Candidate[]> {
  if (marketing.length === 0) return [];
  const enforcing = await enforcingAccounts(
    db,
    marketing.map((r) => r.accountId),
  );
  const checked = marketing.filter((r) => enforcing.has(r.accountId));
  const replies = await inOpenWindow(
    db,
    checked.filter((r) => r.channel === 'whatsapp'),
    at,
  );
  const lacking: Candidate[] = [];
  for (const channel of new Set(checked.map((r) => r.channel))) {
    const ofChannel = checked.filter((r) => r.channel === channel && !replies.has(r));
    const granted = await currentGrants(db, ofChannel, channel, ['marketing']);
    lacking.push(...ofChannel.filter((r) => !granted.has(`${keyOf(r)}|marketing`)));
  }
  return lacking;
}
