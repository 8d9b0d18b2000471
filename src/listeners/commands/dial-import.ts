// `/dial import`: managers and workspace admins get the CSV upload modal; anyone else is told who can.
import { errorReply } from '../../blocks/activity-replies.js';
import { buildImportUploadModal, IMPORT_REFUSAL } from '../../blocks/csv-import.js';
import { importScopeFor } from '../../services/activities/csv-scope.js';
import { MAX_CSV_BYTES } from '../../slack/read-uploaded-csv.js';
import type { DialContext } from './dial-context.js';

export async function handleImportCommand(ctx: DialContext): Promise<void> {
  if (!(await importScopeFor(ctx.deps.prisma, ctx.member))) return ctx.reply(errorReply(IMPORT_REFUSAL));
  await ctx.client.views.open({ trigger_id: ctx.command.trigger_id, view: buildImportUploadModal(MAX_CSV_BYTES) });
}
