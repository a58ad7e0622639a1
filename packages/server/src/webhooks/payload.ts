// Webhook bodies are built at delivery time (event rows never hold message content):
// `{ type, timestamp, data }`, data = the object's current snapshot plus the event's sequence.
import type { Context } from '../context.ts';
import { messageColumns, type MessageRow } from '../messaging/store.ts';
import { messageJson } from '../messaging/model.ts';
import { recordset } from '../db/recordset.ts';

export interface EventRef {
  accountId: string;
  eventId: string;
  eventType: string;
  objectType: string;
  objectId: string;
  sequence: number;
  data: Record<string, unknown>;
  eventAt: Date;
}

/** One JSON body per event id; several deliveries of one event share it. */
export async function buildPayloads(ctx: Context, events: EventRef[]): Promise<Map<string, string>> {
  const messageKeys = [
    ...new Map(
      events.filter((e) => e.objectType === 'message').map((e) => [`${e.accountId} ${e.objectId}`, e]),
    ).values(),
  ];
  const messages = new Map<string, MessageRow>();
  if (messageKeys.length) {
    const rows = await ctx.sql<MessageRow[]>`
      select ${messageColumns(ctx.sql)} from messages
      where (account_id, id) in (select k.account_id, k.id
        from ${recordset(
          ctx.sql,
          messageKeys.map((e) => ({ account_id: e.accountId, id: e.objectId })),
          { account_id: 'text', id: 'text' },
          'k',
        )})`;
    for (const r of rows) messages.set(`${r.accountId} ${r.id}`, r);
  }
  const snapshots = new Map<string, Record<string, unknown>>();
  await Promise.all(
    [...messages.entries()].map(async ([key, m]) => {
      const body = m.body ? (await ctx.keyring.decrypt(m.accountId, m.body)).toString('utf8') : null;
      snapshots.set(key, { ...messageJson(m, body) });
    }),
  );
  const out = new Map<string, string>();
  for (const e of events) {
    if (out.has(e.eventId)) continue;
    // An object gone since (e.g. erased) is described by what the event itself recorded.
    const snapshot = snapshots.get(`${e.accountId} ${e.objectId}`) ?? { id: e.objectId, ...e.data };
    out.set(
      e.eventId,
      JSON.stringify({
        type: e.eventType,
        timestamp: e.eventAt.toISOString(),
        data: { ...snapshot, sequence: e.sequence },
      }),
    );
  }
  return out;
}
