// A privacy request as the API shows it (end users' and, for operators, platform subjects').
import { Type } from 'typebox';
import { Timestamp, NullableTimestamp } from '../../http/schemas.ts';
import { REQUEST_TYPES } from './store.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const RequestSchema = Type.Object(
  {
    id: Type.String(),
    type: Type.Enum(REQUEST_TYPES),
    status: Type.Union([
      Type.Literal('received'),
      Type.Literal('in_progress'),
      Type.Literal('completed'),
      Type.Literal('rejected'),
    ]),
    subjectKind: Type.Union([Type.Literal('end_user'), Type.Literal('platform')], {
      description:
        "end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators)",
    }),
    subject: Nullable(
      Type.Object(
        {
          phone: Type.Optional(Type.String()),
          email: Type.Optional(Type.String()),
          contactId: Type.Optional(Type.String()),
          userId: Type.Optional(Type.String()),
        },
        { description: 'null once the subject was erased' },
      ),
    ),
    note: Nullable(Type.String()),
    notes: Type.Array(
      Type.Object({ at: Timestamp, by: Type.Object({ type: Type.String(), id: Type.String() }), text: Type.String() }),
    ),
    assignee: Nullable(Type.String()),
    receivedAt: Timestamp,
    dueAt: Type.String({
      format: 'date-time',
      description: 'one month after receipt (GDPR Art. 12(3)), three after an extension',
    }),
    extension: Nullable(Type.Object({ reason: Type.String() })),
    startedAt: NullableTimestamp,
    completedAt: NullableTimestamp,
    rejectionReason: Nullable(Type.String()),
    result: Nullable(Type.Record(Type.String(), Type.Unknown())),
    export: Nullable(Type.Object({ url: Type.String(), expiresAt: Timestamp })),
  },
  { $id: 'PrivacyRequest' },
);
