// `/dial board [today|week|month|last-week]`: the caller's team board, ephemeral. Anyone on the
// team may see it: it is the team's shared board.
import { errorReply } from '../../blocks/activity-replies.js';
import { boardReply } from '../../blocks/board.js';
import { rankTeam, type BoardPeriod } from '../../services/boards/rank-team.js';
import type { DialContext } from './dial-context.js';

export async function handleBoardCommand(ctx: DialContext, period: BoardPeriod): Promise<void> {
  const { deps, member, now } = ctx;
  if (!member.teamId) {
    await ctx.reply(errorReply('You’re not on a team yet, so there’s no board to show. Ask your manager to add you to one.'));
    return;
  }
  const board = await rankTeam(deps.prisma, member.teamId, period, now, { defaultTimezone: deps.config.defaultTimezone });
  await ctx.reply(boardReply(board));
}
