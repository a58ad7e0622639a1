// A jsonb parameter for any object or array. postgres.js's `sql.json()` accepts only types with
// an index signature, which interfaces (connector configs, order items, settings) lack; this
// sends the same parameter (jsonb oid, JSON.stringify: Dates as ISO strings) without a cast.
import type postgres from 'postgres';
import type { Db } from './pool.ts';

const JSONB_OID = 3802;

export function jsonb(db: Db, value: object): postgres.Parameter<object> {
  return db.typed(value, JSONB_OID);
}
