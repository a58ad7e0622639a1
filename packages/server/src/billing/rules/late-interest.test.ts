import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FIXED_COMPENSATION_MINOR, lateInterest, lateInterestOnBalance, lateInterestRuleFor } from './late-interest.ts';
import type { LateInterestInput, LateInterestRule, ReferenceRateTable } from './late-interest.ts';

const utc = (date: string) => new Date(`${date}T12:00:00Z`);
/** ECB main refinancing rate in force on each half-year's first day (as seeded for EA). */
const ECB: ReferenceRateTable = [
  { validFrom: '2024-01-01', rateBasisPoints: 450 },
  { validFrom: '2024-07-01', rateBasisPoints: 425 },
  { validFrom: '2025-01-01', rateBasisPoints: 315 },
  { validFrom: '2025-07-01', rateBasisPoints: 215 },
];
const EA: LateInterestRule = {
  jurisdiction: 'EA',
  referenceRateName: 'ECB main refinancing operations rate',
  marginBasisPoints: 800,
  referenceRates: ECB,
};
const DE: LateInterestRule = {
  jurisdiction: 'DE',
  referenceRateName: 'Basiszinssatz',
  marginBasisPoints: 900,
  referenceRates: [{ validFrom: '2025-07-01', rateBasisPoints: 127 }],
};
const business = (amountMinor: number, due: string, paid: string): LateInterestInput => ({
  amountMinor,
  currency: 'EUR',
  dueDate: utc(due),
  paidOrNow: utc(paid),
  customer: 'business',
  business: EA,
  consumerRateBasisPoints: 500,
});

describe('lateInterest for business customers (Directive 2011/7/EU)', () => {
  it("uses each half-year's ECB rate plus 8 points across a half-year boundary", () => {
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
    assert.deepEqual(
      result.ratePeriods.map((period) => [period.from, period.to, period.rateBasisPoints, period.days]),
      [
        ['2024-06-01', '2024-06-30', 1250, 30],
        ['2024-07-01', '2024-12-31', 1225, 184],
        ['2025-01-01', '2025-02-10', 1115, 41],
      ],
    );
    assert.equal(result.days, 30 + 184 + 41);
    assert.equal(
      result.interestMinor,
      result.ratePeriods.reduce((sum, period) => sum + period.interestMinor, 0),
    );
  });

  it('rounds half-up once per period, not per day', () => {
    // 1825 × 10% × 1/365 = 0.5 exactly; 1824 gives 0.4997.
    const rates = { marginBasisPoints: 800, referenceRates: [{ validFrom: '2026-01-01', rateBasisPoints: 200 }] };
    const oneDay = (amountMinor: number) =>
      lateInterest({ ...business(amountMinor, '2026-03-01', '2026-03-02'), business: rates });
    assert.equal(oneDay(1825).interestMinor, 1);
    assert.equal(oneDay(1824).interestMinor, 0);
    // Ten days of 0.4997 are 4.997, one rounding gives 5 (ten roundings would give 0).
    assert.equal(lateInterest({ ...business(1824, '2026-03-01', '2026-03-11'), business: rates }).interestMinor, 5);
  });

  it('counts actual days on UTC dates, 29 February included, over 365', () => {
    const result = lateInterest({
      ...business(365_000, '2024-02-28', '2024-03-01'),
      dueDate: new Date('2024-02-28T23:59:00Z'),
      paidOrNow: new Date('2024-03-01T00:01:00Z'),
    });
    // 29 February and 1 March: 2 days at 12.5% on 3650.00 = 250 cents.
    assert.deepEqual(result.ratePeriods, [
      { from: '2024-02-29', to: '2024-03-01', rateBasisPoints: 1250, days: 2, interestMinor: 250 },
    ]);
  });

  it('keeps a rate in force until the next entry, and throws before the first one or on a date listed twice', () => {
    assert.equal(
      lateInterest(business(100_000, '2027-06-30', '2027-07-01')).ratePeriods[0]?.rateBasisPoints,
      1015,
      'the 2025-07-01 rate still applies',
    );
    assert.throws(
      () => lateInterest(business(100_000, '2023-06-30', '2023-07-01')),
      /no reference rate in force on 2023-07-01: configure/,
    );
    const twice = {
      marginBasisPoints: 800,
      referenceRates: [
        { validFrom: '2026-01-01', rateBasisPoints: 215 },
        { validFrom: '2026-01-01', rateBasisPoints: 200 },
      ],
    };
    assert.throws(() => lateInterest({ ...business(100, '2026-01-01', '2026-01-05'), business: twice }), /twice/);
  });

  it("uses the supplier jurisdiction's rule: Germany's Basiszinssatz + 9 points; a negative base rate still gives its margin", () => {
    // 100000 × (1.27% + 9%) × 30/365 = 844.11
    assert.deepEqual(lateInterest({ ...business(100_000, '2026-03-01', '2026-03-31'), business: DE }).ratePeriods, [
      { from: '2026-03-02', to: '2026-03-31', rateBasisPoints: 1027, days: 30, interestMinor: 844 },
    ]);
    const negative = { marginBasisPoints: 900, referenceRates: [{ validFrom: '2016-07-01', rateBasisPoints: -88 }] };
    assert.equal(
      lateInterest({ ...business(100_000, '2020-03-01', '2020-03-02'), business: negative }).ratePeriods[0]
        ?.rateBasisPoints,
      812,
    );
  });

  it('charges the EUR 40 compensation on EUR amounts only', () => {
    assert.equal(
      lateInterest({ ...business(100_000, '2026-03-01', '2026-03-31'), currency: 'SEK' }).compensationMinor,
      0,
    );
  });
});

describe('lateInterestRuleFor', () => {
  it("picks the supplier country's rule, the euro-area default for a euro country, and refuses to guess for others", () => {
    assert.equal(lateInterestRuleFor('DE', [EA, DE]).jurisdiction, 'DE');
    assert.equal(lateInterestRuleFor('FR', [EA, DE]).jurisdiction, 'EA');
    assert.throws(() => lateInterestRuleFor('SE', [EA, DE]), /no late-interest rule for the supplier country SE/);
  });
});

describe('lateInterestOnBalance', () => {
  const input = {
    currency: 'EUR',
    customer: 'business' as const,
    business: DE,
    consumerRateBasisPoints: 500,
    totalMinor: 100_000,
    dueDate: '2026-03-01',
  };
  it('charges each day on what was outstanding that day: a part payment lowers the balance from the next day', () => {
    const result = lateInterestOnBalance({
      ...input,
      payments: [{ on: '2026-03-11', amountMinor: 60_000 }],
      chargedThrough: null,
      until: utc('2026-03-31'),
    });
    assert.deepEqual(
      result.ratePeriods.map((p) => [p.from, p.to, p.amountMinor, p.days]),
      [
        ['2026-03-02', '2026-03-11', 100_000, 10],
        ['2026-03-12', '2026-03-31', 40_000, 20],
      ],
    );
    assert.equal(result.compensationMinor, 4000);
  });

  it('stops at the payment in full, leaves out the days charged already, and owes nothing for an invoice paid in time', () => {
    const paid = lateInterestOnBalance({
      ...input,
      payments: [{ on: '2026-03-21', amountMinor: 100_000 }],
      chargedThrough: '2026-03-11',
      until: utc('2026-06-30'),
    });
    assert.deepEqual(
      paid.ratePeriods.map((p) => [p.from, p.to, p.days]),
      [['2026-03-12', '2026-03-21', 10]],
    );
    const inTime = lateInterestOnBalance({
      ...input,
      payments: [{ on: '2026-03-01', amountMinor: 100_000 }],
      chargedThrough: null,
      until: utc('2026-06-30'),
    });
    assert.deepEqual([inTime.interestMinor, inTime.compensationMinor, inTime.ratePeriods], [0, 0, []]);
  });
});

describe('lateInterest for consumers', () => {
  it('uses the configured consumer rate, one period, no compensation and no reference rates', () => {
    const result = lateInterest({
      amountMinor: 50_000,
      dueDate: utc('2026-01-31'),
      paidOrNow: utc('2026-03-02'),
      currency: 'EUR',
      customer: 'consumer',
      business: { marginBasisPoints: 0, referenceRates: [] },
      consumerRateBasisPoints: 500,
    });
    // 50000 × 5% × 30/365 = 205.48
    assert.deepEqual(result, {
      days: 30,
      interestMinor: 205,
      compensationMinor: 0,
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
    assert.deepEqual(
      lateInterest({ ...business(100_000, '2026-03-10', '2026-03-10'), paidOrNow: new Date('2026-03-10T23:59:59Z') }),
      none,
    );
  });
});

describe('lateInterest input checks', () => {
  it('rejects fractional or negative amounts and invalid rates', () => {
    assert.throws(() => lateInterest(business(100.5, '2026-01-01', '2026-02-01')), /integer number of minor units/);
    assert.throws(() => lateInterest(business(-1, '2026-01-01', '2026-02-01')), /must not be negative/);
    assert.throws(
      () =>
        lateInterest({
          ...business(100, '2026-01-01', '2026-02-01'),
          customer: 'consumer',
          consumerRateBasisPoints: 4.5,
        }),
      /non-negative integer/,
    );
  });
});
