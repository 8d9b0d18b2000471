// `/dial team`: managers open the team settings modal, pre-filled; everyone else is told who can.
import { errorReply } from '../../blocks/activity-replies.js';
import { buildTeamSettingsModal } from '../../blocks/team-settings-modal.js';
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

export async function handleTeamCommand(ctx: DialContext): Promise<void> {
  const { teamId, ownTeamId } = await teamToManage(ctx.deps.prisma, ctx.member);
  const loaded = teamId ? await loadTeamSettings(ctx.deps.prisma, teamId) : undefined;
  if (!teamId || !loaded) {
    await ctx.reply(errorReply(await refusal(ctx, ownTeamId)));
    return;
  }
  await ctx.client.views.open({ trigger_id: ctx.command.trigger_id, view: buildTeamSettingsModal({ teamId, settings: loaded.settings }) });
}
