// The App Home tab: a rep's day, week and month against target with pace, what they need today
// and a button to log; for managers, their reps side by side below.
import type { HomeView, KnownBlock } from '@slack/types';
import type { RepProgress } from '../services/progress/rep-progress.js';
import { ACTION } from './ids.js';
import { progressBlocks } from './progress.js';
import { LIMITS, truncate } from './slack-limits.js';

/** Slack's limit on blocks in a Home view. */
export const HOME_BLOCK_LIMIT = 100;

export function buildRepHome(input: { displayName: string; progress: RepProgress; managerBlocks?: KnownBlock[] }): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${input.displayName}’s prospecting`, LIMITS.headerText) } },
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log activity' } }],
    },
    ...progressBlocks(input.progress, { self: true }),
    ...(input.managerBlocks ?? []),
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
  if (blocks.length > HOME_BLOCK_LIMIT) {
    blocks.splice(HOME_BLOCK_LIMIT - 1, blocks.length, {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'More teams than fit here: use `/dial stats @rep` for anyone not shown.' }],
    });
  }
  return { type: 'home', blocks };
}
