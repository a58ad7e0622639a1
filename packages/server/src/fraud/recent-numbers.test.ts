import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RecentNumbers } from './recent-numbers.ts';

const MINUTE = 60_000;

describe('recent numbers of a range', () => {
  it('returns the walk a number belongs to in ascending order, not the scattered numbers around it', () => {
    const r = new RecentNumbers();
    for (const n of [100, 5000, 103, 9000, 110]) r.add(n, 0, MINUTE);
    assert.deepEqual(r.add(105, 1, MINUTE), [100, 103, 105, 110]);
    assert.deepEqual(r.add(7000, 2, MINUTE), [7000]);
  });

  it('counts a number sent twice once', () => {
    const r = new RecentNumbers();
    r.add(200, 0, MINUTE);
    r.add(200, 1, MINUTE);
    assert.deepEqual(r.add(201, 2, MINUTE), [200, 201]);
  });

  it('forgets numbers older than the window', () => {
    const r = new RecentNumbers();
    r.add(300, 0, MINUTE);
    r.add(301, 10, MINUTE);
    assert.deepEqual(r.add(302, MINUTE + 5, MINUTE), [301, 302]);
    assert.equal(r.idle(MINUTE + 5, MINUTE), false);
    assert.equal(r.idle(3 * MINUTE, MINUTE), true);
  });

  it('keeps at most the last 1,000 numbers of a busy minute', () => {
    const r = new RecentNumbers();
    for (let i = 0; i < 1500; i++) r.add(i, i, MINUTE);
    assert.equal(r.add(1500, 1500, MINUTE).length, 1000);
  });
});
