// Delivery receipts: each applies to the one part submitted under its id on its connector
// (the link turns the receipt's id into that key, per the connector's stated format: nothing
// is guessed). A receipt that arrives before its submit_sm_resp id is stored waits in
// pending_receipts and is applied in the transaction that stores the part (outcomes.ts), or by
// the leader's sweep if the two transactions crossed.
import type { Tx } from '../../db/pool.ts';
import { recordset } from '../../db/recordset.ts';
import type { Receipt } from '../../channels/link.ts';
import { receiptOutcome } from '../problems.ts';
import { applyStatusChanges, type StatusChange } from '../status.ts';

interface PartRow {
  accountId: string;
  messageId: string;
  attempt: number;
  part: number;
  connectorId: string;
  smscId: string;
}

/** How long a final receipt for a part that already has one waits for a new part with that id. */
export const REUSED_ID_WAIT_MS = 60_000;
const FINAL_STATS = ['DELIVRD', 'UNDELIV', 'EXPIRED', 'REJECTD', 'DELETED', 'UNKNOWN'];

/**
 * Applies receipts; returns those that matched no part yet (the caller keeps them pending).
 * An SMSC may hand out an id again (its counter starts over after a restart), so a receipt
 * names the latest submission under its id still waiting for a final receipt. When the only
 * part under that id has its final receipt already, the new one most likely belongs to a
 * submission whose id is not stored yet: it waits (REUSED_ID_WAIT_MS) before it is taken for
 * a repeat, which is an event only.
 */
export async function applyReceipts(tx: Tx, receipts: Receipt[], now: Date): Promise<Receipt[]> {
  if (receipts.length === 0) return [];
  const parts = await tx<(PartRow & { final: boolean })[]>`
    select account_id as "accountId", message_id as "messageId", attempt, part, connector_id as "connectorId", smsc_id as "smscId",
      status = any(${FINAL_STATS}) as final
    from message_parts where connector_id = any(${[...new Set(receipts.map((r) => r.connectorId))]})
      and smsc_id = any(${[...new Set(receipts.map((r) => r.smscId))]})
    order by status = any(${FINAL_STATS}) desc, submitted_at`;
  // The last row of a key wins: the latest part without a final receipt, if any.
  const byKey = new Map(parts.map((p) => [`${p.connectorId} ${p.smscId}`, p]));
  const unmatched: Receipt[] = [];
  const updates: { part: PartRow; receipt: Receipt }[] = [];
  receipts.forEach((r) => {
    const part = byKey.get(`${r.connectorId} ${r.smscId}`);
    const mayBeReused =
      part?.final && FINAL_STATS.includes(r.stat.toUpperCase()) && now.getTime() - r.at.getTime() < REUSED_ID_WAIT_MS;
    if (part && !mayBeReused) updates.push({ part, receipt: r });
    else unmatched.push(r);
  });
  if (updates.length === 0) return unmatched;
  await tx`
    update message_parts p set status = u.stat, error_code = u.err, receipt_at = u.at
    from ${recordset(
      tx,
      updates.map((u) => ({
        account_id: u.part.accountId,
        message_id: u.part.messageId,
        attempt: u.part.attempt,
        part: u.part.part,
        stat: u.receipt.stat.toUpperCase(),
        err: u.receipt.err ?? null,
        at: u.receipt.at,
      })),
      {
        account_id: 'text',
        message_id: 'text',
        attempt: 'integer',
        part: 'integer',
        stat: 'text',
        err: 'text',
        at: 'timestamptz',
      },
      'u',
    )}
    where p.account_id = u.account_id and p.message_id = u.message_id and p.attempt = u.attempt and p.part = u.part`;
  await moveMessages(tx, updates);
  return unmatched;
}

/** A multipart message is delivered only when every part is; any final failure decides at once. */
async function moveMessages(tx: Tx, updates: { part: PartRow; receipt: Receipt }[]): Promise<void> {
  const keys = [
    ...new Map(updates.map((u) => [`${u.part.accountId} ${u.part.messageId} ${u.part.attempt}`, u])).values(),
  ];
  const rows = await tx<
    { accountId: string; messageId: string; attempt: number; statuses: string[]; errs: (string | null)[] }[]
  >`
    select p.account_id as "accountId", p.message_id as "messageId", p.attempt, array_agg(p.status order by p.part) as statuses,
           array_agg(p.error_code order by p.part) as errs
    from message_parts p
    join ${recordset(
      tx,
      keys.map((k) => ({ account_id: k.part.accountId, message_id: k.part.messageId, attempt: k.part.attempt })),
      { account_id: 'text', message_id: 'text', attempt: 'integer' },
      'k',
    )}
      on p.account_id = k.account_id and p.message_id = k.message_id and p.attempt = k.attempt
    group by p.account_id, p.message_id, p.attempt`;
  const latestAt = new Map(updates.map((u) => [u.part.messageId, u.receipt.at]));
  const connectorOf = new Map(updates.map((u) => [u.part.messageId, u.part.connectorId]));
  const changes: StatusChange[] = [];
  for (const row of rows) {
    const outcomes = row.statuses.map((s, i) => receiptOutcome(s, row.errs[i] ?? undefined));
    const failed = outcomes.find((o) => o && o.status !== 'delivered');
    const allDelivered = outcomes.every((o) => o?.status === 'delivered');
    const decided = failed ?? (allDelivered ? outcomes[0] : undefined);
    if (!decided) continue;
    changes.push({
      accountId: row.accountId,
      messageId: row.messageId,
      status: decided.status,
      channel: 'sms',
      at: latestAt.get(row.messageId)!,
      connectorId: connectorOf.get(row.messageId) ?? null,
      error: decided.error,
    });
  }
  await applyStatusChanges(tx, changes);
}

export async function keepPending(tx: Tx, receipts: Receipt[]): Promise<void> {
  if (receipts.length === 0) return;
  await tx`
    insert into pending_receipts (connector_id, smsc_id, stat, err, received_at)
    select * from ${recordset(
      tx,
      receipts.map((r) => ({
        connector_id: r.connectorId,
        smsc_id: r.smscId,
        stat: r.stat,
        err: r.err ?? null,
        received_at: r.at,
      })),
      { connector_id: 'text', smsc_id: 'text', stat: 'text', err: 'text', received_at: 'timestamptz' },
    )}
    on conflict do nothing`;
}

/** Receipts that were waiting for these just-stored parts, applied now (same transaction). */
export async function applyWaitingReceipts(tx: Tx, parts: { connectorId: string; smscId: string }[]): Promise<void> {
  if (parts.length === 0) return;
  const waiting = await tx<
    { connectorId: string; smscId: string; stat: string; err: string | null; receivedAt: Date }[]
  >`
    delete from pending_receipts p
    using unnest(${parts.map((x) => x.connectorId)}::text[], ${parts.map((x) => x.smscId)}::text[]) as k(connector_id, smsc_id)
    where p.connector_id = k.connector_id and p.smsc_id = k.smsc_id
    returning p.connector_id as "connectorId", p.smsc_id as "smscId", p.stat, p.err, p.received_at as "receivedAt"`;
  await keepPending(
    tx,
    await applyReceipts(
      tx,
      waiting.map((w) => ({
        connectorId: w.connectorId,
        smscId: w.smscId,
        stat: w.stat,
        err: w.err ?? undefined,
        at: w.receivedAt,
      })),
      new Date(),
    ),
  );
}

/** Retries pending receipts against parts stored since; drops those older than a week. */
export async function retryPendingReceipts(tx: Tx, now: Date): Promise<number> {
  const pending = await tx<
    { connectorId: string; smscId: string; stat: string; err: string | null; receivedAt: Date }[]
  >`
    delete from pending_receipts where ctid in (select ctid from pending_receipts order by received_at limit 1000 for update skip locked)
    returning connector_id as "connectorId", smsc_id as "smscId", stat, err, received_at as "receivedAt"`;
  const receipts = pending.map((p) => ({
    connectorId: p.connectorId,
    smscId: p.smscId,
    stat: p.stat,
    err: p.err ?? undefined,
    at: p.receivedAt,
  }));
  const still = await applyReceipts(tx, receipts, now);
  const weekAgo = now.getTime() - 7 * 24 * 3600_000;
  await keepPending(
    tx,
    still.filter((r) => r.at.getTime() > weekAgo),
  );
  return receipts.length - still.length;
}
