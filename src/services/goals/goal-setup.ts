// What the goal modal needs: may the caller set goals for their team, the team's calendar, the
// plan in force today (to pre-fill), and what the team's own history says about its ratios.
import type { GoalPlan, Member, PrismaClient, Team } from '../../generated/prisma/client.js';
import type { LocalDate } from '../../lib/time.js';
import { managesMember, managesTeam } from '../members/manager-rights.js';
import { learnedRatios, type LearnedRatios } from './learned-ratios.js';
import { teamCalendar, type TeamCalendar } from './targets.js';

export type GoalAccess =
  | { ok: true; team: Team; calendar: TeamCalendar }
  | { ok: false; teamName: string | null; managerUserIds: string[] };

/** The caller's team, if they manage it (workspace admins and owners, or a manager named for it). */
export async function goalAccess(prisma: PrismaClient, member: Member): Promise<GoalAccess> {
  const team = member.teamId
    ? await prisma.team.findUnique({ where: { id: member.teamId }, include: { holidays: true, managers: { include: { member: true } } } })
    : null;
  if (!team) return { ok: false, teamName: null, managerUserIds: [] };
  if (!(await managesTeam(prisma, member, team.id))) {
    return { ok: false, teamName: team.name, managerUserIds: team.managers.map((m) => m.member.slackUserId).sort() };
  }
  const { holidays, managers: _managers, ...plain } = team;
  return {
    ok: true,
    team: plain,
    calendar: teamCalendar({ ...team, holidays }),
  };
}

/** The team-wide plan in force on `date` (the latest to take effect by then), or null. */
export function teamPlanInForce(prisma: PrismaClient, teamId: string, date: LocalDate): Promise<GoalPlan | null> {
  return prisma.goalPlan.findFirst({
    where: { teamId, memberId: null, effectiveFrom: { lte: date } },
    orderBy: [{ effectiveFrom: 'desc' }, { createdAt: 'desc' }],
  });
}

export type GoalSetup = { planInForce: GoalPlan | null; learned: LearnedRatios };

export async function loadGoalSetup(prisma: PrismaClient, input: { teamId: string; today: LocalDate; now: Date }): Promise<GoalSetup> {
  const [planInForce, learned] = await Promise.all([
    teamPlanInForce(prisma, input.teamId, input.today),
    learnedRatios(prisma, { teamId: input.teamId, now: input.now }),
  ]);
  return { planInForce, learned };
}

export function findMember(prisma: PrismaClient, workspaceId: string, slackUserId: string): Promise<Member | null> {
  return prisma.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } } });
}

/** A plan for one rep is stored on the manager's team: the rep must be on it, and managed by them. */
export async function mayPlanFor(prisma: PrismaClient, manager: Member, teamId: string, rep: Member): Promise<boolean> {
  return rep.teamId === teamId && (await managesMember(prisma, manager, rep));
}
