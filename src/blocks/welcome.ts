// The DM the person who installed dialbot gets: first set-up, step by step, all inside Slack. Pure.
import type { Reply } from './activity-replies.js';
import { ACTION } from './ids.js';

const STEPS = [
  ['Create your team', '`/dial team new Sales` creates a team and makes you its manager (`/dial team` opens the settings of the team you manage).'],
  ['Pick its channel', 'In the team settings, choose the channel for the daily progress post and the weekly leaderboard. A private channel needs `/invite @dialbot` first.'],
  ['Add managers and reps', 'Still in the team settings, pick the managers (they set goals and get alerts) and the reps (they are measured).'],
  ['Set a goal', '`/dial goal` works the month backwards from revenue: revenue → closes → opportunities → presentations → conversations → dials.'],
  ['Start logging', 'Reps log with `/dial 12` (12 dials) or `/dial 40 dials 6 convos`, or with the *Log activity* button in App Home. `/dial help` lists everything.'],
] as const;

export function welcomeMessage(workspaceName: string | undefined): Reply {
  const where = workspaceName ? ` to ${workspaceName}` : '';
  const text = `:wave: Thanks for adding dialbot${where}! Five steps and your team is prospecting in the open.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      ...STEPS.map(([title, body], i) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: `*${i + 1}. ${title}*\n${body}` } })),
      {
        type: 'actions',
        elements: [{ type: 'button', style: 'primary', action_id: ACTION.openTeamSettings, text: { type: 'plain_text', text: 'Set up your team' } }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'If it’s not logged, it didn’t happen. Open dialbot’s *Home* tab any time for your dashboard.' }] },
    ],
  };
}
