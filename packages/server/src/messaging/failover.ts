// WhatsApp → SMS failover. A WhatsApp message with `fallback: ["sms"]` (or sent with channel
// "auto") goes back to `queued` as an SMS when WhatsApp fails for good, at once or by a later
// `failed` status, or when nothing is delivered within its time. The contract's rule: an
// attempt that fails with a fallback left does not end the message. Each attempt stays in
// `attempts` and is rated on its own channel. The SMS passes the send policies as an SMS.
import { analyzeText } from '@cx-engage/encoding';
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { jsonb } from '../db/json.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import type { SendPolicyEngine } from '../send-policy/engine.ts';
import type { Candidate, Verdict } from '../send-policy/policy.ts';
import type { MessageError } from './model.ts';

export const DEFAULT_FALLBACK_AFTER_SECONDS = 300;

/** The SMS a WhatsApp message falls back to, sealed inside its content. */
export interface SmsFallback {
  body: string;
  from: string | null;
}

/**
 * Turns these WhatsApp messages (those still waiting for a fallback) into SMS. Each SMS passes
 * the send policies as an SMS, once (consent for SMS, fraud, money, the SMS limit): it is
 * queued, or rejected, held or scheduled as they say. Returns the ids that became SMS.
 */
export async function failOverToSms(
  ctx: Context,
  tx: Tx,
  policies: SendPolicyEngine,
  messages: { accountId: string; id: string }[],
  at: Date,
): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await tx<FallbackRow[]>`
    select account_id as "accountId", id, body, key_mode as "keyMode", to_number as "toNumber", from_number as "fromNumber",
      subject_hash as "subjectHash", purpose
    from messages
    where (account_id, id) in (select * from unnest(${messages.map((m) => m.accountId)}::text[], ${messages.map((m) => m.id)}::text[]))
      and channel = 'whatsapp' and fallback is not null
    for update`;
  const sms: { row: FallbackRow; candidate: Candidate; content: SmsFallback }[] = [];
  for (const row of rows) {
    const content = row.body
      ? (JSON.parse((await ctx.keyring.decrypt(row.accountId, row.body)).toString('utf8')) as { sms?: SmsFallback })
      : {};
    if (!content.sms) continue;
    const text = analyzeText(content.sms.body).text;
    const candidate: Candidate = {
      accountId: row.accountId,
      messageId: row.id,
      channel: 'sms',
      keyMode: row.keyMode,
      toNumber: row.toNumber,
      fromNumber: content.sms.from ?? row.fromNumber,
      subjectHash: row.subjectHash,
      purpose: row.purpose,
      text,
      whatsAppKind: null,
      canFailOver: false,
      sendAt: null,
    };
    sms.push({ row, candidate, content: content.sms });
  }
  const judgements = await policies.judge(
    tx,
    sms.map((s) => s.candidate),
    at,
  );
  const events: NewEvent[] = [];
  for (const { row, candidate, content } of sms) {
    const j = judgements.get(candidate) ?? {};
    const next = statusAfter(j.verdict);
    const encoded = analyzeText(content.body);
    await tx`
      update messages set channel = 'sms', status = ${next.status}, body = ${await ctx.keyring.encrypt(row.accountId, encoded.text)},
        from_number = ${j.sender ?? candidate.fromNumber}, encoding = ${encoded.encoding}, segments = ${encoded.segments}, connector_id = null,
        error_code = ${next.error?.code ?? null}, error_title = ${next.error?.title ?? null}, error_detail = ${next.error?.detail ?? null},
        hold_reason = ${next.holdReason ?? null}, scheduled_at = coalesce(${next.until ?? null}, scheduled_at),
        sms_cycle = ${j.smsCycle ?? null}, fraud = coalesce(${j.fraud ? jsonb(tx, j.fraud) : null}, fraud),
        fallback = null, fallback_due_at = null, category = null,
        next_attempt_at = ${next.status === 'queued' ? at : null}, lease_until = null, leased_by = null, updated_at = ${at}
      where account_id = ${row.accountId} and id = ${row.id}`;
    events.push({
      accountId: row.accountId,
      type: `message.${next.status}`,
      objectType: 'message',
      objectId: row.id,
      at,
      data: { status: next.status, channel: 'sms', connectorId: null, errorCode: next.error?.code ?? null },
    });
  }
  await emitEvents(tx, events);
  return sms.map((s) => s.row.id);
}

interface FallbackRow {
  accountId: string;
  id: string;
  body: Buffer | null;
  keyMode: 'live' | 'test';
  toNumber: string;
  fromNumber: string | null;
  subjectHash: Buffer;
  purpose: string;
}

function statusAfter(v: Verdict | undefined): {
  status: string;
  error?: MessageError;
  holdReason?: string;
  until?: Date;
} {
  switch (v?.kind) {
    case 'refuse':
      return { status: 'rejected', error: v.error };
    case 'hold':
      return { status: 'held', holdReason: v.reason };
    case 'defer':
      return { status: 'scheduled', until: v.until };
    default:
      return { status: 'queued' };
  }
}

/** Sent WhatsApp messages whose time to be delivered ran out (the leader sweeps every second). */
export async function failOverOverdue(
  ctx: Context,
  tx: Tx,
  policies: SendPolicyEngine,
  at: Date,
  limit = 500,
): Promise<number> {
  const due = await tx<{ accountId: string; id: string }[]>`
    select account_id as "accountId", id from messages
    where status = 'sent' and fallback_due_at is not null and fallback_due_at <= ${at}
    order by fallback_due_at limit ${limit}`;
  return (await failOverToSms(ctx, tx, policies, due, at)).length;
}
