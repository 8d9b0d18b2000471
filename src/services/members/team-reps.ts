// Who a team measures: its members, less its named managers, and less workspace admins who have
// never logged activity (an admin opening App Home or setting goals is not a rep; one who logs is).
import type { Member, PrismaClient } from '../../generated/prisma/client.js';

export async function teamReps(prisma: PrismaClient, teamId: string): Promise<Member[]> {
  const [members, managers] = await Promise.all([
    prisma.member.findMany({ where: { teamId }, orderBy: [{ displayName: 'asc' }, { slackUserId: 'asc' }] }),
    prisma.teamManager.findMany({ where: { teamId }, select: { memberId: true } }),
  ]);
  const managerIds = new Set(managers.map((m) => m.memberId));
  const admins = members.filter((m) => m.isWorkspaceAdmin && !managerIds.has(m.id)).map((m) => m.id);
  const loggers = admins.length
    ? new Set((await prisma.activity.groupBy({ by: ['memberId'], where: { memberId: { in: admins } } })).map((g) => g.memberId))
    : new Set<string>();
  return members.filter((m) => m.role === 'rep' && !managerIds.has(m.id) && (!m.isWorkspaceAdmin || loggers.has(m.id)));
}
