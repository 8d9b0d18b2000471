// `/dial stats [@rep]`: a rep's day, week and month against target, pace and what they need
// today, and their entries flagged for review. Anyone may see their own (flags read only); a rep's
// managers (and workspace admins) may see that rep's, and accept or void the flagged entries.
import type { Member } from '../../generated/prisma/client.js';
import { errorReply } from '../../blocks/activity-replies.js';
import { flagBlocks } from '../../blocks/flags.js';
import { statsReply } from '../../blocks/progress.js';
import { openFlagsOf, SHOWN_FLAGS } from '../../services/flags/open-flags.js';
import { managesMember } from '../../services/members/manager-rights.js';
import { monthInterval } from '../../lib/time.js';
import { totalsBySource } from '../../services/progress/activity-totals.js';
import { repProgress } from '../../services/progress/rep-progress.js';
import { lookUpMember } from '../members.js';
import type { DialContext } from './dial-context.js';

const NOT_YOURS = 'Only a rep’s managers can see their stats. `/dial stats` shows your own.';

/**
 * The member whose stats the caller may see, or a refusal to show them. A refused request stores
 * nothing: a Slack user dialbot has never seen is only looked up (and so remembered) for an admin.
 */
async function visibleRep(ctx: DialContext, userId: string): Promise<Member | { refusal: string }> {
  const { deps, client, member: caller, now } = ctx;
  if (!caller.isWorkspaceAdmin) {
    const managesAnyTeam = (await deps.prisma.teamManager.count({ where: { memberId: caller.id } })) > 0;
    if (!managesAnyTeam) return { refusal: NOT_YOURS };
    const known = await deps.prisma.member.findUnique({
      where: { workspaceId_slackUserId: { workspaceId: caller.workspaceId, slackUserId: userId } },
    });
    if (!known) return { refusal: `<@${userId}> hasn’t used dialbot yet, so there are no stats to show.` };
  }
  // Known members get their profile (timezone) refreshed when stale; admins may look anyone up.
  const rep = await lookUpMember(deps, client, caller.workspaceId, userId, now);
  return (await managesMember(deps.prisma, caller, rep)) ? rep : { refusal: NOT_YOURS };
}

export async function handleStatsCommand(ctx: DialContext, userId: string | undefined): Promise<void> {
  const { deps, member: caller, now } = ctx;
  const self = userId === undefined || userId === caller.slackUserId;
  let rep = caller;
  if (!self) {
    const found = await visibleRep(ctx, userId);
    if ('refusal' in found) {
      await ctx.reply(errorReply(found.refusal));
      return;
    }
    rep = found;
  }
  const [progress, flags, bySource] = await Promise.all([
    repProgress(deps.prisma, rep, now),
    openFlagsOf(deps.prisma, rep, SHOWN_FLAGS),
    totalsBySource(deps.prisma, rep.id, monthInterval(now, rep.timezone)),
  ]);
  const reply = statsReply(progress, self ? { self: true } : { self: false, name: rep.displayName }, bySource);
  await ctx.reply({ ...reply, blocks: [...reply.blocks, ...flagBlocks(flags, self ? 'rep' : 'manager')] });
}
