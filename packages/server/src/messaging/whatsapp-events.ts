// What Meta's webhooks tell us: status updates of our outbound WhatsApp messages (matched by
// wamid, with the contract's precedence: duplicates and late arrivals are events only), and
// customers' messages, which become `received` messages and open the 24-hour window.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { newId } from '../platform/ids.ts';
import { emitEvents } from '../platform/events.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import type { WhatsAppDirectory } from '../channels/whatsapp/directory.ts';
import type { InboundWhatsApp, StatusUpdate } from '../channels/whatsapp/webhook.ts';
import { smscIdKey } from '../channels/link.ts';
import { applyStatusChanges, type StatusChange } from './status.ts';
import { insertMessages, type MessageRow } from './store.ts';
import { WINDOW_CLOSED, whatsAppFailed } from './problems.ts';
import { failOverToSms } from './failover.ts';
import type { SendPolicyEngine } from '../send-policy/engine.ts';
import { storeMedia } from '../channels/whatsapp/media.ts';

/** Applies statuses; returns those whose message is not known (yet): the caller may try again. */
export async function applyWhatsAppStatuses(ctx: Context, policies: SendPolicyEngine, connectorId: string, statuses: StatusUpdate[]): Promise<StatusUpdate[]> {
  if (statuses.length === 0) return [];
  return withTransaction(ctx.sql, async (tx) => {
    const parts = await tx<{ accountId: string; messageId: string; smscId: string; fallback: boolean }[]>`
      select p.account_id as "accountId", p.message_id as "messageId", p.smsc_id as "smscId", m.fallback is not null and m.channel = 'whatsapp' as fallback
      from message_parts p join messages m on m.account_id = p.account_id and m.id = p.message_id
      where p.connector_id = ${connectorId} and p.smsc_id = any(${statuses.map((s) => smscIdKey(s.wamid))})`;
    const byWamid = new Map(parts.map((p) => [p.smscId, p]));
    const changes: StatusChange[] = [];
    const unknown: StatusUpdate[] = [];
    const failover: { accountId: string; id: string }[] = [];
    for (const s of statuses) {
      const part = byWamid.get(smscIdKey(s.wamid));
      if (!part) {
        unknown.push(s);
        continue;
      }
      const error = s.status === 'failed' ? s.errors[0] : undefined;
      // 131047 (re-engagement needed) is our own whatsapp_window_closed, learned late.
      const mapped = error && (error.code === 131047 ? WINDOW_CLOSED : whatsAppFailed(error.code, error.title, error.message ?? error.details ?? error.title));
      if (s.status === 'failed' && part.fallback) {
        // SMS is left to try: the WhatsApp attempt failed, the message goes on (failover.ts).
        await tx`update message_attempts set status = 'failed', error_code = ${mapped?.code ?? null}, ended_at = ${s.timestamp}
                 where account_id = ${part.accountId} and message_id = ${part.messageId} and channel = 'whatsapp' and connector_id = ${connectorId}`;
        failover.push({ accountId: part.accountId, id: part.messageId });
        continue;
      }
      changes.push({ accountId: part.accountId, messageId: part.messageId, status: s.status, channel: 'whatsapp', connectorId, at: s.timestamp, ...(mapped && { error: mapped }) });
    }
    await applyStatusChanges(tx, changes);
    await failOverToSms(ctx, tx, policies, failover, ctx.clock.now());
    return unknown;
  });
}

/** Customers' messages: stored (sealed, like SMS bodies) as `received`; repeats of a wamid are ignored. */
export async function receiveWhatsApp(ctx: Context, hasher: SubjectHasher, directory: WhatsAppDirectory, connectorId: string, inbound: InboundWhatsApp[]): Promise<number> {
  let stored = 0;
  for (const m of inbound) {
    const owner = await directory.byPhoneNumberId(connectorId, m.phoneNumberId);
    if (!owner) {
      ctx.log.warn({ connectorId }, 'inbound WhatsApp message to a phone number id no account owns; dropped');
      continue;
    }
    const [seen] = await ctx.sql`select 1 from messages where account_id = ${owner.accountId} and channel = 'whatsapp' and direction = 'inbound' and reference = ${m.wamid}`;
    if (seen) continue;
    const id = newId('msg', m.timestamp);
    const row: MessageRow = {
      accountId: owner.accountId, id, direction: 'inbound', channel: 'whatsapp', status: 'received', keyMode: 'live',
      toNumber: owner.number, fromNumber: m.from, subjectHash: await hasher.hash(owner.accountId, m.from),
      body: await ctx.keyring.encrypt(owner.accountId, JSON.stringify(await withMediaFile(ctx, directory, connectorId, { accountId: owner.accountId, messageId: id }, m, contentOf(m)))),
      encoding: null, segments: null,
      purpose: 'transactional', priority: 'normal', scheduledAt: null, validUntil: null, reference: m.wamid, metadata: null,
      callbackUrl: null, storeContent: true, connectorId, errorCode: null, errorTitle: null, errorDetail: null,
      attempts: 0, nextAttemptAt: null, createdAt: m.timestamp, updatedAt: m.timestamp,
    };
    await withTransaction(ctx.sql, async (tx) => {
      await insertMessages(tx, [row]);
      await emitEvents(tx, [{ accountId: owner.accountId, type: 'message.received', objectType: 'message', objectId: row.id, at: m.timestamp, data: { status: 'received', channel: 'whatsapp', connectorId, errorCode: null } }]);
      // Any message from the customer opens (or extends) the 24-hour customer-service window.
      await tx`insert into whatsapp_windows (account_id, business_number, customer_number, last_inbound_at)
               values (${owner.accountId}, ${owner.number}, ${m.from}, ${m.timestamp})
               on conflict (account_id, business_number, customer_number) do update
               set last_inbound_at = greatest(whatsapp_windows.last_inbound_at, excluded.last_inbound_at)`;
    });
    stored++;
  }
  return stored;
}

/** Media a customer sent: fetched from Meta now (its links expire) into our files, sealed. */
async function withMediaFile(ctx: Context, directory: WhatsAppDirectory, connectorId: string, owner: { accountId: string; messageId: string }, m: InboundWhatsApp, content: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!('media' in m)) return content;
  try {
    const client = (await directory.connector(connectorId))?.client;
    if (!client) throw new Error('the connector has no access token');
    const file = await client.downloadMedia(m.media.id);
    const fileId = await storeMedia(ctx, owner.accountId, Buffer.from(file.bytes), {
      name: m.media.filename ?? `${m.kind}-${m.media.id}`, contentType: file.mimeType, purpose: 'inbound_media', messageId: owner.messageId,
    });
    return { media: { ...(content.media as object), fileId } };
  } catch (err) {
    ctx.log.warn({ err, connectorId }, 'inbound WhatsApp media not downloaded; the message keeps Meta\'s media id');
    return { media: { ...(content.media as object), fileId: null } };
  }
}

/** The message as our API shows WhatsApp content: text as `body`, other kinds under their name. */
function contentOf(m: InboundWhatsApp): Record<string, unknown> {
  switch (m.kind) {
    case 'text': return { body: m.text };
    case 'interactive': return { body: m.reply.title, interactive: { reply: m.reply } };
    case 'button': return { body: m.button.text, button: m.button };
    case 'reaction': return { reaction: m.reaction };
    case 'location': return { location: m.location };
    case 'contacts': return { contacts: m.contacts };
    case 'unsupported': return { unsupported: m.type };
    default: return { media: { kind: m.kind, ...m.media } };
  }
}
