// Rows from JavaScript as a table in SQL: one jsonb parameter opened by jsonb_to_recordset, so a
// batch of any size is one statement with one parameter (no 65535-parameter limit, one plan).
import type postgres from 'postgres';
import type { Db } from './pool.ts';

/** The column types the batches use; extend when a statement needs another. */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'boolean' | 'timestamptz' | 'jsonb';

/**
 * The column types a JavaScript value may land in. Tuples stop the conditional from
 * distributing over unions, so `string | null` is judged as a string.
 */
type TypesFor<V> = [V] extends [never]
  ? ColumnType
  : [V] extends [boolean]
    ? 'boolean'
    : [V] extends [number]
      ? 'integer' | 'bigint'
      : [V] extends [bigint]
        ? 'bigint'
        : [V] extends [Date]
          ? 'timestamptz'
          : [V] extends [string]
            ? 'text' | 'timestamptz' | 'bigint'
            : [V] extends [string | Date]
              ? 'timestamptz'
              : 'jsonb';

/** One SQL type per key of the row type: no key missing, none extra, each type fitting its values. */
export type Columns<T> = { readonly [K in keyof T]-?: TypesFor<NonNullable<T[K]>> };

/**
 * `jsonb_to_recordset($1::jsonb) as alias("col" type, ...)`, to nest in a tagged template
 * (`from ${recordset(tx, rows, { id: 'text' }, 'u')}`). Only the listed columns are sent, and
 * the column list is built from those names and types alone (never from values). Dates travel as
 * ISO strings and bigints as decimal strings, both read back exactly by the column's type;
 * null and undefined become null.
 */
export function recordset<T extends object>(
  db: Db,
  rows: readonly T[],
  columns: NoInfer<Columns<T>>,
  alias = 't',
): postgres.Fragment {
  const names = Object.keys(columns) as (keyof T & string)[];
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(names.map((name) => [name, row[name] ?? null]))),
    jsonValue,
  );
  const definition = names.map((name) => `${identifier(name)} ${columns[name]}`).join(', ');
  // Sent as text (oid 25) and cast in SQL: typed as jsonb, postgres.js would JSON-encode the text again.
  return db`jsonb_to_recordset(${db.typed(json, 25)}::jsonb) as ${db.unsafe(`${identifier(alias)}(${definition})`)}`;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** JSON.stringify replacer: `this[key]` is the value before Date#toJSON ran. */
function jsonValue(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return raw.toISOString();
  if (typeof raw === 'bigint') return raw.toString();
  return value;
}
