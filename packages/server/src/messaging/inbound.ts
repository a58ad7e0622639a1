// Inbound SMS: a message to one of an account's numbers becomes a `received` message; the
// opt-out keywords update the account's suppression list and are confirmed by reply.
import { analyzeText } from '@cx-engage/encoding';
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { newId } from '../platform/ids.ts';
import { emitEvents } from '../platform/events.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import { insertMessages, type MessageRow } from './store.ts';
import { DEFAULT_REPLIES, keywordOf, type KeywordLists } from './keywords.ts';
import { recordConsents } from '../privacy/consent.ts';
import { contactBySubject } from '../privacy/contacts.ts';
import type { PriceBook } from '../billing/price-book.ts';
import { recordUsage, type Billable } from '../billing/usage.ts';

export interface InboundText {
  from: string;
  to: string;
  text: string;
  connectorId: string | null;
  at: Date;
}

export async function receiveSms(
  ctx: Context,
  hasher: SubjectHasher,
  prices: () => Promise<PriceBook>,
  m: InboundText,
): Promise<string | undefined> {
  const [owner] = await ctx.sql<{ accountId: string; settings: Record<string, unknown> }[]>`
    select n.account_id as "accountId", a.settings from numbers n join accounts a on a.id = n.account_id
    where n.number = ${m.to} and 'sms' = any(n.channels)`;
  if (!owner) {
    ctx.log.warn('inbound SMS to a number no account owns; dropped');
    return undefined;
  }
  const accountId = owner.accountId;
  const subjectHash = await hasher.hash(accountId, m.from);
  const body = await ctx.keyring.encrypt(accountId, m.text);
  const analysis = analyzeText(m.text);
  const row: MessageRow = {
    accountId,
    id: newId('msg', m.at),
    direction: 'inbound',
    channel: 'sms',
    status: 'received',
    keyMode: 'live',
    toNumber: m.to,
    fromNumber: m.from,
    subjectHash,
    body,
    encoding: analysis.encoding,
    segments: analysis.segments,
    purpose: 'transactional',
    priority: 'normal',
    scheduledAt: null,
    validUntil: null,
    reference: null,
    metadata: null,
    callbackUrl: null,
    storeContent: true,
    connectorId: null,
    errorCode: null,
    errorTitle: null,
    errorDetail: null,
    attempts: 0,
    nextAttemptAt: null,
    createdAt: m.at,
    updatedAt: m.at,
  };
  const keyword = keywordOf(m.text, (owner.settings.keywords ?? {}) as KeywordLists);
  const book = await prices();
  // Inbound is billable only where the price list has an inbound price (a premium short code, say).
  const billable: Billable = {
    accountId,
    messageId: row.id,
    keyMode: 'live',
    channel: 'sms',
    direction: 'inbound',
    number: m.from,
    connectorId: m.connectorId,
    units: 1,
    at: m.at,
  };
  const priced = book.billed(accountId) && book.priceOf(billable) !== undefined;
  await withTransaction(ctx.sql, async (tx) => {
    await insertMessages(tx, [row]);
    if (priced) await recordUsage(tx, book, [billable]);
    await emitEvents(tx, [
      {
        accountId,
        type: 'message.received',
        objectType: 'message',
        objectId: row.id,
        at: m.at,
        data: { status: 'received', channel: 'sms', connectorId: null, errorCode: null },
      },
    ]);
    if (!keyword) return;
    if (keyword === 'stop') {
      await tx`insert into suppressions (account_id, subject_hash, channel, reason, created_at)
               values (${accountId}, ${subjectHash}, 'sms', 'stop_keyword', ${m.at}) on conflict do nothing`;
    } else if (keyword === 'start') {
      await tx`delete from suppressions where account_id = ${accountId} and subject_hash = ${subjectHash} and channel = 'sms'`;
    }
    if (keyword !== 'help') {
      // The keyword is also the person's word on SMS marketing, with the message as evidence.
      const contact = (await contactBySubject(tx, accountId, subjectHash))!;
      await recordConsents(tx, ctx.keyring, [
        {
          accountId,
          subjectHash,
          contactId: contact.id,
          channel: 'sms',
          purpose: 'marketing',
          action: keyword === 'stop' ? 'withdrawn' : 'granted',
          source: 'keyword',
          evidence: `inbound message ${row.id}`,
          actor: { type: 'system', id: 'keyword' },
          at: m.at,
        },
      ]);
    }
    const replies = (owner.settings.keywordReplies ?? {}) as Partial<typeof DEFAULT_REPLIES>;
    const help = typeof owner.settings.helpText === 'string' ? owner.settings.helpText : undefined;
    const text =
      keyword === 'help'
        ? (help ?? replies.help ?? DEFAULT_REPLIES.help)
        : (replies[keyword] ?? DEFAULT_REPLIES[keyword]);
    await queueReply(ctx, tx, { ...row, subjectHash }, text, m.at);
  });
  return row.id;
}

/** The confirmation goes out even to a number that just opted out: it is the last message. */
async function queueReply(ctx: Context, tx: Tx, inbound: MessageRow, text: string, at: Date): Promise<void> {
  const analysis = analyzeText(text);
  const reply: MessageRow = {
    ...inbound,
    id: newId('msg', at),
    direction: 'outbound',
    status: 'queued',
    toNumber: inbound.fromNumber!,
    fromNumber: inbound.toNumber,
    body: await ctx.keyring.encrypt(inbound.accountId, text),
    encoding: analysis.encoding,
    segments: analysis.segments,
    priority: 'high',
    nextAttemptAt: at,
    reference: `reply:${inbound.id}`,
  };
  await insertMessages(tx, [reply]);
  await emitEvents(tx, [
    {
      accountId: reply.accountId,
      type: 'message.queued',
      objectType: 'message',
      objectId: reply.id,
      at,
      data: { status: 'queued', channel: 'sms', connectorId: null, errorCode: null },
    },
  ]);
}

export interface TestInbound {
  accountId: string;
  channel: 'sms' | 'whatsapp';
  from: string;
  to: string;
  text: string;
  at: Date;
}

/**
 * A test key's simulated inbound message (POST /v1/sandbox/inbound): recorded at once as a
 * test-mode `received` message, so the test key lists it and only test webhook endpoints get its
 * message.received. It skips the simulators because SMPP and Meta's webhook carry no key mode,
 * and it changes nothing live: not billed, no keywords (STOP would touch the account's real
 * suppressions and consents), no WhatsApp customer-service window.
 */
export async function receiveTestInbound(ctx: Context, hasher: SubjectHasher, m: TestInbound): Promise<string> {
  const sms = m.channel === 'sms' ? analyzeText(m.text) : undefined;
  const content = sms ? m.text : JSON.stringify({ body: m.text });
  const row: MessageRow = {
    accountId: m.accountId,
    id: newId('msg', m.at),
    direction: 'inbound',
    channel: m.channel,
    status: 'received',
    keyMode: 'test',
    toNumber: m.to,
    fromNumber: m.from,
    subjectHash: await hasher.hash(m.accountId, m.from),
    body: await ctx.keyring.encrypt(m.accountId, content),
    encoding: sms?.encoding ?? null,
    segments: sms?.segments ?? null,
    purpose: 'transactional',
    priority: 'normal',
    scheduledAt: null,
    validUntil: null,
    reference: null,
    metadata: null,
    callbackUrl: null,
    storeContent: true,
    connectorId: null,
    errorCode: null,
    errorTitle: null,
    errorDetail: null,
    attempts: 0,
    nextAttemptAt: null,
    createdAt: m.at,
    updatedAt: m.at,
  };
  await withTransaction(ctx.sql, async (tx) => {
    await insertMessages(tx, [row]);
    await emitEvents(tx, [
      {
        accountId: m.accountId,
        type: 'message.received',
        objectType: 'message',
        objectId: row.id,
        at: m.at,
        data: { status: 'received', channel: m.channel, connectorId: null, errorCode: null },
      },
    ]);
  });
  return row.id;
}
