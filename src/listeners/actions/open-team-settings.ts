// "Set up your team" (the installer's first-steps DM): the settings of the team they manage, as
// `/dial team` opens them; someone who manages none is told who can.
import type { App, BlockButtonAction } from '@slack/bolt';
import { errorReply } from '../../blocks/activity-replies.js';
import { ACTION } from '../../blocks/ids.js';
import { teamToManage } from '../../services/teams/team-settings.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';
import { openTeamSettings, teamSettingsRefusal } from '../team-settings-modal.js';

export function registerOpenTeamSettingsAction(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.openTeamSettings, async ({ ack, body, client, respond }) => {
    await ack();
    const workspaceId = body.team?.id ?? body.user.team_id;
    if (!workspaceId) return;
    const member = await memberFor(deps, client, workspaceId, body.user.id, deps.clock());
    const { teamId, ownTeamId } = await teamToManage(deps.prisma, member);
    const opened = teamId !== undefined && (await openTeamSettings(deps, client, body.trigger_id, teamId));
    if (!opened) await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply(await teamSettingsRefusal(deps.prisma, ownTeamId)) });
  });
}
