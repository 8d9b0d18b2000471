// `/dial why [@rep]`: where a rep stands on the ladder and the weeks behind it. Anyone sees their
// own; a rep's managers (and admins) see theirs and may excuse a missed week from the answer.
import { errorReply } from '../../blocks/activity-replies.js';
import { ladderWhyReply } from '../../blocks/ladder-why.js';
import { ladderStanding } from '../../services/escalation/ladder-standing.js';
import { managesMember } from '../../services/members/manager-rights.js';
import type { DialContext } from './dial-context.js';

export async function handleWhyCommand(ctx: DialContext, userId: string | undefined): Promise<void> {
  const { deps, member: caller } = ctx;
  let rep = caller;
  if (userId !== undefined && userId !== caller.slackUserId) {
    const found = await deps.prisma.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId: caller.workspaceId, slackUserId: userId } } });
    if (!found || !(await managesMember(deps.prisma, caller, found))) {
      await ctx.reply(errorReply(found ? 'Only a rep’s managers can see their ladder. `/dial why` shows your own.' : `<@${userId}> hasn’t used dialbot yet, so there is no ladder to show.`));
      return;
    }
    rep = found;
  }
  const self = rep.id === caller.id;
  const standing = await ladderStanding(deps.prisma, rep);
  await ctx.reply(ladderWhyReply(standing, { self, name: `<@${rep.slackUserId}>`, canExcuse: !self }));
}
