import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatInvoiceNumber, parseInvoiceNumber } from './invoice-number.ts';

describe('invoice numbers', () => {
  it('formats prefix, year and a six-digit sequence', () => {
    assert.equal(formatInvoiceNumber('CX', 2026, 123), 'CX-2026-000123');
    assert.equal(formatInvoiceNumber('CX', 2026, 1), 'CX-2026-000001');
    assert.equal(
      formatInvoiceNumber('CX-EU', 2026, 1_234_567),
      'CX-EU-2026-1234567',
      'the sequence grows past six digits',
    );
  });

  it('parses what it formats, including prefixes with hyphens', () => {
    assert.deepEqual(parseInvoiceNumber('CX-2026-000123'), { prefix: 'CX', year: 2026, seq: 123 });
    assert.deepEqual(parseInvoiceNumber('CX-EU-2026-1234567'), { prefix: 'CX-EU', year: 2026, seq: 1_234_567 });
    for (const [prefix, year, seq] of [
      ['A1', 1999, 999_999],
      ['CN', 2030, 42],
    ] as const) {
      assert.deepEqual(parseInvoiceNumber(formatInvoiceNumber(prefix, year, seq)), { prefix, year, seq });
    }
  });

  it('accepts only the canonical spelling', () => {
    for (const value of [
      'CX-2026-123',
      'CX-2026-0001234',
      'cx-2026-000123',
      'CX-2026-000000',
      'CX-26-000123',
      '-2026-000123',
      'CX--A-2026-000123',
      'CX-2026-000123 ',
      'CX 2026 000123',
    ]) {
      assert.equal(parseInvoiceNumber(value), null, value);
    }
  });

  it('refuses parts that would not give a valid number', () => {
    assert.throws(() => formatInvoiceNumber('cx', 2026, 1), /prefix/);
    assert.throws(() => formatInvoiceNumber('', 2026, 1), /prefix/);
    assert.throws(() => formatInvoiceNumber('CX-', 2026, 1), /prefix/);
    assert.throws(() => formatInvoiceNumber('CX', 26, 1), /four digits/);
    assert.throws(() => formatInvoiceNumber('CX', 2026, 0), /positive integer/);
    assert.throws(() => formatInvoiceNumber('CX', 2026, 1.5), /positive integer/);
  });
});
