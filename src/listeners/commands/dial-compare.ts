// `/dial compare @a [@b]`: two reps, or a rep and their team's average, over the last 4 weeks,
// with a chart. Teammates may compare each other (the board is the team's anyway); managers their
// reps; admins anyone. Nobody dialbot has not seen is looked up.
import { errorReply } from '../../blocks/activity-replies.js';
import { compareReply } from '../../blocks/compare.js';
import { comparisonChart } from '../../charts/compare-chart.js';
import type { Member } from '../../generated/prisma/client.js';
import { compareReps } from '../../services/boards/compare-reps.js';
import { managesMember } from '../../services/members/manager-rights.js';
import { sendWithCharts, uploadChart } from '../../slack/upload-chart.js';
import type { DialContext } from './dial-context.js';

async function comparable(ctx: DialContext, userId: string): Promise<Member | { refusal: string }> {
  const { deps, member: caller } = ctx;
  const rep = await deps.prisma.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId: caller.workspaceId, slackUserId: userId } } });
  if (!rep) return { refusal: `<@${userId}> hasn’t used dialbot yet, so there is nothing to compare.` };
  const teammate = caller.teamId !== null && rep.teamId === caller.teamId;
  if (!teammate && !(await managesMember(deps.prisma, caller, rep))) return { refusal: `<@${userId}> isn’t on your team, so you can’t compare with them.` };
  if (!rep.teamId) return { refusal: `<@${userId}> isn’t on a team yet, so they have no targets to compare.` };
  return rep;
}

export async function handleCompareCommand(ctx: DialContext, userIds: readonly string[]): Promise<void> {
  const { deps, client, member, now } = ctx;
  const reps: Member[] = [];
  for (const userId of userIds) {
    const found = await comparable(ctx, userId);
    if ('refusal' in found) {
      await ctx.reply(errorReply(found.refusal));
      return;
    }
    reps.push(found);
  }
  const comparison = await compareReps(deps.prisma, reps, now, { defaultTimezone: deps.config.defaultTimezone });
  const chart = await uploadChart({ prisma: deps.prisma, client, logger: deps.logger }, member.workspaceId, await comparisonChart(comparison));
  const reply = compareReply(comparison, chart);
  await sendWithCharts(reply.blocks, (blocks) => ctx.reply({ ...reply, blocks }), deps.logger);
}
