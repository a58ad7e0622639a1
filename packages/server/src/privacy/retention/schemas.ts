// Request and response schemas of the retention, legal hold and records-of-processing API.
import { Type } from 'typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.ts';
import type { Category } from './policy.ts';
import type { LegalHold } from './holds.ts';
import type { RetentionRun } from './job.ts';

const CategoryName = Type.Union([
  Type.Literal('message_content'),
  Type.Literal('message_metadata'),
  Type.Literal('inbound_media'),
  Type.Literal('webhook_delivery_logs'),
  Type.Literal('exports'),
  Type.Literal('audit_free_text'),
  Type.Literal('email_outbox'),
  Type.Literal('portal_sessions'),
  Type.Literal('portal_tokens'),
  Type.Literal('disabled_users'),
]);
const Days = Type.Optional(Type.Integer({ minimum: 1, maximum: 36500, description: 'days' }));

export const PeriodsInput = Type.Object(
  {
    categories: Type.Object(
      {
        message_content: Days,
        message_metadata: Days,
        inbound_media: Days,
        webhook_delivery_logs: Days,
        exports: Days,
        audit_free_text: Days,
        email_outbox: Days,
        portal_sessions: Days,
        portal_tokens: Days,
        disabled_users: Days,
      } satisfies Record<Category, typeof Days>,
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);

export const PolicySchema = Type.Object({
  category: CategoryName,
  days: Type.Integer({
    description:
      'kept this many days after creation (or, for sessions, links and disabled users, after they ended), then erased or deleted',
  }),
  source: Type.Union([Type.Literal('account'), Type.Literal('platform'), Type.Literal('default')], {
    description: 'who set the period: you, your operator for the platform, or the shipped default',
  }),
  minimum: Type.Integer(),
  maximum: Type.Integer(),
  what: Type.String(),
  why: Type.String({ description: 'why the minimum and the default are what they are' }),
});

export const PoliciesSchema = Type.Object({ data: Type.Array(PolicySchema) });

export const DefaultsSchema = Type.Object({
  data: Type.Array(
    Type.Object({
      category: CategoryName,
      days: Type.Integer(),
      source: Type.Union([Type.Literal('platform'), Type.Literal('default')]),
      minimum: Type.Integer(),
      maximum: Type.Integer(),
      why: Type.String(),
    }),
  ),
});

export const LegalHoldSchema = Type.Object({
  id: Type.String(),
  scope: Type.Union([Type.Literal('account'), Type.Literal('subject')]),
  subjectId: Type.Union([Type.String(), Type.Null()], {
    description:
      'the person held, as the first 16 hex of their subject hash (the anon_ pseudonym); null for the whole account',
  }),
  reason: Type.String(),
  placedBy: Type.Union([Type.Literal('operator'), Type.Literal('account')]),
  createdAt: Timestamp,
  releasedAt: NullableTimestamp,
});

export const LegalHoldInput = Type.Object(
  {
    subject: Type.Optional(
      Type.Object(
        { phone: Type.String({ minLength: 1, maxLength: 32, description: 'E.164' }) },
        { additionalProperties: false },
      ),
    ),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const RunSchema = Type.Object({
  id: Type.String(),
  startedAt: Timestamp,
  finishedAt: NullableTimestamp,
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'rows erased or deleted per category' }),
  skipped: Type.Object({
    accountHold: Type.Boolean(),
    subjectHolds: Type.Integer({ description: 'people on legal hold whose data was left alone' }),
  }),
  complete: Type.Boolean({ description: 'false when the run ran out of time; the next one goes on' }),
});

export function holdJson(h: LegalHold) {
  return {
    id: h.id,
    scope: h.subjectId ? ('subject' as const) : ('account' as const),
    subjectId: h.subjectId,
    reason: h.reason,
    placedBy: h.placedBy,
    createdAt: h.createdAt.toISOString(),
    releasedAt: h.releasedAt?.toISOString() ?? null,
  };
}

export function runJson(r: RetentionRun) {
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    counts: r.counts as Record<string, number>,
    skipped: r.skipped,
    complete: r.complete,
  };
}

const Str = Type.String();
export const RecordsSchema = Type.Object({
  accountId: Str,
  controller: Type.String({ description: 'the account: it decides why its customers are messaged' }),
  processor: Str,
  generatedAt: Timestamp,
  activities: Type.Array(
    Type.Object({
      name: Str,
      purposes: Type.Array(Str),
      legalBases: Type.Array(Str),
      dataSubjects: Type.Array(Str),
      personalData: Type.Array(Str),
    }),
  ),
  recipients: Type.Array(Type.Object({ name: Str, kind: Str, role: Str }), {
    description: "connectors carrying the account's traffic, and Meta when WhatsApp is used",
  }),
  transfers: Type.Array(Str),
  retention: Type.Array(PolicySchema),
  securityMeasures: Type.Array(Str),
});
