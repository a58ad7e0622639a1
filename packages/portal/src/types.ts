// The API's shapes the portal names, all from the SDK (`@cx-engage/sdk`, generated from the
// server's OpenAPI document): its exported types where it has one, else the answer of the
// operation the portal reads them from. Only the value lists the forms offer are written here,
// each checked against the type it lists.
import type { ConsentInput, MessageStatus, PrivacyRequest, ResponseBody } from '@cx-engage/sdk';
import type { Row } from './hooks.ts';

export type { AutomatedDecision, Contact, PrivacyRequest } from '@cx-engage/sdk';

/** The signed-in user, their account, scopes and session (GET /v1/auth/session). */
export type Me = ResponseBody<'get', '/v1/auth/session'>;
/** A message as lists show it (the detail adds its events and attempts). */
export type Message = Row<'/v1/messages'>;
export type AdminAccount = Row<'/v1/admin/accounts'>;
export type User = Row<'/v1/users'>;
export type Order = Row<'/v1/admin/orders'>;
export type PolicyVersion = Row<'/v1/policies'>;
export type SearchHit = ResponseBody<'get', '/v1/search'>['data'][number];

/** Every value of `T` once, in the order given: a list that misses one does not compile. */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;

export const MESSAGE_STATUSES = every<MessageStatus>()([
  'scheduled',
  'held',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'read',
  'failed',
  'expired',
  'rejected',
  'canceled',
  'received',
]);
export const FINAL_STATUSES: ReadonlySet<string> = new Set<MessageStatus>([
  'delivered',
  'undelivered',
  'read',
  'failed',
  'expired',
  'rejected',
  'canceled',
  'received',
]);

export const CONSENT_CHANNELS = every<ConsentInput['channel']>()(['sms', 'whatsapp', 'push', 'voice', 'email']);
export const CONSENT_SOURCES = every<NonNullable<ConsentInput['source']>>()([
  'portal',
  'api',
  'keyword',
  'import',
  'form',
]);
/** Suggestions only: a purpose is any lower-case word. */
export const CONSENT_PURPOSES = ['marketing', 'transactional', 'otp'] as const;

export const REQUEST_TYPES = every<PrivacyRequest['type']>()([
  'access',
  'portability',
  'rectification',
  'erasure',
  'objection',
  'restriction',
  'automated_decision_review',
]);
export const REQUEST_STATUSES = every<PrivacyRequest['status']>()(['received', 'in_progress', 'completed', 'rejected']);
