// "Compare two salespeople": two reps — or one rep and their team's average — over the last four
// finished weeks, each week as a share of each one's own prorated target (the board's score), with
// the raw counts. Weeks are the first rep's team's, in its timezone; each rep's targets are their own.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import type { Kind, KindCounts } from '../../lib/kinds.js';
import { addDays, localDate, weekOf, type LocalDate } from '../../lib/time.js';
import { targetsOver } from '../goals/targets.js';
import { percentOf, scoreOf } from './board-ranking.js';
import { actualsOver, loadContexts, loadReps, type Rep } from './rank-team.js';

export const COMPARE_WEEKS = 4;

export type CompareWeek = {
  /** The week's Monday. */
  from: LocalDate;
  /** Share of target as a whole percent; null when there was no target (time off, no goal). */
  percent: number | null;
  /** Counts of the tracked kinds (for the team average: the mean, rounded). */
  actual: Record<Kind, number>;
};

export type CompareSeries = { name: string; slackUserId: string | null; weeks: CompareWeek[] };

export type Comparison = { teamName: string; kinds: Kind[]; weeks: LocalDate[]; series: CompareSeries[] };

const pick = (counts: KindCounts | undefined, kinds: readonly Kind[]) => Object.fromEntries(kinds.map((k) => [k, counts?.[k] ?? 0])) as Record<Kind, number>;

/** `reps` holds one or two members, each on a team; with one, the second series is their team's average. */
export async function compareReps(prisma: PrismaClient, reps: readonly Member[], now: Date, options: { defaultTimezone: string }): Promise<Comparison> {
  const first = reps[0];
  if (!first?.teamId) throw new Error('compareReps needs reps on a team');
  const load = async (teamId: string) => prisma.team.findUniqueOrThrow({ where: { id: teamId }, include: { holidays: true, managers: true } });
  const team = await load(first.teamId);
  const kinds = [...team.trackedKinds];
  const today = localDate(now, team.timezone ?? options.defaultTimezone);
  const thisWeek = weekOf(today)[0]!;
  const weeks = Array.from({ length: COMPARE_WEEKS }, (_, i) => weekOf(addDays(thisWeek, -7 * (COMPARE_WEEKS - i))));

  // Each compared rep with their own team's calendar and plans; with one rep, their whole team.
  const subjects: Rep[] = [];
  for (const member of reps) {
    const own = member.teamId === team.id ? team : await load(member.teamId!);
    subjects.push(...(await loadContexts(prisma, own, [member])));
  }
  const averaged = reps.length === 1 ? await loadContexts(prisma, team, await loadReps(prisma, team.id, new Set(team.managers.map((m) => m.memberId)))) : [];
  const everyone = [...subjects, ...averaged.filter((r) => !subjects.some((s) => s.memberId === r.memberId))];
  const actuals = await Promise.all(weeks.map((days) => actualsOver(prisma, everyone, days, kinds)));

  const weekOfRep = (rep: Rep, i: number) => {
    const actual = actuals[i]!.get(rep.memberId);
    const score = scoreOf(actual ?? {}, targetsOver(weeks[i]!, rep.ctx), kinds);
    return { score, actual: pick(actual, kinds) };
  };
  const series: CompareSeries[] = subjects.map((rep) => ({
    name: rep.name,
    slackUserId: rep.slackUserId,
    weeks: weeks.map((days, i) => {
      const { score, actual } = weekOfRep(rep, i);
      return { from: days[0]!, percent: score === null ? null : percentOf(score), actual };
    }),
  }));
  if (reps.length === 1) {
    series.push({
      name: `${team.name} average`,
      slackUserId: null,
      weeks: weeks.map((days, i) => {
        const scored = averaged.map((rep) => weekOfRep(rep, i)).filter((w) => w.score !== null);
        const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
        return {
          from: days[0]!,
          percent: scored.length === 0 ? null : percentOf(mean(scored.map((w) => w.score!))),
          actual: pick(Object.fromEntries(kinds.map((k) => [k, Math.round(mean(scored.map((w) => w.actual[k])))])), kinds),
        };
      }),
    });
  }
  return { teamName: team.name, kinds, weeks: weeks.map((days) => days[0]!), series };
}
