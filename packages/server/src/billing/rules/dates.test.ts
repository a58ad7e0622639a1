import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumberToIsoDate, isoDateToDayNumber, toIsoDate, utcDayNumber } from './dates.ts';

describe('billing dates', () => {
  it('reduces a Date to its UTC calendar day', () => {
    assert.equal(toIsoDate(new Date('2026-01-01T00:30:00+02:00')), '2025-12-31');
    assert.equal(utcDayNumber(new Date('1970-01-02T23:59:59Z')), 1);
    assert.equal(utcDayNumber(new Date('1969-12-31T12:00:00Z')), -1);
    assert.throws(() => utcDayNumber(new Date('nonsense')), /invalid Date/);
  });

  it('converts YYYY-MM-DD both ways and rejects impossible dates', () => {
    assert.equal(isoDateToDayNumber('2024-03-01') - isoDateToDayNumber('2024-02-28'), 2);
    assert.equal(dayNumberToIsoDate(isoDateToDayNumber('2026-07-01')), '2026-07-01');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-7-1', '2026-07-01T00:00:00Z', '']) {
      assert.throws(() => isoDateToDayNumber(bad), /not a calendar date/, bad);
    }
  });
});
