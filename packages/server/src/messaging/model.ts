// The message as the contract defines it: statuses, precedence, and its JSON shape.
import type { MessageRow } from './store.ts';

export const FINAL_STATUSES = new Set([
  'delivered',
  'undelivered',
  'read',
  'failed',
  'expired',
  'rejected',
  'canceled',
  'received',
]);
export type MessageStatus =
  | 'scheduled'
  | 'held'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'read'
  | 'failed'
  | 'expired'
  | 'rejected'
  | 'canceled'
  | 'received';

/** Contract precedence: the first final status wins, except delivered → read. */
export function canMoveTo(from: string, to: string): boolean {
  if (from === to) return false;
  if (FINAL_STATUSES.has(from)) return from === 'delivered' && to === 'read';
  return true;
}

export interface MessageError {
  code: string;
  title: string;
  detail: string;
}

import type { FraudDecision } from '../fraud/decision.ts';

/** Codes of warnings: not errors (the message goes), so docs/sms.md lists them, not docs/errors.md. */
export const MESSAGE_WARNING_CODES = ['default_sender_used'] as const;

/** Something the sender should know about a message it just sent; only in the 202 answer. */
export interface MessageWarning {
  code: (typeof MESSAGE_WARNING_CODES)[number];
  detail: string;
}

export interface MessageJson {
  id: string;
  direction: 'outbound' | 'inbound';
  channel: string;
  status: MessageStatus;
  to: string;
  from: string | null;
  body: string | null;
  encoding: 'GSM-7' | 'UCS-2' | null;
  segments: number | null;
  purpose: string;
  priority: string;
  scheduledAt: string | null;
  validUntil: string | null;
  reference: string | null;
  metadata: Record<string, string> | null;
  callbackUrl: string | null;
  storeContent: boolean;
  connectorId: string | null;
  price: { amountMicros: number; currency: string } | null;
  error: MessageError | null;
  whatsapp: Record<string, unknown> | null;
  holdReason: string | null;
  fraud: FraudDecision | null;
  contentErased: { at: string; reason: 'retention' | 'erasure' } | null;
  createdAt: string;
  updatedAt: string;
}

/** The 202 answer to a send: the message and, when there are any, its warnings. */
export type AcceptedMessageJson = MessageJson & { warnings?: MessageWarning[] };

export function messageJson(m: MessageRow, stored: string | null): MessageJson {
  // WhatsApp content is stored as JSON: its text (if any) is the body, the rest shown as is.
  const whatsapp = m.channel === 'whatsapp' && stored ? (JSON.parse(stored) as Record<string, unknown>) : null;
  const body = whatsapp ? (typeof whatsapp.body === 'string' ? whatsapp.body : null) : stored;
  return {
    id: m.id,
    direction: m.direction,
    channel: m.channel,
    status: m.status as MessageStatus,
    to: m.toNumber,
    from: m.fromNumber,
    body,
    encoding: m.encoding as 'GSM-7' | 'UCS-2' | null,
    segments: m.segments,
    purpose: m.purpose,
    priority: m.priority,
    scheduledAt: m.scheduledAt?.toISOString() ?? null,
    validUntil: m.validUntil?.toISOString() ?? null,
    reference: m.reference,
    metadata: m.metadata,
    callbackUrl: m.callbackUrl,
    storeContent: m.storeContent,
    connectorId: m.connectorId,
    price:
      m.priceMicros != null && m.priceCurrency
        ? { amountMicros: Number(m.priceMicros), currency: m.priceCurrency }
        : null,
    error: m.errorCode ? { code: m.errorCode, title: m.errorTitle ?? '', detail: m.errorDetail ?? '' } : null,
    whatsapp,
    holdReason: m.status === 'held' ? (m.holdReason ?? null) : null,
    fraud: m.fraud ?? null,
    contentErased:
      m.contentErasedAt && m.contentErasedReason
        ? { at: m.contentErasedAt.toISOString(), reason: m.contentErasedReason }
        : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
