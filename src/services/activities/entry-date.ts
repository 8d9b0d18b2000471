// Which day an entry belongs to, and whether it may be logged for that day (the backfill window).
import { UserError } from '../../lib/errors.js';
import { addDays, daysBetween, describeLocalDate, localDate, middayOf, type LocalDate } from '../../lib/time.js';
import type { WhenSpec } from '../../listeners/commands/dial-grammar.js';

export function resolveEntryDate(when: WhenSpec, now: Date, timezone: string): LocalDate {
  const today = localDate(now, timezone);
  switch (when.type) {
    case 'now':
      return today;
    case 'days_ago':
      return addDays(today, -when.days);
    case 'date':
      return when.date;
    case 'weekday': {
      // The most recent such day, today included ("monday" on a Monday means today).
      const todayWeekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
      return addDays(today, -((todayWeekday - when.weekday + 7) % 7));
    }
  }
}

/** Throws a UserError unless `date` is today or within the last `backfillDays` days in the rep's zone. */
export function checkEntryDate(date: LocalDate, now: Date, timezone: string, backfillDays: number, field?: string): void {
  const today = localDate(now, timezone);
  const age = daysBetween(date, today);
  if (age < 0) {
    throw new UserError('out_of_window', `${date} is in the future (today is ${today} where you are). Log activity once it has happened.`, field);
  }
  if (age > backfillDays) {
    throw new UserError(
      'out_of_window',
      `${date} is ${age} days ago; entries can be backdated up to ${backfillDays} days (back to ${addDays(today, -backfillDays)}). Ask your manager to import older activity.`,
      field,
    );
  }
}

/** The instant stored for an entry: now when it is for today, else local midday of that day. */
export function occurredAtFor(date: LocalDate, now: Date, timezone: string): Date {
  return date === localDate(now, timezone) ? now : middayOf(date, timezone);
}

export function describeEntryDate(date: LocalDate, now: Date, timezone: string): string {
  return describeLocalDate(date, localDate(now, timezone));
}
