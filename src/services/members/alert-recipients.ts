// Who hears about a team's reps falling behind (ladder alerts, the digest): the team's named
// managers, or — for a team that names none — the workspace's admins, who manage every team.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';

export async function alertRecipients(prisma: PrismaClient, team: { id: string; workspaceId: string }): Promise<Member[]> {
  const named = await prisma.teamManager.findMany({ where: { teamId: team.id }, include: { member: true }, orderBy: { createdAt: 'asc' } });
  if (named.length > 0) return named.map((m) => m.member);
  return prisma.member.findMany({ where: { workspaceId: team.workspaceId, isWorkspaceAdmin: true }, orderBy: { slackUserId: 'asc' } });
}
