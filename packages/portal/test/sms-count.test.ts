// The send form's counter: the server's own encoding rules, seen as the form shows them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smsCount } from '../src/sms-count.ts';

describe('the live SMS counter', () => {
  it('fits 160 GSM-7 characters in one SMS and splits longer texts into parts of 153', () => {
    assert.deepEqual(smsCount('x'.repeat(160)), {
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      perSegment: 160,
      remaining: 0,
    });
    assert.deepEqual(smsCount('x'.repeat(161)), {
      encoding: 'GSM-7',
      units: 161,
      segments: 2,
      perSegment: 153,
      remaining: 145,
    });
  });

  it('counts extension characters twice and switches to UCS-2 (70, then 67 per part) for other scripts', () => {
    assert.equal(smsCount('€').units, 2);
    assert.deepEqual(smsCount('я'.repeat(70)), {
      encoding: 'UCS-2',
      units: 70,
      segments: 1,
      perSegment: 70,
      remaining: 0,
    });
    assert.deepEqual(smsCount('я'.repeat(71)), {
      encoding: 'UCS-2',
      units: 71,
      segments: 2,
      perSegment: 67,
      remaining: 63,
    });
  });

  it('shows an empty message as one part with everything left', () => {
    assert.equal(smsCount('').segments, 1);
    assert.equal(smsCount('').remaining, 160);
  });
});
