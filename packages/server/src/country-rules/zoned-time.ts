// Wall-clock time in an IANA zone, with the platform's Intl time-zone data (no Temporal in
// Node 24, no zone library in the tree). Only what the quiet hours need: the local date and
// minute of an instant, and the instant(s) of a local date and minute.
//
// A local time that a DST change skips (02:30 on the spring-forward night in Berlin) is read
// with the offset in force before the change, so it lands after the gap (03:30), as Temporal's
// "compatible" disambiguation does; one that occurs twice (fall back) has two instants.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** A zone name Intl knows (IANA names and their aliases; not offsets such as "+01:00"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `ms` in `zone`, as if that reading were UTC (ms since the epoch). */
function wallMs(zone: string, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Monday … 7 = Sunday (ISO 8601) */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
}

export function localTime(zone: string, at: Date): LocalTime {
  const wall = new Date(wallMs(zone, at.getTime()));
  return {
    date: wall.toISOString().slice(0, 10),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
    minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** The date after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

/**
 * The instants at which the clock in `zone` reads `date` `minute`: one, two when a fall-back
 * repeats that time (earlier first), or for a skipped time the one just after the gap.
 * Assumes at most one offset change within a day either side, as every zone has.
 */
export function instantsOf(zone: string, date: string, minute: number): Date[] {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE;
  const before = wallMs(zone, wall - DAY) - (wall - DAY);
  const after = wallMs(zone, wall + DAY) - (wall + DAY);
  const found = [...new Set([wall - before, wall - after])]
    .filter((ms) => wallMs(zone, ms) === wall)
    .sort((a, b) => a - b);
  return (found.length ? found : [wall - before]).map((ms) => new Date(ms));
}
