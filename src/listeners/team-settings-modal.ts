// Opening a team's settings modal: from `/dial team` and from the installer's first-steps DM.
import type { WebClient } from '@slack/web-api';
import { buildTeamSettingsModal } from '../blocks/team-settings-modal.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { loadTeamSettings } from '../services/teams/team-settings.js';
import type { ListenerDeps } from './deps.js';

/** Opens `teamId`'s settings while the trigger id is fresh; false when the team no longer exists. */
export async function openTeamSettings(deps: ListenerDeps, client: WebClient, triggerId: string, teamId: string): Promise<boolean> {
  const loaded = await loadTeamSettings(deps.prisma, teamId);
  if (!loaded) return false;
  await client.views.open({ trigger_id: triggerId, view: buildTeamSettingsModal({ teamId, settings: loaded.settings, backfillDays: deps.config.backfillDays }) });
  return true;
}

/** Why someone may not change their team's settings, and who can. */
export async function teamSettingsRefusal(prisma: PrismaClient, ownTeamId: string | null): Promise<string> {
  const own = ownTeamId ? await loadTeamSettings(prisma, ownTeamId) : undefined;
  if (!own) return 'Only a team’s managers or a workspace admin can change team settings.';
  const managers = own.settings.managerUserIds.map((u) => `<@${u}>`);
  return managers.length > 0
    ? `Only the managers of ${own.settings.name} (${managers.join(', ')}) or a workspace admin can change its settings.`
    : `Only a workspace admin can change ${own.settings.name}’s settings until it has managers; ask one to run \`/dial team\` and name them.`;
}
