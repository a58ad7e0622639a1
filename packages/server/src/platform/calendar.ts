// Calendar months in UTC, for legal periods: "within a month from the date of notification"
// (policy changes) and GDPR Art. 12(3)'s one month, extendable by two (data-subject requests).
// Same day and time of day, or the month's last day when it is shorter (31 Jan → 28 or 29 Feb).

export function addCalendarMonths(from: Date, months = 1): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  );
}

export function startOfMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}
