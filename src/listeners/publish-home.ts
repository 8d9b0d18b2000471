// Publishes a member's App Home: their own progress, and for managers their reps side by side.
import type { WebClient } from '@slack/web-api';
import type { Member } from '../generated/prisma/client.js';
import { buildRepHome } from '../blocks/home.js';
import { teamOverviewBlocks } from '../blocks/team-overview.js';
import { repProgress } from '../services/progress/rep-progress.js';
import { teamOverviews, type OverviewPeriod } from '../services/progress/team-overview.js';
import type { ListenerDeps } from './deps.js';

export async function publishHome(deps: ListenerDeps, client: WebClient, member: Member, now: Date, period: OverviewPeriod = 'week'): Promise<void> {
  const [progress, teams] = await Promise.all([repProgress(deps.prisma, member, now), teamOverviews(deps.prisma, member, now, period)]);
  await client.views.publish({
    user_id: member.slackUserId,
    view: buildRepHome({ displayName: member.displayName, progress, managerBlocks: teamOverviewBlocks(teams, period) }),
  });
}
