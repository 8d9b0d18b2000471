// Resolves the Slack user behind a request to a member, reading their profile through Bolt's client.
import type { WebClient } from '@slack/web-api';
import { retryOnConflict } from '../db/errors.js';
import type { Member } from '../generated/prisma/client.js';
import { UserError } from '../lib/errors.js';
import { ensureMember, type SlackDirectory } from '../services/members/ensure-member.js';
import type { ListenerDeps } from './deps.js';

/** `strangers: 'refuse'`: Slack not knowing the user is the user's mistake (a UserError), not an outage. */
export function slackDirectory(client: WebClient, strangers: 'refuse' | 'tolerate' = 'tolerate'): SlackDirectory {
  return {
    async profile(slackUserId) {
      const { user } = await client.users.info({ user: slackUserId }).catch((error: unknown) => {
        if (strangers === 'refuse' && (error as { data?: { error?: string } }).data?.error === 'user_not_found') {
          throw new UserError('invalid_input', `<@${slackUserId}> isn’t in this Slack workspace.`);
        }
        throw error;
      });
      const profileName = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
      return {
        displayName: profileName || slackUserId,
        timezone: user?.tz,
        isWorkspaceAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
      };
    },
  };
}

/** The member behind a request's own user (Slack vouches for them: a failed lookup is an outage). */
export function memberFor(deps: ListenerDeps, client: WebClient, workspaceId: string, slackUserId: string, now: Date): Promise<Member> {
  return resolveMember(deps, slackDirectory(client), workspaceId, slackUserId, now);
}

/** Someone a user named (a picker, a mention): refused, never remembered, when the workspace has no such user. */
export function lookUpMember(deps: ListenerDeps, client: WebClient, workspaceId: string, slackUserId: string, now: Date): Promise<Member> {
  return resolveMember(deps, slackDirectory(client, 'refuse'), workspaceId, slackUserId, now);
}

function resolveMember(deps: ListenerDeps, directory: SlackDirectory, workspaceId: string, slackUserId: string, now: Date): Promise<Member> {
  // Two first requests from one user may race to create the member; the loser retries and finds it.
  return retryOnConflict(() =>
    ensureMember(
      deps.prisma,
      directory,
      { workspaceId, slackUserId, now, defaultTimezone: deps.config.defaultTimezone },
      (error) => deps.logger.warn({ err: error, slackUserId }, 'users.info failed; using the cached profile'),
    ),
  );
}
