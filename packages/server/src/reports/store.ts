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
