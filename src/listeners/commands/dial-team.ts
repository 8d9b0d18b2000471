// `/dial team [name]`: managers open a team's settings modal, pre-filled (their own team, or the
// one named); everyone else is told who can. `/dial team new <name>` creates a team and opens it.
import { errorReply } from '../../blocks/activity-replies.js';
import { managedTeams, managesTeam } from '../../services/members/manager-rights.js';
import { createTeam } from '../../services/teams/create-team.js';
import { teamToManage } from '../../services/teams/team-settings.js';
import { openTeamSettings, teamSettingsRefusal } from '../team-settings-modal.js';
import type { DialContext } from './dial-context.js';

/** The team `/dial team <name>` names, if the caller manages it; else why not. */
async function namedTeam(ctx: DialContext, name: string): Promise<string | { refusal: string }> {
  const { prisma } = ctx.deps;
  const team = await prisma.team.findFirst({ where: { workspaceId: ctx.member.workspaceId, name: { equals: name, mode: 'insensitive' } } });
  if (team && (await managesTeam(prisma, ctx.member, team.id))) return team.id;
  const mine = await managedTeams(prisma, ctx.member);
  const yours = mine.length > 0 ? ` Yours: ${mine.map((t) => `*${t.name}*`).join(', ')}.` : '';
  return { refusal: team ? `You don’t manage ${team.name}.${yours}` : `There is no team called “${name}”.${yours} \`/dial team new ${name}\` creates it.` };
}

async function openTeamModal(ctx: DialContext, teamId: string): Promise<void> {
  if (!(await openTeamSettings(ctx.deps, ctx.client, ctx.command.trigger_id, teamId))) return ctx.reply(errorReply('That team no longer exists.'));
}

export async function handleTeamCommand(ctx: DialContext, request: { name?: string; create?: boolean } = {}): Promise<void> {
  if (request.create && request.name) {
    const team = await createTeam(ctx.deps.prisma, { creator: ctx.member, name: request.name, requestKey: ctx.requestKey, now: ctx.now });
    return openTeamModal(ctx, team.id);
  }
  if (request.name) {
    const found = await namedTeam(ctx, request.name);
    return typeof found === 'string' ? openTeamModal(ctx, found) : ctx.reply(errorReply(found.refusal));
  }
  const { teamId, ownTeamId } = await teamToManage(ctx.deps.prisma, ctx.member);
  if (!teamId) return ctx.reply(errorReply(await teamSettingsRefusal(ctx.deps.prisma, ownTeamId)));
  await openTeamModal(ctx, teamId);
}
