// The App Home tab for a rep: their day, week and month against target with pace, what they need
// today, and a button to log.
import type { HomeView, KnownBlock } from '@slack/types';
import type { RepProgress } from '../services/progress/rep-progress.js';
import { ACTION } from './ids.js';
import { progressBlocks } from './progress.js';
import { LIMITS, truncate } from './slack-limits.js';

export function buildRepHome(input: { displayName: string; progress: RepProgress }): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${input.displayName}’s prospecting`, LIMITS.headerText) } },
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log activity' } }],
    },
    ...progressBlocks(input.progress, { self: true }),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Log from anywhere with `/dial 12` or `/dial 40 dials 12 convos`; `/dial stats` shows this in any channel; `/dial help` shows everything.',
        },
      ],
    },
  ];
  return { type: 'home', blocks };
}
