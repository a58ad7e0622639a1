import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_REFERENCE_RATES, FIXED_COMPENSATION_MINOR, lateInterest } from './late-interest.ts';
import type { LateInterestInput } from './late-interest.ts';

const utc = (date: string) => new Date(`${date}T12:00:00Z`);
const business = (amountMinor: number, due: string, paid: string): LateInterestInput => ({
  amountMinor, dueDate: utc(due), paidOrNow: utc(paid), customer: 'business', referenceRates: DEFAULT_REFERENCE_RATES, consumerRateBasisPoints: 500,
});

describe('lateInterest for business customers (Directive 2011/7/EU)', () => {
  it('uses each half-year\'s ECB rate plus 8 points across a half-year boundary', () => {
    // 16–30 June 2025: 15 days at 3.15% + 8 = 11.15%; 1–20 July 2025: 20 days at 2.15% + 8 = 10.15%.
    const result = lateInterest(business(100_000, '2025-06-15', '2025-07-20'));
    assert.deepEqual(result, {
      days: 35,
      interestMinor: 458 + 556,
      compensationMinor: 4000,
      ratePeriods: [
        // 100000 × 11.15% × 15/365 = 458.22
        { from: '2025-06-16', to: '2025-06-30', rateBasisPoints: 1115, days: 15, interestMinor: 458 },
        // 100000 × 10.15% × 20/365 = 556.16
        { from: '2025-07-01', to: '2025-07-20', rateBasisPoints: 1015, days: 20, interestMinor: 556 },
      ],
    });
  });

  it('adds the EUR 40 compensation once per invoice, however many periods are overdue', () => {
    const result = lateInterest(business(250_000, '2024-05-31', '2025-02-10'));
    assert.equal(FIXED_COMPENSATION_MINOR, 4000);
    assert.equal(result.compensationMinor, 4000);
    assert.deepEqual(result.ratePeriods.map((period) => [period.from, period.to, period.rateBasisPoints, period.days]), [
      ['2024-06-01', '2024-06-30', 1250, 30],
      ['2024-07-01', '2024-12-31', 1225, 184],
      ['2025-01-01', '2025-02-10', 1115, 41],
    ]);
    assert.equal(result.days, 30 + 184 + 41);
    assert.equal(result.interestMinor, result.ratePeriods.reduce((sum, period) => sum + period.interestMinor, 0));
  });

  it('rounds half-up once per period, not per day', () => {
    // 1825 × 10% × 1/365 = 0.5 exactly; 1824 gives 0.4997.
    const rates = [{ halfYearStart: '2026-01-01' as const, rateBasisPoints: 200 }];
    const oneDay = (amountMinor: number) => lateInterest({ ...business(amountMinor, '2026-03-01', '2026-03-02'), referenceRates: rates });
    assert.equal(oneDay(1825).interestMinor, 1);
    assert.equal(oneDay(1824).interestMinor, 0);
    // Ten days of 0.4997 are 4.997, one rounding gives 5 (ten roundings would give 0).
    assert.equal(lateInterest({ ...business(1824, '2026-03-01', '2026-03-11'), referenceRates: rates }).interestMinor, 5);
  });

  it('counts actual days on UTC dates, 29 February included, over 365', () => {
    const result = lateInterest({
      ...business(365_000, '2024-02-28', '2024-03-01'),
      dueDate: new Date('2024-02-28T23:59:00Z'),
      paidOrNow: new Date('2024-03-01T00:01:00Z'),
    });
    // 29 February and 1 March: 2 days at 12.5% on 3650.00 = 250 cents.
    assert.deepEqual(result.ratePeriods, [{ from: '2024-02-29', to: '2024-03-01', rateBasisPoints: 1250, days: 2, interestMinor: 250 }]);
  });

  it('throws when the reference rate of a needed half-year is not configured', () => {
    assert.throws(() => lateInterest(business(100_000, '2027-06-30', '2027-07-01')), /no reference rate for the half-year starting 2027-07-01: configure/);
    const twice = [{ halfYearStart: '2026-01-01' as const, rateBasisPoints: 215 }, { halfYearStart: '2026-01-01' as const, rateBasisPoints: 200 }];
    assert.throws(() => lateInterest({ ...business(100, '2026-01-01', '2026-01-05'), referenceRates: twice }), /twice/);
  });
});

describe('lateInterest for consumers', () => {
  it('uses the configured consumer rate, one period, no compensation and no reference rates', () => {
    const result = lateInterest({
      amountMinor: 50_000, dueDate: utc('2026-01-31'), paidOrNow: utc('2026-03-02'),
      customer: 'consumer', referenceRates: [], consumerRateBasisPoints: 500,
    });
    // 50000 × 5% × 30/365 = 205.48
    assert.deepEqual(result, {
      days: 30, interestMinor: 205, compensationMinor: 0,
      ratePeriods: [{ from: '2026-02-01', to: '2026-03-02', rateBasisPoints: 500, days: 30, interestMinor: 205 }],
    });
  });
});

describe('lateInterest when not overdue', () => {
  it('is zero, without compensation, when paid on or before the due date', () => {
    const none = { days: 0, interestMinor: 0, compensationMinor: 0, ratePeriods: [] };
    assert.deepEqual(lateInterest(business(100_000, '2026-03-10', '2026-03-10')), none);
    assert.deepEqual(lateInterest(business(100_000, '2026-03-10', '2026-02-01')), none);
    // Late in the evening of the due date is still the due date.
    assert.deepEqual(lateInterest({ ...business(100_000, '2026-03-10', '2026-03-10'), paidOrNow: new Date('2026-03-10T23:59:59Z') }), none);
  });
});

describe('lateInterest input checks', () => {
  it('rejects fractional or negative amounts and invalid rates', () => {
    assert.throws(() => lateInterest(business(100.5, '2026-01-01', '2026-02-01')), /integer number of minor units/);
    assert.throws(() => lateInterest(business(-1, '2026-01-01', '2026-02-01')), /must not be negative/);
    assert.throws(() => lateInterest({ ...business(100, '2026-01-01', '2026-02-01'), customer: 'consumer', consumerRateBasisPoints: 4.5 }), /non-negative integer/);
  });
});
