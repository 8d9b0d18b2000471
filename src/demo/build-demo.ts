// What the app would post and show for the seeded demo team, built by the same functions the
// jobs and App Home use: the daily progress post, last week's leaderboard, a rep's and the
// manager's App Home, each with its charts. Offline nothing can be uploaded, and Slack shows a
// chart only by the file id of an upload, so the blocks are built without chart images and the
// charts come back as PNGs beside them.
import type { HomeView } from '@slack/types';
import type { Reply } from '../blocks/activity-replies.js';
import { boardMessages, periodTitle } from '../blocks/board.js';
import { dailyProgressMessages } from '../blocks/daily-progress.js';
import { homeView } from '../blocks/home.js';
import { homeCharts } from '../charts/home-charts.js';
import { boardChart, dailyPostChart } from '../charts/post-charts.js';
import type { Chart } from '../charts/render.js';
import type { Member, PrismaClient } from '../generated/prisma/client.js';
import { dailyProgressInput, dailyProgressJob } from '../jobs/daily-progress.js';
import { formatLocalDate } from '../lib/time.js';
import { rankTeam } from '../services/boards/rank-team.js';
import { homeDashboard } from '../services/progress/home-dashboard.js';
import type { OverviewPeriod } from '../services/progress/team-overview.js';
import type { DemoMoment } from './demo-moment.js';
import { DEMO_HOME_REP, DEMO_TIMEZONE } from './demo-team.js';
import type { SeededDemo } from './seed-demo.js';

/** The manager's Home shows the team side by side for this period (App Home opens on it). */
const HOME_PERIOD: OverviewPeriod = 'week';

export type DemoChart = { file: string; chart: Chart; /** Where it shows in Slack. */ placement: string };

export type DemoOutput = {
  file: string;
  /** What it is, in a few words. */
  title: string;
  content: { type: 'messages'; messages: Reply[] } | { type: 'home'; view: HomeView };
  charts: DemoChart[];
};

/** A file-name-safe form of a team name: "Sales East" → "sales-east". */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'team'
  );
}

async function dailyPost(prisma: PrismaClient, seeded: SeededDemo, moment: DemoMoment): Promise<DemoOutput> {
  const slot = dailyProgressJob.slotFor(seeded.team, moment.at, DEMO_TIMEZONE);
  if (!slot.due) throw new Error(`the demo's daily post is not due at ${moment.at.toISOString()}: ${slot.reason}`);
  const input = await dailyProgressInput(prisma, seeded.team, moment.at, slot.date);
  return {
    file: 'daily-progress.json',
    title: `the daily progress post to the team channel, ${formatLocalDate(slot.date)} ${seeded.team.dailyPostTime}`,
    content: { type: 'messages', messages: dailyProgressMessages(input) },
    charts: [{ file: 'daily-progress.png', chart: await dailyPostChart(input), placement: 'under the team totals' }],
  };
}

async function weeklyBoard(prisma: PrismaClient, seeded: SeededDemo, moment: DemoMoment): Promise<DemoOutput> {
  const board = await rankTeam(prisma, seeded.team.id, 'last-week', moment.at, { defaultTimezone: DEMO_TIMEZONE });
  return {
    file: 'weekly-board.json',
    title: `the weekly leaderboard, ${periodTitle(board).replace(/^Last week/, 'last week')}`,
    content: { type: 'messages', messages: boardMessages(board) },
    charts: board.rows.length > 0 ? [{ file: 'weekly-board.png', chart: await boardChart(board), placement: 'under the recognition' }] : [],
  };
}

async function appHome(prisma: PrismaClient, member: Member, moment: DemoMoment, file: string, about: string): Promise<DemoOutput> {
  const home = await homeDashboard(prisma, member, moment.at, HOME_PERIOD, DEMO_TIMEZONE);
  const charts = await homeCharts(home);
  const view = homeView(home);
  const base = file.replace(/\.json$/, '');
  // A manager's Home is about their teams: each team's chart; a rep's is about them: their month.
  const pictures: DemoChart[] =
    home.teams.length > 0
      ? home.teams.map((team, i) => ({ file: `${base}-${slug(team.teamName)}.png`, chart: charts.teams[i]!.chart, placement: `under the “${team.teamName}” header` }))
      : charts.rep
        ? [{ file: `${base}.png`, chart: charts.rep, placement: 'under the standing line' }]
        : [];
  return { file, title: `${member.displayName}’s App Home (${about})`, content: { type: 'home', view }, charts: pictures };
}

export async function buildDemo(prisma: PrismaClient, seeded: SeededDemo, moment: DemoMoment): Promise<DemoOutput[]> {
  const rep = seeded.reps.find((r) => r.slackUserId === DEMO_HOME_REP) ?? seeded.reps[0]!;
  return [
    await dailyPost(prisma, seeded, moment),
    await weeklyBoard(prisma, seeded, moment),
    await appHome(prisma, rep, moment, 'home-rep.json', 'a rep: their day, week and month, standing and month chart'),
    await appHome(prisma, seeded.manager, moment, 'home-manager.json', 'the team’s manager: every rep side by side'),
  ];
}
