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

const DAY_MS = 86_400_000;

/**
 * Calendar arithmetic on plain dates is hot (targets walk every day of a month for every day they
 * price), so `YYYY-MM-DD` in years 1000–9999 takes a fast path through UTC milliseconds; anything
 * else goes through Luxon as before.
 */
function utcMidnight(date: LocalDate): number | undefined {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return undefined;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 1000) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March: such a string is not a date.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const ms = utcMidnight(date);
  if (ms !== undefined && Number.isInteger(days)) {
    const result = new Date(ms + days * DAY_MS);
    const year = result.getUTCFullYear();
    if (year >= 1000 && year <= 9999) return result.toISOString().slice(0, 10) as LocalDate;
  }
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

/** The calendar month containing `instant` in `zone`, as a UTC interval [start, end). */
export function monthInterval(instant: Date, zone: string): Interval {
  const start = zoned(instant, zone).startOf('month');
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
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

/** e.g. "December 2026": the month containing `date`. */
export function formatLocalMonth(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'UTC', locale: 'en-US' }).toFormat('LLLL yyyy');
}

/** "today", "yesterday", or e.g. "Mon 1 Dec" — how a date reads in a reply to the rep. */
export function describeLocalDate(date: LocalDate, today: LocalDate): string {
  const diff = daysBetween(date, today);
  if (diff === 0) return 'today';
  if (diff === 1) return 'yesterday';
  return date.slice(0, 4) === today.slice(0, 4) ? formatLocalDate(date) : `${formatLocalDate(date)} ${date.slice(0, 4)}`;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const ms = utcMidnight(date);
  if (ms !== undefined) return new Date(ms).getUTCDay() || 7;
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

/** Every date from `from` to `to`, both included (empty when `to` is before `from`). */
export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The calendar month containing `date`: its first and last dates. */
export function monthOf(date: LocalDate): { first: LocalDate; last: LocalDate } {
  if (utcMidnight(date) !== undefined) {
    const lastDay = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
    return { first: `${date.slice(0, 8)}01` as LocalDate, last: `${date.slice(0, 8)}${String(lastDay).padStart(2, '0')}` as LocalDate };
  }
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  return { first: dt.startOf('month').toISODate() as LocalDate, last: dt.endOf('month').toISODate() as LocalDate };
}

/** The seven dates of the week containing `date`, starting on `weekStartsOn` (1 = Monday). */
export function weekOf(date: LocalDate, weekStartsOn = 1): LocalDate[] {
  const first = addDays(date, -((isoWeekday(date) - weekStartsOn + 7) % 7));
  return eachDay(first, addDays(first, 6));
}

/** Parses "HH:MM" (24 h) into minutes after midnight, or null. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes after midnight as "HH:MM" (the inverse of parseClockTime). */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant at local wall-clock time `hhmm` on `date` in `zone` (DST gaps move forward). */
export function instantAt(date: LocalDate, hhmm: string, zone: string): Date {
  const minutes = parseClockTime(hhmm);
  if (minutes === null) throw new RangeError(`invalid time ${hhmm}`);
  return fromLocalDate(date, zone).set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toJSDate();
}

/** The wall-clock time of `instant` in `zone`, as "HH:MM". */
export function localClockTime(instant: Date, zone: string): string {
  return zoned(instant, zone).toFormat('HH:mm');
}

/** How much of the working hours [start, end) on `now`'s local date has elapsed, 0…1. */
export function elapsedShareOfDay(now: Date, zone: string, start: string, end: string): number {
  const date = localDate(now, zone);
  const from = instantAt(date, start, zone).getTime();
  const to = instantAt(date, end, zone).getTime();
  if (to <= from) return now.getTime() >= from ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - from) / (to - from)));
}

/** The same calendar date `years` later (29 Feb becomes 28 Feb in a common year). */
export function addYears(date: LocalDate, years: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ years }).toISODate() as LocalDate;
}

/** How many days the inclusive range `from`…`to` holds (0 when `to` is before `from`). */
export function daysInRange(from: LocalDate, to: LocalDate): number {
  return Math.max(0, daysBetween(from, to) + 1);
}

/**
 * An inclusive range as a rep reads it: "Thu 24 Dec – Thu 31 Dec", or one date ("today",
 * "yesterday", "Thu 24 Dec") when it is a single day. Dates outside `today`'s year carry it.
 */
export function formatDateRange(from: LocalDate, to: LocalDate, today: LocalDate): string {
  if (from === to) return describeLocalDate(from, today);
  const withYear = (date: LocalDate) => (date.slice(0, 4) === today.slice(0, 4) ? formatLocalDate(date) : `${formatLocalDate(date)} ${date.slice(0, 4)}`);
  return `${withYear(from)} – ${withYear(to)}`;
}

/** The `weeks` weeks ending at `now`, as instants: [now − weeks, now]. */
export function trailingWeeks(now: Date, weeks: number): Interval {
  return { start: DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ weeks }).toJSDate(), end: new Date(now) };
}

