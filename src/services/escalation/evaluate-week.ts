// Judges one rep's finished week on the ladder and records it, once: the verdict on the team's
// escalated kinds against the week's prorated targets, the level before and after, and an audit
// event, in one transaction keyed by rep and week (a re-run or a second process reads the first
// result instead of judging twice). Weeks that started before the rep joined dialbot are not
// judged (paused): nobody is warned about a week they could not log.
import type { Member, PrismaClient, Team, WeekEvaluation } from '../../generated/prisma/client.js';
import type { Kind } from '../../lib/kinds.js';
import { addDays, dayInterval, type LocalDate } from '../../lib/time.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { actualsOver, loadContexts } from '../boards/rank-team.js';
import { isWorkday, targetsOver, dailyTargets } from '../goals/targets.js';
import { climbLadder, evaluateWeek, type EscalationLevel, type KindResult, type LadderWeek, type WeekVerdict } from './ladder.js';

export type JudgedWeek = {
  evaluation: WeekEvaluation;
  verdict: Exclude<WeekVerdict, 'excused'>;
  levelBefore: EscalationLevel;
  level: EscalationLevel;
  kinds: KindResult[];
  /** The weeks on record, oldest first, this one included (for messages and `/dial why`). */
  history: LadderWeek[];
  /** Next week's targets on the escalated kinds, and what that is per workday. */
  next: Array<{ kind: Kind; target: number; perDay: number }>;
};

type TeamForEvaluation = Team & { holidays: { date: string }[] };

/** A recorded week as the ladder sees it: an excused week counts as neither hit nor miss. */
export const ladderWeekOf = (e: Pick<WeekEvaluation, 'week' | 'verdict' | 'excusedAt'>): LadderWeek => ({
  week: e.week,
  verdict: e.excusedAt ? 'excused' : (e.verdict as WeekVerdict),
});

export async function judgeWeek(prisma: PrismaClient, team: TeamForEvaluation, rep: Member, week: readonly LocalDate[], now: Date): Promise<JudgedWeek> {
  const kinds = [...team.escalatedKinds];
  const [context] = await loadContexts(prisma, team, [rep]);
  const ctx = context!.ctx;
  const joinedAfterStart = rep.createdAt > dayInterval(week[0]!, rep.timezone).start;
  const actual = (await actualsOver(prisma, [context!], week, kinds)).get(rep.id) ?? {};
  const judged = joinedAfterStart ? { verdict: 'paused' as const, kinds: [] } : evaluateWeek(actual, targetsOver(week, ctx), kinds, team.missThreshold);

  const earlier = await prisma.weekEvaluation.findMany({ where: { memberId: rep.id, week: { lt: week[0]! } }, orderBy: { week: 'asc' } });
  const past: LadderWeek[] = earlier.map(ladderWeekOf);
  const steps = climbLadder([...past, { week: week[0]!, verdict: judged.verdict }]);
  const levelBefore = (steps.at(-2)?.level ?? 0) as EscalationLevel;
  const level = steps.at(-1)!.level;

  const key = `evaluation:${rep.id}:${week[0]}`;
  const data = { memberId: rep.id, teamId: team.id, week: week[0]!, verdict: judged.verdict, levelBefore, level, kinds: judged.kinds, evaluatedAt: now };
  const outcome = await writeOncePerRequest(
    prisma,
    {
      workspaceId: rep.workspaceId,
      actorUserId: null,
      action: 'escalation.week_judged',
      subjectType: 'member',
      subjectId: rep.id,
      data: { week: week[0]!, verdict: judged.verdict, levelBefore, level, kinds: judged.kinds },
      requestKey: key,
      createdAt: now,
    },
    [prisma.weekEvaluation.create({ data })],
    () => prisma.weekEvaluation.findUnique({ where: { memberId_week: { memberId: rep.id, week: week[0]! } } }).then((e) => e ?? undefined),
  );
  const evaluation = outcome.written ? (outcome.results[0] as WeekEvaluation) : outcome.previous;

  const nextWeek = week.map((day) => addDays(day, 7));
  const nextTargets = targetsOver(nextWeek, ctx);
  const workdays = nextWeek.filter((day) => isWorkday(day, ctx.calendar) && kinds.some((k) => dailyTargets(day, ctx)[k] > 0)).length;
  return {
    evaluation,
    verdict: evaluation.verdict as JudgedWeek['verdict'],
    levelBefore: evaluation.levelBefore as EscalationLevel,
    level: evaluation.level as EscalationLevel,
    kinds: evaluation.kinds as KindResult[],
    history: [...past, ladderWeekOf(evaluation)],
    next: kinds.map((kind) => ({ kind, target: nextTargets[kind], perDay: workdays === 0 ? 0 : nextTargets[kind] / workdays })),
  };
}
