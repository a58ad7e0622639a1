// Reading deposits (recording and refunding them: deposits.ts). Settlement and boarding ask
// what is held, so this sits below both.
import type { Db } from '../db/pool.ts';

export interface DepositRow {
  id: string;
  amountMinor: number;
  currency: string;
  receivedOn: string;
  reference: string;
  method: string;
  status: 'held' | 'refunded';
  createdAt: Date;
  refundedAt: Date | null;
  refundNote: string | null;
}

export const depositColumns = (db: Db) => db`
  id, amount_minor::float8 as "amountMinor", currency, to_char(received_on, 'YYYY-MM-DD') as "receivedOn", reference, method, status,
  created_at as "createdAt", refunded_at as "refundedAt", refund_note as "refundNote"`;

export async function listDeposits(db: Db, accountId: string): Promise<DepositRow[]> {
  return db<DepositRow[]>`select ${depositColumns(db)} from deposits where account_id = ${accountId} order by id`;
}

/** Held deposits per currency, in minor units. */
export async function heldDeposits(db: Db, accountId: string): Promise<Map<string, number>> {
  const rows = await db<{ currency: string; minor: number }[]>`
    select currency, sum(amount_minor)::float8 as minor from deposits where account_id = ${accountId} and status = 'held' group by currency`;
  return new Map(rows.map((r) => [r.currency, r.minor]));
}
