// Contact and consent shapes of the API, shared by the contact routes, the contact import and
// the OpenAPI document.
import { Type } from 'typebox';
import { Timestamp } from '../http/schemas.ts';
import { CHANNELS, SOURCES } from './consent.ts';

export const Phone = Type.String({ maxLength: 32, description: 'E.164 number' });
export const Attributes = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]),
  { maxProperties: 50 },
);
export const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 });
export const ProfileFields = {
  name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
  whatsappId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  attributes: Type.Optional(Attributes),
  tags: Type.Optional(Tags),
};
export const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
export const ContactSchema = Type.Object(
  {
    id: Type.String(),
    phone: Nullable(Type.String()),
    name: Nullable(Type.String()),
    email: Nullable(Type.String()),
    whatsappId: Nullable(Type.String()),
    attributes: Attributes,
    tags: Type.Array(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Contact' },
);
export const ConsentRecordSchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  purpose: Type.String(),
  action: Type.String(),
  source: Type.String(),
  evidence: Nullable(Type.String()),
  actor: Type.Object({ type: Type.String(), id: Type.String() }),
  recordedAt: Timestamp,
});
export const ConsentStateSchema = Type.Object({
  current: Type.Array(
    Type.Object({
      channel: Type.String(),
      purpose: Type.String(),
      granted: Type.Boolean(),
      since: Timestamp,
      source: Type.String(),
    }),
  ),
  history: Type.Array(ConsentRecordSchema),
});
export const ConsentInputFields = {
  channel: Type.Enum(CHANNELS),
  purpose: Type.String({
    pattern: '^[a-z][a-z0-9_]{0,39}$',
    description: 'marketing, transactional, otp, or your own (lower case)',
  }),
  action: Type.Union([Type.Literal('granted'), Type.Literal('withdrawn')]),
  source: Type.Enum(SOURCES),
  evidence: Type.Optional(
    Type.String({
      maxLength: 4000,
      description: 'How consent was given or withdrawn (form id, wording, recording); stored encrypted',
    }),
  ),
};
export const ConsentInput = Type.Object(ConsentInputFields, { additionalProperties: false });
