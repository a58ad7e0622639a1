// Legal holds: while one applies, retention leaves the account (or the one person) alone.
// People are held by subject hash only; the hold never stores their number.
import type { Db } from '../../db/pool.ts';
import { newId } from '../../platform/ids.ts';

export type HoldPlacer = 'operator' | 'account';

export interface LegalHold {
  id: string;
  accountId: string;
  /** First 16 hex of the subject hash (as in `anon_…` pseudonyms); null: the whole account. */
  subjectId: string | null;
  reason: string;
  placedBy: HoldPlacer;
  createdBy: string;
  createdAt: Date;
  releasedAt: Date | null;
}

interface HoldRow extends Omit<LegalHold, 'subjectId'> {
  subjectHash: Buffer | null;
}

const holdColumns = (db: Db) => db`
  id, account_id as "accountId", subject_hash as "subjectHash", reason, placed_by as "placedBy", created_by as "createdBy",
  created_at as "createdAt", released_at as "releasedAt"`;

function toHold({ subjectHash, ...r }: HoldRow): LegalHold {
  return { ...r, subjectId: subjectHash ? subjectHash.toString('hex').slice(0, 16) : null };
}

/**
 * True when a hold in force covers the account, or (given) this person. The erasure work
 * asks before erasing: data under legal hold must not be destroyed.
 */
export async function isUnderLegalHold(db: Db, accountId: string, subjectHash?: Buffer): Promise<boolean> {
  const [row] = await db`
    select 1 from legal_holds
    where account_id = ${accountId} and released_at is null
      and (subject_hash is null ${subjectHash ? db`or subject_hash = ${subjectHash}` : db``})
    limit 1`;
  return row !== undefined;
}

/** What retention must skip in an account: all of it, or these people. */
export async function holdsInForce(db: Db, accountId: string): Promise<{ account: boolean; subjects: Buffer[] }> {
  const rows = await db<{ subjectHash: Buffer | null }[]>`
    select subject_hash as "subjectHash" from legal_holds where account_id = ${accountId} and released_at is null`;
  return {
    account: rows.some((r) => r.subjectHash === null),
    subjects: rows.flatMap((r) => (r.subjectHash ? [r.subjectHash] : [])),
  };
}

export async function placeLegalHold(
  db: Db,
  hold: {
    accountId: string;
    subjectHash: Buffer | null;
    reason: string;
    placedBy: HoldPlacer;
    createdBy: string;
    at: Date;
  },
): Promise<LegalHold> {
  const [row] = await db<HoldRow[]>`
    insert into legal_holds (account_id, id, subject_hash, reason, placed_by, created_by, created_at)
    values (${hold.accountId}, ${newId('lgh', hold.at)}, ${hold.subjectHash}, ${hold.reason}, ${hold.placedBy}, ${hold.createdBy}, ${hold.at})
    returning ${holdColumns(db)}`;
  return toHold(row!);
}

/** Releases holds in force matching the filter; returns those released. */
export async function releaseLegalHolds(
  db: Db,
  accountId: string,
  filter: { id?: string; accountWide?: true; placedBy?: HoldPlacer },
  by: string,
  at: Date,
): Promise<LegalHold[]> {
  const rows = await db<HoldRow[]>`
    update legal_holds set released_at = ${at}, released_by = ${by}
    where account_id = ${accountId} and released_at is null
      ${filter.id ? db`and id = ${filter.id}` : db``}
      ${filter.accountWide ? db`and subject_hash is null` : db``}
      ${filter.placedBy ? db`and placed_by = ${filter.placedBy}` : db``}
    returning ${holdColumns(db)}`;
  return rows.map(toHold);
}

export async function getLegalHold(db: Db, accountId: string, id: string): Promise<LegalHold | undefined> {
  const [row] = await db<
    HoldRow[]
  >`select ${holdColumns(db)} from legal_holds where account_id = ${accountId} and id = ${id}`;
  return row && toHold(row);
}

export async function listLegalHolds(
  db: Db,
  accountId: string,
  q: { limit: number; after?: string | undefined; active?: boolean | undefined },
): Promise<LegalHold[]> {
  const rows = await db<HoldRow[]>`
    select ${holdColumns(db)} from legal_holds
    where account_id = ${accountId}
      ${q.after ? db`and id > ${q.after}` : db``}
      ${q.active === undefined ? db`` : q.active ? db`and released_at is null` : db`and released_at is not null`}
    order by id limit ${q.limit + 1}`;
  return rows.map(toHold);
}

/** Audit targets: a person by pseudonymous id (so holds on them keep their entries), else the hold. */
export function holdTarget(h: { id: string; subjectId: string | null }) {
  return h.subjectId
    ? { target: { type: 'subject', id: h.subjectId }, data: { holdId: h.id } }
    : { target: { type: 'legal_hold', id: h.id } };
}
