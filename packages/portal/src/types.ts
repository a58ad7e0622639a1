// Shapes of the API's answers the portal reads (see packages/sdk/openapi.json).
export interface Me {
  user: { id: string; email: string; name: string | null; role: string };
  account: { id: string; name: string; status: string; isHouse: boolean };
  scopes: string[];
  twoFactor: { enabled: boolean; required: boolean; enrollmentRequired: boolean };
  session: { id: string; method: string; createdAt: string; expiresAt: string; idleExpiresAt: string };
  csrfToken: string;
}

export interface Account {
  id: string;
  name: string;
  status: 'pending' | 'active' | 'suspended' | 'closed';
  isHouse: boolean;
  smsBlocked: boolean;
  trafficHold: boolean;
  sms: { limit: number | null; used: number };
  spend: { capMicros: number | null; alertPercents: number[]; month: string | null; monthMicros: number };
  billing: { mode: 'postpaid' | 'prepaid'; balance: { amountMicros: number; currency: string } | null };
  boarding: { acceptedAt: string; signer: string } | null;
  createdAt: string;
}

export interface MessageEvent {
  status: string;
  at: string;
  channel: string;
  connectorId: string | null;
  errorCode: string | null;
}

export interface Message {
  id: string;
  direction: 'outbound' | 'inbound';
  channel: string;
  status: string;
  to: string;
  from: string | null;
  body: string | null;
  encoding: string | null;
  segments: number | null;
  purpose: string;
  connectorId: string | null;
  price: { amountMicros: number; currency: string } | null;
  error: { code: string; title: string; detail: string } | null;
  holdReason: string | null;
  storeContent: boolean;
  /** Set when the body was deleted (retention or an erasure request). */
  contentErased: { at: string; reason: 'retention' | 'erasure' } | null;
  createdAt: string;
  updatedAt: string;
  events?: MessageEvent[];
}

export const MESSAGE_STATUSES = [
  'scheduled', 'held', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'read', 'failed', 'expired', 'rejected', 'canceled', 'received',
] as const;
export const FINAL_STATUSES = new Set(['delivered', 'undelivered', 'read', 'failed', 'expired', 'rejected', 'canceled', 'received']);

export interface ApiKey {
  id: string;
  name: string;
  mode: 'live' | 'test';
  hint: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** test: created with a test key; hears only of test messages. */
  mode: 'live' | 'test';
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string | null;
  url: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface PhoneNumber {
  id: string;
  number: string;
  channels: string[];
  sandbox: boolean;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: string;
  twoFactorEnabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  disabledAt: string | null;
}

export interface Invitation {
  id: string;
  email: string;
  role: string;
  createdAt: string;
  expiresAt: string;
}

export interface Connector {
  id: string;
  name: string;
  kind: 'smpp' | 'whatsapp';
  enabled: boolean;
  sandbox: boolean;
  state: 'bound' | 'connecting' | 'down' | 'disabled' | 'ready';
  stats: { windowInUse: number; submitted: number; failed: number; receipts: number; lastError: string | null; reportedAt: string | null };
}

export interface Route {
  id: string;
  prefix: string;
  accountId: string | null;
  connectors: { connectorId: string; priority: number; weight: number }[];
  createdAt: string;
}

export interface LimitRequest {
  id: string;
  accountId: string;
  smsLimit: number | null;
  reason: string | null;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
}

export interface Order {
  id: string;
  accountId: string;
  status: string;
  items: ({ kind: string } & Record<string, unknown>)[];
  note: string | null;
  createdAt: string;
}

export interface SessionInfo {
  id: string;
  method: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface Contact {
  id: string;
  phone: string | null;
  name: string | null;
  email: string | null;
  whatsappId: string | null;
  attributes: Record<string, string | number | boolean>;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export const CONSENT_CHANNELS = ['sms', 'whatsapp', 'push', 'voice', 'email'] as const;
export const CONSENT_SOURCES = ['portal', 'api', 'keyword', 'import', 'form'] as const;
export const CONSENT_PURPOSES = ['marketing', 'transactional', 'otp'] as const;

export interface ConsentRecord {
  id: string;
  channel: string;
  purpose: string;
  action: 'granted' | 'withdrawn';
  source: string;
  evidence: string | null;
  actor: { type: string; id: string };
  recordedAt: string;
}

export interface ConsentState {
  current: { channel: string; purpose: string; granted: boolean; since: string; source: string }[];
  history: ConsentRecord[];
}

export const REQUEST_TYPES = ['access', 'portability', 'rectification', 'erasure', 'objection', 'restriction', 'automated_decision_review'] as const;
export const REQUEST_STATUSES = ['received', 'in_progress', 'completed', 'rejected'] as const;

export interface PrivacyRequest {
  id: string;
  type: (typeof REQUEST_TYPES)[number];
  status: (typeof REQUEST_STATUSES)[number];
  subject: { phone?: string; email?: string; contactId?: string } | null;
  note: string | null;
  notes: { at: string; by: { type: string; id: string }; text: string }[];
  assignee: string | null;
  receivedAt: string;
  dueAt: string;
  extension: { reason: string } | null;
  startedAt: string | null;
  completedAt: string | null;
  rejectionReason: string | null;
  result: Record<string, unknown> | null;
  export: { url: string; expiresAt: string } | null;
}

export interface AutomatedDecision {
  messageId: string;
  kind: string;
  status: string;
  at: string;
  explanation: string;
  review: { outcome: string; note: string | null; at: string } | null;
}

export interface PrivacySettings {
  consentEnforcement: boolean;
  manualApproval: boolean;
  keywords: { stop: string[]; start: string[]; help: string[] };
  replies: { stop: string; start: string; help: string };
}

export interface RetentionPolicy {
  category: string;
  days: number;
  source: 'account' | 'platform' | 'default';
  minimum: number;
  maximum: number;
  what: string;
  why: string;
}

export interface LegalHold {
  id: string;
  scope: 'account' | 'subject';
  subjectId: string | null;
  reason: string;
  placedBy: 'operator' | 'account';
  createdAt: string;
  releasedAt: string | null;
}

export interface RetentionRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
  skipped: { accountHold: boolean; subjectHolds: number };
  complete: boolean;
}

export interface RecordsOfProcessing {
  accountId: string;
  controller: string;
  processor: string;
  generatedAt: string;
  activities: { name: string; purposes: string[]; legalBases: string[]; dataSubjects: string[]; personalData: string[] }[];
  recipients: { name: string; kind: string; role: string }[];
  transfers: string[];
  retention: RetentionPolicy[];
  securityMeasures: string[];
}

export interface PolicyVersion {
  id: string;
  kind: 'privacy_policy' | 'terms';
  version: string;
  title: string;
  summaryOfChanges: string;
  effectiveAt: string;
  publishedAt: string;
  text?: string;
  notice: {
    source: 'publication' | 'account_created';
    status: 'pending' | 'accepted' | 'objected' | 'deemed_accepted';
    notifiedAt: string;
    objectionDeadline: string;
    decidedAt: string | null;
    signer: string | null;
    objection: string | null;
  };
}
