// Whose activity a member may move through Slack as CSV: a workspace admin the whole workspace's,
// a manager that of the teams they manage (and their own), anyone else nobody's.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import { managedTeams } from '../members/manager-rights.js';
import type { ExportActivitiesOptions } from './export-activities.js';
import type { ImportScope } from './import-activities.js';

/** Whose rows `member` may import; undefined when they manage no team. */
export async function importScopeFor(prisma: PrismaClient, member: Member): Promise<ImportScope | undefined> {
  if (member.isWorkspaceAdmin) return { workspaceId: member.workspaceId };
  const teams = await managedTeams(prisma, member);
  if (teams.length === 0) return undefined;
  const reps = await prisma.member.findMany({ where: { teamId: { in: teams.map((t) => t.id) } }, select: { slackUserId: true } });
  return { workspaceId: member.workspaceId, userIds: new Set([member.slackUserId, ...reps.map((r) => r.slackUserId)]) };
}

export type ExportScope =
  | { ok: true; /** What the export holds, for its file name and messages. */ label: string; filter: Pick<ExportActivitiesOptions, 'workspaceId' | 'teamIds'> }
  | { ok: false; message: string };

/** The team named, if `member` manages it; else every team they manage (an admin: the whole workspace). */
export async function exportScopeFor(prisma: PrismaClient, member: Member, teamName: string | undefined): Promise<ExportScope> {
  const teams = await managedTeams(prisma, member);
  if (teams.length === 0 && !member.isWorkspaceAdmin) {
    return { ok: false, message: 'Only managers and workspace admins can export activity. Your own numbers are in `/dial stats` and App Home.' };
  }
  if (teamName === undefined) {
    if (member.isWorkspaceAdmin) return { ok: true, label: 'all teams', filter: { workspaceId: member.workspaceId } };
    return { ok: true, label: teams.length === 1 ? teams[0]!.name : `${teams.length} teams`, filter: { teamIds: teams.map((t) => t.id) } };
  }
  const team = teams.find((t) => t.name.toLowerCase() === teamName.toLowerCase());
  if (team) return { ok: true, label: team.name, filter: { teamIds: [team.id] } };
  return { ok: false, message: `You don’t manage a team called “${teamName}”. Yours: ${teams.map((t) => `*${t.name}*`).join(', ')}.` };
}
