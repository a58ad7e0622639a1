// Accepting WhatsApp messages: the sender is one of the account's WhatsApp numbers (its first
// by default), the content is stored as sealed JSON like an SMS body. The 24-hour window is a
// send policy (whatsapp-window.ts).
import type { Db } from '../db/pool.ts';
import { createCache } from '../db/cache.ts';
import type { FieldError } from '../http/problem.ts';
import { CONTENT_FIELDS, type TemplateContent, type WhatsAppFields } from '../channels/whatsapp/outbound.ts';
import { renderTemplateText, templateParameterCheck } from '../channels/whatsapp/templates.ts';
import { DEFAULT_FALLBACK_AFTER_SECONDS, type SmsFallback } from './failover.ts';
import type { TemplateRow } from '../channels/whatsapp/template-service.ts';
import type { MessageInput } from './input.ts';

/** The WhatsApp part of a message input, as stored and sent. */
export function whatsAppFieldsOf(input: MessageInput): WhatsAppFields {
  const fields: Record<string, unknown> = {};
  for (const f of [...CONTENT_FIELDS, 'previewUrl'] as const) if (input[f] !== undefined) fields[f] = input[f];
  return fields as WhatsAppFields;
}

/** The account's WhatsApp sender numbers, cached briefly per process. */
export function whatsAppSenders(db: Db, ttlMs = 5000) {
  const cache = createCache<Promise<{ number: string; connectorId: string }[]>>({ ttlMs });
  const load = async (accountId: string) => db<{ number: string; connectorId: string }[]>`
    select number, whatsapp_connector_id as "connectorId" from numbers
    where account_id = ${accountId} and 'whatsapp' = any(channels) and phone_number_id is not null order by number`;
  return async (
    accountId: string,
    from: string | undefined,
    pointer: string,
  ): Promise<{ from: string; connectorId: string } | { error: FieldError }> => {
    const numbers = await cache.get(accountId, () => load(accountId));
    if (numbers.length === 0)
      return {
        error: {
          pointer: `${pointer}/channel`,
          detail: 'this account has no WhatsApp number yet (an operator assigns one)',
        },
      };
    const found = from === undefined ? numbers[0]! : numbers.find((n) => n.number === from);
    return found
      ? { from: found.number, connectorId: found.connectorId }
      : {
          error: {
            pointer: `${pointer}/from`,
            detail: `is not one of this account's WhatsApp numbers (${numbers.map((n) => n.number).join(', ')})`,
          },
        };
  };
}

/** A template message names an APPROVED template of the sender's Business Account and fills its placeholders exactly. */
export function checkTemplate(
  templates: TemplateRow[],
  connectorId: string,
  given: TemplateContent,
  pointer: string,
): { errors: FieldError[]; template?: TemplateRow } {
  const t = templates.find(
    (r) => r.connectorId === connectorId && r.name === given.name && r.language === given.language,
  );
  if (!t)
    return {
      errors: [
        {
          pointer: `${pointer}/template/name`,
          detail: `no template ${given.name} (${given.language}) on this number's Business Account (GET /v1/whatsapp/templates)`,
        },
      ],
    };
  if (t.status !== 'APPROVED')
    return {
      errors: [
        {
          pointer: `${pointer}/template/name`,
          detail: `the template is ${t.status}: only APPROVED templates can be sent`,
        },
      ],
    };
  return {
    errors: templateParameterCheck(t.components, given.components).map((e) => ({
      pointer: `${pointer}${e.pointer}`,
      detail: e.detail,
    })),
    template: t,
  };
}

export type PreparedWhatsApp =
  | { errors: FieldError[] }
  /** channel "auto" for an account without a WhatsApp number: it goes as an SMS. */
  | { sms: true }
  | {
      from: string;
      content: WhatsAppFields & { sms?: SmsFallback };
      fallback: { channels: string[]; afterSeconds: number } | null;
      category: string;
    };

export interface WhatsAppAcceptDeps {
  sender: ReturnType<typeof whatsAppSenders>;
  templates: (accountId: string, fresh?: boolean) => Promise<TemplateRow[]>;
}

/** The sender, the template check, and the SMS a fallback would send (its text, its sender). */
export async function prepareWhatsApp(
  deps: WhatsAppAcceptDeps,
  accountId: string,
  input: MessageInput,
  from: string | undefined,
  smsSender: string | null,
  pointer: string,
): Promise<PreparedWhatsApp> {
  const sender = await deps.sender(accountId, from, pointer);
  if ('error' in sender)
    return input.channel === 'auto' && input.body !== undefined ? { sms: true } : { errors: [sender.error] };
  const fields = whatsAppFieldsOf(input);
  let template: TemplateRow | undefined;
  if (fields.template) {
    // A refusal is checked again without the cache: the template may have been approved a moment ago.
    let check = checkTemplate(await deps.templates(accountId), sender.connectorId, fields.template, pointer);
    if (check.errors.length > 0)
      check = checkTemplate(await deps.templates(accountId, true), sender.connectorId, fields.template, pointer);
    if (check.errors.length > 0) return { errors: check.errors };
    template = check.template;
  }
  // Meta prices a template by its category; anything else is a reply in the window: service.
  const category = template ? template.category.toLowerCase() : 'service';
  const wantsFallback = input.channel === 'auto' || input.fallback !== undefined;
  if (!wantsFallback) return { from: sender.from, content: fields, fallback: null, category };
  const smsText =
    input.fallbackBody ??
    input.body ??
    (template ? renderTemplateText(template.components, fields.template?.components) : '');
  return {
    from: sender.from,
    content: { ...fields, sms: { body: smsText, from: smsSender } },
    fallback: { channels: ['sms'], afterSeconds: input.fallbackAfterSeconds ?? DEFAULT_FALLBACK_AFTER_SECONDS },
    category,
  };
}
