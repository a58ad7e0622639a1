// One message as GET /v1/messages/{id} shows it: the message, its status history and its
// attempts. Also the answer of POST /v1/sandbox/inbound, which finds the message it caused.
import type { Static } from 'typebox';
import type { Context } from '../context.ts';
import type { KeyMode } from '../auth/api-key-format.ts';
import { listObjectEvents } from '../platform/events.ts';
import { getMessage, listAttempts, listMessages, type MessageRow } from './store.ts';
import { messageJson } from './model.ts';
import type { MessageDetailSchema } from './schemas.ts';

export type MessageDetail = Static<typeof MessageDetailSchema>;

export async function decryptBody(ctx: Context, m: MessageRow): Promise<string | null> {
  return m.body ? (await ctx.keyring.decrypt(m.accountId, m.body)).toString('utf8') : null;
}

export async function messageDetail(
  ctx: Context,
  accountId: string,
  id: string,
  keyMode: KeyMode | undefined,
): Promise<MessageDetail | undefined> {
  const m = await getMessage(ctx.sql, accountId, id, { keyMode });
  if (!m) return undefined;
  const [events, attempts] = await Promise.all([
    listObjectEvents(ctx.sql, accountId, m.id),
    listAttempts(ctx.sql, accountId, m.id),
  ]);
  return {
    ...messageJson(m, await decryptBody(ctx, m)),
    events: events.map((e) => ({
      status: String(e.data.status ?? e.type.replace('message.', '')),
      at: e.createdAt.toISOString(),
      channel: (e.data.channel as string | undefined) ?? m.channel,
      connectorId: (e.data.connectorId as string | null | undefined) ?? null,
      errorCode: (e.data.errorCode as string | null | undefined) ?? null,
    })),
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      channel: a.channel,
      connectorId: a.connectorId,
      status: a.status,
      errorCode: a.errorCode,
      startedAt: a.startedAt.toISOString(),
      endedAt: a.endedAt?.toISOString() ?? null,
    })),
  };
}

export interface InboundQuery {
  channel: 'sms' | 'whatsapp';
  from: string;
  to: string;
  keyMode: KeyMode | undefined;
}

/** Ids of the latest inbound messages from `from` to `to`, newest first, with their text. */
export async function latestInbound(
  ctx: Context,
  accountId: string,
  q: InboundQuery,
): Promise<{ id: string; body: string | null }[]> {
  const rows = await listMessages(ctx.sql, accountId, {
    direction: 'inbound',
    channel: q.channel,
    from: q.from,
    to: q.to,
    keyMode: q.keyMode,
    limit: 50,
  });
  return Promise.all(rows.map(async (m) => ({ id: m.id, body: messageJson(m, await decryptBody(ctx, m)).body })));
}
