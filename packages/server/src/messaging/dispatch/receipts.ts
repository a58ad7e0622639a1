// Delivery receipts: match them to submitted parts (leniently: hex and decimal forms, leading
// zeros), move the message when its parts say so, and keep receipts that arrived before their
// submit_sm_resp was stored until that part exists.
import type { Tx } from '../../db/pool.ts';
import { receiptOutcome } from '../errors.ts';
import { applyStatusChanges, type StatusChange } from '../status.ts';
import { normalizeSmscId } from './outcomes.ts';

export interface Receipt {
  connectorId: string;
  smscId: string;
  lenient: boolean;
  stat: string;
  err: string | undefined;
  at: Date;
}

/**
 * Exact first, then (lenient) the other base: SMSCs disagree on hex vs decimal between resp and
 * receipt. Leading zeros and case never matter.
 */
export function receiptIdCandidates(smscId: string, lenient = true): string[] {
  const id = normalizeSmscId(smscId);
  const out = [id];
  if (!lenient) return out;
  if (/^[0-9]+$/.test(id) && id.length < 30) out.push(normalizeSmscId(BigInt(id).toString(16)));
  if (/^[0-9a-f]+$/.test(id) && id.length < 25) out.push(normalizeSmscId(BigInt(`0x${id}`).toString(10)));
  return [...new Set(out)];
}

interface PartRow {
  accountId: string;
  messageId: string;
  attempt: number;
  part: number;
  connectorId: string;
  smscId: string;
}

/** Applies receipts; returns those that matched no part yet (the caller keeps them pending). */
export async function applyReceipts(tx: Tx, receipts: Receipt[]): Promise<Receipt[]> {
  if (receipts.length === 0) return [];
  const candidates = receipts.map((r) => receiptIdCandidates(r.smscId, r.lenient));
  const parts = await tx<PartRow[]>`
    select account_id as "accountId", message_id as "messageId", attempt, part, connector_id as "connectorId", smsc_id as "smscId"
    from message_parts where connector_id = any(${[...new Set(receipts.map((r) => r.connectorId))]})
      and smsc_id = any(${[...new Set(candidates.flat())]})`;
  const byKey = new Map(parts.map((p) => [`${p.connectorId} ${p.smscId}`, p]));
  const unmatched: Receipt[] = [];
  const updates: { part: PartRow; receipt: Receipt }[] = [];
  receipts.forEach((r, i) => {
    const part = candidates[i]!.map((c) => byKey.get(`${r.connectorId} ${c}`)).find(Boolean);
    if (part) updates.push({ part, receipt: r });
    else unmatched.push(r);
  });
  if (updates.length === 0) return unmatched;
  await tx`
    update message_parts p set status = u.stat, error_code = u.err, receipt_at = u.at
    from jsonb_to_recordset(${tx.json(updates.map((u) => ({ account_id: u.part.accountId, message_id: u.part.messageId, attempt: u.part.attempt, part: u.part.part, stat: u.receipt.stat.toUpperCase(), err: u.receipt.err ?? null, at: u.receipt.at })) as never)}::jsonb)
      as u(account_id text, message_id text, attempt integer, part integer, stat text, err text, at timestamptz)
    where p.account_id = u.account_id and p.message_id = u.message_id and p.attempt = u.attempt and p.part = u.part`;
  await moveMessages(tx, updates);
  return unmatched;
}

/** A multipart message is delivered only when every part is; any final failure decides at once. */
async function moveMessages(tx: Tx, updates: { part: PartRow; receipt: Receipt }[]): Promise<void> {
  const keys = [...new Map(updates.map((u) => [`${u.part.accountId} ${u.part.messageId} ${u.part.attempt}`, u])).values()];
  const rows = await tx<{ accountId: string; messageId: string; attempt: number; statuses: string[]; errs: (string | null)[] }[]>`
    select p.account_id as "accountId", p.message_id as "messageId", p.attempt, array_agg(p.status order by p.part) as statuses,
           array_agg(p.error_code order by p.part) as errs
    from message_parts p
    join jsonb_to_recordset(${tx.json(keys.map((k) => ({ account_id: k.part.accountId, message_id: k.part.messageId, attempt: k.part.attempt })) as never)}::jsonb)
      as k(account_id text, message_id text, attempt integer)
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
      accountId: row.accountId, messageId: row.messageId, status: decided.status, channel: 'sms',
      at: latestAt.get(row.messageId)!, connectorId: connectorOf.get(row.messageId) ?? null, error: decided.error,
    });
  }
  await applyStatusChanges(tx, changes);
}

export async function keepPending(tx: Tx, receipts: Receipt[]): Promise<void> {
  if (receipts.length === 0) return;
  await tx`
    insert into pending_receipts (connector_id, smsc_id, lenient, stat, err, received_at)
    select * from jsonb_to_recordset(${tx.json(receipts.map((r) => ({ connector_id: r.connectorId, smsc_id: normalizeSmscId(r.smscId), lenient: r.lenient, stat: r.stat, err: r.err ?? null, received_at: r.at })) as never)}::jsonb)
      as t(connector_id text, smsc_id text, lenient boolean, stat text, err text, received_at timestamptz)
    on conflict do nothing`;
}

/** Retries pending receipts against parts stored since; drops those older than a week. */
export async function retryPendingReceipts(tx: Tx, now: Date): Promise<number> {
  const pending = await tx<{ connectorId: string; smscId: string; lenient: boolean; stat: string; err: string | null; receivedAt: Date }[]>`
    delete from pending_receipts where ctid in (select ctid from pending_receipts order by received_at limit 1000 for update skip locked)
    returning connector_id as "connectorId", smsc_id as "smscId", lenient, stat, err, received_at as "receivedAt"`;
  const receipts = pending.map((p) => ({ connectorId: p.connectorId, smscId: p.smscId, lenient: p.lenient, stat: p.stat, err: p.err ?? undefined, at: p.receivedAt }));
  const still = await applyReceipts(tx, receipts);
  const weekAgo = now.getTime() - 7 * 24 * 3600_000;
  await keepPending(tx, still.filter((r) => r.at.getTime() > weekAgo));
  return receipts.length - still.length;
}
