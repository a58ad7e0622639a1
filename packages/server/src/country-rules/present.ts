// The country rule's JSON: schemas for validation and the OpenAPI document, and the mapping.
import { Type } from 'typebox';
import { Timestamp } from '../http/schemas.ts';
import type { CountryRule } from './model.ts';

// Values spelled out (a mapped union types as never); the routes' typing keeps them in step with model.ts.
const AlphanumericSender = Type.Union(
  [Type.Literal('allowed'), Type.Literal('registered_only'), Type.Literal('not_allowed')],
  {
    description:
      'allowed: any alphanumeric sender; registered_only: only those in registeredSenders; not_allowed: none (numbers and short codes only)',
  },
);
const Weekday = Type.Union([
  Type.Literal('monday'),
  Type.Literal('tuesday'),
  Type.Literal('wednesday'),
  Type.Literal('thursday'),
  Type.Literal('friday'),
  Type.Literal('saturday'),
  Type.Literal('sunday'),
]);
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'local time, HH:MM (24 h)' });
// An object or null as one schema (not a union), so a bad start or end is reported at its own pointer only.
const QuietHours = Type.Unsafe<{ start: string; end: string } | null>({
  type: ['object', 'null'],
  properties: { start: LocalTime, end: LocalTime },
  required: ['start', 'end'],
  additionalProperties: false,
  description:
    'marketing waits from start until end, local time; start after end spans midnight (21:00-08:00); null: no quiet hours',
});
const AccountId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z]+_[0-9a-z]+$' });
const Sender = Type.String({ minLength: 1, maxLength: 32 });

const RegisteredSenderInput = Type.Object(
  {
    sender: Type.String({ minLength: 1, maxLength: 11, description: 'the alphanumeric sender, exactly as registered' }),
    accountId: Type.Optional(
      Type.Union([AccountId, Type.Null()], {
        description: 'registered for this account only; null or absent: for every account',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CountryParams = Type.Object({
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case: DE, US, …' }),
});

export const CountryRuleBodySchema = Type.Object(
  {
    alphanumericSender: Type.Optional(AlphanumericSender),
    registeredSenders: Type.Optional(Type.Array(RegisteredSenderInput, { maxItems: 1000 })),
    defaultSender: Type.Optional(
      Type.Union([Sender, Type.Null()], {
        description:
          'for an SMS to this country with no sender, or with an alphanumeric sender the country refuses; ' +
          'null: an SMS whose sender the country refuses is rejected (sender_not_allowed)',
      }),
    ),
    timeZone: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
        description:
          "IANA zone the quiet hours, quiet days and holidays are read in (the capital's, for a country with several)",
      }),
    ),
    quietHours: Type.Optional(QuietHours),
    quietDays: Type.Optional(
      Type.Array(Weekday, { uniqueItems: true, maxItems: 7, description: 'weekdays on which marketing waits all day' }),
    ),
    holidays: Type.Optional(
      Type.Array(Type.String({ format: 'date', pattern: '^2[0-9]{3}-' }), {
        uniqueItems: true,
        maxItems: 1000,
        description: 'public holidays (local dates, YYYY-MM-DD) on which marketing waits all day',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CountryRuleSchema = Type.Object({
  country: Type.String(),
  alphanumericSender: AlphanumericSender,
  registeredSenders: Type.Array(
    Type.Object({ sender: Type.String(), accountId: Type.Union([Type.String(), Type.Null()]) }),
  ),
  defaultSender: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.Union([Type.String(), Type.Null()]),
  quietHours: Type.Union([Type.Object({ start: Type.String(), end: Type.String() }), Type.Null()]),
  quietDays: Type.Array(Weekday),
  holidays: Type.Array(Type.String()),
  updatedAt: Timestamp,
});

export function countryRuleJson(r: CountryRule) {
  return {
    country: r.country,
    alphanumericSender: r.alphanumericSender,
    registeredSenders: r.registeredSenders,
    defaultSender: r.defaultSender,
    timeZone: r.timeZone,
    quietHours: r.quietHours,
    quietDays: r.quietDays,
    holidays: r.holidays,
    updatedAt: r.updatedAt.toISOString(),
  };
}
