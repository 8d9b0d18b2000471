// The team charts under the channel posts: the daily post's week to date against what was due,
// and the board's period against each rep's target, reps in the post's order.
import type { DailyProgressInput } from '../blocks/daily-progress.js';
import { boardTitle } from '../blocks/board.js';
import type { TeamBoard } from '../services/boards/rank-team.js';
import type { Chart } from './render.js';
import { paceRows, teamChart } from './team-chart.js';

export async function dailyPostChart(input: DailyProgressInput): Promise<Chart> {
  return teamChart({
    title: `${input.teamName} — week to date`,
    expectedLabel: 'what was due by now',
    kinds: input.kinds,
    rows: paceRows(input.reps.map((r) => ({ name: r.name, period: r.progress.week })), input.kinds),
    filename: `daily-progress-${input.date}.png`,
  });
}

export async function boardChart(board: TeamBoard): Promise<Chart> {
  return teamChart({
    title: boardTitle(board),
    expectedLabel: 'their target',
    kinds: board.trackedKinds,
    rows: board.rows.map((row) => ({
      name: row.name,
      values: Object.fromEntries(board.trackedKinds.map((k) => [k, { actual: row.actual[k], expected: row.target[k] }])),
    })),
    filename: `board-${board.key.replace(/[^\w-]/g, '-')}.png`,
  });
}
