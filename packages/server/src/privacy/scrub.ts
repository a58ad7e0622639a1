// Erasing what messages hold about a person, in place: the one primitive both the retention
// job and erasure requests use. The caller batches (ids) and owns the transaction.
//
// Where a customer's number or message content lives (schema.sql and the code writing each table):
// - messages: to_number (outbound: the customer; inbound: our number), from_number (inbound: the
//   customer; outbound: our sender), body (sealed; WhatsApp content, media refs and the SMS
//   fallback text are all inside it), reference, metadata, callback_url (client-chosen, may name
//   people). subject_hash stays: suppressions and erasure checks need it.
// - files/file_chunks: inbound WhatsApp media (files.message_id since 0100; uploads sent by
//   Meta's media id are not tied to a message and expire as media_upload files instead).
// - inbound_parts: fragments of concatenated SMS not yet reassembled (from/to numbers, text).
// - whatsapp_windows: (business number, customer number) of the 24-hour window.
// - sandbox_inbound: simulated customer messages (from number, body).
// - fraud_counters: dimension 'number' is keyed by the destination number.
// - events.data: message events hold status/channel/connector only; stripped defensively.
// - webhook_deliveries.url (a message's callbackUrl) and webhook_attempts.response_body (what
//   the receiver answered, which may echo the payload): ended deliveries of these messages' events.
// - idempotency_keys.response_body: the stored 202 of the POST that created these messages.
// - message_parts, message_attempts, pending_receipts hold SMSC ids and statuses, no number;
//   usage_records hold no identity (billing keeps them whole); audit_log holds ids only.
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import { deleteDeliveries } from '../webhooks/delivery-store.ts';

export interface ScrubOptions {
  /** Shown by the API with `contentErased`; an erasure request unless said otherwise. */
  reason?: 'retention' | 'erasure';
  at?: Date;
}

const EVENT_IDENTITY_FIELDS = ['to', 'from', 'body', 'reference', 'metadata', 'callbackUrl'];

/** Deletes bodies and media of these messages and marks them erased; returns the messages changed. */
export async function scrubMessageContent(
  tx: Db,
  accountId: string,
  messageIds: readonly string[],
  opts: ScrubOptions = {},
): Promise<number> {
  if (messageIds.length === 0) return 0;
  const at = opts.at ?? new Date();
  const ids = [...messageIds];
  const changed = await tx`
    update messages set body = null,
      content_erased_at = coalesce(content_erased_at, ${at}), content_erased_reason = coalesce(content_erased_reason, ${opts.reason ?? 'erasure'})
    where account_id = ${accountId} and id = any(${ids}) and (body is not null or content_erased_at is null)
    returning id`;
  // file_chunks go with their file (on delete cascade).
  await tx`delete from files where account_id = ${accountId} and message_id = any(${ids})`;
  return changed.length;
}

/**
 * Replaces the customer's number by `anon_<16 hex of subject_hash>`, clears the client's
 * free-form fields and removes every other copy of the number tied to these messages.
 * Copies that outlive the messages (a WhatsApp window, a counter) go only when no later
 * message of that person keeps them alive: retention scrubs old messages, not current ones.
 */
export async function scrubMessageIdentity(
  tx: Db,
  accountId: string,
  messageIds: readonly string[],
  opts: ScrubOptions = {},
): Promise<number> {
  if (messageIds.length === 0) return 0;
  const at = opts.at ?? new Date();
  const ids = [...messageIds];
  const people = await tx<{ customer: string; ours: string | null; latest: Date }[]>`
    select case direction when 'outbound' then to_number else from_number end as customer,
           case direction when 'outbound' then from_number else to_number end as ours, max(created_at) as latest
    from messages where account_id = ${accountId} and id = any(${ids}) and identity_erased_at is null
    group by 1, 2`;
  const changed = await tx`
    update messages set
      to_number = case direction when 'outbound' then 'anon_' || left(encode(subject_hash, 'hex'), 16) else to_number end,
      from_number = case direction when 'inbound' then 'anon_' || left(encode(subject_hash, 'hex'), 16) else from_number end,
      reference = null, metadata = null, callback_url = null, identity_erased_at = ${at}
    where account_id = ${accountId} and id = any(${ids}) and identity_erased_at is null
    returning id`;
  await removeCopies(tx, accountId, people);
  await tx`
    update events set data = data - ${EVENT_IDENTITY_FIELDS}::text[]
    where account_id = ${accountId} and object_id = any(${ids}) and data ?| ${EVENT_IDENTITY_FIELDS}::text[]`;
  await deleteDeliveries(
    tx,
    tx`
    delete from webhook_deliveries doomed using events e
    where e.account_id = ${accountId} and e.object_id = any(${ids})
      and doomed.account_id = ${accountId} and doomed.event_id = e.id and doomed.status <> 'pending'`,
  );
  // The stored response may be the JSON text as a jsonb string: read it as the document either way.
  await tx`
    delete from idempotency_keys k
    where k.account_id = ${accountId} and k.response_body is not null and exists (
      select 1 from (select case jsonb_typeof(k.response_body) when 'string' then (k.response_body #>> '{}')::jsonb else k.response_body end as doc) r
      where r.doc ->> 'id' = any(${ids}) or exists (
        select 1 from jsonb_array_elements(case jsonb_typeof(r.doc -> 'data') when 'array' then r.doc -> 'data' else '[]' end) d
        where d ->> 'id' = any(${ids})))`;
  return changed.length;
}

/** Copies of the number kept beside the messages, up to the latest scrubbed message of each pair. */
async function removeCopies(
  tx: Db,
  accountId: string,
  people: { customer: string; ours: string | null; latest: Date }[],
): Promise<void> {
  if (people.length === 0) return;
  const pairs = () => recordset(tx, people, { customer: 'text', ours: 'text', latest: 'timestamptz' });
  await tx`
    with p as (select * from ${pairs()})
    delete from whatsapp_windows w using p
    where w.account_id = ${accountId} and w.customer_number = p.customer and w.business_number = p.ours and w.last_inbound_at <= p.latest`;
  await tx`
    with p as (select * from ${pairs()})
    delete from sandbox_inbound s using p
    where s.account_id = ${accountId} and s.from_number = p.customer and s.done_at is not null and s.created_at <= p.latest`;
  await tx`
    with p as (select * from ${pairs()})
    delete from fraud_counters f using p
    where f.account_id = ${accountId} and f.dimension = 'number' and f.key = p.customer and f.bucket <= p.latest`;
  // inbound_parts has no account: our number (the one the fragments were sent to) scopes it.
  await tx`
    with p as (select * from ${pairs()})
    delete from inbound_parts i using p, numbers n
    where n.account_id = ${accountId} and n.number = p.ours and i.to_number = p.ours and i.from_number = p.customer and i.received_at <= p.latest`;
}
