// What Meta's webhooks tell us about customers: their messages become `received` messages and
// open the 24-hour window. Statuses of our own messages are whatsapp-statuses.ts.
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { newId } from '../platform/ids.ts';
import { emitEvents } from '../platform/events.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import type { WhatsAppDirectory } from '../channels/whatsapp/directory.ts';
import type { InboundWhatsApp } from '../channels/whatsapp/webhook.ts';
import { insertMessages, type MessageRow } from './store.ts';
import { storeMedia } from '../channels/whatsapp/media.ts';

/** Customers' messages: stored (sealed, like SMS bodies) as `received`; repeats of a wamid are ignored. */
export async function receiveWhatsApp(
  ctx: Context,
  hasher: SubjectHasher,
  directory: WhatsAppDirectory,
  connectorId: string,
  inbound: InboundWhatsApp[],
): Promise<number> {
  let stored = 0;
  for (const m of inbound) {
    const owner = await directory.byPhoneNumberId(connectorId, m.phoneNumberId);
    if (!owner) {
      ctx.log.warn({ connectorId }, 'inbound WhatsApp message to a phone number id no account owns; dropped');
      continue;
    }
    const [seen] =
      await ctx.sql`select 1 from messages where account_id = ${owner.accountId} and channel = 'whatsapp' and direction = 'inbound' and reference = ${m.wamid}`;
    if (seen) continue;
    const id = newId('msg', m.timestamp);
    const row: MessageRow = {
      accountId: owner.accountId,
      id,
      direction: 'inbound',
      channel: 'whatsapp',
      status: 'received',
      keyMode: 'live',
      toNumber: owner.number,
      fromNumber: m.from,
      subjectHash: await hasher.hash(owner.accountId, m.from),
      body: await ctx.keyring.encrypt(
        owner.accountId,
        JSON.stringify(
          await withMediaFile(
            ctx,
            directory,
            connectorId,
            { accountId: owner.accountId, messageId: id },
            m,
            contentOf(m),
          ),
        ),
      ),
      encoding: null,
      segments: null,
      purpose: 'transactional',
      priority: 'normal',
      scheduledAt: null,
      validUntil: null,
      reference: m.wamid,
      metadata: null,
      callbackUrl: null,
      storeContent: true,
      connectorId,
      errorCode: null,
      errorTitle: null,
      errorDetail: null,
      attempts: 0,
      nextAttemptAt: null,
      createdAt: m.timestamp,
      updatedAt: m.timestamp,
    };
    await withTransaction(ctx.sql, async (tx) => {
      await insertMessages(tx, [row]);
      await emitEvents(tx, [
        {
          accountId: owner.accountId,
          type: 'message.received',
          objectType: 'message',
          objectId: row.id,
          at: m.timestamp,
          data: { status: 'received', channel: 'whatsapp', connectorId, errorCode: null },
        },
      ]);
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
async function withMediaFile(
  ctx: Context,
  directory: WhatsAppDirectory,
  connectorId: string,
  owner: { accountId: string; messageId: string },
  m: InboundWhatsApp,
  content: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (!('media' in m)) return content;
  try {
    const client = (await directory.connector(connectorId))?.client;
    if (!client) throw new Error('the connector has no access token');
    const file = await client.downloadMedia(m.media.id);
    const fileId = await storeMedia(ctx, owner.accountId, Buffer.from(file.bytes), {
      name: m.media.filename ?? `${m.kind}-${m.media.id}`,
      contentType: file.mimeType,
      purpose: 'inbound_media',
      messageId: owner.messageId,
    });
    return { media: { ...(content.media as object), fileId } };
  } catch (err) {
    ctx.log.warn({ err, connectorId }, "inbound WhatsApp media not downloaded; the message keeps Meta's media id");
    return { media: { ...(content.media as object), fileId: null } };
  }
}

/** The message as our API shows WhatsApp content: text as `body`, other kinds under their name. */
function contentOf(m: InboundWhatsApp): Record<string, unknown> {
  switch (m.kind) {
    case 'text':
      return { body: m.text };
    case 'interactive':
      return { body: m.reply.title, interactive: { reply: m.reply } };
    case 'button':
      return { body: m.button.text, button: m.button };
    case 'reaction':
      return { reaction: m.reaction };
    case 'location':
      return { location: m.location };
    case 'contacts':
      return { contacts: m.contacts };
    case 'unsupported':
      return { unsupported: m.type };
    default:
      return { media: { kind: m.kind, ...m.media } };
  }
}
