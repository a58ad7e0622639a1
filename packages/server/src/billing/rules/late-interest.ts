// Interest on late payment of an invoice.
//
// Business customers (Directive 2011/7/EU on combating late payment in commercial
// transactions): statutory interest is simple interest at the reference rate plus eight
// percentage points (Art. 2(6)); in the euro area the reference rate is the ECB's main
// refinancing rate (Art. 2(7)), fixed per half-year: the rate in force on 1 January applies
// to January–June and the rate in force on 1 July to July–December (Art. 3(2)). On top, a
// fixed compensation of EUR 40 for recovery costs is due once per invoice (Art. 6(1)).
// National transpositions may go further (Germany: base rate + 9 points, BGB § 288(2)); the
// margin here is the Directive's minimum.
//
// Consumers are outside that Directive: national law sets the rate, so it is configured
// (consumerRateBasisPoints) and no compensation applies.
//
// Counting: overdue days run from the day after the due date up to and including the day of
// payment (or today), on UTC calendar dates; the day count convention is actual/365; the
// interest of each half-year period is rounded half-up once (see money.ts).
import { dayNumberToIsoDate, isoDateToDayNumber, utcDayNumber } from './dates.ts';
import { assertMinorUnits, divideHalfUp, toMinorUnits } from './money.ts';

export type HalfYearStart = `${number}-01-01` | `${number}-07-01`;
/** The ECB main refinancing rate in force on the first day of each half-year. */
export type ReferenceRateTable = readonly { halfYearStart: HalfYearStart; rateBasisPoints: number }[];

export type LateInterestInput = {
  amountMinor: number;
  dueDate: Date;
  paidOrNow: Date;
  customer: 'business' | 'consumer';
  referenceRates: ReferenceRateTable;
  /** Yearly rate for consumers under the applicable national law. */
  consumerRateBasisPoints: number;
};

export type RatePeriod = { from: string; to: string; rateBasisPoints: number; days: number; interestMinor: number };
export type LateInterest = { days: number; interestMinor: number; compensationMinor: number; ratePeriods: RatePeriod[] };

/** Directive 2011/7/EU Art. 2(6): "at least eight percentage points" above the reference rate. */
export const STATUTORY_MARGIN_BASIS_POINTS = 800;
/** Directive 2011/7/EU Art. 6(1): EUR 40, in euro cents; the invoice is assumed to be in EUR. */
export const FIXED_COMPENSATION_MINOR = 4000;

/**
 * ECB main refinancing operations rate in force on the first day of each half-year.
 * Source: ECB, "Key ECB interest rates" (ecb.europa.eu). 2026-H2 is assumed unchanged and must
 * be confirmed; operators add later half-years to their configuration (a missing half-year
 * makes lateInterest throw rather than guess).
 */
export const DEFAULT_REFERENCE_RATES: ReferenceRateTable = [
  { halfYearStart: '2023-01-01', rateBasisPoints: 250 },
  { halfYearStart: '2023-07-01', rateBasisPoints: 400 },
  { halfYearStart: '2024-01-01', rateBasisPoints: 450 },
  { halfYearStart: '2024-07-01', rateBasisPoints: 425 },
  { halfYearStart: '2025-01-01', rateBasisPoints: 315 },
  { halfYearStart: '2025-07-01', rateBasisPoints: 215 },
  { halfYearStart: '2026-01-01', rateBasisPoints: 215 },
  // Assumed unchanged (2.15 % since June 2025) when this was written; verify against the ECB.
  { halfYearStart: '2026-07-01', rateBasisPoints: 215 },
];

const DAYS_PER_YEAR = 365n;
const BASIS_POINTS_PER_UNIT = 10_000n;

export function lateInterest(input: LateInterestInput): LateInterest {
  assertMinorUnits('amountMinor', input.amountMinor);
  if (input.amountMinor < 0) throw new RangeError('amountMinor must not be negative');
  const firstOverdueDay = utcDayNumber(input.dueDate) + 1;
  const lastOverdueDay = utcDayNumber(input.paidOrNow);
  const days = lastOverdueDay - firstOverdueDay + 1;
  if (days <= 0) return { days: 0, interestMinor: 0, compensationMinor: 0, ratePeriods: [] };

  const spans = input.customer === 'business'
    ? splitAtHalfYears(firstOverdueDay, lastOverdueDay).map((span) => ({
        ...span,
        rateBasisPoints: referenceRate(input.referenceRates, span.halfYearStart) + STATUTORY_MARGIN_BASIS_POINTS,
      }))
    : [{ firstDay: firstOverdueDay, lastDay: lastOverdueDay, rateBasisPoints: checkedRate(input.consumerRateBasisPoints) }];

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
    compensationMinor: input.customer === 'business' ? FIXED_COMPENSATION_MINOR : 0,
    ratePeriods,
  };
}

/** Cuts [firstDay, lastDay] (inclusive day numbers) at every 1 January and 1 July. */
function splitAtHalfYears(firstDay: number, lastDay: number): { firstDay: number; lastDay: number; halfYearStart: string }[] {
  const spans: { firstDay: number; lastDay: number; halfYearStart: string }[] = [];
  for (let day = firstDay; day <= lastDay;) {
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

function referenceRate(table: ReferenceRateTable, halfYearStart: string): number {
  const matches = table.filter((entry) => entry.halfYearStart === halfYearStart);
  const entry = matches[0];
  if (entry === undefined) throw new RangeError(`no reference rate for the half-year starting ${halfYearStart}: configure the reference rate table`);
  if (matches.length > 1) throw new RangeError(`the reference rate table lists the half-year starting ${halfYearStart} twice`);
  return checkedRate(entry.rateBasisPoints);
}

function checkedRate(rateBasisPoints: number): number {
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0) throw new RangeError(`a rate must be a non-negative integer of basis points, got ${rateBasisPoints}`);
  return rateBasisPoints;
}
