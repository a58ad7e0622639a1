// The opt-out list (STOP): kept per account as hashes of the number, so it outlives erasure.
import type { Db } from '../db/pool.ts';

/** The `accountId:hash` pairs among these that are on their account's opt-out list. */
export async function suppressedHashes(
  db: Db,
  subjects: { accountId: string; hash: Buffer }[],
  channel: string,
): Promise<Set<string>> {
  if (subjects.length === 0) return new Set();
  const rows = await db<{ k: string }[]>`
    select s.account_id || ':' || encode(s.subject_hash, 'hex') as k
    from unnest(${subjects.map((x) => x.accountId)}::text[], ${subjects.map((x) => x.hash.toString('hex'))}::text[]) as q(account_id, h)
    join suppressions s on s.account_id = q.account_id and s.subject_hash = decode(q.h, 'hex') and s.channel = ${channel}`;
  return new Set(rows.map((r) => r.k));
}
