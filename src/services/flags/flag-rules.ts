// When an entry deserves a second look, as pure rules over plain numbers (flag-entry.ts loads them).
// Each rule flags the entry that crosses its line, not every entry after it: one flag per problem.
//
// - late: logged more than `lateAfterDays` calendar days (the rep's own) after the day it happened.
// - burst: more dials than `burstDialsPerMinute` allows in the time there was to make them. A phone
//   system reports each call as it happens, so its calls are counted in any 60 seconds. A manual
//   entry (/dial, the form, CSV) sums calls already made, so `/dial 40` is not "40 dials in a
//   minute": the day's dials, as logged so far, are judged against the working time that had passed
//   when they were logged (the whole workday for an earlier day; at least MIN_SUMMARY_MINUTES, so an
//   early starter's first entry is fine).
// - large: a manual entry worth more than `largeEntryDays` normal workdays of the rep's target for a
//   kind (and more than LARGE_ENTRY_FLOOR, so a 0.4-closes-a-day target does not flag 2 closes).
//   Without a target for the kind there is nothing to compare with, and no flag.
import type { ActivitySource, Team } from '../../generated/prisma/client.js';
import { KINDS, type Kind, type KindCounts } from '../../lib/kinds.js';
import { daysBetween, instantAt, localDate, type LocalDate } from '../../lib/time.js';
import { planOn, workdaysInMonth, type TargetContext } from '../goals/targets.js';

export type FlagPolicy = { enabled: boolean; lateAfterDays: number; burstDialsPerMinute: number; largeEntryDays: number };

/** A rep on no team is judged by the defaults a new team gets. */
export const DEFAULT_FLAG_POLICY: FlagPolicy = { enabled: true, lateAfterDays: 2, burstDialsPerMinute: 10, largeEntryDays: 3 };

/** A team's policy as stored. */
export function flagPolicy(team: Pick<Team, 'flagsEnabled' | 'lateAfterDays' | 'burstDialsPerMinute' | 'largeEntryDays'> | null): FlagPolicy {
  if (!team) return DEFAULT_FLAG_POLICY;
  return { enabled: team.flagsEnabled, lateAfterDays: team.lateAfterDays, burstDialsPerMinute: team.burstDialsPerMinute, largeEntryDays: team.largeEntryDays };
}

export const BURST_WINDOW_MS = 60_000;
export const MIN_SUMMARY_MINUTES = 60;
export const LARGE_ENTRY_FLOOR = 10;

/** Sources that store one activity per call as it happens; the others are summaries. */
export const isPerCall = (source: ActivitySource): boolean => source === 'api';

export type LateDetail = { days: number; limit: number };
export type BurstDetail =
  | { per: 'call'; dials: number; limit: number }
  | { per: 'summary'; dials: number; limit: number; day: LocalDate; minutes: number };
export type LargeDetail = { kind: Kind; count: number; dailyTarget: number; limitDays: number };

export type Finding = { reason: 'late'; detail: LateDetail } | { reason: 'burst'; detail: BurstDetail } | { reason: 'large'; detail: LargeDetail };

/** Calendar days between the rep's date of the activity and their date when it was logged (DST-safe). */
export function lateFinding(entry: { occurredAt: Date; loggedAt: Date }, zone: string, policy: FlagPolicy): Finding | undefined {
  const days = daysBetween(localDate(entry.occurredAt, zone), localDate(entry.loggedAt, zone));
  return days > policy.lateAfterDays ? { reason: 'late', detail: { days, limit: policy.lateAfterDays } } : undefined;
}

export type TimedCount = { at: Date; count: number };

/**
 * A per-call entry that tips some 60-second window containing it over the limit, when no window
 * containing it was already over without it. `others`: the rep's other per-call dials.
 */
export function callBurstFinding(entry: TimedCount, others: readonly TimedCount[], limit: number): Finding | undefined {
  const t = entry.at.getTime();
  const near = others.map((o) => ({ at: o.at.getTime(), count: o.count })).filter((o) => Math.abs(o.at - t) < BURST_WINDOW_MS);
  // The windows [s, s + 60 s) holding the entry: the busiest start at the entry or at a call before it.
  const starts = [t, ...near.filter((o) => o.at <= t).map((o) => o.at)];
  const without = Math.max(...starts.map((s) => near.filter((o) => o.at >= s && o.at < s + BURST_WINDOW_MS).reduce((n, o) => n + o.count, 0)));
  const dials = without + entry.count;
  return dials > limit && without <= limit ? { reason: 'burst', detail: { per: 'call', dials, limit } } : undefined;
}

/** Minutes of `day`'s working hours that had passed at `at` in `zone`: all of them once the day is over. */
export function workingMinutesBy(day: LocalDate, at: Date, zone: string, hours: { workdayStart: string; workdayEnd: string }): number {
  const start = instantAt(day, hours.workdayStart, zone).getTime();
  const end = instantAt(day, hours.workdayEnd, zone).getTime();
  const until = Math.min(Math.max(at.getTime(), start), end);
  return Math.max(0, Math.round((until - start) / 60_000));
}

/**
 * A summary entry that takes its day's dials past the limit for the working time so far.
 * `before`: the day's dials logged before it; `minutes`: workingMinutesBy at its logging.
 */
export function summaryBurstFinding(input: { day: LocalDate; dials: number; before: number; minutes: number }, limit: number): Finding | undefined {
  const minutes = Math.max(input.minutes, MIN_SUMMARY_MINUTES);
  const cap = limit * minutes;
  const dials = input.before + input.dials;
  return input.dials > 0 && dials > cap && input.before <= cap ? { reason: 'burst', detail: { per: 'summary', dials, limit, day: input.day, minutes } } : undefined;
}

/** A normal workday's target per kind on `day` (the plan in force ÷ the month's workdays; absences ignored). */
export function normalDailyTargets(day: LocalDate, ctx: Pick<TargetContext, 'calendar' | 'teamPlans' | 'repPlans'>): KindCounts {
  const plan = planOn(day, ctx);
  const workdays = workdaysInMonth(day, ctx.calendar);
  if (!plan || workdays === 0) return {};
  return Object.fromEntries(KINDS.map((k) => [k, plan.monthly[k] / workdays]));
}

/** The kind of the entry furthest over its limit, if any is. */
export function largeFinding(counts: KindCounts, dailyTargets: KindCounts, policy: FlagPolicy): Finding | undefined {
  let worst: LargeDetail | undefined;
  for (const kind of KINDS) {
    const count = counts[kind] ?? 0;
    const target = dailyTargets[kind] ?? 0;
    if (target <= 0 || count <= Math.max(LARGE_ENTRY_FLOOR, policy.largeEntryDays * target)) continue;
    if (!worst || count / target > worst.count / worst.dailyTarget) worst = { kind, count, dailyTarget: target, limitDays: policy.largeEntryDays };
  }
  return worst ? { reason: 'large', detail: worst } : undefined;
}
