// A per-key cache of loads that expire after `ttlMs`, for settings read on every request but
// changed rarely. A failed load is forgotten at once, so the next call tries again.
export interface TtlCache<V> {
  get(key: string, opts?: { fresh?: boolean }): Promise<V>;
  forget(key: string): void;
  /** Forgets everything (a change notification that names no key). */
  clear(): void;
}

export function ttlCache<V>(ttlMs: number, load: (key: string) => Promise<V>): TtlCache<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key, opts = {}) {
      const hit = entries.get(key);
      if (hit && !opts.fresh && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { at: Date.now(), value });
      value.catch(() => entries.delete(key));
      return value;
    },
    forget: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  };
}
