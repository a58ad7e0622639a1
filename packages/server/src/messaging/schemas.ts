// Response schemas of the messages API (they also document it in OpenAPI).
import { Type } from 'typebox';
import { NullableTimestamp, Timestamp } from '../http/schemas.ts';
import { FraudDecisionSchema } from '../fraud/decision.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Status = Type.Union([
  Type.Literal('scheduled'),
  Type.Literal('held'),
  Type.Literal('queued'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('delivered'),
  Type.Literal('undelivered'),
  Type.Literal('read'),
  Type.Literal('failed'),
  Type.Literal('expired'),
  Type.Literal('rejected'),
  Type.Literal('canceled'),
  Type.Literal('received'),
]);

export const MessageSchema = Type.Object({
  id: Type.String(),
  direction: Type.Union([Type.Literal('outbound'), Type.Literal('inbound')]),
  channel: Type.String(),
  status: Status,
  to: Type.String(),
  from: NullableString,
  body: NullableString,
  encoding: Type.Union([Type.Literal('GSM-7'), Type.Literal('UCS-2'), Type.Null()]),
  segments: Type.Union([Type.Integer(), Type.Null()]),
  purpose: Type.String(),
  priority: Type.String(),
  scheduledAt: NullableTimestamp,
  validUntil: NullableTimestamp,
  reference: NullableString,
  metadata: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
  callbackUrl: NullableString,
  storeContent: Type.Boolean(),
  connectorId: NullableString,
  price: Type.Union(
    [
      Type.Object({
        amountMicros: Type.Integer({
          description: 'millionths of the currency unit (SMS prices are fractions of a cent)',
        }),
        currency: Type.String(),
      }),
      Type.Null(),
    ],
    { description: 'what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed)' },
  ),
  error: Type.Union([Type.Object({ code: Type.String(), title: Type.String(), detail: Type.String() }), Type.Null()]),
  whatsapp: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'WhatsApp: the content sent (template, media, interactive, reaction or location)',
  }),
  holdReason: Type.Union([Type.String(), Type.Null()], {
    description:
      "while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds)",
  }),
  fraud: Type.Union([FraudDecisionSchema, Type.Null()], {
    description: "the fraud rules' decision and its reasons; null when they did not run",
  }),
  contentErased: Type.Union(
    [
      Type.Object({ at: Timestamp, reason: Type.Union([Type.Literal('retention'), Type.Literal('erasure')]) }),
      Type.Null(),
    ],
    {
      description:
        'set when the body and media were deleted (retention period passed or an erasure request): body is then null',
    },
  ),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** The 202 answer to a send (single and batch items): the message, plus warnings when there are any. */
export const AcceptedMessageSchema = Type.Object({
  ...MessageSchema.properties,
  warnings: Type.Optional(
    Type.Array(
      Type.Object({
        code: Type.Literal('default_sender_used'),
        detail: Type.String(),
      }),
      {
        description:
          "only in the answer to the send, never stored. default_sender_used: no from and no sender of the account's own, so the platform's default sender goes out (docs/sms.md)",
      },
    ),
  ),
});

export const MessageDetailSchema = Type.Intersect([
  MessageSchema,
  Type.Object({
    events: Type.Array(
      Type.Object({
        status: Type.String(),
        at: Timestamp,
        channel: Type.String(),
        connectorId: NullableString,
        errorCode: NullableString,
      }),
    ),
    attempts: Type.Array(
      Type.Object({
        attempt: Type.Integer(),
        channel: Type.String(),
        connectorId: NullableString,
        status: Type.String(),
        errorCode: NullableString,
        startedAt: Timestamp,
        endedAt: NullableTimestamp,
      }),
    ),
  }),
]);

export const MessageListQuery = Type.Object({
  status: Type.Optional(Status),
  to: Type.Optional(Type.String({ maxLength: 32 })),
  from: Type.Optional(Type.String({ maxLength: 32 })),
  channel: Type.Optional(Type.String({ maxLength: 16 })),
  direction: Type.Optional(Type.Union([Type.Literal('outbound'), Type.Literal('inbound')])),
  createdAfter: Type.Optional(Type.String({ format: 'date-time' })),
  createdBefore: Type.Optional(Type.String({ format: 'date-time' })),
});
