// SQL for messages. Hot paths write many rows per statement (jsonb_to_recordset), never one
// round trip per message.
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import type { KeyMode } from '../auth/api-key-format.ts';
import type { FraudDecision } from '../fraud/decision.ts';
import { ensureMessageContacts } from '../privacy/contacts.ts';

export interface MessageRow {
  accountId: string;
  id: string;
  direction: 'outbound' | 'inbound';
  channel: string;
  status: string;
  keyMode: 'live' | 'test';
  toNumber: string;
  fromNumber: string | null;
  subjectHash: Buffer;
  body: Buffer | null;
  encoding: string | null;
  segments: number | null;
  purpose: string;
  priority: string;
  scheduledAt: Date | null;
  validUntil: Date | null;
  reference: string | null;
  metadata: Record<string, string> | null;
  callbackUrl: string | null;
  storeContent: boolean;
  connectorId: string | null;
  errorCode: string | null;
  errorTitle: string | null;
  errorDetail: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  priceMicros?: bigint | null;
  priceCurrency?: string | null;
  /** Why it is `held` (fraud/held-messages.ts). */
  holdReason?: string | null;
  /** The fraud rules' decision, when they ran (fraud/decide.ts). */
  fraud?: FraudDecision | null;
  /** WhatsApp: the pricing category (the template's, or service for replies). */
  category?: string | null;
  /** WhatsApp: channels to fail over to, and when (messaging/failover.ts). */
  fallback?: { channels: string[]; afterSeconds: number } | null;
  /** The SMS limit cycle it was counted in; null when not counted (billing/limits.ts). */
  smsCycle?: number | null;
  /** Set when retention or an erasure request deleted the content (privacy/scrub.ts). */
  contentErasedAt?: Date | null;
  contentErasedReason?: 'retention' | 'erasure' | null;
  createdAt: Date;
  updatedAt: Date;
}

export const messageColumns = (db: Db) => db`
  account_id as "accountId", id, direction, channel, status, key_mode as "keyMode", to_number as "toNumber",
  from_number as "fromNumber", subject_hash as "subjectHash", body, encoding, segments, purpose, priority,
  scheduled_at as "scheduledAt", valid_until as "validUntil", reference, metadata, callback_url as "callbackUrl",
  store_content as "storeContent", connector_id as "connectorId", error_code as "errorCode", error_title as "errorTitle",
  error_detail as "errorDetail", attempts, next_attempt_at as "nextAttemptAt", price_micros as "priceMicros", price_currency as "priceCurrency",
  hold_reason as "holdReason", fraud, content_erased_at as "contentErasedAt", content_erased_reason as "contentErasedReason",
  created_at as "createdAt", updated_at as "updatedAt"`;

/** Inserts many messages in one statement (and their new contacts in one more). Bytea and dates travel as text inside the JSON. */
export async function insertMessages(db: Db, rows: MessageRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    account_id: r.accountId,
    id: r.id,
    direction: r.direction,
    channel: r.channel,
    status: r.status,
    key_mode: r.keyMode,
    to_number: r.toNumber,
    from_number: r.fromNumber,
    subject_hash: r.subjectHash.toString('hex'),
    body: r.body ? r.body.toString('hex') : null,
    encoding: r.encoding,
    segments: r.segments,
    purpose: r.purpose,
    priority: r.priority,
    scheduled_at: r.scheduledAt,
    valid_until: r.validUntil,
    reference: r.reference,
    metadata: r.metadata,
    callback_url: r.callbackUrl,
    store_content: r.storeContent,
    connector_id: r.connectorId,
    error_code: r.errorCode,
    error_title: r.errorTitle,
    error_detail: r.errorDetail,
    next_attempt_at: r.nextAttemptAt,
    hold_reason: r.holdReason ?? null,
    sms_cycle: r.smsCycle ?? null,
    fraud: r.fraud ?? null,
    fallback: r.fallback ?? null,
    category: r.category ?? null,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  }));
  await db`
    insert into messages (account_id, id, direction, channel, status, key_mode, to_number, from_number, subject_hash, body,
      encoding, segments, purpose, priority, scheduled_at, valid_until, reference, metadata, callback_url, store_content,
      connector_id, error_code, error_title, error_detail, next_attempt_at, hold_reason, sms_cycle, fraud, fallback, category, created_at, updated_at)
    select account_id, id, direction, channel, status, key_mode, to_number, from_number, decode(subject_hash, 'hex'),
      decode(body, 'hex'), encoding, segments, purpose, priority, scheduled_at, valid_until, reference, metadata, callback_url,
      store_content, connector_id, error_code, error_title, error_detail, next_attempt_at, hold_reason, sms_cycle, fraud, fallback, category, created_at, updated_at
    from ${recordset(db, json, {
      account_id: 'text',
      id: 'text',
      direction: 'text',
      channel: 'text',
      status: 'text',
      key_mode: 'text',
      to_number: 'text',
      from_number: 'text',
      subject_hash: 'text',
      body: 'text',
      encoding: 'text',
      segments: 'integer',
      purpose: 'text',
      priority: 'text',
      scheduled_at: 'timestamptz',
      valid_until: 'timestamptz',
      reference: 'text',
      metadata: 'jsonb',
      callback_url: 'text',
      store_content: 'boolean',
      connector_id: 'text',
      error_code: 'text',
      error_title: 'text',
      error_detail: 'text',
      next_attempt_at: 'timestamptz',
      hold_reason: 'text',
      sms_cycle: 'integer',
      fraud: 'jsonb',
      fallback: 'jsonb',
      category: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    })}`;
  // Every customer a live message goes to or comes from is a contact (privacy/contacts.ts).
  await ensureMessageContacts(db, rows);
}

/** `keyMode` narrows to one mode's rows (a test key's view); without it, any row of the account. */
export async function getMessage(
  db: Db,
  accountId: string,
  id: string,
  opts: { forUpdate?: boolean; keyMode?: KeyMode | undefined } = {},
): Promise<MessageRow | undefined> {
  const [row] = await db<MessageRow[]>`
    select ${messageColumns(db)} from messages where account_id = ${accountId} and id = ${id}
    ${opts.keyMode ? db`and key_mode = ${opts.keyMode}` : db``}
    ${opts.forUpdate ? db`for update` : db``}`;
  return row;
}

export interface MessageFilter {
  status?: string | undefined;
  to?: string | undefined;
  from?: string | undefined;
  channel?: string | undefined;
  direction?: string | undefined;
  createdAfter?: Date | undefined;
  createdBefore?: Date | undefined;
  keyMode?: KeyMode | undefined;
  /** The person's subjectHash; rows whose identity was erased no longer count as theirs. */
  subject?: Buffer | undefined;
  before?: string | undefined;
  limit: number;
}

/** Newest first; the cursor is the last id of the previous page. */
export async function listMessages(db: Db, accountId: string, f: MessageFilter): Promise<MessageRow[]> {
  return db<MessageRow[]>`
    select ${messageColumns(db)} from messages
    where account_id = ${accountId}
      ${f.before ? db`and id < ${f.before}` : db``}
      ${f.status ? db`and status = ${f.status}` : db``}
      ${f.to ? db`and to_number = ${f.to}` : db``}
      ${f.from ? db`and from_number = ${f.from}` : db``}
      ${f.channel ? db`and channel = ${f.channel}` : db``}
      ${f.direction ? db`and direction = ${f.direction}` : db``}
      ${f.createdAfter ? db`and created_at >= ${f.createdAfter}` : db``}
      ${f.createdBefore ? db`and created_at < ${f.createdBefore}` : db``}
      ${f.keyMode ? db`and key_mode = ${f.keyMode}` : db``}
      ${f.subject ? db`and subject_hash = ${f.subject} and identity_erased_at is null` : db``}
    order by id desc limit ${f.limit}`;
}

export interface AttemptRow {
  attempt: number;
  channel: string;
  connectorId: string | null;
  status: string;
  errorCode: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export async function listAttempts(db: Db, accountId: string, messageId: string): Promise<AttemptRow[]> {
  return db<AttemptRow[]>`
    select attempt, channel, connector_id as "connectorId", status, error_code as "errorCode",
           started_at as "startedAt", ended_at as "endedAt"
    from message_attempts where account_id = ${accountId} and message_id = ${messageId} order by attempt`;
}
