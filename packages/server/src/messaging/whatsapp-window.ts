// The 24-hour customer-service window, a send-policy check: outside it WhatsApp allows only
// templates (Meta's rule), and the contract's consent rule asks a WhatsApp opt-in for them when
// the account enforces consent; replies inside the window need neither. A message that breaks
// a rule is refused (whatsapp_window_closed, no_consent), or, with an SMS fallback, fails over
// to SMS, where it passes the SMS policies. Two queries per group at most.
import type { Db } from '../db/pool.ts';
import type { Candidate, Judgement, SendCheck } from '../send-policy/policy.ts';
import { currentGrants, enforcingAccounts, WHATSAPP_OPTIN } from '../privacy/consent.ts';
import { NO_OPT_IN, WINDOW_CLOSED } from './problems.ts';

export const WINDOW_MS = 24 * 3_600_000;

export const whatsAppWindowCheck: SendCheck = {
  name: 'whatsapp window',
  async judge(db, candidates, at) {
    const verdicts = new Map<Candidate, Judgement>();
    const whatsapp = candidates.filter((c) => c.channel === 'whatsapp');
    if (whatsapp.length === 0) return verdicts;
    const inWindow = await inOpenWindow(db, whatsapp, at);
    const outside = whatsapp.filter((c) => !inWindow.has(c));
    const withoutOptIn = await lackingOptIn(
      db,
      outside.filter((c) => c.whatsAppKind === 'template'),
    );
    for (const c of outside) {
      const broken = c.whatsAppKind !== 'template' ? WINDOW_CLOSED : withoutOptIn.has(c) ? NO_OPT_IN : null;
      if (broken)
        verdicts.set(c, { verdict: c.canFailOver ? { kind: 'fail_over' } : { kind: 'refuse', error: broken } });
    }
    return verdicts;
  },
};

interface WindowKey {
  accountId: string;
  fromNumber: string | null;
  toNumber: string;
}

/** The WhatsApp messages that answer a customer who wrote to their sender number in the last 24 hours. */
export async function inOpenWindow<T extends WindowKey>(db: Db, rows: readonly T[], at: Date): Promise<Set<T>> {
  if (rows.length === 0) return new Set();
  const open = await db<{ key: string }[]>`
    select w.account_id || '|' || w.business_number || '|' || w.customer_number as key from whatsapp_windows w
    join unnest(${rows.map((r) => r.accountId)}::text[], ${rows.map((r) => r.fromNumber ?? '')}::text[], ${rows.map((r) => r.toNumber)}::text[])
      as c(account_id, business, customer) on w.account_id = c.account_id and w.business_number = c.business and w.customer_number = c.customer
    where w.last_inbound_at > ${new Date(at.getTime() - WINDOW_MS)}`;
  const keys = new Set(open.map((o) => o.key));
  return new Set(rows.filter((r) => keys.has(`${r.accountId}|${r.fromNumber}|${r.toNumber}`)));
}

/** Business-initiated templates of accounts that enforce consent, to customers without a current opt-in. */
async function lackingOptIn(db: Db, templates: readonly Candidate[]): Promise<Set<Candidate>> {
  if (templates.length === 0) return new Set();
  const enforcing = await enforcingAccounts(
    db,
    templates.map((r) => r.accountId),
  );
  const checked = templates.filter((r) => enforcing.has(r.accountId));
  const granted = await currentGrants(db, checked, 'whatsapp', [WHATSAPP_OPTIN]);
  return new Set(
    checked.filter((r) => !granted.has(`${r.accountId}|${r.subjectHash.toString('hex')}|${WHATSAPP_OPTIN}`)),
  );
}
