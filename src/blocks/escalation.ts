// The ladder's messages, all private: to the rep (a supportive warning, a stern one, the
// consequence, or congratulations when they hit) and to their managers (at levels 2 and 3).
// Specific — what was missed by how much, what next week needs per day — and humane. Pure.
import type { KnownBlock } from '@slack/types';
import { formatCount } from '../lib/kinds.js';
import { roundHalfUp } from '../lib/numbers.js';
import { formatLocalDate, type LocalDate } from '../lib/time.js';
import type { JudgedWeek } from '../services/escalation/evaluate-week.js';
import type { KindResult } from '../services/escalation/ladder.js';
import type { Reply } from './activity-replies.js';
import { ACTION } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

export const OUTCOME_LABELS = { applied: 'Consequence applied', coached: 'Coached instead', excused: 'Excused the week' } as const;

/** The manager's three answers to a level-3 week (and the excuse button of `/dial why`). */
export function ladderActionButtons(evaluationId: string, outcomes: ReadonlyArray<keyof typeof OUTCOME_LABELS> = ['applied', 'coached', 'excused']): KnownBlock {
  return {
    type: 'actions',
    elements: outcomes.map((outcome) => ({
      type: 'button' as const,
      action_id: `${ACTION.ladderAction}_${outcome}`,
      value: evaluationId,
      text: { type: 'plain_text' as const, text: OUTCOME_LABELS[outcome] },
      ...(outcome === 'applied' ? { style: 'danger' as const } : outcome === 'coached' ? { style: 'primary' as const } : {}),
    })),
  };
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) }] });

/** "62 of 80 dials (77%)". */
function result(r: KindResult): string {
  return `${r.actual.toLocaleString('en-US')} of ${formatCount(r.kind, roundHalfUp(r.target))} (${Math.floor(r.share * 100)}%)`;
}

function shortBy(r: KindResult): string {
  return `${formatCount(r.kind, Math.max(1, Math.ceil(r.target - r.actual)))} short`;
}

/** "80 dials and 27 conversations — about 16 dials and 6 conversations a workday". */
function nextWeekLine(judged: JudgedWeek): string {
  const week = judged.next.filter((n) => n.target > 0);
  if (week.length === 0) return 'Next week has no target for you (time off): enjoy it.';
  const totals = week.map((n) => formatCount(n.kind, roundHalfUp(n.target))).join(' and ');
  const daily = week.map((n) => formatCount(n.kind, Math.ceil(n.perDay))).join(' and ');
  return `Next week’s target is ${totals} — about *${daily} a workday*.`;
}

const weekName = (week: LocalDate) => `the week of ${formatLocalDate(week)}`;

/** The rep's DM after their week was judged; null when there is nothing to say (a paused week). */
export function repLadderMessage(judged: JudgedWeek, policy: string): Reply | null {
  const week = weekName(judged.evaluation.week);
  const missed = judged.kinds.filter((k) => k.missed);
  const numbers = judged.kinds.map(result).join(' · ');
  switch (judged.verdict) {
    case 'paused':
      return null;
    case 'hit': {
      const reset = judged.levelBefore > 0 ? ' That clears your warnings: you’re back to a clean slate.' : '';
      const text = `:tada: You hit your prospecting target for ${week}: ${numbers}.${reset}`;
      return { text, blocks: [section(text), context(nextWeekLine(judged))] };
    }
    case 'miss': {
      const gap = missed.map(shortBy).join(' and ');
      if (judged.level === 1) {
        const text = `:wave: Heads up: ${week} came in under your prospecting target — ${numbers} (${gap}).`;
        return {
          text,
          blocks: [
            section(text),
            section(`${nextWeekLine(judged)} Block the time on your calendar first thing; you’ve got this.`),
            context('This is a first, friendly warning. A second week under target in a row means a stern warning and your manager hears about it.'),
          ],
        };
      }
      if (judged.level === 2) {
        const text = `:warning: Second week in a row under your prospecting target: ${week} — ${numbers} (${gap}).`;
        return {
          text,
          blocks: [
            section(text),
            section(`If next week is under target too, a consequence applies: *${policy}*`),
            section(`${nextWeekLine(judged)} Your manager has been told, so they can help.`),
          ],
        };
      }
      const text = `:rotating_light: Third week in a row under your prospecting target: ${week} — ${numbers} (${gap}).`;
      return {
        text,
        blocks: [
          section(text),
          section(`The consequence now applies: *${policy}* Your manager has the details and will talk it through with you.`),
          section(`${nextWeekLine(judged)} One week on target clears it.`),
        ],
      };
    }
  }
}

/** The alert to each of the rep's managers at levels 2 and 3; null below. */
export function managerLadderAlert(judged: JudgedWeek, rep: { slackUserId: string }, policy: string): Reply | null {
  if (judged.verdict !== 'miss' || judged.level < 2) return null;
  const who = `<@${rep.slackUserId}>`;
  const numbers = judged.kinds.map(result).join(' · ');
  const record = judged.history
    .slice(-Math.max(judged.level, 3))
    .map((w) => `• ${formatLocalDate(w.week)}: ${w.verdict === 'miss' ? 'missed' : w.verdict === 'hit' ? 'on target' : w.verdict === 'excused' ? 'excused' : 'no target (time off)'}`)
    .join('\n');
  if (judged.level === 2) {
    const text = `:warning: ${who} has missed their prospecting target two weeks in a row (last week: ${numbers}).`;
    return {
      text,
      blocks: [section(text), section(`They’ve had a stern warning that a third week brings the consequence (*${policy}*). Now is the time to coach.`), context(record)],
    };
  }
  const text = `:rotating_light: ${who} has missed their prospecting target three weeks running (last week: ${numbers}). The consequence applies.`;
  return {
    text,
    blocks: [
      section(text),
      section(`*The record*\n${record}`),
      section(`*Team policy:* ${policy}`),
      context('What did you do? Record it (with a note) so the rep’s record tells the whole story:'),
      ladderActionButtons(judged.evaluation.id),
    ],
  };
}
