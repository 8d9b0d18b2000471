// Resolves the Slack user behind a request to a member, reading their profile through Bolt's client.
import type { WebClient } from '@slack/web-api';
import { retryOnConflict } from '../db/errors.js';
import type { Member } from '../generated/prisma/client.js';
import { ensureMember, type SlackDirectory } from '../services/members/ensure-member.js';
import type { ListenerDeps } from './deps.js';

export function slackDirectory(client: WebClient): SlackDirectory {
  return {
    async profile(slackUserId) {
      const { user } = await client.users.info({ user: slackUserId });
      const profileName = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
      return {
        displayName: profileName || slackUserId,
        timezone: user?.tz,
        isWorkspaceAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
      };
    },
  };
}

export function memberFor(deps: ListenerDeps, client: WebClient, workspaceId: string, slackUserId: string, now: Date): Promise<Member> {
  // Two first requests from one user may race to create the member; the loser retries and finds it.
  return retryOnConflict(() =>
    ensureMember(
      deps.prisma,
      slackDirectory(client),
      { workspaceId, slackUserId, now, defaultTimezone: deps.config.defaultTimezone },
      (error) => deps.logger.warn({ err: error, slackUserId }, 'users.info failed; using the cached profile'),
    ),
  );
}
