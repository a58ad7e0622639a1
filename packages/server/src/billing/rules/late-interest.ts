// Interest on late payment of an invoice.
//
// Business customers (Directive 2011/7/EU on combating late payment in commercial
// transactions): statutory interest is simple interest at a reference rate plus a margin, fixed
// per half-year: the rate in force on 1 January applies to January–June and the rate in force
// on 1 July to July–December (Art. 3(2)). The supplier's law decides both (a LateInterestRule):
// the Directive's minimum is the ECB main refinancing rate + 8 points in the euro area (Art.
// 2(6), 2(7)); Germany uses its Basiszinssatz (§ 247 BGB) + 9 points (§ 288(2) BGB); member
// states outside the euro use their central bank's rate. On top, a fixed compensation of EUR 40
// for recovery costs is due once per invoice (Art. 6(1)); it is computed for invoices in EUR
// only (other currencies' equivalents are national law's and not modelled).
//
// Consumers are outside that Directive: national law sets the rate, so it is configured
// (consumerRateBasisPoints) and no compensation applies.
//
// Counting: overdue days run from the day after the due date up to and including the day of
// payment (or today), on UTC calendar dates; the day count convention is actual/365; the
// interest of each half-year period is rounded half-up once (see money.ts).
import { dayNumberToIsoDate, isoDateToDayNumber, utcDayNumber } from './dates.ts';
import { assertMinorUnits, divideHalfUp, toMinorUnits } from './money.ts';

/** A reference rate from `validFrom` (YYYY-MM-DD) until the next entry's date. */
export type ReferenceRateTable = readonly { validFrom: string; rateBasisPoints: number }[];

/** What the supplier's law sets for late payment between businesses. */
export type LateInterestRule = {
  /** ISO 3166-1 alpha-2 code, or EA for the euro-area default. */
  jurisdiction: string;
  referenceRateName: string;
  marginBasisPoints: number;
  referenceRates: ReferenceRateTable;
};

export type LateInterestInput = {
  amountMinor: number;
  /** ISO 4217; the EUR 40 compensation applies to EUR amounts. */
  currency: string;
  dueDate: Date;
  paidOrNow: Date;
  customer: 'business' | 'consumer';
  business: Pick<LateInterestRule, 'marginBasisPoints' | 'referenceRates'>;
  /** Yearly rate for consumers under the applicable national law. */
  consumerRateBasisPoints: number;
};

export type RatePeriod = { from: string; to: string; rateBasisPoints: number; days: number; interestMinor: number };
export type LateInterest = {
  days: number;
  interestMinor: number;
  compensationMinor: number;
  ratePeriods: RatePeriod[];
};

/** Directive 2011/7/EU Art. 6(1): EUR 40, in euro cents. */
export const FIXED_COMPENSATION_MINOR = 4000;

/**
 * Member states whose currency is the euro (ISO 3166-1 alpha-2), Bulgaria from 1 January 2026.
 * A supplier there without a rule of its own uses the euro-area default (EA).
 */
export const EURO_AREA: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
];

/** The supplier country's own rule, else the euro-area default for a euro country; otherwise none can be assumed. */
export function lateInterestRuleFor(supplierCountry: string, rules: readonly LateInterestRule[]): LateInterestRule {
  const own = rules.find((r) => r.jurisdiction === supplierCountry);
  const rule = own ?? (EURO_AREA.includes(supplierCountry) ? rules.find((r) => r.jurisdiction === 'EA') : undefined);
  if (!rule)
    throw new RangeError(
      `no late-interest rule for the supplier country ${supplierCountry}: configure its central bank's reference rate and margin`,
    );
  return rule;
}

const DAYS_PER_YEAR = 365n;
const BASIS_POINTS_PER_UNIT = 10_000n;

export function lateInterest(input: LateInterestInput): LateInterest {
  assertMinorUnits('amountMinor', input.amountMinor);
  if (input.amountMinor < 0) throw new RangeError('amountMinor must not be negative');
  const firstOverdueDay = utcDayNumber(input.dueDate) + 1;
  const lastOverdueDay = utcDayNumber(input.paidOrNow);
  const days = lastOverdueDay - firstOverdueDay + 1;
  if (days <= 0) return { days: 0, interestMinor: 0, compensationMinor: 0, ratePeriods: [] };

  const spans =
    input.customer === 'business'
      ? splitAtHalfYears(firstOverdueDay, lastOverdueDay).map((span) => ({
          ...span,
          rateBasisPoints: Math.max(
            0,
            referenceRate(input.business.referenceRates, span.halfYearStart) +
              checkedRate(input.business.marginBasisPoints),
          ),
        }))
      : [
          {
            firstDay: firstOverdueDay,
            lastDay: lastOverdueDay,
            rateBasisPoints: checkedRate(input.consumerRateBasisPoints),
          },
        ];

  const ratePeriods = spans.map((span): RatePeriod => {
    const periodDays = span.lastDay - span.firstDay + 1;
    const interest = divideHalfUp(
      BigInt(input.amountMinor) * BigInt(span.rateBasisPoints) * BigInt(periodDays),
      BASIS_POINTS_PER_UNIT * DAYS_PER_YEAR,
    );
    return {
      from: dayNumberToIsoDate(span.firstDay),
      to: dayNumberToIsoDate(span.lastDay),
      rateBasisPoints: span.rateBasisPoints,
      days: periodDays,
      interestMinor: toMinorUnits(interest),
    };
  });
  return {
    days,
    interestMinor: ratePeriods.reduce((sum, period) => sum + period.interestMinor, 0),
    compensationMinor: input.customer === 'business' && input.currency === 'EUR' ? FIXED_COMPENSATION_MINOR : 0,
    ratePeriods,
  };
}

/** Cuts [firstDay, lastDay] (inclusive day numbers) at every 1 January and 1 July. */
function splitAtHalfYears(
  firstDay: number,
  lastDay: number,
): { firstDay: number; lastDay: number; halfYearStart: string }[] {
  const spans: { firstDay: number; lastDay: number; halfYearStart: string }[] = [];
  for (let day = firstDay; day <= lastDay; ) {
    const date = new Date(day * 86_400_000);
    const year = date.getUTCFullYear();
    const inFirstHalf = date.getUTCMonth() < 6;
    const halfYearStart = `${year}-${inFirstHalf ? '01' : '07'}-01`;
    const nextHalfYearStart = isoDateToDayNumber(inFirstHalf ? `${year}-07-01` : `${year + 1}-01-01`);
    const spanEnd = Math.min(lastDay, nextHalfYearStart - 1);
    spans.push({ firstDay: day, lastDay: spanEnd, halfYearStart });
    day = spanEnd + 1;
  }
  return spans;
}

/** The rate in force on the half-year's first day: the latest entry valid from that day or before. */
function referenceRate(table: ReferenceRateTable, halfYearStart: string): number {
  const day = isoDateToDayNumber(halfYearStart);
  const entries = table.map((e) => ({ from: isoDateToDayNumber(e.validFrom), rate: e.rateBasisPoints }));
  if (new Set(entries.map((e) => e.from)).size !== entries.length)
    throw new RangeError('the reference rate table lists a date twice');
  const inForce = entries.filter((e) => e.from <= day).sort((a, b) => b.from - a.from)[0];
  if (inForce === undefined)
    throw new RangeError(`no reference rate in force on ${halfYearStart}: configure the reference rate table`);
  if (!Number.isSafeInteger(inForce.rate))
    throw new RangeError(`a reference rate must be an integer of basis points, got ${inForce.rate}`);
  return inForce.rate;
}

function checkedRate(rateBasisPoints: number): number {
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0)
    throw new RangeError(`a rate must be a non-negative integer of basis points, got ${rateBasisPoints}`);
  return rateBasisPoints;
}

export type Payment = { on: string; amountMinor: number };
export type BalanceInterestInput = Omit<LateInterestInput, 'amountMinor' | 'dueDate' | 'paidOrNow'> & {
  totalMinor: number;
  dueDate: string;
  /** What was paid towards the invoice, and on which day (a payment counts from the next day). */
  payments: readonly Payment[];
  /** Interest up to and including this day was charged already (an earlier interest note); null: none. */
  chargedThrough: string | null;
  until: Date;
};
export type BalanceInterest = {
  days: number;
  interestMinor: number;
  compensationMinor: number;
  ratePeriods: (RatePeriod & { amountMinor: number })[];
};

/**
 * Interest on what was outstanding each day after the due date: the balance falls with each
 * payment, and days already charged on an earlier note are left out. The compensation is due
 * once the invoice is paid late at all (the caller leaves it out if it charged it already).
 */
export function lateInterestOnBalance(input: BalanceInterestInput): BalanceInterest {
  const dueDay = isoDateToDayNumber(input.dueDate);
  const untilDay = utcDayNumber(input.until);
  const fromDay = Math.max(dueDay, input.chargedThrough === null ? dueDay : isoDateToDayNumber(input.chargedThrough));
  const ratePeriods: BalanceInterest['ratePeriods'] = [];
  let outstanding = input.totalMinor;
  let start = dueDay; // the last day not yet counted
  let late = false;
  const span = (lastDay: number) => {
    const first = Math.max(start, fromDay);
    if (outstanding > 0 && Math.min(lastDay, untilDay) > start) late = true;
    if (outstanding <= 0 || Math.min(lastDay, untilDay) <= first) return;
    const day = (n: number) => new Date(n * 86_400_000);
    const part = lateInterest({
      ...input,
      amountMinor: outstanding,
      dueDate: day(first),
      paidOrNow: day(Math.min(lastDay, untilDay)),
    });
    ratePeriods.push(...part.ratePeriods.map((p) => ({ ...p, amountMinor: outstanding })));
  };
  for (const payment of [...input.payments].sort((a, b) => a.on.localeCompare(b.on))) {
    const payDay = isoDateToDayNumber(payment.on);
    span(payDay);
    start = Math.max(start, payDay);
    outstanding -= payment.amountMinor;
  }
  span(untilDay);
  return {
    days: ratePeriods.reduce((n, p) => n + p.days, 0),
    interestMinor: ratePeriods.reduce((n, p) => n + p.interestMinor, 0),
    compensationMinor: late && input.customer === 'business' && input.currency === 'EUR' ? FIXED_COMPENSATION_MINOR : 0,
    ratePeriods,
  };
}
