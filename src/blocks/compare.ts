// The `/dial compare` answer: week by week, each one's share of their own target with the counts,
// the four-week average, and the chart. Pure.
import type { KnownBlock } from '@slack/types';
import { formatCount, KIND_LABELS } from '../lib/kinds.js';
import { formatLocalDate } from '../lib/time.js';
import type { CompareSeries, Comparison } from '../services/boards/compare-reps.js';
import type { Reply } from './activity-replies.js';
import { chartBlock, type ChartImage } from './chart.js';
import { LIMITS, truncate } from './slack-limits.js';

const who = (s: CompareSeries) => (s.slackUserId ? `<@${s.slackUserId}>` : `*${s.name}*`);

function average(s: CompareSeries): number | null {
  const shares = s.weeks.flatMap((w) => (w.percent === null ? [] : [w.percent]));
  return shares.length === 0 ? null : Math.round(shares.reduce((a, b) => a + b, 0) / shares.length);
}

export function compareReply(comparison: Comparison, chart?: ChartImage): Reply {
  const title = `${comparison.series.map((s) => s.name).join(' vs ')} · last ${comparison.weeks.length} weeks`;
  const kinds = comparison.kinds.map((k) => KIND_LABELS[k].many).join(' and ');
  const lines = comparison.weeks.map((from, i) => {
    const cells = comparison.series.map((s) => {
      const w = s.weeks[i]!;
      const counts = comparison.kinds.map((k) => formatCount(k, w.actual[k])).join(', ');
      return w.percent === null ? `${who(s)} no target (${counts})` : `${who(s)} *${w.percent}%* (${counts})`;
    });
    return `*Week of ${formatLocalDate(from)}* · ${cells.join(' · ')}`;
  });
  const averages = comparison.series.map((s) => {
    const a = average(s);
    return `${who(s)} ${a === null ? 'had no target' : `averaged *${a}%*`}`;
  });
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, LIMITS.headerText) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Each week as a share of each one’s own target for ${kinds} (prorated for workdays, time off and ramp-up), so everyone compares fairly.` }],
    },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), LIMITS.sectionText) } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`Over ${comparison.weeks.length} weeks: ${averages.join(' · ')}.`, LIMITS.sectionText) } },
    ...(chart ? [chartBlock(chart, 'compare_chart')] : []),
  ];
  return { text: title, blocks };
}
