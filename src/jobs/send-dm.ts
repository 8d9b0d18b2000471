// Sends one message of a run to a user's DM with the app, at most once (see deliver()).
import type { Reply } from '../blocks/activity-replies.js';
import type { JobRun } from '../generated/prisma/client.js';
import { deliver } from './claim.js';
import type { SlotDeps, JobTeam } from './job.js';

/** Resolves true when the message was sent now (false: an earlier attempt had sent it). */
export async function sendDm(deps: SlotDeps, run: Pick<JobRun, 'id' | 'slot' | 'claimedBy'>, recipient: string, userId: string, message: Reply): Promise<boolean> {
  const result = await deliver(
    deps.prisma,
    run,
    recipient,
    async () => {
      // A user id as the channel: Slack delivers it in the user's DM with the app.
      const response = await deps.client.chat.postMessage({ token: deps.botToken, channel: userId, text: message.text, blocks: message.blocks, unfurl_links: false });
      return response.ts === undefined ? {} : { ts: response.ts };
    },
    deps.clock,
  );
  return result.status === 'sent';
}

/** The timezones of a team's members, sorted: jobs that act at a rep's local time slot by these. */
export const memberZones = (team: JobTeam): string[] => [...new Set(team.members.map((m) => m.timezone))].sort();
