// Invoice numbers: "<PREFIX>-<YEAR>-<SEQUENCE>", e.g. CX-2026-000123. Council Directive
// 2006/112/EC Art. 226(2) requires a sequential number, in one or more series, that
// identifies the invoice uniquely; here each prefix and year is one series. Allocating the
// next sequence without gaps is the caller's job (it needs the database).
//
// Only the canonical spelling parses, so one invoice has exactly one number string: the
// sequence has at least six digits and leading zeros only up to that width.

export type InvoiceNumberParts = { prefix: string; year: number; seq: number };

const SEQUENCE_WIDTH = 6;

export function formatInvoiceNumber(prefix: string, year: number, seq: number): string {
  const problem = invalidPart({ prefix, year, seq });
  if (problem) throw new RangeError(problem);
  return `${prefix}-${year}-${String(seq).padStart(SEQUENCE_WIDTH, '0')}`;
}

/** The parts of a canonical invoice number, or null if the string is not one. */
export function parseInvoiceNumber(value: string): InvoiceNumberParts | null {
  // Anchored on the right: the prefix itself may contain hyphens.
  const match = /^(.+)-(\d{4})-(\d{6,})$/.exec(value);
  if (!match) return null;
  const parts = { prefix: match[1] ?? '', year: Number(match[2]), seq: Number(match[3]) };
  if (invalidPart(parts)) return null;
  return formatInvoiceNumber(parts.prefix, parts.year, parts.seq) === value ? parts : null;
}

function invalidPart({ prefix, year, seq }: InvoiceNumberParts): string | null {
  if (!/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(prefix))
    return `invoice number prefix must be upper-case letters and digits (inner hyphens allowed), got "${prefix}"`;
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    return `invoice number year must have four digits, got ${year}`;
  if (!Number.isSafeInteger(seq) || seq < 1) return `invoice sequence must be a positive integer, got ${seq}`;
  return null;
}
