import { Type, type Static } from 'typebox';
import { Timestamp } from '../http/schemas.ts';
import type { AccountRow } from './store.ts';

const NullableLimit = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
  description: 'requests per second; null = unlimited',
});

export const AccountSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('active'),
    Type.Literal('suspended'),
    Type.Literal('closed'),
  ]),
  isHouse: Type.Boolean(),
  smsBlocked: Type.Boolean(),
  trafficHold: Type.Boolean(),
  rateLimits: Type.Object({ perKey: NullableLimit, perAccount: NullableLimit }),
  sms: Type.Object({
    limit: Type.Union([Type.Integer(), Type.Null()], {
      description: 'SMS allowed between settlements; null = no limit',
    }),
    used: Type.Integer({
      description:
        'SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0',
    }),
  }),
  spend: Type.Object({
    capMicros: Type.Union([Type.Integer(), Type.Null()], {
      description: 'monthly cap on rated spend, excluding VAT; null = none',
    }),
    alertPercents: Type.Array(Type.Integer()),
    month: Type.Union([Type.String(), Type.Null()], {
      description: 'the calendar month (UTC, YYYY-MM) monthMicros counts',
    }),
    monthMicros: Type.Integer({ description: 'rated spend in that month' }),
  }),
  billing: Type.Object({
    mode: Type.Union([Type.Literal('postpaid'), Type.Literal('prepaid')], {
      description: 'prepaid: messages are refused (insufficient_balance) when the credit is used up',
    }),
    balance: Type.Union([Type.Object({ amountMicros: Type.Integer(), currency: Type.String() }), Type.Null()], {
      description: 'prepaid credit left, excluding VAT; null before the first top-up',
    }),
    depositRequired: Type.Union(
      [
        Type.Object({
          amountMinor: Type.Integer(),
          currency: Type.String(),
          dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
            description: 'held by this day, or messages are refused (deposit_overdue)',
          }),
        }),
        Type.Null(),
      ],
      { description: 'deposit to hold (before boarding, or by its due date)' },
    ),
  }),
  boarding: Type.Union(
    [
      Type.Object({
        acceptedAt: Timestamp,
        signer: Type.String(),
        text: Type.String(),
        reference: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ],
    {
      description:
        "the operator's written acceptance that activated the account; null while pending or when created active",
    },
  ),
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
    spend: {
      capMicros: a.spendCapMicros,
      alertPercents: a.spendAlertPercents,
      month: a.spendMonth,
      monthMicros: a.spendMonthMicros,
    },
    billing: {
      mode: a.billingMode,
      balance: a.balanceCurrency ? { amountMicros: a.balanceMicros, currency: a.balanceCurrency } : null,
      depositRequired:
        a.depositRequiredMinor !== null && a.depositCurrency
          ? { amountMinor: a.depositRequiredMinor, currency: a.depositCurrency, dueOn: a.depositDueOn }
          : null,
    },
    boarding: a.boardingAcceptance
      ? {
          acceptedAt: a.boardingAcceptance.at,
          signer: a.boardingAcceptance.signer,
          text: a.boardingAcceptance.text,
          reference: a.boardingAcceptance.reference,
        }
      : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
