// The App Home tab: a rep's day, week and month against target with pace, what they need today
// and a button to log, and their entries flagged for review; for managers, the entries they have
// to review and their reps side by side below.
import type { HomeView, KnownBlock } from '@slack/types';
import type { HomeDashboard, Standing } from '../services/progress/home-dashboard.js';
import { teamOverviewBlocks } from './team-overview.js';
import type { RepProgress } from '../services/progress/rep-progress.js';
import { chartBlock, type ChartImage } from './chart.js';
import { flagBlocks } from './flags.js';
import { ACTION } from './ids.js';
import { progressBlocks } from './progress.js';
import { LIMITS, truncate } from './slack-limits.js';

/** Slack's limit on blocks in a Home view. */
export const HOME_BLOCK_LIMIT = 100;

export type RepHomeInput = {
  displayName: string;
  /** null for a member who is not measured (a manager): no numbers of their own. */
  progress: RepProgress | null;
  /** This week's rank and streak; null when not ranked (no team, or no target this week). */
  standing?: Standing | null;
  /** The rep's month chart, once uploaded. */
  chart?: ChartImage;
  /** Offer to mute today's behind-pace nudge (or say it is muted); absent when the team sends none. */
  nudge?: { mutedToday: boolean } | null;
  /** The member's own entries flagged for review (read only). */
  flagBlocks?: KnownBlock[];
  managerBlocks?: KnownBlock[];
};

/** "#2 of 8 on this week's board (104% of target) · 3 weeks on target in a row". */
export function standingLine(standing: Standing): string {
  const streak =
    standing.streak === 0 ? 'no streak yet: hit this week’s target to start one' : `:fire: ${standing.streak} ${standing.streak === 1 ? 'week' : 'weeks'} on target in a row`;
  const medal = standing.rank === 1 ? ':first_place_medal: ' : standing.rank === 2 ? ':second_place_medal: ' : standing.rank === 3 ? ':third_place_medal: ' : '';
  return `${medal}*#${standing.rank} of ${standing.of}* on this week’s board (${standing.percent}% of target) · ${streak}`;
}

export function buildRepHome(input: RepHomeInput): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${input.displayName}’s prospecting`, LIMITS.headerText) } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTION.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log activity' } },
        ...(input.nudge && !input.nudge.mutedToday ? [{ type: 'button' as const, action_id: ACTION.muteNudge, text: { type: 'plain_text' as const, text: 'Mute today’s nudge' } }] : []),
      ],
    },
    ...(input.nudge?.mutedToday ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: ':zipper_mouth_face: No behind-pace nudge today: you muted it.' }] }] : []),
    ...(input.progress
      ? progressBlocks(input.progress, { self: true })
      : [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: 'You manage this team, so you aren’t measured as a rep: your reps are below.' }] }]),
    ...(input.standing ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: standingLine(input.standing) } }] : []),
    ...(input.chart ? [chartBlock(input.chart, 'rep_chart')] : []),
    ...(input.flagBlocks ?? []),
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

/** The Home of `home`'s member, with whichever charts were uploaded. */
export function homeView(home: HomeDashboard, images: { rep?: ChartImage | undefined; teams?: ReadonlyMap<string, ChartImage> } = {}): HomeView {
  return buildRepHome({
    displayName: home.displayName,
    progress: home.progress,
    standing: home.standing,
    nudge: home.nudge,
    ...(images.rep ? { chart: images.rep } : {}),
    ...(home.flags ? { flagBlocks: flagBlocks(home.flags, 'rep') } : {}),
    managerBlocks: [...(home.review ? flagBlocks(home.review, 'manager') : []), ...teamOverviewBlocks(home.teams, home.period, images.teams)],
  });
}
