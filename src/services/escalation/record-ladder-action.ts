// A manager records what was done about a rep's judged week: the consequence applied, coaching
// instead, or the week excused (which takes it off the ladder). Only the rep's managers (and
// admins) may, never the rep themself; audited, once per request.
import type { Member, PrismaClient, WeekEvaluation } from '../../generated/prisma/client.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { decidesForRep } from '../members/manager-rights.js';

export const LADDER_OUTCOMES = ['applied', 'coached', 'excused'] as const;
export type LadderOutcome = (typeof LADDER_OUTCOMES)[number];

export type LadderActionInput = {
  actor: Member;
  evaluationId: string;
  outcome: LadderOutcome;
  note: string;
  requestKey: string;
  now: Date;
};

export type LadderActionResult =
  | { ok: true; evaluation: WeekEvaluation; rep: Member; duplicate: boolean }
  | { ok: false; reason: 'not_found' | 'not_allowed' };

export async function recordLadderAction(prisma: PrismaClient, input: LadderActionInput): Promise<LadderActionResult> {
  const found = await prisma.weekEvaluation.findUnique({ where: { id: input.evaluationId }, include: { member: true } });
  if (!found || found.member.workspaceId !== input.actor.workspaceId) return { ok: false, reason: 'not_found' };
  const { member: rep, ...evaluation } = found;
  if (!(await decidesForRep(prisma, input.actor, rep))) return { ok: false, reason: 'not_allowed' };

  const excuse = input.outcome === 'excused' ? { excusedAt: input.now, excusedBy: input.actor.slackUserId, excuseReason: input.note } : {};
  const outcome = await writeOncePerRequest(
    prisma,
    {
      workspaceId: rep.workspaceId,
      actorUserId: input.actor.slackUserId,
      action: `escalation.${input.outcome}`,
      subjectType: 'week_evaluation',
      subjectId: evaluation.id,
      data: { rep: rep.slackUserId, week: evaluation.week, outcome: input.outcome, note: input.note },
      requestKey: input.requestKey,
      createdAt: input.now,
    },
    [
      prisma.weekEvaluation.update({
        where: { id: evaluation.id },
        data: { actionOutcome: input.outcome, actionNote: input.note, actionBy: input.actor.slackUserId, actionAt: input.now, ...excuse },
      }),
    ],
    () => prisma.weekEvaluation.findUnique({ where: { id: evaluation.id } }).then((e) => e ?? undefined),
  );
  return outcome.written
    ? { ok: true, evaluation: outcome.results[0] as WeekEvaluation, rep, duplicate: false }
    : { ok: true, evaluation: outcome.previous, rep, duplicate: true };
}
