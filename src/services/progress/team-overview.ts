// A manager's side-by-side view: every rep of the teams they manage, for one period, on the team's
// tracked kinds. Each rep's numbers are their own (their timezone, targets and absences).
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import type { Kind } from '../../lib/kinds.js';
import { teamReps } from '../members/team-reps.js';
import type { EscalationLevel } from '../escalation/ladder.js';
import { standingOf } from '../escalation/ladder-standing.js';
import type { RepProgress } from './rep-progress.js';
import { teamProgress } from './team-progress.js';
import type { PeriodProgress } from './pace.js';

export type OverviewPeriod = 'day' | 'week' | 'month';

export type RepRow = {
  slackUserId: string;
  displayName: string;
  period: PeriodProgress;
  progress: RepProgress;
  /** Where the rep stands on the warning ladder (0 = on track). */
  level: EscalationLevel;
};

export type TeamOverview = { teamId: string; teamName: string; trackedKinds: Kind[]; reps: RepRow[] };

/** The teams `manager` manages: named ones, or every team of the workspace for admins. */
function managedTeams(prisma: PrismaClient, manager: Member) {
  return prisma.team.findMany({
    where: manager.isWorkspaceAdmin ? { workspaceId: manager.workspaceId } : { managers: { some: { memberId: manager.id } } },
    include: { holidays: true },
    orderBy: { name: 'asc' },
  });
}

export async function teamOverviews(prisma: PrismaClient, manager: Member, now: Date, period: OverviewPeriod): Promise<TeamOverview[]> {
  const teams = await managedTeams(prisma, manager);
  const overviews: TeamOverview[] = [];
  for (const team of teams) {
    const members = await teamReps(prisma, team.id);
    if (members.length === 0) continue;
    // Every rep's numbers and judged weeks (for their ladder levels) in a few queries for the team.
    const [progressOf, evaluations] = await Promise.all([
      teamProgress(prisma, team, members, now),
      prisma.weekEvaluation.findMany({ where: { memberId: { in: members.map((m) => m.id) } }, orderBy: { week: 'asc' } }),
    ]);
    const reps: RepRow[] = members.map((member) => {
      const progress = progressOf.get(member.id)!;
      const level = standingOf(evaluations.filter((e) => e.memberId === member.id)).level;
      return { slackUserId: member.slackUserId, displayName: member.displayName, period: progress[period], progress, level };
    });
    overviews.push({ teamId: team.id, teamName: team.name, trackedKinds: team.trackedKinds, reps });
  }
  return overviews;
}
