// `/dial team [name]`: managers open a team's settings modal, pre-filled (their own team, or the
// one named); everyone else is told who can. `/dial team new <name>` creates a team and opens it.
import { errorReply } from '../../blocks/activity-replies.js';
import { buildTeamSettingsModal } from '../../blocks/team-settings-modal.js';
import { managedTeams, managesTeam } from '../../services/members/manager-rights.js';
import { createTeam } from '../../services/teams/create-team.js';
import { loadTeamSettings, teamToManage } from '../../services/teams/team-settings.js';
import type { DialContext } from './dial-context.js';

async function refusal(ctx: DialContext, ownTeamId: string | null): Promise<string> {
  const own = ownTeamId ? await loadTeamSettings(ctx.deps.prisma, ownTeamId) : undefined;
  if (!own) return 'Only a team’s managers or a workspace admin can change team settings.';
  const managers = own.settings.managerUserIds.map((u) => `<@${u}>`);
  return managers.length > 0
    ? `Only the managers of ${own.settings.name} (${managers.join(', ')}) or a workspace admin can change its settings.`
    : `Only a workspace admin can change ${own.settings.name}’s settings until it has managers; ask one to run \`/dial team\` and name them.`;
}

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
  const loaded = await loadTeamSettings(ctx.deps.prisma, teamId);
  if (!loaded) return ctx.reply(errorReply('That team no longer exists.'));
  await ctx.client.views.open({ trigger_id: ctx.command.trigger_id, view: buildTeamSettingsModal({ teamId, settings: loaded.settings, backfillDays: ctx.deps.config.backfillDays }) });
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
  if (!teamId) return ctx.reply(errorReply(await refusal(ctx, ownTeamId)));
  await openTeamModal(ctx, teamId);
}
