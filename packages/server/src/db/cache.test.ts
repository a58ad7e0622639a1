import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createCache, getMany } from './cache.ts';

/** A clock the test moves by hand. */
function manualClock() {
  let t = 1_000;
  return { now: () => t, move: (ms: number) => void (t += ms) };
}

it('keeps a value for its TTL, then computes it again', () => {
  const clock = manualClock();
  const cache = createCache<number>({ ttlMs: 100, now: clock.now });
  let computed = 0;
  const get = () => cache.get('a', () => ++computed);
  assert.equal(get(), 1);
  clock.move(99);
  assert.equal(get(), 1);
  clock.move(1);
  assert.equal(get(), 2);
});

it('shares one load between concurrent gets, and counts the TTL from when the load settled', async () => {
  const clock = manualClock();
  const cache = createCache<Promise<string>>({ ttlMs: 100, now: clock.now });
  let loads = 0;
  let finish!: (v: string) => void;
  const load = () => {
    loads++;
    return new Promise<string>((resolve) => (finish = resolve));
  };
  const first = cache.get('k', load);
  clock.move(500); // a slow load is not loaded again while it runs
  const second = cache.get('k', load);
  assert.equal(first, second);
  finish('v');
  assert.equal(await second, 'v');
  clock.move(99);
  assert.equal(await cache.get('k', load), 'v');
  assert.equal(loads, 1);
  clock.move(1);
  void cache.get('k', load);
  assert.equal(loads, 2);
});

it('drops a failed load and one that found nothing, so the next get tries again', async () => {
  const cache = createCache<Promise<string | undefined>>({ ttlMs: 60_000 });
  await assert.rejects(
    cache.get('k', () => Promise.reject(new Error('database down'))),
    /database down/,
  );
  assert.equal(await cache.get('k', async () => undefined), undefined);
  assert.equal(await cache.get('k', async () => 'found'), 'found');
  assert.equal(await cache.get('k', async () => 'not asked'), 'found');
});

it('invalidate and clear forget at once; a load started before an invalidate does not replace the newer value', async () => {
  const cache = createCache<Promise<string>>({ ttlMs: Infinity });
  let finishOld!: (v: string) => void;
  void cache.get('a', () => new Promise<string>((resolve) => (finishOld = resolve)));
  cache.invalidate('a');
  const fresh = cache.get('a', async () => 'new');
  finishOld('old');
  assert.equal(await fresh, 'new');
  assert.equal(await cache.get('a', async () => 'again'), 'new');
  void cache.get('b', async () => 'b');
  cache.clear();
  assert.equal(cache.size, 0);
  assert.equal(await cache.get('a', async () => 'after clear'), 'after clear');
});

it('holds at most maxEntries keys, dropping the oldest', () => {
  const cache = createCache<string>({ ttlMs: Infinity, maxEntries: 2 });
  cache.get('a', () => 'a1');
  cache.get('b', () => 'b1');
  cache.get('c', () => 'c1');
  assert.equal(cache.size, 2);
  assert.equal(
    cache.get('a', () => 'a2'),
    'a2',
  );
  assert.equal(
    cache.get('c', () => 'c2'),
    'c1',
  );
});

it('getMany loads the missing keys in one call and keeps only what it found', async () => {
  const cache = createCache<Promise<number | undefined>>({ ttlMs: 60_000 });
  const calls: string[][] = [];
  const load = async (ids: string[]) => {
    calls.push([...ids]);
    return new Map(ids.filter((id) => id !== 'gone').map((id) => [id, id.length]));
  };
  assert.deepEqual(
    await getMany(cache, ['a', 'bb', 'gone'], load),
    new Map([
      ['a', 1],
      ['bb', 2],
    ]),
  );
  assert.deepEqual(
    await getMany(cache, ['bb', 'ccc', 'gone'], load),
    new Map([
      ['bb', 2],
      ['ccc', 3],
    ]),
  );
  assert.deepEqual(calls, [
    ['a', 'bb', 'gone'],
    ['ccc', 'gone'],
  ]);
});
