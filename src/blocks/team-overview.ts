// The manager's part of App Home: period buttons and, per team, one line per rep side by side
// (actual / target and % per tracked kind, pace). Pure. Rows are packed into as few sections as
// Slack's 3000-character limit allows, so a 150-rep team stays far under the 100-block view limit.
import type { KnownBlock } from '@slack/types';
import { KIND_LABELS } from '../lib/kinds.js';
import { roundHalfUp } from '../lib/numbers.js';
import { paceStatus } from '../services/progress/pace.js';
import type { OverviewPeriod, RepRow, TeamOverview } from '../services/progress/team-overview.js';
import { chartBlock, type ChartImage } from './chart.js';
import { ACTION } from './ids.js';
import { PACE_WORDS } from './progress.js';
import { LIMITS, truncate } from './slack-limits.js';

/** The warning ladder level beside a rep (see `/dial why @rep`). */
const LEVEL_MARKS = ['', ':wave: warned (level 1)', ':warning: level 2', ':rotating_light: level 3'] as const;

export const PERIOD_TITLES: Record<OverviewPeriod, string> = { day: 'Today', week: 'This week', month: 'This month' };

function repLine(row: RepRow, team: TeamOverview): string {
  const off = !row.progress.isWorkday || row.progress.attendanceToday === 0;
  const cells = team.trackedKinds.map((kind) => {
    const p = row.period[kind];
    const target = roundHalfUp(p.target);
    const label = KIND_LABELS[kind].many;
    return target > 0 ? `${p.actual.toLocaleString('en-US')}/${target.toLocaleString('en-US')} ${label} (${Math.floor((p.actual / target) * 100)}%)` : `${p.actual.toLocaleString('en-US')} ${label}`;
  });
  const statuses = team.trackedKinds.map((kind) => paceStatus(row.period[kind])).filter((s) => s !== null);
  const pace = statuses.includes('behind') ? PACE_WORDS.behind : statuses.length > 0 && statuses.every((s) => s === 'ahead') ? PACE_WORDS.ahead : statuses.length > 0 ? PACE_WORDS.on_pace : '';
  const mark = statuses.includes('behind') ? ':small_red_triangle_down:' : ':white_check_mark:';
  const ladder = row.level > 0 ? ` · ${LEVEL_MARKS[row.level]}` : '';
  return `${statuses.length > 0 ? mark : ':white_small_square:'} <@${row.slackUserId}> · ${cells.join(' · ')}${pace ? ` · ${pace}` : ''}${off ? ' · _off today_' : ''}${ladder}`;
}

/** Packs lines into section texts of at most `max` characters each. */
function pack(lines: string[], max = LIMITS.sectionText): string[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines.map((l) => truncate(l, max))) {
    if (current && current.length + 1 + line.length > max) {
      texts.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) texts.push(current);
  return texts;
}

/** `charts` holds each team's side-by-side chart, by team id, once uploaded. */
export function teamOverviewBlocks(teams: TeamOverview[], period: OverviewPeriod, charts: ReadonlyMap<string, ChartImage> = new Map()): KnownBlock[] {
  if (teams.length === 0) return [];
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    {
      type: 'actions',
      elements: (['day', 'week', 'month'] as const).map((p) => ({
        type: 'button' as const,
        action_id: `${ACTION.homePeriod}_${p}`,
        value: p,
        text: { type: 'plain_text' as const, text: PERIOD_TITLES[p] },
        ...(p === period ? { style: 'primary' as const } : {}),
      })),
    },
  ];
  for (const team of teams) {
    const behind = team.reps.filter((r) => team.trackedKinds.some((k) => paceStatus(r.period[k]) === 'behind')).length;
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: truncate(`${team.teamName} · ${PERIOD_TITLES[period].toLowerCase()}`, LIMITS.headerText) },
    });
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${team.reps.length} ${team.reps.length === 1 ? 'rep' : 'reps'} · ${behind} behind pace · each rep against their own prorated target` }],
    });
    const chart = charts.get(team.teamId);
    if (chart) blocks.push(chartBlock(chart, `team_chart_${blocks.length}`));
    for (const text of pack(team.reps.map((r) => repLine(r, team)))) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  return blocks;
}
