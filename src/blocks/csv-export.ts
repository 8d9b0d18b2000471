// `/dial export`: the file's name and comment, and the replies around it.
import type { LocalDate } from '../lib/time.js';
import type { Reply } from './activity-replies.js';

export type ExportRequest = { label: string; from?: LocalDate; to?: LocalDate };

const notice = (text: string): Reply => ({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
const entries = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;

/** "from 2026-11-01 to 2026-11-30", "since …", "up to …" or "all time" (UTC days, inclusive). */
function span({ from, to }: ExportRequest): string {
  if (from && to) return `from ${from} to ${to}`;
  if (from) return `since ${from}`;
  return to ? `up to ${to}` : 'all time';
}

/** `dialbot-<team>-<from>-<to>.csv`; an open start reads `start`, an open end today's date. */
export function exportFileName(request: ExportRequest, today: LocalDate): string {
  const slug = request.label.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'team';
  return `dialbot-${slug}-${request.from ?? 'start'}-${request.to ?? today}.csv`;
}

export function exportComment(request: ExportRequest, rows: number): string {
  return `${entries(rows)} for ${request.label}, ${span(request)} (UTC days; voided entries included, with voided_at set). \`/dial import\` reads this format back.`;
}

export const exportEmptyReply = (request: ExportRequest): Reply => notice(`There is no activity for ${request.label} ${span(request)}, so there is nothing to export.`);

export const exportPreparingReply = (request: ExportRequest, rows: number): Reply =>
  notice(`:hourglass_flowing_sand: Preparing your export of ${entries(rows)} for ${request.label}, ${span(request)}…`);

export const exportSentReply = (fileName: string): Reply => notice(`:inbox_tray: Sent to your DMs: *${fileName}*.`);
