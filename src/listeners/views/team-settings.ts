// Team settings modal submitted: check the submitter still manages the team (a forged submission
// stores nothing), field errors back to the modal, or save everything at once and DM a summary.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { errorReply, type Reply } from '../../blocks/activity-replies.js';
import { CALLBACK, TEAM_MODAL } from '../../blocks/ids.js';
import { teamSettingsSummary } from '../../blocks/team-settings-modal.js';
import { managesTeam } from '../../services/members/manager-rights.js';
import type { TeamSettingsInput } from '../../services/teams/team-settings.js';
import { updateTeamSettings } from '../../services/teams/update-team-settings.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { lookUpMember, memberFor } from '../members.js';
import { readTeamForm, teamModalMetadata } from './team-settings-form.js';

type Errors = Record<string, string>;

/**
 * Joins the team's new channel so posts can go there. Public channels can be joined; a private one
 * (or one the bot may not join) needs an invite, which the summary then asks for.
 */
async function joinChannel(client: WebClient, channel: string): Promise<'joined' | 'invite'> {
  try {
    await client.conversations.join({ channel });
    return 'joined';
  } catch {
    return 'invite';
  }
}

export function registerTeamSettingsView(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK.teamSettings, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const workspaceId = body.team?.id ?? body.user.team_id;
    const now = deps.clock();
    const refuse = (errors: Errors) => ack({ response_action: 'errors', errors });
    const general = (message: string) => refuse({ [TEAM_MODAL.nameBlock]: message });

    let save: { teamId: string; settings: TeamSettingsInput };
    try {
      if (!workspaceId) throw new Error('view_submission without a team id');
      const member = await memberFor(deps, client, workspaceId, userId, now);
      const metadata = teamModalMetadata(view.private_metadata);
      if (!metadata) return await general('This form is out of date. Close it and run `/dial team` again. Nothing was saved.');
      const team = await deps.prisma.team.findUnique({ where: { id: metadata.teamId } });
      if (!team || team.workspaceId !== workspaceId || !(await managesTeam(deps.prisma, member, team.id))) {
        deps.logger.warn({ user: userId, teamId: metadata.teamId }, 'team settings submitted by someone who does not manage the team');
        return await general('Only this team’s managers or a workspace admin can change its settings. Nothing was saved.');
      }
      const form = readTeamForm(view.state.values, { submitterIsAdmin: member.isWorkspaceAdmin, backfillDays: deps.config.backfillDays });
      if (!form.ok) return await refuse(form.errors);
      const clash = await deps.prisma.team.findFirst({ where: { workspaceId, name: form.settings.name, NOT: { id: team.id } }, select: { id: true } });
      if (clash) return await refuse({ [TEAM_MODAL.nameBlock]: `Another team is already called “${form.settings.name}”. Pick another name.` });
      save = { teamId: team.id, settings: form.settings };
    } catch (error) {
      return general(messageForFailure(error, deps.logger, { view: CALLBACK.teamSettings, user: userId }));
    }
    // Closes the modal; saving (and reading the managers' profiles) happens after.
    await ack();

    let dm: Reply | undefined;
    try {
      const { settings } = save;
      const managers = await Promise.all(settings.managerUserIds.map((id) => lookUpMember(deps, client, workspaceId, id, now)));
      // Reps dialbot has not met yet are looked up (their timezone) and created as they are added.
      const reps = settings.repUserIds ? await Promise.all(settings.repUserIds.map((id) => lookUpMember(deps, client, workspaceId, id, now))) : undefined;
      const result = await updateTeamSettings(deps.prisma, {
        workspaceId,
        teamId: save.teamId,
        actorUserId: userId,
        settings,
        managerMemberIds: managers.map((m) => m.id),
        ...(reps ? { repMemberIds: reps.map((m) => m.id) } : {}),
        requestKey: `view:${workspaceId}:${view.id}`,
        now,
      });
      if (!result.duplicate) {
        const channel = result.after.channelId;
        const joined = channel && channel !== result.before.channelId ? await joinChannel(client, channel) : undefined;
        dm = teamSettingsSummary(result.after, joined);
      }
    } catch (error) {
      dm = errorReply(messageForFailure(error, deps.logger, { view: CALLBACK.teamSettings, user: userId }));
    }
    if (dm) {
      await client.chat
        .postMessage({ channel: userId, ...dm })
        .catch((error: unknown) => deps.logger.error({ err: error, user: userId }, 'could not deliver the team settings summary'));
    }
  });
}
