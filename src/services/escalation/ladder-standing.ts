// Where a rep stands on the ladder now, recomputed from their judged weeks (so an excused week
// changes it at once), with the weeks that led there — what `/dial why` shows.
import type { Member, PrismaClient, WeekEvaluation } from '../../generated/prisma/client.js';
import { ladderWeekOf } from './evaluate-week.js';
import { climbLadder, weeksBehindLevel, type EscalationLevel, type LadderStep } from './ladder.js';

export type LadderStanding = {
  level: EscalationLevel;
  /** Every judged week, oldest first, with the level after it. */
  steps: Array<LadderStep & { evaluation: WeekEvaluation }>;
  /** The missed weeks behind the current level, oldest first. */
  behind: WeekEvaluation[];
};

export async function ladderStanding(prisma: PrismaClient, rep: Pick<Member, 'id'>): Promise<LadderStanding> {
  return standingOf(await prisma.weekEvaluation.findMany({ where: { memberId: rep.id }, orderBy: { week: 'asc' } }));
}

/** The standing a rep's judged weeks (oldest first) add up to. Pure. */
export function standingOf(evaluations: readonly WeekEvaluation[]): LadderStanding {
  const weeks = evaluations.map(ladderWeekOf);
  const steps = climbLadder(weeks).map((step, i) => ({ ...step, evaluation: evaluations[i]! }));
  const behind = new Set(weeksBehindLevel(weeks).map((w) => w.week));
  return { level: steps.at(-1)?.level ?? 0, steps, behind: evaluations.filter((e) => behind.has(e.week)) };
}
