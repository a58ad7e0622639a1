// What an account may send from: its default sender, its numbers and its optional
// allow-list. Read on every accept, so cached briefly per process; a change of numbers
// anywhere (cx_config) empties the cache at once.
import type { Sql } from '../db/pool.ts';
import { createCache } from '../db/cache.ts';
import type { MessageWarning } from './model.ts';

export interface SenderPolicy {
  defaultSender: string | null;
  /** Its SMS numbers. */
  numbers: Set<string>;
  /** Every number assigned to it, on any channel: the phone-number senders it may use. */
  assigned: Set<string>;
  /** null: any well-formed sender is allowed. */
  allowList: Set<string> | null;
  smartEncoding: boolean;
  helpText: string | null;
}

const TTL_MS = 5000;

export function createSenderPolicies(sql: Sql) {
  const cache = createCache<Promise<SenderPolicy>>({ ttlMs: TTL_MS });
  const listening = sql.listen('cx_config', (table) => table === 'numbers' && cache.clear()).catch(() => undefined);
  return {
    get: (accountId: string): Promise<SenderPolicy> => cache.get(accountId, () => load(sql, accountId)),
    forget: (accountId: string): void => cache.invalidate(accountId),
    async close(): Promise<void> {
      await (await listening)?.unlisten().catch(() => undefined);
    },
  };
}
export type SenderPolicies = ReturnType<typeof createSenderPolicies>;

async function load(sql: Sql, accountId: string): Promise<SenderPolicy> {
  const [account] = await sql<
    { settings: Record<string, unknown> }[]
  >`select settings from accounts where id = ${accountId}`;
  const all = await sql<{ number: string; channels: string[] }[]>`
    select number, channels from numbers where account_id = ${accountId} order by created_at`;
  const numbers = all.filter((n) => n.channels.includes('sms'));
  const s = account?.settings ?? {};
  const allow = Array.isArray(s.senderAllowList) ? (s.senderAllowList as string[]) : null;
  return {
    defaultSender: typeof s.defaultSender === 'string' ? s.defaultSender : (numbers[0]?.number ?? null),
    numbers: new Set(numbers.map((n) => n.number)),
    assigned: new Set(all.map((n) => n.number)),
    allowList: allow ? new Set(allow) : null,
    smartEncoding: s.smartEncoding === true,
    helpText: typeof s.helpText === 'string' ? s.helpText : null,
  };
}

/** An allow-listed account may send from its list and its own numbers only. */
export function senderAllowed(policy: SenderPolicy, from: string): boolean {
  return !policy.allowList || policy.allowList.has(from) || policy.numbers.has(from);
}

/**
 * An SMS with no `from` from an account with no sender of its own goes out with the
 * platform's choice (docs/sms.md#which-sender-the-phone-shows); the sender is told so.
 */
export const DEFAULT_SENDER_USED: MessageWarning = {
  code: 'default_sender_used',
  detail:
    "no from was given and this account has no default sender or SMS number of its own: the destination country's default sender is used if it has one, otherwise the operator's default for the connection",
};
