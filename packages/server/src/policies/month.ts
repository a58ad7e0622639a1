// "Within a month from the date of notification" (the policies' change clause): a calendar
// month in UTC, same day and time of day in the next month, or that month's last day when it is
// shorter (31 Jan → 28 or 29 Feb, 31 Mar → 30 Apr).

export function addCalendarMonth(from: Date): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()));
}
