// `/dial why`: a rep's level on the ladder and the weeks behind it; for a manager looking at a
// rep, a button to excuse each missed week. Pure.
import type { KnownBlock } from '@slack/types';
import { formatCount } from '../lib/kinds.js';
import { roundHalfUp } from '../lib/numbers.js';
import { formatLocalDate } from '../lib/time.js';
import type { KindResult } from '../services/escalation/ladder.js';
import type { LadderStanding } from '../services/escalation/ladder-standing.js';
import type { Reply } from './activity-replies.js';
import { ladderActionButtons, OUTCOME_LABELS } from './escalation.js';
import { LIMITS, truncate } from './slack-limits.js';

const LEVEL_WORDS = ['on track', 'level 1 · friendly warning', 'level 2 · stern warning', 'level 3 · consequence applies'] as const;
const SHOWN_WEEKS = 8;

function weekLine(step: LadderStanding['steps'][number]): string {
  const e = step.evaluation;
  const kinds = (e.kinds as KindResult[]).map((k) => `${k.actual.toLocaleString('en-US')}/${formatCount(k.kind, roundHalfUp(k.target))}`).join(' · ');
  const verdict =
    step.verdict === 'excused'
      ? `:white_circle: excused by <@${e.excusedBy}>${e.excuseReason ? ` — “${e.excuseReason}”` : ''}`
      : step.verdict === 'hit'
        ? ':white_check_mark: on target'
        : step.verdict === 'paused'
          ? ':palm_tree: no target (time off)'
          : ':small_red_triangle_down: missed';
  const action = e.actionOutcome && e.actionOutcome !== 'excused' ? ` · ${OUTCOME_LABELS[e.actionOutcome as keyof typeof OUTCOME_LABELS]} (<@${e.actionBy}>${e.actionNote ? `: “${e.actionNote}”` : ''})` : '';
  return `*${formatLocalDate(e.week)}* · ${verdict}${kinds ? ` · ${kinds}` : ''} → level ${step.level}${action}`;
}

export function ladderWhyReply(standing: LadderStanding, who: { self: boolean; name: string; canExcuse: boolean }): Reply {
  const subject = who.self ? 'You are' : `${who.name} is`;
  const headline = `${subject} ${standing.level === 0 ? 'on track' : `at ${LEVEL_WORDS[standing.level]}`}.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${headline}*` } }];
  if (standing.steps.length === 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'No week has been judged yet: weeks are judged at the end of each work week.' }] });
    return { text: headline, blocks };
  }
  if (standing.level > 0) {
    const weeks = standing.behind.map((e) => formatLocalDate(e.week)).join(', ');
    const clear = who.self ? 'One week on target clears it.' : 'One week on target clears it; an excused week counts as neither.';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `Missed in a row: ${weeks}. ${clear}` } });
  }
  const shown = standing.steps.slice(-SHOWN_WEEKS).reverse();
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(shown.map(weekLine).join('\n'), LIMITS.sectionText) } });
  if (who.canExcuse) {
    for (const step of shown.filter((s) => s.verdict === 'miss').slice(0, 4)) {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Week of ${formatLocalDate(step.evaluation.week)}:` }] }, ladderActionButtons(step.evaluation.id, ['excused']));
    }
  }
  return { text: headline, blocks };
}
