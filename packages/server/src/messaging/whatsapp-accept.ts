// Accepting WhatsApp messages: the sender is one of the account's WhatsApp numbers (its first
// by default), the content is stored as sealed JSON like an SMS body, and free-form content
// outside the 24-hour customer-service window is `rejected` (whatsapp_window_closed) before
// anything is sent: only templates may open a conversation (Meta's rule).
import type { Db } from '../db/pool.ts';
import { ttlCache } from '../platform/ttl-cache.ts';
import type { FieldError } from '../http/problem.ts';
import { CONTENT_FIELDS, type TemplateContent, type WhatsAppFields } from '../channels/whatsapp/outbound.ts';
import { renderTemplateText, templateParameterCheck } from '../channels/whatsapp/templates.ts';
import { DEFAULT_FALLBACK_AFTER_SECONDS, type SmsFallback } from './failover.ts';
import type { TemplateRow } from '../channels/whatsapp/template-service.ts';
import type { MessageInput } from './input.ts';
import type { MessageRow } from './store.ts';
import { rejectMessage } from './errors.ts';
import { currentGrants, enforcingAccounts, WHATSAPP_OPTIN } from '../privacy/consent.ts';

export const WINDOW_CLOSED = {
  code: 'whatsapp_window_closed',
  title: 'The 24-hour WhatsApp window is closed',
  detail: 'the customer has not written to this number in the last 24 hours: only an approved template can be sent',
};
export const WINDOW_MS = 24 * 3_600_000;
export const NO_OPT_IN = {
  code: 'no_consent',
  title: 'No WhatsApp opt-in',
  detail: "a template that opens a conversation needs the customer's WhatsApp opt-in (PUT /v1/whatsapp/opt-ins/{number}) when the account enforces consent",
};

/** The WhatsApp part of a message input, as stored and sent. */
export function whatsAppFieldsOf(input: MessageInput): WhatsAppFields {
  const fields: Record<string, unknown> = {};
  for (const f of [...CONTENT_FIELDS, 'previewUrl'] as const) if (input[f] !== undefined) fields[f] = input[f];
  return fields as WhatsAppFields;
}

/** The account's WhatsApp sender numbers, cached briefly per process. */
export function whatsAppSenders(db: Db, ttlMs = 5000) {
  const cache = ttlCache(ttlMs, (accountId) => db<{ number: string; connectorId: string }[]>`
    select number, whatsapp_connector_id as "connectorId" from numbers
    where account_id = ${accountId} and 'whatsapp' = any(channels) and phone_number_id is not null order by number`);
  return async (accountId: string, from: string | undefined, pointer: string): Promise<{ from: string; connectorId: string } | { error: FieldError }> => {
    const numbers = await cache.get(accountId);
    if (numbers.length === 0) return { error: { pointer: `${pointer}/channel`, detail: 'this account has no WhatsApp number yet (an operator assigns one)' } };
    const found = from === undefined ? numbers[0]! : numbers.find((n) => n.number === from);
    return found ? { from: found.number, connectorId: found.connectorId }
      : { error: { pointer: `${pointer}/from`, detail: `is not one of this account's WhatsApp numbers (${numbers.map((n) => n.number).join(', ')})` } };
  };
}

/** A template message names an APPROVED template of the sender's Business Account and fills its placeholders exactly. */
export function checkTemplate(templates: TemplateRow[], connectorId: string, given: TemplateContent, pointer: string): { errors: FieldError[]; template?: TemplateRow } {
  const t = templates.find((r) => r.connectorId === connectorId && r.name === given.name && r.language === given.language);
  if (!t) return { errors: [{ pointer: `${pointer}/template/name`, detail: `no template ${given.name} (${given.language}) on this number's Business Account (GET /v1/whatsapp/templates)` }] };
  if (t.status !== 'APPROVED') return { errors: [{ pointer: `${pointer}/template/name`, detail: `the template is ${t.status}: only APPROVED templates can be sent` }] };
  return { errors: templateParameterCheck(t.components, given.components).map((e) => ({ pointer: `${pointer}${e.pointer}`, detail: e.detail })), template: t };
}

export type PreparedWhatsApp =
  | { errors: FieldError[] }
  /** channel "auto" for an account without a WhatsApp number: it goes as an SMS. */
  | { sms: true }
  | { from: string; content: WhatsAppFields & { sms?: SmsFallback }; fallback: { channels: string[]; afterSeconds: number } | null; category: string };

export interface WhatsAppAcceptDeps {
  sender: ReturnType<typeof whatsAppSenders>;
  templates: (accountId: string, fresh?: boolean) => Promise<TemplateRow[]>;
}

/** The sender, the template check, and the SMS a fallback would send (its text, its sender). */
export async function prepareWhatsApp(deps: WhatsAppAcceptDeps, accountId: string, input: MessageInput, from: string | undefined, smsSender: string | null, pointer: string): Promise<PreparedWhatsApp> {
  const sender = await deps.sender(accountId, from, pointer);
  if ('error' in sender) return input.channel === 'auto' && input.body !== undefined ? { sms: true } : { errors: [sender.error] };
  const fields = whatsAppFieldsOf(input);
  let template: TemplateRow | undefined;
  if (fields.template) {
    // A refusal is checked again without the cache: the template may have been approved a moment ago.
    let check = checkTemplate(await deps.templates(accountId), sender.connectorId, fields.template, pointer);
    if (check.errors.length > 0) check = checkTemplate(await deps.templates(accountId, true), sender.connectorId, fields.template, pointer);
    if (check.errors.length > 0) return { errors: check.errors };
    template = check.template;
  }
  // Meta prices a template by its category; anything else is a reply in the window: service.
  const category = template ? template.category.toLowerCase() : 'service';
  const wantsFallback = input.channel === 'auto' || input.fallback !== undefined;
  if (!wantsFallback) return { from: sender.from, content: fields, fallback: null, category };
  const smsText = input.fallbackBody ?? input.body ?? (template ? renderTemplateText(template.components, fields.template?.components) : '');
  return {
    from: sender.from,
    content: { ...fields, sms: { body: smsText, from: smsSender } },
    fallback: { channels: ['sms'], afterSeconds: input.fallbackAfterSeconds ?? DEFAULT_FALLBACK_AFTER_SECONDS },
    category,
  };
}

/**
 * Outside the 24-hour window (the customer has not written in a day), WhatsApp allows only
 * templates, and the contract's consent rule asks a WhatsApp opt-in for them when the account
 * enforces consent; replies inside the window need neither. A row that breaks a rule is
 * `rejected`, or, with an SMS fallback, returned so the caller turns it into an SMS once stored.
 * Two queries per group at most.
 */
export async function applyWhatsAppWindow(db: Db, rows: MessageRow[], kinds: WeakMap<MessageRow, string>, at: Date): Promise<MessageRow[]> {
  const whatsapp = rows.filter((r) => r.channel === 'whatsapp' && r.status !== 'rejected');
  if (whatsapp.length === 0) return [];
  const inWindow = await inOpenWindow(db, whatsapp, at);
  const outside = whatsapp.filter((r) => !inWindow.has(r));
  const withoutOptIn = await lackingOptIn(db, outside.filter((r) => kinds.get(r) === 'template'));
  const toSms: MessageRow[] = [];
  for (const row of outside) {
    const broken = kinds.get(row) !== 'template' ? WINDOW_CLOSED : withoutOptIn.has(row) ? NO_OPT_IN : null;
    if (!broken) continue;
    if (row.fallback) toSms.push(row);
    else rejectMessage(row, broken);
  }
  return toSms;
}

/** The WhatsApp messages that answer a customer who wrote to their sender number in the last 24 hours. */
export async function inOpenWindow(db: Db, rows: MessageRow[], at: Date): Promise<Set<MessageRow>> {
  if (rows.length === 0) return new Set();
  const open = await db<{ key: string }[]>`
    select w.account_id || '|' || w.business_number || '|' || w.customer_number as key from whatsapp_windows w
    join unnest(${rows.map((r) => r.accountId)}::text[], ${rows.map((r) => r.fromNumber ?? '')}::text[], ${rows.map((r) => r.toNumber)}::text[])
      as c(account_id, business, customer) on w.account_id = c.account_id and w.business_number = c.business and w.customer_number = c.customer
    where w.last_inbound_at > ${new Date(at.getTime() - WINDOW_MS)}`;
  const keys = new Set(open.map((o) => o.key));
  return new Set(rows.filter((r) => keys.has(`${r.accountId}|${r.fromNumber}|${r.toNumber}`)));
}

/** Business-initiated templates of accounts that enforce consent, to customers without a current opt-in. */
async function lackingOptIn(db: Db, templates: MessageRow[]): Promise<Set<MessageRow>> {
  if (templates.length === 0) return new Set();
  const enforcing = await enforcingAccounts(db, templates.map((r) => r.accountId));
  const checked = templates.filter((r) => enforcing.has(r.accountId));
  const granted = await currentGrants(db, checked, 'whatsapp', [WHATSAPP_OPTIN]);
  return new Set(checked.filter((r) => !granted.has(`${r.accountId}|${r.subjectHash.toString('hex')}|${WHATSAPP_OPTIN}`)));
}
