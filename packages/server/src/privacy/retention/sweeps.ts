// One bounded batch per statement for each data category: what is older than the cutoff
// (strictly: a row exactly at the boundary stays), oldest first, skipping people on legal
// hold. Each returns how many rows it handled; fewer than `limit` means the category is done.
import type { Tx } from '../../db/pool.ts';
import type { Timeouts } from '../../auth/session-store.ts';
import { anonymizeDisabledUsers, deleteEndedSessions, deleteEndedTokens } from '../../auth/personal-data.ts';
import { deleteEndedEmails } from '../../platform/email/personal-data.ts';
import { scrubMessageContent, scrubMessageIdentity } from '../scrub.ts';
import { deleteDeliveries } from '../../webhooks/delivery-store.ts';
import type { Category } from './policy.ts';

export interface Batch {
  accountId: string;
  cutoff: Date;
  limit: number;
  /** Hex subject hashes under legal hold. */
  held: string[];
  at: Date;
  /** When a portal session ends by itself (config). */
  sessions: Timeouts;
}

// Messages still on their way keep everything: their content is what will be sent.
const SETTLED = ['sent', 'delivered', 'undelivered', 'read', 'failed', 'expired', 'rejected', 'canceled', 'received'];

async function messageContent(tx: Tx, b: Batch): Promise<number> {
  const rows = await tx<{ id: string }[]>`
    select id from messages
    where account_id = ${b.accountId} and content_erased_at is null and created_at < ${b.cutoff}
      and status = any(${SETTLED}) and encode(subject_hash, 'hex') <> all(${b.held}::text[])
    order by created_at limit ${b.limit}`;
  await scrubMessageContent(
    tx,
    b.accountId,
    rows.map((r) => r.id),
    { reason: 'retention', at: b.at },
  );
  return rows.length;
}

async function messageMetadata(tx: Tx, b: Batch): Promise<number> {
  const rows = await tx<{ id: string }[]>`
    select id from messages
    where account_id = ${b.accountId} and identity_erased_at is null and created_at < ${b.cutoff}
      and status = any(${SETTLED}) and encode(subject_hash, 'hex') <> all(${b.held}::text[])
    order by created_at limit ${b.limit}`;
  const ids = rows.map((r) => r.id);
  await scrubMessageIdentity(tx, b.accountId, ids, { reason: 'retention', at: b.at });
  await scrubMessageContent(tx, b.accountId, ids, { reason: 'retention', at: b.at });
  return rows.length;
}

/** Files of these purposes; media of a held person's message stay. */
async function files(tx: Tx, b: Batch, purposes: string[]): Promise<number> {
  const rows = await tx`
    delete from files where account_id = ${b.accountId} and id in (
      select f.id from files f
      where f.account_id = ${b.accountId} and f.purpose = any(${purposes}) and f.created_at < ${b.cutoff}
        and not exists (select 1 from messages m where m.account_id = f.account_id and m.id = f.message_id
                        and encode(m.subject_hash, 'hex') = any(${b.held}::text[]))
      order by f.created_at limit ${b.limit})
    returning id`;
  return rows.length;
}

/** Ended deliveries (attempts go with them); those about a held person's messages stay. */
async function webhookDeliveryLogs(tx: Tx, b: Batch): Promise<number> {
  const rows = await deleteDeliveries(
    tx,
    tx`
    delete from webhook_deliveries doomed where account_id = ${b.accountId} and id in (
      select d.id from webhook_deliveries d
      where d.account_id = ${b.accountId} and d.status <> 'pending' and d.ended_at < ${b.cutoff}
        ${
          b.held.length === 0
            ? tx``
            : tx`and not exists (
          select 1 from events e join messages m on m.account_id = e.account_id and m.id = e.object_id
          where e.account_id = d.account_id and e.id = d.event_id and encode(m.subject_hash, 'hex') = any(${b.held}::text[]))`
        }
      order by d.ended_at limit ${b.limit})`,
  );
  return rows.length;
}

/** Redacts free text beside the audit chain (the chain keeps its digest and still verifies). */
async function auditFreeText(tx: Tx, b: Batch): Promise<number> {
  const rows = await tx`
    update audit_log set free_text = null, free_text_redacted_at = ${b.at}
    where account_id = ${b.accountId} and seq in (
      select seq from audit_log
      where account_id = ${b.accountId} and free_text is not null and at < ${b.cutoff}
        and (target_type is distinct from 'subject' or target_id <> all(${b.held.map((h) => h.slice(0, 16))}::text[]))
      order by at limit ${b.limit})
    returning seq`;
  return rows.length;
}

export const SWEEPS: Record<Category, (tx: Tx, b: Batch) => Promise<number>> = {
  message_content: messageContent,
  message_metadata: messageMetadata,
  inbound_media: (tx, b) => files(tx, b, ['inbound_media', 'media_upload']),
  webhook_delivery_logs: webhookDeliveryLogs,
  exports: (tx, b) => files(tx, b, ['export']),
  audit_free_text: auditFreeText,
  // People the platform is controller for (clients' staff): account holds cover them; subject
  // holds name end users' numbers, so they do not.
  email_outbox: (tx, b) => deleteEndedEmails(tx, b.accountId, b.cutoff, b.limit),
  portal_sessions: (tx, b) => deleteEndedSessions(tx, b.accountId, b.cutoff, b.limit, b.sessions),
  portal_tokens: (tx, b) => deleteEndedTokens(tx, b.accountId, b.cutoff, b.limit),
  disabled_users: (tx, b) => anonymizeDisabledUsers(tx, b.accountId, b.cutoff, b.limit, b.at),
};
