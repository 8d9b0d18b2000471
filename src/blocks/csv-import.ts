// `/dial import` in Slack: the upload modal, the dry run's preview (what would be stored, per rep,
// and every bad line by number), the result, and the summary DM'd to the importer.
import type { KnownBlock, ModalView } from '@slack/types';
import { ACTIVITY_CSV_COLUMNS } from '../services/activities/export-activities.js';
import { REQUIRED_COLUMNS, type ImportReport } from '../services/activities/import-activities.js';
import { describeCounts, type Reply } from './activity-replies.js';
import { CALLBACK, IMPORT_MODAL } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

/** What the preview remembers between the dry run and the confirmation: the file, not its content. */
export type ImportMetadata = { fileId: string; sha256: string };

/** Reps and bad lines listed before "…and N more". */
const MAX_LISTED = 20;
const TITLE = 'Import activity';

export const IMPORT_REFUSAL = 'Only managers and workspace admins can import activity. Log yours with `/dial`, or ask your manager to import the file.';

export function readImportMetadata(text: string): ImportMetadata | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<ImportMetadata>;
    return typeof parsed.fileId === 'string' && typeof parsed.sha256 === 'string' ? { fileId: parsed.fileId, sha256: parsed.sha256 } : undefined;
  } catch {
    return undefined;
  }
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } });
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `title` then as many lines as fit (at most MAX_LISTED), then how many were left out. */
function listSection(title: string, lines: readonly string[], what: string): KnownBlock {
  const reserve = 40; // room for the "…and N more" line
  let text = title;
  let shown = 0;
  for (const line of lines.slice(0, MAX_LISTED)) {
    if (text.length + line.length + 1 > LIMITS.sectionText - reserve) break;
    text += `\n${line}`;
    shown += 1;
  }
  if (shown < lines.length) text += `\n…and ${plural(lines.length - shown, `more ${what}`, `more ${what}s`)}`;
  return section(text);
}

export function buildImportUploadModal(maxBytes: number): ModalView {
  const optional = ACTIVITY_CSV_COLUMNS.filter((c) => !REQUIRED_COLUMNS.includes(c));
  return {
    type: 'modal',
    callback_id: CALLBACK.csvImportUpload,
    title: plain(TITLE),
    submit: plain('Check file'),
    close: plain('Cancel'),
    blocks: [
      section('Upload a CSV of activity. dialbot checks it first and shows what would be stored and every bad line; nothing is imported until you confirm.'),
      section(
        `*Columns*, named in a header row: ${REQUIRED_COLUMNS.map((c) => `\`${c}\``).join(', ')} (required) and ${optional.map((c) => `\`${c}\``).join(', ')} (optional) — ` +
          'the columns `/dial export` writes. `kind` is dial, conversation, presentation, opportunity or close; `occurred_at` is an instant like `2026-12-01T15:00:00Z`. ' +
          'Managers import for the reps on their teams, workspace admins for anyone. The README’s _Export format_ has the details.',
      ),
      {
        type: 'input',
        block_id: IMPORT_MODAL.fileBlock,
        label: plain(`CSV file (up to ${Math.floor(maxBytes / (1024 * 1024))} MB)`),
        element: { type: 'file_input', action_id: IMPORT_MODAL.action, filetypes: ['csv'], max_files: 1 },
      },
    ],
  };
}

/** Shown while the file is checked or imported (the work happens after Slack's 3-second ack). */
export function buildImportProgressView(text: string): ModalView {
  return { type: 'modal', title: plain(TITLE), close: plain('Close'), blocks: [section(`:hourglass_flowing_sand: ${text}`)] };
}

/** A stop after the ack: the file could not be read again, the importer may no longer import, or a failure. */
export function buildImportStoppedView(message: string): ModalView {
  return { type: 'modal', title: plain(TITLE), close: plain('Close'), blocks: [section(`:warning: ${message}`)] };
}

function repTotalsSection(title: string, report: ImportReport): KnownBlock[] {
  if (report.repTotals.length === 0) return [];
  return [listSection(title, report.repTotals.map((t) => `<@${t.userId}>: ${describeCounts(t.counts)}`), 'rep')];
}

function badLinesSection(report: ImportReport): KnownBlock[] {
  if (report.errors.length === 0) return [];
  return [listSection('*Bad lines* — nothing from them is stored:', report.errors.map((e) => `Line ${e.line}: ${e.message}`), 'bad line')];
}

export function buildImportPreviewModal(input: { fileName: string; report: ImportReport; metadata: ImportMetadata; changed: boolean }): ModalView {
  const { report } = input;
  const counts = [
    `• *${plural(report.inserted, 'row')}* would be stored`,
    ...(report.skippedExisting > 0 ? [`• ${plural(report.skippedExisting, 'row')} already there (skipped)`] : []),
    ...(report.errors.length > 0 ? [`• ${plural(report.errors.length, 'bad line')}`] : []),
  ];
  const verdict =
    report.inserted > 0
      ? 'Nothing is stored until you press the button.'
      : report.errors.length > 0
        ? 'There is nothing to import: fix the lines below and upload the file again.'
        : 'There is nothing new to import.';
  return {
    type: 'modal',
    callback_id: CALLBACK.csvImportConfirm,
    private_metadata: JSON.stringify(input.metadata),
    title: plain(TITLE),
    ...(report.inserted > 0 ? { submit: plain(`Import ${plural(report.inserted, 'row')}`) } : {}),
    close: plain('Cancel'),
    blocks: [
      ...(input.changed ? [section(':arrows_counterclockwise: The file changed since it was checked; these are its new numbers. Nothing was imported yet.')] : []),
      section(`*${input.fileName}*: ${plural(report.rows, 'row')} checked.\n${counts.join('\n')}\n${verdict}`),
      ...repTotalsSection('*What the import adds*, per rep (voided rows add nothing):', report),
      ...badLinesSection(report),
    ],
  };
}

function resultText(fileName: string, report: ImportReport): string {
  const extras = [
    ...(report.skippedExisting > 0 ? [`${plural(report.skippedExisting, 'row was', 'rows were')} already there`] : []),
    ...(report.errors.length > 0 ? [`${plural(report.errors.length, 'bad line was', 'bad lines were')} skipped`] : []),
    ...(report.flagged > 0 ? [`${plural(report.flagged, 'entry was', 'entries were')} flagged for review (App Home → Needs review)`] : []),
  ];
  return `:white_check_mark: Imported ${plural(report.inserted, 'row')} from *${fileName}*.${extras.length > 0 ? ` ${extras.join('; ')}.` : ''}`;
}

function resultBlocks(fileName: string, report: ImportReport): KnownBlock[] {
  return [section(resultText(fileName, report)), ...repTotalsSection('*Added*, per rep:', report), ...badLinesSection(report)];
}

export function buildImportResultView(input: { fileName: string; report: ImportReport }): ModalView {
  return { type: 'modal', title: plain(TITLE), close: plain('Done'), blocks: resultBlocks(input.fileName, input.report) };
}

/** The importer's record of the import, in their DMs. */
export function importSummaryReply(input: { fileName: string; report: ImportReport }): Reply {
  return { text: resultText(input.fileName, input.report), blocks: resultBlocks(input.fileName, input.report) };
}
