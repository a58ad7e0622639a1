// The message input: its schema (validation and OpenAPI) and the checks a schema cannot
// express (E.164 validity, sender shapes, times relative to now).
import { Type, type Static } from 'typebox';
import type { FieldError } from '../http/problem.ts';
import { normalizeE164, senderKind } from '../platform/phone.ts';
import { validateWhatsAppContent } from '../channels/whatsapp/validate.ts';
import { literalUrlRefusal } from '../webhooks/ssrf.ts';

const WHATSAPP_ONLY = [
  'previewUrl',
  'template',
  'media',
  'interactive',
  'reaction',
  'location',
  'fallback',
  'fallbackBody',
  'fallbackAfterSeconds',
] as const;

export const MessageInput = Type.Object(
  {
    to: Type.String({ minLength: 1, maxLength: 32, description: 'E.164 number, e.g. +4915112345678' }),
    from: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        description: 'alphanumeric sender (≤ 11), short code or E.164 number; default: the account default sender',
      }),
    ),
    channel: Type.Optional(
      Type.Union([Type.Literal('sms'), Type.Literal('whatsapp'), Type.Literal('auto')], { default: 'sms' }),
    ),
    body: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 4096,
        description: 'the text: required for SMS (up to 1,600 characters), a WhatsApp text message (up to 4,096)',
      }),
    ),
    previewUrl: Type.Optional(Type.Boolean({ description: 'WhatsApp text: show a preview of the first URL' })),
    template: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          description: "WhatsApp: an approved template { name, language, components } (Meta's shape, camelCase)",
        },
      ),
    ),
    media: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          description: 'WhatsApp: { kind: image|document|audio|video|sticker, url | id, caption?, filename? }',
        },
      ),
    ),
    interactive: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'WhatsApp: reply buttons or a list' }),
    ),
    reaction: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'WhatsApp: { messageId, emoji }' }),
    ),
    location: Type.Optional(
      Type.Object(
        {},
        { additionalProperties: true, description: 'WhatsApp: { latitude, longitude, name?, address? }' },
      ),
    ),
    fallback: Type.Optional(
      Type.Array(Type.Literal('sms'), {
        minItems: 1,
        maxItems: 1,
        description: 'WhatsApp: go by SMS if WhatsApp fails for good or nothing is delivered in time',
      }),
    ),
    fallbackBody: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1600,
        description: 'the SMS text for a fallback (default: the text, or the rendered template)',
      }),
    ),
    fallbackAfterSeconds: Type.Optional(
      Type.Integer({
        minimum: 10,
        maximum: 86400,
        description: 'fail over when not delivered within this time (default 300)',
      }),
    ),
    purpose: Type.Optional(
      Type.Union([Type.Literal('transactional'), Type.Literal('marketing'), Type.Literal('otp')], {
        default: 'transactional',
      }),
    ),
    priority: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('high')], { default: 'normal' })),
    scheduledAt: Type.Optional(Type.String({ format: 'date-time' })),
    validUntil: Type.Optional(Type.String({ format: 'date-time' })),
    reference: Type.Optional(Type.String({ maxLength: 256 })),
    metadata: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 500 }), { maxProperties: 20 }),
    ),
    callbackUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 2048 })),
    storeContent: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type MessageInput = Static<typeof MessageInput>;

/** Scheduling further ahead than this is almost certainly a mistake (ms vs s, wrong year). */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600_000;

export interface CheckedInput {
  to: string;
  from: string | undefined;
  scheduledAt: Date | undefined;
  validUntil: Date | undefined;
}

/** How a callbackUrl is judged at accept: the platform's CX_WEBHOOK_ALLOW_PRIVATE. */
export interface CallbackPolicy {
  webhookAllowPrivate: boolean;
}

/**
 * Semantic checks; `prefix` is the JSON pointer of the message (`` or `/messages/3`);
 * `callbacks` is the platform's config (which addresses a callbackUrl may name).
 */
export function checkMessage(
  input: MessageInput,
  now: Date,
  prefix: string,
  callbacks: CallbackPolicy,
): { ok: CheckedInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const to = normalizeE164(input.to);
  if (!to)
    errors.push({
      pointer: `${prefix}/to`,
      detail: 'must be a valid E.164 number with country code, e.g. +4915112345678',
    });
  let from: string | undefined;
  if (input.from !== undefined) {
    const kind = senderKind(input.from);
    if (!kind)
      errors.push({
        pointer: `${prefix}/from`,
        detail: 'must be an alphanumeric sender (1-11 letters, digits, spaces), a short code or an E.164 number',
      });
    from = kind === 'e164' ? normalizeE164(input.from) : input.from;
  }
  if (input.channel === 'whatsapp' || input.channel === 'auto') {
    const { fallback: _f, fallbackBody: _b, fallbackAfterSeconds: _a, ...content } = input;
    errors.push(
      ...validateWhatsAppContent(content).map((e) => ({ pointer: `${prefix}${e.pointer}`, detail: e.detail })),
    );
    // An SMS needs text: the WhatsApp text, the rendered template, or fallbackBody.
    const smsNeedsText =
      (input.fallback || input.channel === 'auto') && !input.body && !input.template && !input.fallbackBody;
    if (smsNeedsText)
      errors.push({
        pointer: `${prefix}/fallbackBody`,
        detail: 'is required: the SMS fallback needs a text for this kind of WhatsApp message',
      });
  } else {
    if (input.body === undefined) errors.push({ pointer: `${prefix}/body`, detail: 'is required for SMS' });
    else if ([...input.body].length > 1600)
      errors.push({ pointer: `${prefix}/body`, detail: 'an SMS takes at most 1,600 characters' });
    const extra = WHATSAPP_ONLY.find((f) => input[f] !== undefined);
    if (extra) errors.push({ pointer: `${prefix}/${extra}`, detail: 'is for WhatsApp messages (channel "whatsapp")' });
  }
  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : undefined;
  const validUntil = input.validUntil ? new Date(input.validUntil) : undefined;
  if (scheduledAt && scheduledAt.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
    errors.push({ pointer: `${prefix}/scheduledAt`, detail: 'must be within one year' });
  }
  if (validUntil && validUntil.getTime() <= Math.max(now.getTime(), scheduledAt?.getTime() ?? 0)) {
    errors.push({ pointer: `${prefix}/validUntil`, detail: 'must be in the future and after scheduledAt' });
  }
  // Syntax and literal address only: DNS stays off the accept path, delivery checks names.
  const callbackRefusal =
    input.callbackUrl === undefined ? undefined : literalUrlRefusal(input.callbackUrl, callbacks.webhookAllowPrivate);
  if (callbackRefusal) errors.push({ pointer: `${prefix}/callbackUrl`, detail: callbackRefusal });
  return errors.length ? { errors } : { ok: { to: to!, from, scheduledAt, validUntil } };
}
