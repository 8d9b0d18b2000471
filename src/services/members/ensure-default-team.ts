// Every workspace has a default team from first use, so a fresh install works with no set-up.
import type { PrismaClient, Team } from '../../generated/prisma/client.js';

export const DEFAULT_TEAM_NAME = 'Sales';

export async function ensureDefaultTeam(prisma: PrismaClient, workspaceId: string): Promise<Team> {
  const existing = await prisma.team.findFirst({ where: { workspaceId, isDefault: true }, orderBy: { createdAt: 'asc' } });
  if (existing) return existing;
  await prisma.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId }, update: {} });
  return prisma.team.upsert({
    where: { workspaceId_name: { workspaceId, name: DEFAULT_TEAM_NAME } },
    create: { workspaceId, name: DEFAULT_TEAM_NAME, isDefault: true },
    update: {},
  });
}
