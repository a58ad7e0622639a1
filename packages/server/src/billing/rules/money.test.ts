import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { currencyDigits, divideHalfUp, formatMoney, toMinorUnits } from './money.ts';

describe('divideHalfUp', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    assert.equal(divideHalfUp(5n, 2n), 3n);
    assert.equal(divideHalfUp(-5n, 2n), -3n);
    assert.equal(divideHalfUp(7n, 2n), 4n);
    assert.equal(divideHalfUp(4n, 3n), 1n);
    assert.equal(divideHalfUp(-4n, 3n), -1n);
    assert.equal(divideHalfUp(5n, 3n), 2n);
    assert.equal(divideHalfUp(0n, 7n), 0n);
    assert.throws(() => divideHalfUp(1n, 0n), /positive denominator/);
  });

  it('refuses results beyond the safe integer range', () => {
    assert.equal(toMinorUnits(9_007_199_254_740_991n), Number.MAX_SAFE_INTEGER);
    assert.throws(() => toMinorUnits(9_007_199_254_740_992n), /safe integer range/);
  });
});

describe('formatMoney', () => {
  it('formats minor units with thousands separators and the currency code', () => {
    assert.equal(formatMoney(123_456, 'EUR'), '1,234.56 EUR');
    assert.equal(formatMoney(5, 'EUR'), '0.05 EUR');
    assert.equal(formatMoney(0, 'EUR'), '0.00 EUR');
    assert.equal(formatMoney(-123_456_789, 'eur'), '-1,234,567.89 EUR');
    assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR'), '90,071,992,547,409.91 EUR');
  });

  it("uses the currency's own number of decimals", () => {
    assert.equal(currencyDigits('JPY'), 0);
    assert.equal(formatMoney(1234, 'JPY'), '1,234 JPY');
    assert.equal(formatMoney(1234, 'KWD'), '1.234 KWD');
    assert.equal(formatMoney(1234, 'USD'), '12.34 USD');
  });

  it('rejects fractional minor units and malformed currency codes', () => {
    assert.throws(() => formatMoney(1.5, 'EUR'), /integer number of minor units/);
    assert.throws(() => formatMoney(1, 'EURO'), /ISO 4217/);
  });
});
