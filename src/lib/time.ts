// Every time-zone, calendar-day and week-boundary computation lives here.
// Instants are stored in UTC; "today" and "this week" are computed in the rep's zone.
// Nothing here reads the system clock: callers pass `now` (from a Clock) explicitly.
import { DateTime, IANAZone } from 'luxon';

/** The injectable clock: production uses systemClock, tests and `run-job --at` pass their own. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at);
  return () => new Date(instant);
};

/** A calendar date, `YYYY-MM-DD`, meaningful only together with a time zone. */
export type LocalDate = string;

export type Interval = { start: Date; end: Date };

export function isValidTimezone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function zoned(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone });
}

function fromLocalDate(date: LocalDate, zone: string): DateTime {
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw new RangeError(`invalid date ${date} in ${zone}`);
  return dt;
}

/** The calendar date of `instant` in `zone`. */
export function localDate(instant: Date, zone: string): LocalDate {
  return zoned(instant, zone).toISODate() as LocalDate;
}

/** Strictly parses `YYYY-MM-DD` (a real calendar date) or returns null. */
export function parseLocalDate(text: string): LocalDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const dt = DateTime.fromISO(text, { zone: 'UTC' });
  return dt.isValid ? (dt.toISODate() as LocalDate) : null;
}

// An ISO-8601 instant with an explicit zone: `2026-12-01T14:05:00Z`, `…+05:30`, `…+0530`.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Strictly parses an ISO-8601 instant that states its offset, or returns undefined. */
export function parseInstant(text: string): Date | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as LocalDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** The local day `date` in `zone` as a UTC interval [start, end); 23 or 25 hours long on DST days. */
export function dayInterval(date: LocalDate, zone: string): Interval {
  const start = fromLocalDate(date, zone).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** The week containing `instant` in `zone`, starting on `weekStartsOn` (1 = Monday … 7 = Sunday). */
export function weekInterval(instant: Date, zone: string, weekStartsOn = 1): Interval & { firstDay: LocalDate } {
  const day = zoned(instant, zone).startOf('day');
  const back = (day.weekday - weekStartsOn + 7) % 7;
  const start = day.minus({ days: back });
  return { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate(), firstDay: start.toISODate() as LocalDate };
}

/**
 * The instant a backdated entry is stored at: local noon of that date, so it stays on
 * that day in the rep's zone whatever DST does.
 */
export function middayOf(date: LocalDate, zone: string): Date {
  return fromLocalDate(date, zone).set({ hour: 12 }).toJSDate();
}

/** e.g. "Mon 1 Dec". */
export function formatLocalDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL');
}

/** "today", "yesterday", or e.g. "Mon 1 Dec" — how a date reads in a reply to the rep. */
export function describeLocalDate(date: LocalDate, today: LocalDate): string {
  const diff = daysBetween(date, today);
  if (diff === 0) return 'today';
  if (diff === 1) return 'yesterday';
  return date.slice(0, 4) === today.slice(0, 4) ? formatLocalDate(date) : `${formatLocalDate(date)} ${date.slice(0, 4)}`;
}
