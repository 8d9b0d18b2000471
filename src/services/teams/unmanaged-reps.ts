// Reps whose missed weeks would alert nobody: on a team with no named manager. (`dialbot doctor`)
import type { PrismaClient } from '../../generated/prisma/client.js';
import { teamReps } from '../members/team-reps.js';

export type UnmanagedTeam = { teamId: string; teamName: string; reps: number };

export async function unmanagedTeams(prisma: PrismaClient): Promise<UnmanagedTeam[]> {
  const teams = await prisma.team.findMany({ where: { managers: { none: {} }, escalationEnabled: true }, orderBy: { name: 'asc' } });
  const found: UnmanagedTeam[] = [];
  for (const team of teams) {
    const reps = (await teamReps(prisma, team.id)).length;
    if (reps > 0) found.push({ teamId: team.id, teamName: team.name, reps });
  }
  return found;
}
