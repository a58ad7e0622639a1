// The sending window on the country's clock: midnight-spanning quiet hours, DST changes on
// either side (skipped and repeated local times), quiet days and holidays.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextOpening, type SendingWindow } from './sending-window.ts';
import { instantsOf, isTimeZone, localTime } from './zoned-time.ts';

const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
function windowOf(timeZone: string, o: { quiet?: string; days?: number[]; holidays?: string[] } = {}): SendingWindow {
  const [start, end] = o.quiet?.split('-') ?? [];
  return {
    timeZone,
    quiet: start && end ? { start: hm(start), end: hm(end) } : null,
    quietDays: new Set(o.days ?? []),
    holidays: new Set(o.holidays ?? []),
  };
}
const opening = (w: SendingWindow, at: string) => nextOpening(w, new Date(at)).toISOString();

describe('quiet hours spanning midnight (21:00-08:00)', () => {
  const berlin = windowOf('Europe/Berlin', { quiet: '21:00-08:00' });

  it('lets marketing go at once outside the quiet hours', () => {
    assert.equal(opening(berlin, '2026-06-10T10:00:00.000Z'), '2026-06-10T10:00:00.000Z'); // 12:00 CEST
    assert.equal(
      opening(berlin, '2026-06-10T06:00:00.000Z'),
      '2026-06-10T06:00:00.000Z',
      'the window opens at 08:00 sharp',
    );
  });

  it('defers an evening message to 08:00 the next morning', () => {
    assert.equal(
      opening(berlin, '2026-06-10T19:00:00.000Z'),
      '2026-06-11T06:00:00.000Z',
      '21:00 CEST is already quiet',
    );
    assert.equal(opening(berlin, '2026-06-10T21:45:00.000Z'), '2026-06-11T06:00:00.000Z');
  });

  it('defers an early-morning message to 08:00 the same day', () => {
    assert.equal(opening(berlin, '2026-01-15T02:00:00.000Z'), '2026-01-15T07:00:00.000Z'); // 03:00 CET → 08:00 CET
    assert.equal(
      opening(berlin, '2026-01-15T06:59:30.000Z'),
      '2026-01-15T07:00:00.000Z',
      'a minute before the end is still quiet',
    );
  });

  it('handles quiet hours within one day (12:00-14:00)', () => {
    const lunch = windowOf('Europe/Berlin', { quiet: '12:00-14:00' });
    assert.equal(opening(lunch, '2026-01-15T11:30:00.000Z'), '2026-01-15T13:00:00.000Z');
    assert.equal(opening(lunch, '2026-01-15T13:00:00.000Z'), '2026-01-15T13:00:00.000Z');
  });
});

describe('DST changes', () => {
  it('opens at 08:00 summer time the morning after clocks go forward (Berlin, 29 March 2026)', () => {
    const w = windowOf('Europe/Berlin', { quiet: '21:00-08:00' });
    assert.equal(opening(w, '2026-03-28T21:30:00.000Z'), '2026-03-29T06:00:00.000Z');
  });

  it('opens at 08:00 winter time the morning after clocks go back (Berlin, 25 October 2026)', () => {
    const w = windowOf('Europe/Berlin', { quiet: '21:00-08:00' });
    assert.equal(opening(w, '2026-10-24T20:00:00.000Z'), '2026-10-25T07:00:00.000Z');
  });

  it('opens in New York at 08:00 EDT after the March change (8 March 2026)', () => {
    const w = windowOf('America/New_York', { quiet: '21:00-08:00' });
    assert.equal(opening(w, '2026-03-08T03:00:00.000Z'), '2026-03-08T12:00:00.000Z');
  });

  it('moves an end time the clocks skip to just after the gap (02:30 → 03:30 CEST)', () => {
    const w = windowOf('Europe/Berlin', { quiet: '22:00-02:30' });
    assert.equal(opening(w, '2026-03-28T22:00:00.000Z'), '2026-03-29T01:30:00.000Z');
  });

  it('ends a quiet period at the next occurrence of a repeated end time (02:30 on 25 October)', () => {
    const w = windowOf('Europe/Berlin', { quiet: '01:00-02:30' });
    assert.equal(opening(w, '2026-10-25T00:10:00.000Z'), '2026-10-25T00:30:00.000Z', '02:10 CEST → 02:30 CEST');
    assert.equal(
      opening(w, '2026-10-25T01:10:00.000Z'),
      '2026-10-25T01:30:00.000Z',
      '02:10 CET → 02:30 CET, not back in time',
    );
  });

  it('starts a day whose midnight the clocks skip at 01:00 (Santiago, 6 September 2026)', () => {
    const w = windowOf('America/Santiago', { holidays: ['2026-09-05'] });
    assert.equal(opening(w, '2026-09-05T16:00:00.000Z'), '2026-09-06T04:00:00.000Z');
  });

  it('reads local times and both instants of a repeated time', () => {
    assert.deepEqual(localTime('Europe/Berlin', new Date('2026-03-29T01:30:00Z')), {
      date: '2026-03-29',
      weekday: 7,
      minute: 210,
    });
    assert.deepEqual(
      instantsOf('Europe/Berlin', '2026-10-25', 150).map((d) => d.toISOString()),
      ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    );
  });
});

describe('holidays and quiet days', () => {
  it('skips public holidays, then waits for the quiet hours to end', () => {
    const w = windowOf('Europe/Berlin', { quiet: '21:00-08:00', holidays: ['2026-12-25', '2026-12-26'] });
    assert.equal(
      opening(w, '2026-12-24T21:00:00.000Z'),
      '2026-12-27T07:00:00.000Z',
      'Christmas Eve 22:00 → 27 December 08:00',
    );
    assert.equal(opening(w, '2026-12-25T12:00:00.000Z'), '2026-12-27T07:00:00.000Z');
  });

  it('reads the holiday on the local date, not the UTC one', () => {
    const w = windowOf('Pacific/Auckland', { holidays: ['2026-12-25'] });
    // 11:00 UTC on 24 December is already 00:00 on 25 December in Auckland (NZDT, +13).
    assert.equal(opening(w, '2026-12-24T11:00:00.000Z'), '2026-12-25T11:00:00.000Z');
    assert.equal(opening(w, '2026-12-24T10:59:00.000Z'), '2026-12-24T10:59:00.000Z');
  });

  it('waits over quiet days such as Sunday (Saturday evening → Monday morning)', () => {
    const paris = windowOf('Europe/Paris', { quiet: '20:00-08:00', days: [7] });
    assert.equal(opening(paris, '2026-06-13T19:00:00.000Z'), '2026-06-15T06:00:00.000Z');
  });

  it('knows IANA zones and refuses made-up ones and raw offsets', () => {
    assert.ok(isTimeZone('Europe/Berlin') && isTimeZone('America/Argentina/Buenos_Aires') && isTimeZone('UTC'));
    assert.ok(!isTimeZone('Mars/Olympus') && !isTimeZone('+01:00') && !isTimeZone('Europe/Berlin\u0000'));
  });
});
