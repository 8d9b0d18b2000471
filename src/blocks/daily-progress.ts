// The daily progress post to a team's channel, as Block Kit: the team's total today and this week,
// who is at or above pace, then each rep's today and week-to-date against target for the team's
// tracked kinds. Reps away today read "off today", never as behind. Pure: data in, messages out.
// A long team is split into several messages, each within Slack's block limit, posted in order.
import type { KnownBlock } from '@slack/types';
import { KIND_LABELS, type Kind } from '../lib/kinds.js';
import { formatLocalDate, type LocalDate } from '../lib/time.js';
import { paceStatus, type KindProgress } from '../services/progress/pace.js';
import type { RepProgress } from '../services/progress/rep-progress.js';
import type { Reply } from './activity-replies.js';
import { chartBlock, type ChartImage } from './chart.js';
import { paceText, targetLine } from './progress.js';
import { LIMITS, truncate } from './slack-limits.js';

/** Reps per message: 40 rep sections plus the header, totals and footer stay within 50 blocks. */
export const REPS_PER_MESSAGE = 40;

export type DailyRep = {
  name: string;
  progress: Pick<RepProgress, 'isWorkday' | 'attendanceToday' | 'absenceToday' | 'day' | 'week'>;
};

export type DailyProgressInput = {
  teamName: string;
  /** The team's calendar date the post is for. */
  date: LocalDate;
  /** The team's tracked kinds, in funnel order. */
  kinds: readonly Kind[];
  reps: readonly DailyRep[];
  /** The team side by side (week to date against due), shown under the totals once uploaded. */
  chart?: ChartImage;
};

/** Slack mrkdwn control characters in user-supplied names. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const OFF_WORDS = { pto: 'PTO', sick: 'sick' } as const;

/** Why a rep is not expected to work today, or null when they are. */
export function offTodayReason(progress: DailyRep['progress']): string | null {
  if (!progress.isWorkday) return 'not a workday';
  if (progress.attendanceToday > 0) return null;
  return progress.absenceToday === 'pto' || progress.absenceToday === 'sick' ? OFF_WORDS[progress.absenceToday] : 'away';
}

/**
 * At or above pace: working today, something due or done this week on a tracked kind, and on
 * none of the tracked kinds behind what was due by now (the same words each rep's line shows).
 */
export function isAtOrAbovePace(rep: DailyRep, kinds: readonly Kind[]): boolean {
  if (offTodayReason(rep.progress) !== null) return false;
  const statuses = kinds.map((k) => paceStatus(rep.progress.week[k]));
  return statuses.some((s) => s !== null) && statuses.every((s) => s !== 'behind');
}

function sum(reps: readonly DailyRep[], period: 'day' | 'week', kind: Kind): KindProgress {
  const total = { target: 0, due: 0, actual: 0, pace: null as number | null };
  for (const rep of reps) {
    const p: KindProgress = rep.progress[period][kind];
    total.target += p.target;
    total.due += p.due;
    total.actual += p.actual;
  }
  total.pace = total.due > 1e-9 ? total.actual / total.due : null;
  return total;
}

function kindLine(kind: Kind, day: KindProgress, week: KindProgress, withPace: boolean): string {
  const parts = [`${KIND_LABELS[kind].emoji} Today ${targetLine(kind, day)}`, `Week ${targetLine(kind, week)}`];
  if (withPace) parts.push(paceText(week));
  return parts.join(' · ');
}

function repSection(rep: DailyRep, kinds: readonly Kind[]): KnownBlock {
  const off = offTodayReason(rep.progress);
  const title = off === null ? `*${escape(rep.name)}*` : `*${escape(rep.name)}* · :palm_tree: off today (${off})`;
  const lines = kinds.map((k) =>
    off === null ? kindLine(k, rep.progress.day[k], rep.progress.week[k], true) : `${KIND_LABELS[k].emoji} Week ${targetLine(k, rep.progress.week[k])}`,
  );
  return { type: 'section', text: { type: 'mrkdwn', text: truncate([title, ...lines].join('\n'), LIMITS.sectionText) } };
}

function summaryBlocks(input: DailyProgressInput): KnownBlock[] {
  const { kinds, reps } = input;
  const totals = kinds.map((k) => kindLine(k, sum(reps, 'day', k), sum(reps, 'week', k), true));
  const ahead = reps.filter((r) => isAtOrAbovePace(r, kinds)).map((r) => escape(r.name));
  const off = reps.filter((r) => offTodayReason(r.progress) !== null).length;
  const teamLine = `*Team total* (${reps.length} ${reps.length === 1 ? 'rep' : 'reps'}${off > 0 ? `, ${off} off today` : ''})`;
  return [
    { type: 'section', text: { type: 'mrkdwn', text: truncate([teamLine, ...totals].join('\n'), LIMITS.sectionText) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(ahead.length > 0 ? `:rocket: *At or above pace:* ${ahead.join(', ')}` : ':rocket: _Nobody is at or above pace yet._', LIMITS.sectionText),
      },
    },
  ];
}

const FOOTER: KnownBlock = {
  type: 'context',
  elements: [{ type: 'mrkdwn', text: 'Pace is this week’s actual ÷ what was due by now. Reps off today (PTO, sick) owe nothing today.' }],
};

/** The post, as one message per REPS_PER_MESSAGE reps (at least one), each ≤ 50 blocks. */
export function dailyProgressMessages(input: DailyProgressInput): Reply[] {
  const title = `Daily progress · ${input.teamName} · ${formatLocalDate(input.date)}`;
  const chunks: DailyRep[][] = [];
  for (let i = 0; i < input.reps.length; i += REPS_PER_MESSAGE) chunks.push(input.reps.slice(i, i + REPS_PER_MESSAGE));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((reps, index) => {
    const part = chunks.length > 1 ? ` (${index + 1}/${chunks.length})` : '';
    const blocks: KnownBlock[] = [];
    if (index === 0) {
      blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(title, LIMITS.headerText) } }, ...summaryBlocks(input));
      if (input.chart) blocks.push(chartBlock(input.chart, 'team_chart'));
      if (input.reps.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '_No reps on this team yet._' } });
    } else {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(`${title}${part}`, LIMITS.sectionText) }] });
    }
    blocks.push(...reps.map((rep) => repSection(rep, input.kinds)));
    if (index === chunks.length - 1) blocks.push(FOOTER);
    if (blocks.length > LIMITS.messageBlocks) throw new RangeError(`daily progress message has ${blocks.length} blocks`);
    return { text: truncate(`${title}${part}`, LIMITS.messageText), blocks };
  });
}

