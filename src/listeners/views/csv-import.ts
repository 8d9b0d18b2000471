// The CSV import modal, in two submissions. Upload: the file is read (problems are field errors),
// then checked with a dry run and the modal turns into its preview. Confirm: the file is read and
// checked again — what is stored is what was just validated; if the file changed, the new preview
// is shown instead — then imported, audited, summarised in a DM, and the reps' Homes refreshed.
import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import {
  buildImportPreviewModal,
  buildImportProgressView,
  buildImportResultView,
  buildImportStoppedView,
  IMPORT_REFUSAL,
  importSummaryReply,
  readImportMetadata,
} from '../../blocks/csv-import.js';
import { CALLBACK, IMPORT_MODAL } from '../../blocks/ids.js';
import { importScopeFor } from '../../services/activities/csv-scope.js';
import { importActivities, type ImportActivitiesOptions, type ImportReport } from '../../services/activities/import-activities.js';
import { readUploadedCsv } from '../../slack/read-uploaded-csv.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { memberFor } from '../members.js';

type Submission = { userId: string; workspaceId: string; token: string };

/** Who submitted, what they may import, and the options of a dry run on their behalf. */
async function importerOptions(deps: ListenerDeps, client: WebClient, who: Submission): Promise<ImportActivitiesOptions | undefined> {
  const now = deps.clock();
  const member = await memberFor(deps, client, who.workspaceId, who.userId, now);
  const scope = await importScopeFor(deps.prisma, member);
  if (!scope) return undefined;
  return { dryRun: true, now, scope, defaultTimezone: deps.config.defaultTimezone, maxCountPerEntry: deps.config.maxCountPerEntry };
}

async function refreshHomes(deps: ListenerDeps, client: WebClient, workspaceId: string, report: ImportReport): Promise<void> {
  const userIds = report.repTotals.map((t) => t.userId);
  const members = await deps.prisma.member.findMany({ where: { workspaceId, slackUserId: { in: userIds } } });
  for (const member of members) deps.homeRefresh.request(member, client);
}

/** Replaces the modal after the ack; a user who closed it still gets the DM (or nothing to lose). */
async function showInModal(deps: ListenerDeps, client: WebClient, viewId: string, userId: string, next: ModalView): Promise<void> {
  await client.views.update({ view_id: viewId, view: next }).catch((error: unknown) => deps.logger.warn({ err: error, user: userId }, 'could not update the import modal'));
}

export function registerCsvImportViews(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK.csvImportUpload, async ({ ack, body, view, client, context }) => {
    const who = { userId: body.user.id, workspaceId: body.team?.id ?? body.user.team_id, token: context.botToken };
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [IMPORT_MODAL.fileBlock]: message } });
    const files = view.state.values[IMPORT_MODAL.fileBlock]?.[IMPORT_MODAL.action]?.files ?? [];
    if (files.length !== 1) return refuse('Choose one CSV file.');

    let checked;
    try {
      if (!who.workspaceId || !who.token) throw new Error('view_submission without a team id or bot token');
      const options = await importerOptions(deps, client, who as Submission);
      if (!options) return await refuse(`${IMPORT_REFUSAL} Nothing was imported.`);
      const file = await readUploadedCsv(client, who.token, files[0]!.id);
      if (!file.ok) return await refuse(file.message);
      checked = { options, file };
    } catch (error) {
      return refuse(messageForFailure(error, deps.logger, { view: CALLBACK.csvImportUpload, user: who.userId }));
    }
    // The dry run may take longer than Slack waits for the ack: the preview replaces this view.
    await ack({ response_action: 'update', view: buildImportProgressView(`Checking *${checked.file.name}*…`) });
    const { options, file } = checked;
    let next: ModalView;
    try {
      const report = await importActivities(deps.prisma, file.text, options);
      next = buildImportPreviewModal({ fileName: file.name, report, metadata: { fileId: file.fileId, sha256: file.sha256 }, changed: false });
    } catch (error) {
      next = buildImportStoppedView(messageForFailure(error, deps.logger, { view: CALLBACK.csvImportUpload, user: who.userId }));
    }
    await showInModal(deps, client, view.id, who.userId, next);
  });

  app.view(CALLBACK.csvImportConfirm, async ({ ack, body, view, client, context }) => {
    await ack({ response_action: 'update', view: buildImportProgressView('Importing…') });
    const userId = body.user.id;
    const workspaceId = body.team?.id ?? body.user.team_id;
    const show = (next: ModalView) => showInModal(deps, client, view.id, userId, next);
    try {
      const metadata = readImportMetadata(view.private_metadata);
      if (!metadata || !workspaceId || !context.botToken) return await show(buildImportStoppedView('This form is out of date. Run `/dial import` again. Nothing was imported.'));
      const options = await importerOptions(deps, client, { userId, workspaceId, token: context.botToken });
      if (!options) return await show(buildImportStoppedView(`${IMPORT_REFUSAL} Nothing was imported.`));
      const file = await readUploadedCsv(client, context.botToken, metadata.fileId);
      if (!file.ok) return await show(buildImportStoppedView(`${file.message} Nothing was imported.`));
      if (file.sha256 !== metadata.sha256) {
        const report = await importActivities(deps.prisma, file.text, options);
        return await show(buildImportPreviewModal({ fileName: file.name, report, metadata: { fileId: file.fileId, sha256: file.sha256 }, changed: true }));
      }
      const importer = { workspaceId, userId, fileName: file.name, requestKey: `csv-import:${workspaceId}:${view.id}:${file.sha256}` };
      const report = await importActivities(deps.prisma, file.text, { ...options, dryRun: false, importer });
      await show(buildImportResultView({ fileName: file.name, report }));
      await client.chat.postMessage({ channel: userId, ...importSummaryReply({ fileName: file.name, report }) });
      await refreshHomes(deps, client, workspaceId, report);
    } catch (error) {
      await show(buildImportStoppedView(messageForFailure(error, deps.logger, { view: CALLBACK.csvImportConfirm, user: userId })));
    }
  });
}
