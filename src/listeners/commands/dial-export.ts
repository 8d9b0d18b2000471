// `/dial export [from] [to] [team]`: the activity of the caller's team(s) as the export service's
// CSV, uploaded to a DM with them, and audited. Managers and workspace admins only.
import { errorReply } from '../../blocks/activity-replies.js';
import { exportComment, exportEmptyReply, exportFileName, exportPreparingReply, exportSentReply } from '../../blocks/csv-export.js';
import { exportScopeFor } from '../../services/activities/csv-scope.js';
import { countExportRows, exportActivities } from '../../services/activities/export-activities.js';
import { recordExport } from '../../services/activities/record-export.js';
import { localDate, type LocalDate } from '../../lib/time.js';
import type { DialContext } from './dial-context.js';

export async function handleExportCommand(ctx: DialContext, request: { from?: LocalDate; to?: LocalDate; teamName?: string }): Promise<void> {
  const { prisma } = ctx.deps;
  const scope = await exportScopeFor(prisma, ctx.member, request.teamName);
  if (!scope.ok) return ctx.reply(errorReply(scope.message));
  const dates = { ...(request.from && { from: request.from }), ...(request.to && { to: request.to }) };
  const options = { ...dates, ...scope.filter };
  const described = { label: scope.label, ...dates };
  const rows = await countExportRows(prisma, options);
  if (rows === 0) return ctx.reply(exportEmptyReply(described));
  await ctx.reply(exportPreparingReply(described, rows));

  const chunks: string[] = [];
  for await (const chunk of exportActivities(prisma, options)) chunks.push(chunk);
  const filename = exportFileName(described, localDate(ctx.now, 'UTC'));
  const { channel } = await ctx.client.conversations.open({ users: ctx.member.slackUserId });
  if (!channel?.id) throw new Error('conversations.open returned no channel');
  await ctx.client.files.uploadV2({
    channel_id: channel.id,
    file: Buffer.from(chunks.join(''), 'utf8'),
    filename,
    title: filename,
    initial_comment: exportComment(described, rows),
  });
  await recordExport(prisma, { workspaceId: ctx.member.workspaceId, actorUserId: ctx.member.slackUserId, ...described, rows, filename, requestKey: ctx.requestKey, now: ctx.now });
  await ctx.reply(exportSentReply(filename));
}
