// Bolt's InstallationStore over the Installation table: OAuth installs are stored here, and every
// request from a workspace is authorised with the bot token its installation holds.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { PrismaClient } from '../generated/prisma/client.js';
import { isSealed, type SecretBox } from '../lib/secret-box.js';
import type { Clock } from '../lib/time.js';
import { recordInstallation } from '../services/installations/record-installation.js';
import { APP_UNINSTALLED, removeInstallation } from '../services/installations/remove-installation.js';

/** Thrown for an install dialbot cannot serve; Bolt shows the installer its failure page. */
export class UnsupportedInstallationError extends Error {}

/**
 * Seals tokens stored before TOKEN_ENCRYPTION_KEY was set (run at start-up); resolves with how many.
 * A token already sealed is left alone.
 */
export async function sealStoredTokens(prisma: PrismaClient, box: SecretBox): Promise<number> {
  const rows = await prisma.installation.findMany({ select: { workspaceId: true, botToken: true } });
  let sealed = 0;
  for (const row of rows.filter((r) => !isSealed(r.botToken))) {
    // Compare-and-set: a token installed again meanwhile is not overwritten with the old one.
    const { count } = await prisma.installation.updateMany({ where: { workspaceId: row.workspaceId, botToken: row.botToken }, data: { botToken: box.seal(row.botToken) } });
    sealed += count;
  }
  return sealed;
}

/** `box` seals each bot token before it is stored and opens it when a request needs it. */
export function databaseInstallationStore(prisma: PrismaClient, clock: Clock, box: SecretBox): InstallationStore {
  return {
    async storeInstallation(installation) {
      // Org-wide installs are off in the manifest: each workspace installs for itself.
      if (installation.isEnterpriseInstall || !installation.team) throw new UnsupportedInstallationError('org-wide installs are not supported; install dialbot to each workspace');
      if (!installation.bot) throw new UnsupportedInstallationError('the install granted no bot token');
      await recordInstallation(
        prisma,
        {
          workspaceId: installation.team.id,
          workspaceName: installation.team.name,
          enterpriseId: installation.enterprise?.id,
          appId: installation.appId,
          botToken: box.seal(installation.bot.token),
          botId: installation.bot.id,
          botUserId: installation.bot.userId,
          botScopes: installation.bot.scopes,
          installerUserId: installation.user.id,
        },
        clock(),
      );
    },

    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v2', false>> {
      const row = query.teamId ? await prisma.installation.findUnique({ where: { workspaceId: query.teamId } }) : null;
      if (!row) throw new Error(`dialbot is not installed in workspace ${query.teamId ?? query.enterpriseId ?? '(none)'}`);
      return {
        team: { id: row.workspaceId },
        enterprise: row.enterpriseId ? { id: row.enterpriseId } : undefined,
        user: { id: row.installerUserId, token: undefined, scopes: undefined },
        bot: { token: box.open(row.botToken), id: row.botId ?? '', userId: row.botUserId, scopes: row.botScopes },
        ...(row.appId ? { appId: row.appId } : {}),
        tokenType: 'bot',
        isEnterpriseInstall: false,
        authVersion: 'v2',
      };
    },

    async deleteInstallation(query) {
      if (query.teamId) await removeInstallation(prisma, { workspaceId: query.teamId, reason: APP_UNINSTALLED, now: clock() });
    },
  };
}
