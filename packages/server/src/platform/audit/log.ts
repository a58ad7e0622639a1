// Appending to an account's audit chain. Entries refer to people by pseudonymous ids only
// (key, user and object ids, never emails or phone numbers), so erasure never has to touch them.
import crypto from 'node:crypto';
import type { Db } from '../../db/pool.ts';
import { newId } from '../ids.ts';

export type ActorType = 'key' | 'user' | 'operator' | 'system';

export interface AuditEntry {
  accountId: string;
  actor: { type: ActorType; id: string };
  action: string;
  target?: { type: string; id: string };
  data?: Record<string, string | number | boolean | null>;
  /**
   * People's own words (reasons, notes): kept beside the chain, which hashes only their digest,
   * so retention can redact them later (privacy/retention) without breaking the chain.
   */
  freeText?: Record<string, string | null>;
  at: Date;
}

export const GENESIS_HASH = Buffer.alloc(32);

/** Stable JSON: object keys sorted, so the hashed bytes do not depend on insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: Buffer, payload: string): Buffer {
  return crypto.createHash('sha256').update(prevHash).update(payload, 'utf8').digest();
}

/** What the chain holds in place of an entry's free text. */
export function freeTextDigest(freeText: Record<string, unknown>): string {
  return crypto.createHash('sha256').update(canonicalJson(freeText), 'utf8').digest('hex');
}

/** Appends entries in order; run inside the transaction of the action being audited. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const id = newId('aud', entry.at);
  // Lock (or create) the chain head so concurrent appends to one account serialize.
  await db`insert into audit_heads (account_id, seq, hash) values (${entry.accountId}, 0, ${GENESIS_HASH})
           on conflict (account_id) do nothing`;
  const [head] = await db<{ seq: bigint; hash: Buffer }[]>`
    select seq, hash from audit_heads where account_id = ${entry.accountId} for update`;
  const seq = head!.seq + 1n;
  const payload = canonicalJson({
    id,
    seq: seq.toString(),
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    data: entry.data ?? {},
    ...(entry.freeText && { freeTextSha256: freeTextDigest(entry.freeText) }),
  });
  const hash = chainHash(head!.hash, payload);
  await db`
    insert into audit_log (account_id, seq, id, at, actor_type, actor_id, action, target_type, target_id, payload, prev_hash, hash, free_text)
    values (${entry.accountId}, ${seq.toString()}, ${id}, ${entry.at}, ${entry.actor.type}, ${entry.actor.id}, ${entry.action},
            ${entry.target?.type ?? null}, ${entry.target?.id ?? null}, ${payload}, ${head!.hash}, ${hash}, ${entry.freeText ? db.json(entry.freeText) : null})`;
  await db`update audit_heads set seq = ${seq.toString()}, hash = ${hash} where account_id = ${entry.accountId}`;
}
