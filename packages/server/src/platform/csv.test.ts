// The CSV module on its own: what gets a formula guard and what does not, and that anything
// written reads back as it was (the HTTP tests of the range list and the privacy export cover
// the routes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCsv, toCsv } from './csv.ts';

const cellOf = (value: string) => toCsv([{ v: value }]).split('\r\n')[1];

describe('CSV', () => {
  it('guards cells a spreadsheet would run, and leaves plain and E.164 numbers alone', () => {
    for (const v of ['=1+1', '+1+1', '-A1', '@SUM(A1)', '\tx', '\rx', '+49 151 123', "'=1"])
      assert.equal(cellOf(v), `"'${v}"`, v);
    for (const v of ['-5', '+5', '3.5', '-0.25', '+4915112345678', '+882', 'a=1', "'x", "O'Brien"])
      assert.equal(cellOf(v), v, v);
    assert.equal(toCsv([{ n: -5, b: true }]), 'n,b\r\n-5,true\r\n', 'numbers and booleans are written as they are');
  });

  it('writes the header in the order given, one ended line per row, and nothing without columns', () => {
    assert.equal(toCsv([{ b: 'x', a: null }], { columns: ['a', 'b'], newline: '\n' }), 'a,b\n,x\n');
    assert.equal(toCsv([], { columns: ['a', 'b'] }), 'a,b\r\n');
    assert.equal(toCsv([]), '');
  });

  it('reads back every value it wrote, commas, quotes, line breaks and guards included', () => {
    // Mostly the characters that matter here, so that guards, quotes and line breaks meet often.
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', "'", ',', ' ', '1', '.'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (pairs) => {
        const rows = pairs.map(([a, b]) => ({ a, b: `${b}.` })); // never a blank record, which is skipped
        assert.deepEqual(parseCsv(toCsv(rows)), [['a', 'b'], ...rows.map((r) => [r.a, r.b])]);
      }),
      { numRuns: 500 },
    );
  });

  it('skips a byte order mark and blank lines, and names a quote that is never closed', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\n\n  \n"1\n2",3\n'), [
      ['a', 'b'],
      ['1\n2', '3'],
    ]);
    assert.throws(
      () => parseCsv('a,b\n"open,x\n'),
      (err: { errors: { pointer: string; detail: string }[] }) => {
        assert.deepEqual(err.errors, [{ pointer: '/lines/2', detail: 'has a quoted field that is never closed' }]);
        return true;
      },
    );
  });
});
