// What an absence may cover, and how ranges combine: merging same-kind absences that overlap or
// touch, and what is left of an absence when part of it is cancelled. Pure: dates in, dates out.
//
// Rules (the same for recording and cancelling, and for every kind):
// - the last day is not before the first;
// - one request covers at most MAX_ABSENCE_DAYS days;
// - past days only within the current month (to fix this month's records; earlier months are
//   closed), future days up to a year ahead (the same date next year), in the rep's timezone.
// Overlaps: a new absence that overlaps or touches one of the same kind is merged with it (one
// row for the union; the old rows are cancelled, never deleted). Ramp periods merge only when the
// percentage is the same; an overlapping ramp at another percentage is refused.
import { UserError } from '../../lib/errors.js';
import { addDays, addYears, daysInRange, formatDateRange, monthOf, type LocalDate } from '../../lib/time.js';

export const MAX_ABSENCE_DAYS = 366;

export type AbsenceKind = 'pto' | 'sick' | 'ramp';

export type DateRange = { startDate: LocalDate; endDate: LocalDate };

/** How a reply names each kind, at the start of a sentence and inside one. */
export const ABSENCE_NAMES: Record<AbsenceKind, string> = { pto: 'PTO', sick: 'Sick leave', ramp: 'Ramp' };
export const ABSENCE_NOUNS: Record<AbsenceKind, string> = { pto: 'PTO', sick: 'sick leave', ramp: 'ramp period' };

/** Throws a UserError (nothing is stored) unless `range` may be recorded or cancelled on `today`. */
export function checkAbsenceRange(range: DateRange, today: LocalDate): void {
  const { startDate, endDate } = range;
  const show = (date: LocalDate) => formatDateRange(date, date, today);
  if (endDate < startDate) {
    throw new UserError('invalid_input', `The last day (${show(endDate)}) is before the first (${show(startDate)}). Give the first day, then the last.`);
  }
  const days = daysInRange(startDate, endDate);
  if (days > MAX_ABSENCE_DAYS) {
    throw new UserError('too_large', `That’s ${days} days; one absence covers at most ${MAX_ABSENCE_DAYS}. Record it in parts.`);
  }
  const firstOfMonth = monthOf(today).first;
  if (startDate < firstOfMonth) {
    throw new UserError(
      'out_of_window',
      `${show(startDate)} is in a past month. Absences can be changed back to the start of this month (${show(firstOfMonth)}) only; earlier months are closed.`,
    );
  }
  const latest = addYears(today, 1);
  if (endDate > latest) {
    throw new UserError('out_of_window', `${show(endDate)} is more than a year ahead. Absences can be recorded up to ${show(latest)}.`);
  }
}

/** Whether two ranges share at least one day. */
export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** Whether two ranges share a day or one starts the day after the other ends. */
export function touches(a: DateRange, b: DateRange): boolean {
  return a.startDate <= addDays(b.endDate, 1) && b.startDate <= addDays(a.endDate, 1);
}

/** Whether every day of `inner` is in `outer`. */
export function covers(outer: DateRange, inner: DateRange): boolean {
  return outer.startDate <= inner.startDate && inner.endDate <= outer.endDate;
}

/** The days two ranges share, or undefined. */
export function intersection(a: DateRange, b: DateRange): DateRange | undefined {
  if (!overlaps(a, b)) return undefined;
  return { startDate: a.startDate > b.startDate ? a.startDate : b.startDate, endDate: a.endDate < b.endDate ? a.endDate : b.endDate };
}

/**
 * The new range and the existing same-kind ranges it merges with: everything that overlaps or
 * touches it, transitively. Returns the union and the ranges absorbed.
 */
export function mergeWith<T extends DateRange>(range: DateRange, existing: readonly T[]): { union: DateRange; absorbed: T[] } {
  const union = { ...range };
  const absorbed: T[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const other of existing) {
      if (absorbed.includes(other) || !touches(union, other)) continue;
      absorbed.push(other);
      if (other.startDate < union.startDate) union.startDate = other.startDate;
      if (other.endDate > union.endDate) union.endDate = other.endDate;
      changed = true;
    }
  }
  absorbed.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  return { union, absorbed };
}

/**
 * What stays of `absence` when `cancel` is taken out of it: nothing, the part before, the part
 * after, or both (a cancel in the middle splits it in two).
 */
export function remainingAfterCancel(absence: DateRange, cancel: DateRange): DateRange[] {
  if (!overlaps(absence, cancel)) return [{ startDate: absence.startDate, endDate: absence.endDate }];
  const parts: DateRange[] = [];
  if (absence.startDate < cancel.startDate) parts.push({ startDate: absence.startDate, endDate: addDays(cancel.startDate, -1) });
  if (absence.endDate > cancel.endDate) parts.push({ startDate: addDays(cancel.endDate, 1), endDate: absence.endDate });
  return parts;
}

/** "Thu 24 Dec – Thu 31 Dec and Mon 4 Jan 2027" for a reply. */
export function describeRanges(ranges: readonly DateRange[], today: LocalDate): string {
  const parts = ranges.map((r) => formatDateRange(r.startDate, r.endDate, today));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
