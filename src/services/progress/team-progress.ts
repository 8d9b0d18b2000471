// Every rep of a team at once (a manager's overview, the team's nudges): the same numbers
// repProgress gives for one rep, from a few queries for the whole team instead of seven per rep.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import { KINDS } from '../../lib/kinds.js';
import { eachDay, localDate, monthOf, weekOf, type LocalDate } from '../../lib/time.js';
import { actualsOver, loadContexts, type Rep } from '../boards/rank-team.js';
import { composeProgress, type RepProgress } from './rep-progress.js';

export type ProgressTeam = Parameters<typeof loadContexts>[1];

/** Each member's progress at `now`, by member id. `members` are on `team`. */
export async function teamProgress(prisma: PrismaClient, team: ProgressTeam, members: readonly Member[], now: Date): Promise<Map<string, RepProgress>> {
  const progress = new Map<string, RepProgress>();
  // Reps whose local date is the same share their day, week and month: three queries per date
  // (one date for a team in one zone, two around midnight for a team spread over zones).
  const byToday = new Map<LocalDate, Rep[]>();
  for (const rep of await loadContexts(prisma, team, members)) {
    const today = localDate(now, rep.timezone);
    byToday.set(today, [...(byToday.get(today) ?? []), rep]);
  }
  for (const [today, reps] of byToday) {
    const { first, last } = monthOf(today);
    const [day, week, month] = await Promise.all([
      actualsOver(prisma, reps, [today], KINDS),
      actualsOver(prisma, reps, weekOf(today), KINDS),
      actualsOver(prisma, reps, eachDay(first, last), KINDS),
    ]);
    for (const rep of reps) {
      const actuals = { day: day.get(rep.memberId) ?? {}, week: week.get(rep.memberId) ?? {}, month: month.get(rep.memberId) ?? {} };
      progress.set(rep.memberId, composeProgress(rep.ctx, rep.timezone, now, actuals));
    }
  }
  return progress;
}
