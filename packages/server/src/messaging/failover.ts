// WhatsApp → SMS failover. A WhatsApp message with `fallback: ["sms"]` (or sent with channel
// "auto") goes back to `queued` as an SMS when WhatsApp fails for good, at once or by a later
// `failed` status, or when nothing is delivered within its time. The contract's rule: an
// attempt that fails with a fallback left does not end the message. Each attempt stays in
// `attempts` and is rated on its own channel.
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { emitEvents } from '../platform/events.ts';
import { analyzeText } from './encoding/analyze.ts';

export const DEFAULT_FALLBACK_AFTER_SECONDS = 300;

/** The SMS a WhatsApp message falls back to, sealed inside its content. */
export interface SmsFallback {
  body: string;
  from: string | null;
}

/** Turns these WhatsApp messages into queued SMS (those still waiting for a fallback); returns their ids. */
export async function failOverToSms(ctx: Context, tx: Tx, messages: { accountId: string; id: string }[], at: Date): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await tx<{ accountId: string; id: string; body: Buffer | null }[]>`
    select account_id as "accountId", id, body from messages
    where (account_id, id) in (select * from unnest(${messages.map((m) => m.accountId)}::text[], ${messages.map((m) => m.id)}::text[]))
      and channel = 'whatsapp' and fallback is not null
    for update`;
  const moved: string[] = [];
  for (const row of rows) {
    const content = row.body ? JSON.parse((await ctx.keyring.decrypt(row.accountId, row.body)).toString('utf8')) as { sms?: SmsFallback } : {};
    if (!content.sms) continue;
    const sms = analyzeText(content.sms.body);
    await tx`
      update messages set channel = 'sms', status = 'queued', body = ${await ctx.keyring.encrypt(row.accountId, sms.text)},
        from_number = coalesce(${content.sms.from}, from_number), encoding = ${sms.encoding}, segments = ${sms.segments}, connector_id = null,
        error_code = null, error_title = null, error_detail = null, fallback = null, fallback_due_at = null, category = null,
        next_attempt_at = ${at}, lease_until = null, leased_by = null, updated_at = ${at}
      where account_id = ${row.accountId} and id = ${row.id}`;
    moved.push(row.id);
  }
  await emitEvents(tx, rows.filter((r) => moved.includes(r.id)).map((r) => ({
    accountId: r.accountId, type: 'message.queued', objectType: 'message', objectId: r.id, at,
    data: { status: 'queued', channel: 'sms', connectorId: null, errorCode: null },
  })));
  return moved;
}

/** Sent WhatsApp messages whose time to be delivered ran out (the leader sweeps every second). */
export async function failOverOverdue(ctx: Context, tx: Tx, at: Date, limit = 500): Promise<number> {
  const due = await tx<{ accountId: string; id: string }[]>`
    select account_id as "accountId", id from messages
    where status = 'sent' and fallback_due_at is not null and fallback_due_at <= ${at}
    order by fallback_due_at limit ${limit}`;
  return (await failOverToSms(ctx, tx, due, at)).length;
}
