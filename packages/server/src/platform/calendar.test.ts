// The objection month: a calendar month from the notification, clamped to the end of shorter months.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addCalendarMonths } from './calendar.ts';

describe('objection month', () => {
  const plusMonth = (iso: string) => addCalendarMonths(new Date(iso)).toISOString();

  it('ends on the same day and time of the next month', () => {
    assert.equal(plusMonth('2026-03-15T10:30:00.000Z'), '2026-04-15T10:30:00.000Z');
    assert.equal(plusMonth('2026-12-10T00:00:00.000Z'), '2027-01-10T00:00:00.000Z', 'across the year end');
  });

  it('ends on the last day of a shorter month', () => {
    assert.equal(plusMonth('2026-01-31T09:00:00.000Z'), '2026-02-28T09:00:00.000Z');
    assert.equal(plusMonth('2028-01-31T09:00:00.000Z'), '2028-02-29T09:00:00.000Z', 'leap year');
    assert.equal(plusMonth('2026-03-31T23:59:59.999Z'), '2026-04-30T23:59:59.999Z');
    assert.equal(plusMonth('2026-01-29T12:00:00.000Z'), '2026-02-28T12:00:00.000Z');
  });

  it('adds several months at once (a request extended by two: three after receipt)', () => {
    assert.equal(addCalendarMonths(new Date('2026-11-30T08:00:00.000Z'), 3).toISOString(), '2027-02-28T08:00:00.000Z');
    assert.equal(addCalendarMonths(new Date('2026-10-31T08:00:00.000Z'), 3).toISOString(), '2027-01-31T08:00:00.000Z');
  });
});
