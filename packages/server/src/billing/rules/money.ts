// Money arithmetic shared by the billing rules. Amounts are integer minor units held in
// `number` (exact up to Number.MAX_SAFE_INTEGER); products such as amount × rate × days can
// exceed that, so they are computed in bigint and only the rounded result comes back.
//
// Rounding is "half-up" on the magnitude (half away from zero): 0.5 cent becomes 1 cent and
// -0.5 cent becomes -1 cent, so a credit note's VAT is exactly the negative of the invoice's.

export function assertMinorUnits(name: string, value: number): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${name} must be an integer number of minor units, got ${value}`);
}

/** numerator / denominator rounded half away from zero; denominator must be positive. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('divideHalfUp needs a positive denominator');
  const quotient = numerator / denominator; // bigint division truncates toward zero
  const remainder = numerator % denominator;
  const magnitude = remainder < 0n ? -remainder : remainder;
  if (2n * magnitude < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

export function toMinorUnits(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result))
    throw new RangeError(`amount ${value} exceeds the safe integer range of minor units`);
  return result;
}

/**
 * Decimal places of a currency's minor unit as Intl (CLDR) knows them: EUR 2, JPY 0, KWD 3.
 * Throws RangeError for a malformed code.
 */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** formatMoney(123456, 'EUR') → "1,234.56 EUR"; formatMoney(1234, 'JPY') → "1,234 JPY". */
export function formatMoney(minor: number, currency: string): string {
  assertMinorUnits('minor', minor);
  const code = currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`currency must be an ISO 4217 code, got "${currency}"`);
  const digits = currencyDigits(code);
  // String arithmetic on the integer, never division by 10^digits in floating point.
  const padded = Math.abs(minor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${padded.slice(padded.length - digits)}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction} ${code}`;
}
