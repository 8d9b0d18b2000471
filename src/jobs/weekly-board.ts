// Weekly leaderboard: the week just ended, ranked by each rep's share of their own target, with
// recognition — posted to the team channel on the first workday of the week at weeklyBoardTime
// (default Monday 09:00, team time). One slot per team and week.
import { boardMessages } from '../blocks/board.js';
import { boardChart } from '../charts/post-charts.js';
import { addDays, instantAt, localDate, weekOf } from '../lib/time.js';
import { rankTeam } from '../services/boards/rank-team.js';
import { isWorkday, teamCalendar } from '../services/goals/targets.js';
import { teamZone } from './daily-progress.js';
import type { JobDefinition } from './job.js';
import { uploadChart } from '../slack/upload-chart.js';
import { postInOrder } from './post-in-order.js';

export const WEEKLY_BOARD = 'weekly-board';

export const weeklyBoardJob = {
  name: WEEKLY_BOARD,

  slotFor(team, now, defaultTimezone) {
    if (!team.weeklyBoardEnabled) return { due: false, reason: 'weekly board is off' };
    if (!team.channelId) return { due: false, reason: 'team has no channel' };
    const zone = teamZone(team, defaultTimezone);
    const date = localDate(now, zone);
    const calendar = teamCalendar(team);
    // Posted on the week's first workday only (a Monday holiday moves it to Tuesday): a board for
    // last week posted on Thursday would be news nobody needs.
    const firstWorkday = weekOf(date).find((day) => isWorkday(day, calendar));
    if (date !== firstWorkday) return { due: false, reason: `${date} is not the week's first workday` };
    if (now < instantAt(date, team.weeklyBoardTime, zone)) return { due: false, reason: `not yet ${team.weeklyBoardTime} (${zone})` };
    const lastWeek = addDays(weekOf(date)[0]!, -7);
    return { due: true, slot: `${WEEKLY_BOARD}:${team.id}:${lastWeek}`, date, zone };
  },

  async run(deps, { run, team, at }) {
    const channel = team.channelId;
    if (!channel) return { messages: 0 };
    const board = await rankTeam(deps.prisma, team.id, 'last-week', at, { defaultTimezone: deps.defaultTimezone });
    if (board.rows.length === 0 && board.noTarget.length === 0) return { messages: 0 };
    const chart = board.rows.length > 0 ? await uploadChart({ ...deps, token: deps.botToken }, team.workspaceId, await boardChart(board)) : undefined;
    return { messages: await postInOrder(deps, run, channel, boardMessages(board, chart)) };
  },
} satisfies JobDefinition;
