// What Meta POSTs to /webhooks/whatsapp/{connectorId}: the signature check, the GET handshake
// and the `messages` field parsed into typed inbound messages and status updates
// (PROTOCOLS.md, "WhatsApp Business Cloud API"). Tolerant by design: Meta adds fields over
// time, batches several entries and changes in one POST, and sends other fields
// (account_update, message_template_status_update, ...) to the same URL.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MediaKind } from './outbound.ts';
import type { TemplateStatus } from './templates.ts';
import { arr, obj, str, type Json } from './json.ts';

/** X-Hub-Signature-256 is `sha256=<hex HMAC-SHA256(app secret, raw body)>`: check the raw bytes, never re-serialized JSON. */
export function verifySignature(appSecret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  const hex = /^sha256=([0-9a-f]{64})$/i.exec(value?.trim() ?? '')?.[1];
  if (!hex || !appSecret) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

/**
 * The subscription handshake: `hub.mode=subscribe` and our verify token give back
 * `hub.challenge` (answer it as text/plain with 200); anything else gives null (answer 403).
 */
export function verifyHandshake(query: URLSearchParams | Record<string, unknown>, verifyToken: string): string | null {
  const get = (k: string) => {
    const v = query instanceof URLSearchParams ? query.get(k) : query[k];
    return typeof v === 'string' ? v : null;
  };
  const token = get('hub.verify_token');
  const challenge = get('hub.challenge');
  if (get('hub.mode') !== 'subscribe' || token === null || challenge === null || !verifyToken) return null;
  // Compare digests so the comparison takes the same time whatever the lengths.
  const digest = (s: string) => createHmac('sha256', 'hub.verify_token').update(s).digest();
  return timingSafeEqual(digest(token), digest(verifyToken)) ? challenge : null;
}

export interface WhatsAppError {
  code: number;
  title: string;
  message?: string;
  details?: string;
}

interface InboundBase {
  phoneNumberId: string;
  /** The business number as Meta displays it, when sent. */
  displayPhoneNumber: string | null;
  /** E.164 with '+'. */
  from: string;
  wamid: string;
  timestamp: Date;
  /** The wamid this message replies to (a quote, a button or list reply, a reaction's target is in `reaction`). */
  replyToWamid: string | null;
  profileName: string | null;
}

export interface InboundMedia {
  id: string;
  mimeType: string | null;
  sha256: string | null;
  caption: string | null;
  filename: string | null;
}

export interface SharedContact {
  name: string | null;
  phones: { phone: string; waId: string | null; type: string | null }[];
  emails: string[];
}

export type InboundWhatsApp = InboundBase &
  (
    | { kind: 'text'; text: string }
    | { kind: MediaKind; media: InboundMedia }
    | {
        kind: 'interactive';
        reply: { type: 'button_reply' | 'list_reply'; id: string; title: string; description: string | null };
      }
    /** A template's quick-reply button. */
    | { kind: 'button'; button: { text: string; payload: string | null } }
    /** `emoji` null: the user removed their reaction. */
    | { kind: 'reaction'; reaction: { messageId: string; emoji: string | null } }
    | {
        kind: 'location';
        location: { latitude: number; longitude: number; name: string | null; address: string | null };
      }
    | { kind: 'contacts'; contacts: SharedContact[] }
    /** Kinds we do not handle (Meta's `unsupported`, orders, flows, system notices...): `type` as Meta sent it. */
    | { kind: 'unsupported'; type: string; errors: WhatsAppError[] }
  );

export interface StatusUpdate {
  phoneNumberId: string;
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: Date;
  /** E.164 with '+'. */
  recipient: string;
  errors: WhatsAppError[];
  /** Pricing category (marketing, utility, authentication, service...), else the conversation's origin. */
  category: string | null;
  billable: boolean | null;
  conversationId: string | null;
}

export interface TemplateStatusUpdate {
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  status: TemplateStatus;
  /** Why it was rejected, paused or disabled; null when Meta says NONE. */
  reason: string | null;
}

const MEDIA_KINDS: readonly string[] = ['image', 'document', 'audio', 'video', 'sticker'];
const STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'failed'];
const TEMPLATE_STATUSES: readonly string[] = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'];

export function parseWebhook(json: unknown): { inbound: InboundWhatsApp[]; statuses: StatusUpdate[] } {
  const inbound: InboundWhatsApp[] = [];
  const statuses: StatusUpdate[] = [];
  for (const { value } of changes(json, 'messages')) {
    const meta = obj(value.metadata);
    const phoneNumberId = str(meta.phone_number_id);
    if (!phoneNumberId) continue;
    const profiles = new Map(arr(value.contacts).map((c) => [str(obj(c).wa_id), str(obj(obj(c).profile).name)]));
    for (const m of arr(value.messages)) {
      const parsed = parseMessage(obj(m), phoneNumberId, str(meta.display_phone_number) ?? null, profiles);
      if (parsed) inbound.push(parsed);
    }
    for (const s of arr(value.statuses)) {
      const parsed = parseStatus(obj(s), phoneNumberId);
      if (parsed) statuses.push(parsed);
    }
  }
  return { inbound, statuses };
}

/** The `message_template_status_update` changes of a webhook POST (the simulator sends them too). */
export function parseTemplateStatusUpdates(json: unknown): TemplateStatusUpdate[] {
  return changes(json, 'message_template_status_update').flatMap(({ wabaId, value }) => {
    const status = str(value.event);
    const id = value.message_template_id;
    if (!status || !TEMPLATE_STATUSES.includes(status) || (typeof id !== 'string' && typeof id !== 'number')) return [];
    const reason = str(value.reason);
    return [
      {
        wabaId,
        templateId: String(id),
        name: str(value.message_template_name) ?? '',
        language: str(value.message_template_language) ?? '',
        status: status as TemplateStatus,
        reason: reason && reason !== 'NONE' ? reason : null,
      },
    ];
  });
}

function changes(json: unknown, field: string): { wabaId: string; value: Json }[] {
  const root = obj(json);
  if (root.object !== undefined && root.object !== 'whatsapp_business_account') return [];
  return arr(root.entry).flatMap((e) =>
    arr(obj(e).changes)
      .map((c) => obj(c))
      .filter((c) => c.field === field)
      .map((c) => ({ wabaId: str(obj(e).id) ?? '', value: obj(c.value) })),
  );
}

function parseMessage(
  m: Json,
  phoneNumberId: string,
  displayPhoneNumber: string | null,
  profiles: Map<string | undefined, string | undefined>,
): InboundWhatsApp | undefined {
  const wamid = str(m.id);
  const from = str(m.from);
  const timestamp = seconds(m.timestamp);
  const type = str(m.type) ?? 'unknown';
  if (!wamid || !from || !timestamp) return undefined;
  const base: InboundBase = {
    phoneNumberId,
    displayPhoneNumber,
    from: e164(from),
    wamid,
    timestamp,
    replyToWamid: str(obj(m.context).id) ?? null,
    profileName: profiles.get(from) ?? null,
  };
  const body = obj(m[type]);
  const unsupported = { ...base, kind: 'unsupported' as const, type, errors: errors(m.errors) };
  switch (type) {
    case 'text':
      return { ...base, kind: 'text', text: str(body.body) ?? '' };
    case 'button':
      return { ...base, kind: 'button', button: { text: str(body.text) ?? '', payload: str(body.payload) ?? null } };
    case 'reaction': {
      const messageId = str(body.message_id);
      return messageId
        ? { ...base, kind: 'reaction', reaction: { messageId, emoji: str(body.emoji) || null } }
        : unsupported;
    }
    case 'location': {
      const { latitude, longitude } = body;
      if (typeof latitude !== 'number' || typeof longitude !== 'number') return unsupported;
      return {
        ...base,
        kind: 'location',
        location: { latitude, longitude, name: str(body.name) ?? null, address: str(body.address) ?? null },
      };
    }
    case 'contacts':
      return { ...base, kind: 'contacts', contacts: arr(m.contacts).map((c) => sharedContact(obj(c))) };
    case 'interactive': {
      const replyType = str(body.type);
      const reply = obj(replyType ? body[replyType] : undefined);
      const id = str(reply.id);
      if ((replyType !== 'button_reply' && replyType !== 'list_reply') || !id)
        return { ...unsupported, type: `interactive.${replyType ?? 'unknown'}` };
      return {
        ...base,
        kind: 'interactive',
        reply: { type: replyType, id, title: str(reply.title) ?? '', description: str(reply.description) ?? null },
      };
    }
    default: {
      const id = str(body.id);
      if (!MEDIA_KINDS.includes(type) || !id) return unsupported;
      return {
        ...base,
        kind: type as MediaKind,
        media: {
          id,
          mimeType: str(body.mime_type) ?? null,
          sha256: str(body.sha256) ?? null,
          caption: str(body.caption) ?? null,
          filename: str(body.filename) ?? null,
        },
      };
    }
  }
}

function parseStatus(s: Json, phoneNumberId: string): StatusUpdate | undefined {
  const wamid = str(s.id);
  const status = str(s.status);
  const timestamp = seconds(s.timestamp);
  if (!wamid || !status || !STATUSES.includes(status) || !timestamp) return undefined;
  const pricing = obj(s.pricing);
  const conversation = obj(s.conversation);
  return {
    phoneNumberId,
    wamid,
    status: status as StatusUpdate['status'],
    timestamp,
    recipient: e164(str(s.recipient_id) ?? ''),
    errors: errors(s.errors),
    category: str(pricing.category) ?? str(obj(conversation.origin).type) ?? null,
    billable: typeof pricing.billable === 'boolean' ? pricing.billable : null,
    conversationId: str(conversation.id) ?? null,
  };
}

function errors(v: unknown): WhatsAppError[] {
  return arr(v).flatMap((e) => {
    const o = obj(e);
    if (typeof o.code !== 'number') return [];
    const message = str(o.message);
    const details = str(obj(o.error_data).details);
    return [
      {
        code: o.code,
        title: str(o.title) ?? message ?? '',
        ...(message !== undefined && { message }),
        ...(details !== undefined && { details }),
      },
    ];
  });
}

function sharedContact(c: Json): SharedContact {
  return {
    name: str(obj(c.name).formatted_name) ?? null,
    phones: arr(c.phones).map((p) => ({
      phone: str(obj(p).phone) ?? '',
      waId: str(obj(p).wa_id) ?? null,
      type: str(obj(p).type) ?? null,
    })),
    emails: arr(c.emails)
      .map((e) => str(obj(e).email))
      .filter((e): e is string => e !== undefined),
  };
}

/** Meta sends numbers as digits without '+' (wa_id); we keep E.164 with it. */
function e164(digits: string): string {
  return digits.startsWith('+') ? digits : `+${digits}`;
}

/** Unix seconds, as a string (usual) or a number. */
function seconds(v: unknown): Date | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? new Date(n * 1000) : undefined;
}
