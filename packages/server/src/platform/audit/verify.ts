// Verifying the audit chains: every row's hash must follow from the previous hash and its
// payload, the payload must say what the row's columns say, seq must run 1, 2, 3… without a
// gap, and the last row must be the chain head (a deleted tail row shows there).
import type { Sql } from '../../db/pool.ts';
import { GENESIS_HASH, chainHash, freeTextDigest } from './log.ts';

export interface ChainReport {
  accountId: string;
  entries: number;
  ok: boolean;
  brokenAtSeq: number | null;
  reason: string | null;
}

interface Row {
  seq: bigint;
  id: string;
  at: Date;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  payload: string;
  prevHash: Buffer;
  hash: Buffer;
  freeText: Record<string, unknown> | null;
  redacted: boolean;
}

export async function verifyAuditChains(sql: Sql, opts: { accountId?: string } = {}): Promise<ChainReport[]> {
  const heads = await sql<{ accountId: string; seq: bigint; hash: Buffer }[]>`
    select account_id as "accountId", seq, hash from audit_heads
    ${opts.accountId ? sql`where account_id = ${opts.accountId}` : sql``} order by account_id`;
  const reports: ChainReport[] = [];
  for (const head of heads) reports.push(await verifyChain(sql, head));
  return reports;
}

async function verifyChain(sql: Sql, head: { accountId: string; seq: bigint; hash: Buffer }): Promise<ChainReport> {
  let expectedSeq = 1n;
  let prev: Buffer = GENESIS_HASH;
  let broken: { seq: bigint; reason: string } | undefined;
  // A cursor keeps memory flat however long the chain is.
  const cursor = sql<Row[]>`
    select seq, id, at, actor_type as "actorType", actor_id as "actorId", action, target_type as "targetType",
           target_id as "targetId", payload, prev_hash as "prevHash", hash, free_text as "freeText",
           free_text_redacted_at is not null as redacted
    from audit_log where account_id = ${head.accountId} order by seq`.cursor(1000);
  for await (const rows of cursor) {
    for (const row of rows) {
      broken = checkRow(row, expectedSeq, prev);
      if (broken) break;
      prev = row.hash;
      expectedSeq++;
    }
    if (broken) break;
  }
  const entries = Number(expectedSeq - 1n);
  if (!broken && (expectedSeq - 1n !== head.seq || !prev.equals(head.hash))) {
    broken = {
      seq: expectedSeq,
      reason: `the chain ends at seq ${entries} but its head says ${head.seq}: rows were deleted at the end`,
    };
  }
  return {
    accountId: head.accountId,
    entries,
    ok: !broken,
    brokenAtSeq: broken ? Number(broken.seq) : null,
    reason: broken?.reason ?? null,
  };
}

function checkRow(row: Row, expectedSeq: bigint, prev: Buffer): { seq: bigint; reason: string } | undefined {
  if (row.seq !== expectedSeq)
    return { seq: expectedSeq, reason: `seq ${expectedSeq} is missing (next is ${row.seq}): a row was deleted` };
  if (!row.prevHash.equals(prev)) return { seq: row.seq, reason: 'prev_hash does not match the previous row' };
  if (!chainHash(prev, row.payload).equals(row.hash))
    return { seq: row.seq, reason: 'the hash does not match the payload: the row was edited' };
  let p: {
    id?: string;
    seq?: string;
    at?: string;
    actor?: { type?: string; id?: string };
    action?: string;
    target?: { type: string; id: string } | null;
    freeTextSha256?: string;
  };
  try {
    p = JSON.parse(row.payload) as typeof p;
  } catch {
    return { seq: row.seq, reason: 'the payload is not JSON' };
  }
  const same =
    p.id === row.id &&
    p.seq === row.seq.toString() &&
    p.at === row.at.toISOString() &&
    p.actor?.type === row.actorType &&
    p.actor?.id === row.actorId &&
    p.action === row.action &&
    (p.target?.type ?? null) === row.targetType &&
    (p.target?.id ?? null) === row.targetId;
  if (!same) return { seq: row.seq, reason: 'the columns differ from the hashed payload: the row was edited' };
  return checkFreeText(row, p.freeTextSha256);
}

/** Free text beside the chain must match the digest the chain holds, or be redacted. */
function checkFreeText(row: Row, digest: string | undefined): { seq: bigint; reason: string } | undefined {
  if (digest === undefined)
    return row.freeText === null
      ? undefined
      : { seq: row.seq, reason: 'free text was added to an entry that had none' };
  if (row.freeText === null)
    return row.redacted ? undefined : { seq: row.seq, reason: 'the free text is missing but was not redacted' };
  return freeTextDigest(row.freeText) === digest
    ? undefined
    : { seq: row.seq, reason: 'the free text differs from its hashed digest: it was edited' };
}
