// The one per-process cache: values read on every request or message but changed rarely
// (settings, sender policies, data keys, principals, address classes). Each process keeps its
// own copy, so every use states how stale it may be (`ttlMs`) and how a change reaches it
// (invalidate/clear, often from a LISTEN/NOTIFY handler).

export interface CacheOptions {
  /** How long a value is kept after it was computed (after its promise settled). Infinity: until invalidated. */
  ttlMs: number;
  /** At most this many keys; the oldest goes first. */
  maxEntries?: number;
  now?: () => number;
}

export interface Cache<V> {
  /**
   * The kept value of `key`, else `compute()`'s, kept. A promise is kept while it runs, so
   * concurrent gets share one load; one that rejects or resolves to undefined (nothing found)
   * is dropped, so the next get tries again.
   */
  get(key: string, compute: () => V): V;
  invalidate(key: string): void;
  clear(): void;
  readonly size: number;
}

interface Entry<V> {
  value: V;
  /** When it stops being fresh; Infinity while its promise runs. */
  until: number;
}

export function createCache<V>(opts: CacheOptions): Cache<V> {
  const { ttlMs, maxEntries = 10_000, now = Date.now } = opts;
  const entries = new Map<string, Entry<V>>();

  function keep(key: string, value: V): void {
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    const entry: Entry<V> = { value, until: value instanceof Promise ? Infinity : now() + ttlMs };
    entries.set(key, entry);
    if (!(value instanceof Promise)) return;
    // Only this entry: a newer one (after invalidate) must not be dropped or aged by an older load.
    const drop = () => void (entries.get(key) === entry && entries.delete(key));
    (value as Promise<unknown>).then((v) => (v === undefined ? drop() : void (entry.until = now() + ttlMs)), drop);
  }

  return {
    get(key, compute) {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value;
      if (hit) entries.delete(key);
      const value = compute();
      keep(key, value);
      return value;
    },
    invalidate: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/**
 * Many keys at once: the ones not kept are loaded together in one call (one query), and each
 * waits on that one load. Keys the load does not return are not kept.
 */
export async function getMany<T>(
  cache: Cache<Promise<T | undefined>>,
  keys: readonly string[],
  load: (missing: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const missing: string[] = [];
  let batch: Promise<Map<string, T>> | undefined;
  const pending = keys.map(
    (key) =>
      [
        key,
        cache.get(key, () => {
          missing.push(key);
          // Started after every key was looked at (a microtask later), so it covers all the misses.
          batch ??= Promise.resolve().then(() => load(missing));
          return batch.then((found) => found.get(key));
        }),
      ] as const,
  );
  const out = new Map<string, T>();
  for (const [key, value] of pending) {
    const v = await value;
    if (v !== undefined) out.set(key, v);
  }
  return out;
}
