// Accepting WhatsApp messages: the sender is one of the account's WhatsApp numbers (its first
// by default), the content is stored as sealed JSON like an SMS body, and free-form content
// outside the 24-hour customer-service window is `rejected` (whatsapp_window_closed) before
// anything is sent: only templates may open a conversation (Meta's rule).
import type { Db } from '../db/pool.ts';
import type { FieldError } from '../http/problem.ts';
import { CONTENT_FIELDS, type WhatsAppFields } from '../channels/whatsapp/outbound.ts';
import type { MessageInput } from './input.ts';
import type { MessageRow } from './store.ts';

export const WINDOW_CLOSED = {
  code: 'whatsapp_window_closed',
  title: 'The 24-hour WhatsApp window is closed',
  detail: 'the customer has not written to this number in the last 24 hours: only an approved template can be sent',
};
export const WINDOW_MS = 24 * 3_600_000;

/** The WhatsApp part of a message input, as stored and sent. */
export function whatsAppFieldsOf(input: MessageInput): WhatsAppFields {
  const fields: Record<string, unknown> = {};
  for (const f of [...CONTENT_FIELDS, 'previewUrl'] as const) if (input[f] !== undefined) fields[f] = input[f];
  return fields as WhatsAppFields;
}

/** The account's WhatsApp sender numbers, cached briefly per process. */
export function whatsAppSenders(db: Db, ttlMs = 5000) {
  const cache = new Map<string, { at: number; numbers: Promise<string[]> }>();
  return async (accountId: string, from: string | undefined, pointer: string): Promise<{ from: string } | { error: FieldError }> => {
    let entry = cache.get(accountId);
    if (!entry || Date.now() - entry.at > ttlMs) {
      entry = { at: Date.now(), numbers: db<{ number: string }[]>`
        select number from numbers where account_id = ${accountId} and 'whatsapp' = any(channels) and phone_number_id is not null order by number`
        .then((rows) => rows.map((r) => r.number)) };
      cache.set(accountId, entry);
    }
    const numbers = await entry.numbers;
    if (numbers.length === 0) return { error: { pointer: `${pointer}/channel`, detail: 'this account has no WhatsApp number yet (an operator assigns one)' } };
    if (from === undefined) return { from: numbers[0]! };
    return numbers.includes(from) ? { from } : { error: { pointer: `${pointer}/from`, detail: `is not one of this account's WhatsApp numbers (${numbers.join(', ')})` } };
  };
}

/** Rejects free-form WhatsApp rows whose customer has not written in 24 hours; one query per group. */
export async function applyWhatsAppWindow(db: Db, rows: MessageRow[], kinds: WeakMap<MessageRow, string>, at: Date): Promise<void> {
  const freeForm = rows.filter((r) => r.channel === 'whatsapp' && r.status !== 'rejected' && kinds.get(r) !== 'template');
  if (freeForm.length === 0) return;
  const open = await db<{ accountId: string; business: string; customer: string }[]>`
    select w.account_id as "accountId", w.business_number as business, w.customer_number as customer
    from whatsapp_windows w
    join unnest(${freeForm.map((r) => r.accountId)}::text[], ${freeForm.map((r) => r.fromNumber ?? '')}::text[], ${freeForm.map((r) => r.toNumber)}::text[])
      as c(account_id, business, customer) on w.account_id = c.account_id and w.business_number = c.business and w.customer_number = c.customer
    where w.last_inbound_at > ${new Date(at.getTime() - WINDOW_MS)}`;
  const inWindow = new Set(open.map((o) => `${o.accountId}|${o.business}|${o.customer}`));
  for (const row of freeForm) {
    if (inWindow.has(`${row.accountId}|${row.fromNumber}|${row.toNumber}`)) continue;
    Object.assign(row, { status: 'rejected', nextAttemptAt: null, errorCode: WINDOW_CLOSED.code, errorTitle: WINDOW_CLOSED.title, errorDetail: WINDOW_CLOSED.detail });
  }
}

