// A team board as Block Kit: header, how the score works, recognition, one line per ranked rep
// (rank, mention, score, counts against target, movement, streak) and who had no target. Pure.
// A long board is split into several messages of at most 50 blocks; the ephemeral `/dial board`
// answer is the first one with an "and N more" line.
import type { KnownBlock } from '@slack/types';
import { KIND_LABELS, type Kind } from '../lib/kinds.js';
import { roundHalfUp } from '../lib/numbers.js';
import { formatDateRange, formatLocalDate, formatLocalMonth } from '../lib/time.js';
import { SCORE_CAP } from '../services/boards/board-ranking.js';
import type { BoardRow, NoTargetReason, NoTargetRep, TeamBoard } from '../services/boards/rank-team.js';
import { joinNames, mention, recognitionFor } from '../services/boards/recognition.js';
import type { Reply } from './activity-replies.js';
import { chartBlock, type ChartImage } from './chart.js';
import { LIMITS, truncate } from './slack-limits.js';

/** Ranking lines per message: with the header, recognition and footers a message stays ≤ 50 blocks. */
export const ROWS_PER_MESSAGE = 40;
export const MAX_BLOCKS_PER_MESSAGE = 50;

/** "This week (Mon 30 Nov – Sun 6 Dec)", "Last week (…)", "Today (Fri 4 Dec)", "December 2026". */
export function periodTitle(board: Pick<TeamBoard, 'period' | 'from' | 'to' | 'today'>): string {
  switch (board.period) {
    case 'today':
      return `Today (${formatLocalDate(board.from)})`;
    case 'week':
      return `This week (${formatDateRange(board.from, board.to, board.today)})`;
    case 'last-week':
      return `Last week (${formatDateRange(board.from, board.to, board.today)})`;
    case 'month':
      return formatLocalMonth(board.from);
  }
}

export function boardTitle(board: TeamBoard): string {
  return `${board.teamName} board · ${periodTitle(board)}`;
}

const plural = (kind: Kind, n: number) => (n === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many);

/** "512 / 480 dials"; a target under 1 (or none) leaves it out: "2 closes". */
export function countText(kind: Kind, actual: number, target: number): string {
  const shown = roundHalfUp(target);
  return shown >= 1 ? `${actual.toLocaleString('en-US')} / ${shown.toLocaleString('en-US')} ${plural(kind, shown)}` : `${actual.toLocaleString('en-US')} ${plural(kind, actual)}`;
}

export function movementText(movement: BoardRow['movement']): string {
  switch (movement.type) {
    case 'up':
      return `▲${movement.by}`;
    case 'down':
      return `▼${movement.by}`;
    case 'same':
      return '=';
    case 'new':
      return 'new';
  }
}

/** "*2.* <@U1> · *142%* ✅ · 512 / 480 dials · 61 / 60 conversations · ▲2 · 🔥 4 wks". */
export function rowText(row: BoardRow, kinds: readonly Kind[]): string {
  const parts = [
    `*${row.rank}.* ${mention(row.slackUserId)}`,
    `*${row.percent.toLocaleString('en-US')}%*${row.hitTarget ? ' ✅' : ''}`,
    ...kinds.map((k) => countText(k, row.actual[k] ?? 0, row.target[k] ?? 0)),
    movementText(row.movement),
  ];
  if (row.streak !== null && row.streak > 0) parts.push(`🔥 ${row.streak} ${row.streak === 1 ? 'wk' : 'wks'}`);
  return truncate(parts.join(' · '), LIMITS.sectionText);
}

const REASONS: Record<NoTargetReason, string> = { pto: 'on PTO', sick: 'off sick', no_goal: 'no goal set', no_workdays: 'no workdays' };

export function noTargetText(reps: readonly NoTargetRep[]): string {
  return truncate(`*No target this period:* ${reps.map((r) => `${mention(r.slackUserId)} (${REASONS[r.reason]})`).join(', ')}`, LIMITS.sectionText);
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) }] });

function kindsWords(kinds: readonly Kind[]): string {
  return joinNames(kinds.map((k) => KIND_LABELS[k].many));
}

/** Header, how ranking works, the recognition and the chart: what opens the board. */
function openingBlocks(board: TeamBoard, chart?: ChartImage): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`:trophy: ${boardTitle(board)}`, LIMITS.headerText), emoji: true } },
    context(
      `Ranked by share of each rep’s own target (prorated for workdays, time off and ramp-up): the mean over ${kindsWords(board.trackedKinds)}, each capped at ${SCORE_CAP * 100}%.`,
    ),
  ];
  const r = recognitionFor(board);
  const lines = [r.lead, r.hitTarget, r.streak, r.empty].filter((line): line is string => line !== null);
  if (board.rows.length > 0 && lines.length > 0) blocks.push(section(lines.join('\n')));
  if (chart) blocks.push(chartBlock(chart, 'board_chart'));
  blocks.push({ type: 'divider' });
  if (board.rows.length === 0) blocks.push(section('_No one has a target this period._'));
  return blocks;
}

const rowBlocks = (rows: readonly BoardRow[], kinds: readonly Kind[]) => rows.map((row) => section(rowText(row, kinds)));

/** The whole board, split into messages of at most 50 blocks (the channel post), with its chart. */
export function boardMessages(board: TeamBoard, chart?: ChartImage): Reply[] {
  const title = boardTitle(board);
  const chunks: BoardRow[][] = [];
  for (let i = 0; i < board.rows.length; i += ROWS_PER_MESSAGE) chunks.push(board.rows.slice(i, i + ROWS_PER_MESSAGE));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((rows, index) => {
    const blocks = index === 0 ? openingBlocks(board, chart) : [context(`*${title}* — continued (${index + 1} of ${chunks.length})`)];
    blocks.push(...rowBlocks(rows, board.trackedKinds));
    if (index === chunks.length - 1 && board.noTarget.length > 0) blocks.push(section(noTargetText(board.noTarget)));
    return { text: index === 0 ? title : `${title} (${index + 1} of ${chunks.length})`, blocks };
  });
}

/** The ephemeral `/dial board` answer: the first message, "and N more", then who had no target. */
export function boardReply(board: TeamBoard): Reply {
  const shown = board.rows.slice(0, ROWS_PER_MESSAGE);
  const blocks = [...openingBlocks(board), ...rowBlocks(shown, board.trackedKinds)];
  const more = board.rows.length - shown.length;
  if (more > 0) blocks.push(context(`…and ${more.toLocaleString('en-US')} more.`));
  if (board.noTarget.length > 0) blocks.push(section(noTargetText(board.noTarget)));
  return { text: boardTitle(board), blocks };
}
