// Serialization failures and deadlocks are expected under concurrency; retry them in one place.
import type { Sql, Tx } from './pool.ts';

const RETRYABLE = new Set(['40001', '40P01']);

export async function withTransaction<T>(sql: Sql, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return (await sql.begin((tx) => fn(tx))) as T;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= attempts || !code || !RETRYABLE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * i));
    }
  }
}
