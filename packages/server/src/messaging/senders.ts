// What an account may send from: its default sender, its numbers and its optional
// allow-list. Read on every accept, so cached briefly per process.
import type { Sql } from '../db/pool.ts';
import { ttlCache } from '../platform/ttl-cache.ts';

export interface SenderPolicy {
  defaultSender: string | null;
  numbers: Set<string>;
  /** null: any well-formed sender is allowed. */
  allowList: Set<string> | null;
  smartEncoding: boolean;
  helpText: string | null;
}

const TTL_MS = 5000;

export function createSenderPolicies(sql: Sql) {
  const cache = ttlCache(TTL_MS, (accountId) => load(sql, accountId));
  return {
    get: (accountId: string): Promise<SenderPolicy> => cache.get(accountId),
    forget: (accountId: string): void => cache.forget(accountId),
  };
}
export type SenderPolicies = ReturnType<typeof createSenderPolicies>;

async function load(sql: Sql, accountId: string): Promise<SenderPolicy> {
  const [account] = await sql<{ settings: Record<string, unknown> }[]>`select settings from accounts where id = ${accountId}`;
  const numbers = await sql<{ number: string }[]>`
    select number from numbers where account_id = ${accountId} and 'sms' = any(channels) order by created_at`;
  const s = account?.settings ?? {};
  const allow = Array.isArray(s.senderAllowList) ? (s.senderAllowList as string[]) : null;
  return {
    defaultSender: typeof s.defaultSender === 'string' ? s.defaultSender : numbers[0]?.number ?? null,
    numbers: new Set(numbers.map((n) => n.number)),
    allowList: allow ? new Set(allow) : null,
    smartEncoding: s.smartEncoding === true,
    helpText: typeof s.helpText === 'string' ? s.helpText : null,
  };
}

/** An allow-listed account may send from its list and its own numbers only. */
export function senderAllowed(policy: SenderPolicy, from: string): boolean {
  return !policy.allowList || policy.allowList.has(from) || policy.numbers.has(from);
}
