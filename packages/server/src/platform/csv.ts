// The one CSV reader and writer of the server, on papaparse (which the portal parses its
// uploads with too), so a quoted field holding commas, quotes or line breaks round-trips
// (RFC 4180) instead of being cut at the line break.
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with =, +,
// -, @, tab or carriage return as a formula, so every cell written here that starts so gets a
// leading single quote ('=HYPERLINK(…) → '=HYPERLINK(…)). A plain number is left as it is:
// -5, 3.5 and above all E.164 numbers (+4915112345678) and prefixes (+882) are no formula,
// and a number must come back importable as it was exported. The guard is reversible: a cell
// that already starts with quotes before one of those characters gets one more quote, and
// `parseCsv` takes one off, so importing an export gives back exactly what was exported (and a
// number typed as '+882 in a spreadsheet, to keep its plus, reads as +882).
import Papa from 'papaparse';
import { Problem, type FieldError } from '../http/problem.ts';

export type Cell = string | number | boolean | null | undefined;

/** Cells to guard: quotes, then a formula character, unless the whole cell is a plain number. */
const FORMULA = /^(?![+-]?\d+(?:\.\d+)?$)'*[=+\-@\t\r]/;
/** A guarded cell as read back: the guard's quote comes off. */
const GUARDED = /^'+[=+\-@\t\r]/;

export interface CsvOptions {
  /** The header and column order; by default the keys of the first row. */
  columns?: readonly string[];
  /** RFC 4180 ends lines with CRLF; a list meant for editing in a terminal may use LF. */
  newline?: '\r\n' | '\n';
}

/** A header line and one line per row, each line ended; '' when there is no column at all. */
export function toCsv<R extends Record<keyof R, Cell>>(rows: readonly R[], options: CsvOptions = {}): string {
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  if (columns.length === 0) return '';
  const newline = options.newline ?? '\r\n';
  const config = { newline, escapeFormulae: FORMULA };
  // papaparse reads an empty `data` as one empty row, so an empty table is its header alone.
  const text =
    rows.length === 0
      ? Papa.unparse([[...columns]], config)
      : Papa.unparse({ fields: [...columns], data: [...rows] }, config);
  return text + newline;
}

/**
 * The records of a CSV text (a byte order mark and blank lines skipped), each cell as written
 * and unguarded. A misplaced quote is refused (422) naming the record: `/lines/N`, where N
 * counts the records from 1 (the header, if any, is 1).
 */
export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',' });
  const records: string[][] = [];
  const numberOfRow: number[] = [];
  for (const cells of parsed.data) {
    if (cells.join('').trim() !== '') records.push(cells.map((c) => (GUARDED.test(c) ? c.slice(1) : c)));
    numberOfRow.push(records.length);
  }
  const errors = new Map<string, FieldError>();
  for (const e of parsed.errors) {
    const pointer = `/lines/${numberOfRow[e.row ?? 0] ?? records.length}`;
    const detail = e.code === 'MissingQuotes' ? 'has a quoted field that is never closed' : 'has a quote out of place';
    if (!errors.has(pointer)) errors.set(pointer, { pointer, detail });
  }
  if (errors.size > 0) throw Problem.fields([...errors.values()]);
  return records;
}
