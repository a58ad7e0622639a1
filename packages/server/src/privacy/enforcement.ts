// The consent rule at send time, for a whole group of accepted messages (a few queries per
// group, none per message). Opt-outs are applied before (messaging/accept.ts) and always win;
// then restrictions and objections, which hold whatever the account's setting; then, where the
// account enforces consent, marketing needs a current grant for its channel, unless it replies
// inside an open WhatsApp conversation.
import type { Db } from '../db/pool.ts';
import type { MessageRow } from '../messaging/store.ts';
import type { MessageError } from '../messaging/model.ts';
import { rejectMessage } from '../messaging/errors.ts';
import { currentGrants, enforcingAccounts } from './consent.ts';
import { inOpenWindow } from '../messaging/whatsapp-accept.ts';

export const NO_CONSENT: MessageError = {
  code: 'no_consent', title: 'No consent for marketing',
  detail: 'the recipient has no current marketing consent for this channel (POST /v1/contacts/{id}/consents) and the account enforces consent',
};
export const OBJECTION: MessageError = {
  code: 'objection', title: 'The recipient objected to marketing',
  detail: 'a data-subject objection excludes this person from marketing; transactional and otp messages still go',
};
export const RESTRICTED: MessageError = {
  code: 'restricted', title: 'Processing is restricted for this recipient',
  detail: "a data-subject restriction limits processing of this person's data to storage: no message is sent",
};

const keyOf = (r: { accountId: string; subjectHash: Buffer }) => `${r.accountId}|${r.subjectHash.toString('hex')}`;

export async function applyPrivacyRules(db: Db, rows: MessageRow[], at: Date): Promise<void> {
  const open = rows.filter((r) => r.status !== 'rejected' && r.direction === 'outbound');
  if (open.length === 0) return;
  const restrictions = await db<{ key: string; kind: 'objection' | 'restriction' }[]>`
    select r.account_id || '|' || encode(r.subject_hash, 'hex') as key, r.kind
    from privacy_restrictions r
    join unnest(${open.map((m) => m.accountId)}::text[], ${open.map((m) => m.subjectHash.toString('hex'))}::text[]) as k(account_id, hash)
      on r.account_id = k.account_id and r.subject_hash = decode(k.hash, 'hex')`;
  const kinds = new Map<string, Set<string>>();
  for (const r of restrictions) kinds.set(r.key, (kinds.get(r.key) ?? new Set()).add(r.kind));
  for (const row of open) {
    const k = kinds.get(keyOf(row));
    if (k?.has('restriction')) rejectMessage(row, RESTRICTED);
    else if (k?.has('objection') && row.purpose === 'marketing') rejectMessage(row, OBJECTION);
  }

  const marketing = open.filter((r) => r.status !== 'rejected' && r.purpose === 'marketing');
  if (marketing.length === 0) return;
  const enforcing = await enforcingAccounts(db, marketing.map((r) => r.accountId));
  const checked = marketing.filter((r) => enforcing.has(r.accountId));
  const replies = await inOpenWindow(db, checked.filter((r) => r.channel === 'whatsapp'), at);
  for (const channel of new Set(checked.map((r) => r.channel))) {
    const ofChannel = checked.filter((r) => r.channel === channel && !replies.has(r));
    const granted = await currentGrants(db, ofChannel, channel, ['marketing']);
    for (const row of ofChannel) if (!granted.has(`${keyOf(row)}|marketing`)) rejectMessage(row, NO_CONSENT);
  }
}
