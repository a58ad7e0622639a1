// Message counts for the portal's dashboard, straight from the messages table.
import { encodeTime } from 'ulid';
import type { Db } from '../db/pool.ts';

export interface SummaryRow {
  hour: Date;
  channel: string;
  direction: string;
  status: string;
  count: number;
}

/** The smallest message id created at `at`: ids are `msg_` + ULID, whose first 10 characters are the time. */
function firstIdAt(at: Date): string {
  return `msg_${encodeTime(at.getTime(), 10).toLowerCase()}`;
}

/**
 * Counts per hour, channel, direction and current status. An id's time is never before its
 * message's created_at (ids are monotonic, so they may run ahead, never behind), so the lower
 * id bound lets the primary key (account_id, id) skip the account's history: "today" reads
 * today's rows, not the whole table. created_at gives the exact bounds.
 */
export async function messageCounts(db: Db, accountId: string, from: Date, to: Date): Promise<SummaryRow[]> {
  return db<SummaryRow[]>`
    select date_trunc('hour', created_at) as hour, channel, direction, status, count(*)::int as count
    from messages
    where account_id = ${accountId} and id >= ${firstIdAt(from)}
      and created_at >= ${from} and created_at < ${to}
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
}

/**
 * Every account's messages since `since`, per current status, for the operators' home. One
 * index range per account (primary key from the first id of `since`), so "today" costs today's
 * rows, not the platform's history.
 */
export async function platformCounts(db: Db, since: Date): Promise<{ status: string; count: number }[]> {
  return db<{ status: string; count: number }[]>`
    select m.status, count(*)::int as count
    from accounts a
    join messages m on m.account_id = a.id and m.id >= ${firstIdAt(since)} and m.created_at >= ${since}
    group by 1 order by 1`;
}

/** Messages held right now, per reason (`connector:<id>` and `country:<CC>` folded), from the partial index on held rows. */
export async function heldCounts(db: Db): Promise<{ reason: string; count: number }[]> {
  return db<{ reason: string; count: number }[]>`
    select coalesce(split_part(hold_reason, ':', 1), 'unknown') as reason, count(*)::int as count
    from messages where status = 'held'
    group by 1 order by 1`;
}
