import { Type, type Static } from 'typebox';
import { Timestamp } from '../http/schemas.ts';
import type { AccountRow } from './store.ts';

const NullableLimit = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'requests per second; null = unlimited' });

export const AccountSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('suspended'), Type.Literal('closed')]),
  isHouse: Type.Boolean(),
  smsBlocked: Type.Boolean(),
  trafficHold: Type.Boolean(),
  rateLimits: Type.Object({ perKey: NullableLimit, perAccount: NullableLimit }),
  sms: Type.Object({
    limit: Type.Union([Type.Integer(), Type.Null()], { description: 'SMS allowed between settlements; null = no limit' }),
    used: Type.Integer({ description: 'SMS accepted since the last settlement (live keys only)' }),
  }),
  spend: Type.Object({
    capMicros: Type.Union([Type.Integer(), Type.Null()], { description: 'monthly cap on rated spend, excluding VAT; null = none' }),
    alertPercents: Type.Array(Type.Integer()),
    month: Type.Union([Type.String(), Type.Null()], { description: 'the calendar month (UTC, YYYY-MM) monthMicros counts' }),
    monthMicros: Type.Integer({ description: 'rated spend in that month' }),
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AccountJson = Static<typeof AccountSchema>;

export const RateLimitsInput = Type.Object(
  { perKey: Type.Optional(NullableLimit), perAccount: Type.Optional(NullableLimit) },
  { additionalProperties: false },
);

export function accountJson(a: AccountRow): AccountJson {
  return {
    id: a.id,
    name: a.name,
    status: a.status,
    isHouse: a.isHouse,
    smsBlocked: a.smsBlocked,
    trafficHold: a.trafficHold,
    rateLimits: { perKey: a.rateLimitPerKey, perAccount: a.rateLimitPerAccount },
    sms: { limit: a.smsLimit, used: a.smsUsed },
    spend: { capMicros: a.spendCapMicros, alertPercents: a.spendAlertPercents, month: a.spendMonth, monthMicros: a.spendMonthMicros },
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
