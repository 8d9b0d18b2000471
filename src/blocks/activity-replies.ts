// Replies to a rep about their own entries: what was stored, what was voided, their totals.
import type { KnownBlock } from '@slack/types';
import type { ActivitySource } from '../generated/prisma/client.js';
import { formatCount, KINDS, type KindCounts } from '../lib/kinds.js';
import type { ActivityTotals } from '../services/progress/activity-totals.js';
import type { RepProgress } from '../services/progress/rep-progress.js';
import { logProgressBlocks } from './progress.js';
import { LIMITS, truncate } from './slack-limits.js';

export type Reply = { text: string; blocks: KnownBlock[] };

/** How an entry came in, wherever entries are shown: typed by a person, or reported by the phone system. */
export const SOURCE_LABELS: Record<ActivitySource, string> = {
  slash: 'via /dial',
  modal: 'via the form',
  import: 'via CSV import',
  api: 'via phone system',
};

/** "40 dials, 12 conversations and 2 presentations". */
export function describeCounts(counts: KindCounts): string {
  const parts = KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => formatCount(kind, counts[kind]!));
  if (parts.length === 0) return 'nothing yet';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function totalsLine(counts: KindCounts): string {
  const parts = KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => formatCount(kind, counts[kind]!));
  return parts.length === 0 ? '_nothing yet_' : parts.join('\n');
}

function totalsFields(totals: ActivityTotals): KnownBlock {
  return {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: `*Today*\n${totalsLine(totals.today)}` },
      { type: 'mrkdwn', text: `*This week*\n${totalsLine(totals.week)}` },
    ],
  };
}

const quoteNote = (note: string) => truncate(note, 500).split('\n').map((line) => `> ${line}`).join('\n');

/**
 * After logging: what was stored, then today's and this week's progress against target when a
 * goal is set (`progress.monthly`), else the plain totals.
 */
export function loggedReply(input: {
  counts: KindCounts;
  dateLabel: string;
  note: string | null;
  totals: ActivityTotals;
  duplicate: boolean;
  progress?: RepProgress;
}): Reply {
  const what = describeCounts(input.counts);
  const headline = input.duplicate
    ? `:repeat: Already logged: ${what} for ${input.dateLabel}. Nothing new was stored.`
    : `:white_check_mark: Logged ${what} for ${input.dateLabel}.`;
  const withGoal = input.progress !== undefined && input.progress.monthly !== null;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(input.note ? `${headline}\n${quoteNote(input.note)}` : headline, LIMITS.sectionText) } },
    ...(withGoal ? logProgressBlocks(input.progress!) : [totalsFields(input.totals)]),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: withGoal
            ? '`/dial stats` shows your day, week and month with pace. Made a mistake? `/dial undo`'
            : 'Targets appear here once your manager sets a goal. Made a mistake? `/dial undo`',
        },
      ],
    },
  ];
  return { text: headline, blocks };
}

export function undoneReply(input: { counts: KindCounts; dateLabel: string; source: ActivitySource; totals: ActivityTotals }): Reply {
  const headline = `:leftwards_arrow_with_hook: Undone: ${describeCounts(input.counts)} for ${input.dateLabel}, logged ${SOURCE_LABELS[input.source]}. The entry stays in the record, marked voided.`;
  return { text: headline, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: headline } }, totalsFields(input.totals)] };
}

export function errorReply(message: string): Reply {
  const text = `:warning: ${truncate(message, LIMITS.sectionText - 12)}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

export function helpReply(help: string): Reply {
  return { text: 'How to use /dial', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(help, LIMITS.sectionText) } }] };
}
