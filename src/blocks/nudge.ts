// The early-warning nudge to a rep behind pace, and the managers' digest of who is behind. Pure.
import type { KnownBlock } from '@slack/types';
import { formatCount } from '../lib/kinds.js';
import { roundHalfUp } from '../lib/numbers.js';
import type { BehindKind } from '../services/escalation/behind-pace.js';
import type { Reply } from './activity-replies.js';
import { LIMITS, truncate } from './slack-limits.js';

const paceText = (b: BehindKind) => `${b.actual.toLocaleString('en-US')} of ${formatCount(b.kind, roundHalfUp(b.due))} due by now (${Math.floor(b.pace * 100)}%)`;

export function nudgeMessage(behind: readonly BehindKind[]): Reply {
  const need = behind.filter((b) => b.needToday > 0).map((b) => formatCount(b.kind, Math.ceil(b.needToday)));
  const text = `:hourglass_flowing_sand: Quick check-in: this week you’re behind pace on ${behind.map(paceText).join(' and ')}.`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: need.length > 0 ? `To be back on track for the week, today: *${need.join(' and ')}*. A focused call block now does it.` : 'A focused call block this afternoon gets you back on track.' },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'One nudge a day at most. To skip a day’s nudge, use *Mute today’s nudge* in dialbot’s App Home.' }] },
  ];
  return { text, blocks };
}

export type DigestRep = { slackUserId: string; behind: BehindKind[] };

export function behindDigest(teamName: string, reps: readonly DigestRep[], thresholdPercent: number): Reply {
  const behind = reps.filter((r) => r.behind.length > 0);
  const headline =
    behind.length === 0
      ? `:white_check_mark: ${teamName}: everyone is at or above ${thresholdPercent}% of pace this week.`
      : `:eyes: ${teamName}: ${behind.length} of ${reps.length} ${reps.length === 1 ? 'rep is' : 'reps are'} under ${thresholdPercent}% of pace this week.`;
  const lines = behind.map((r) => `• <@${r.slackUserId}> · ${r.behind.map(paceText).join(' · ')}`);
  return {
    text: headline,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate([headline, ...lines].join('\n'), LIMITS.sectionText) } }],
  };
}
