// Calendar dates for the billing rules. Legal periods (VAT rate changes, overdue days,
// half-years) are counted in whole calendar days; a Date is reduced to its UTC date so the
// result does not depend on the server's time zone.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of the date's UTC calendar day. */
export function utcDayNumber(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return Math.floor(ms / MS_PER_DAY);
}

/** 'YYYY-MM-DD' → day number; throws on anything that is not a real calendar date. */
export function isoDateToDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || dayNumberToIsoDate(ms / MS_PER_DAY) !== isoDate) {
    throw new RangeError(`"${isoDate}" is not a calendar date in the form YYYY-MM-DD`);
  }
  return ms / MS_PER_DAY;
}

export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function toIsoDate(date: Date): string {
  return dayNumberToIsoDate(utcDayNumber(date));
}
