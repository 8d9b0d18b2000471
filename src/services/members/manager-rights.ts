// Who may manage what: workspace admins and owners manage every team; others manage the teams
// that name them as managers.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';

export async function managesTeam(prisma: PrismaClient, member: Member, teamId: string): Promise<boolean> {
  if (member.isWorkspaceAdmin) {
    const team = await prisma.team.findUnique({ where: { id: teamId }, select: { workspaceId: true } });
    return team?.workspaceId === member.workspaceId;
  }
  return (await prisma.teamManager.count({ where: { teamId, memberId: member.id } })) > 0;
}

/** Whether `manager` may see and act for `rep` (same workspace, and manages the rep's team). */
export async function managesMember(prisma: PrismaClient, manager: Member, rep: Member): Promise<boolean> {
  if (manager.workspaceId !== rep.workspaceId) return false;
  if (manager.id === rep.id) return true;
  return rep.teamId !== null && managesTeam(prisma, manager, rep.teamId);
}

/**
 * Whether `actor` may decide about `rep`'s record (settle a flagged entry, record what was done
 * about a judged week): one of the rep's managers, never the rep themself.
 */
export async function decidesForRep(prisma: PrismaClient, actor: Member, rep: Member): Promise<boolean> {
  return actor.id !== rep.id && managesMember(prisma, actor, rep);
}

/** The teams `member` manages, by name: every team of the workspace for an admin. */
export function managedTeams(prisma: PrismaClient, member: Member): Promise<{ id: string; name: string }[]> {
  return prisma.team.findMany({
    where: member.isWorkspaceAdmin ? { workspaceId: member.workspaceId } : { managers: { some: { memberId: member.id } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}
