// The App Home tab for a rep: today's and this week's totals and a button to log.
import type { HomeView, KnownBlock } from '@slack/types';
import { formatCount, KIND_LABELS, KINDS, type KindCounts } from '../lib/kinds.js';
import type { ActivityTotals } from '../services/progress/activity-totals.js';
import { ACTION } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

function kindLines(counts: KindCounts): string {
  return KINDS.map((kind) => `${KIND_LABELS[kind].emoji} ${formatCount(kind, counts[kind] ?? 0)}`).join('\n');
}

export function buildRepHome(input: { displayName: string; totals: ActivityTotals; todayLabel: string }): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${input.displayName}’s prospecting`, LIMITS.headerText) } },
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log activity' } }],
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Today* (${input.todayLabel})\n${kindLines(input.totals.today)}` },
        { type: 'mrkdwn', text: `*This week*\n${kindLines(input.totals.week)}` },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Log from anywhere with `/dial 12` or `/dial 40 dials 12 convos`; `/dial help` shows everything.' }] },
  ];
  return { type: 'home', blocks };
}
