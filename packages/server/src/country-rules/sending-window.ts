// When marketing may reach a country: not during its quiet hours, not on its quiet days
// (weekdays) and not on its public holidays, all read on the country's local clock.
import { instantsOf, localTime, nextDate, type LocalTime } from './zoned-time.ts';

export interface SendingWindow {
  timeZone: string;
  /** Minutes since local midnight; `start > end` spans midnight (21:00-08:00). End excluded. */
  quiet: { start: number; end: number } | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which marketing waits all day. */
  quietDays: ReadonlySet<number>;
  /** Local dates (YYYY-MM-DD) on which marketing waits all day. */
  holidays: ReadonlySet<string>;
}

/** Where the quiet period that covers `local` ends (local date and minute), or null when it is open. */
function quietEnd(quiet: SendingWindow['quiet'], local: LocalTime): { date: string; minute: number } | null {
  if (!quiet) return null;
  const { start, end } = quiet;
  const m = local.minute;
  if (start < end) return m >= start && m < end ? { date: local.date, minute: end } : null;
  if (m >= start) return { date: nextDate(local.date), minute: end };
  if (m < end) return { date: local.date, minute: end };
  return null;
}

/** The first of the instants of a local time that is later than `after` (a fall-back repeats times). */
function firstAfter(zone: string, date: string, minute: number, after: Date): Date {
  const instants = instantsOf(zone, date, minute);
  return instants.find((i) => i > after) ?? instants.at(-1)!;
}

/**
 * The first moment at or after `at` when marketing may go: `at` itself when it may go now.
 * Each step moves to the end of a quiet period or to the next local midnight, so with at most
 * six quiet days (the service refuses seven) the walk ends after a few steps per holiday.
 */
export function nextOpening(w: SendingWindow, at: Date): Date {
  let t = at;
  const maxSteps = 2 * (w.holidays.size + 8);
  for (let step = 0; step < maxSteps; step++) {
    const local = localTime(w.timeZone, t);
    if (w.holidays.has(local.date) || w.quietDays.has(local.weekday)) {
      t = firstAfter(w.timeZone, nextDate(local.date), 0, t);
      continue;
    }
    const end = quietEnd(w.quiet, local);
    if (!end) return t;
    t = firstAfter(w.timeZone, end.date, end.minute, t);
  }
  return t;
}
