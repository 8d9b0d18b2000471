// Publishes a member's App Home: their own progress, standing and month chart, and for managers
// their reps side by side with a chart per team.
import type { WebClient } from '@slack/web-api';
import type { Member } from '../generated/prisma/client.js';
import type { ChartImage } from '../blocks/chart.js';
import { buildRepHome } from '../blocks/home.js';
import { teamOverviewBlocks } from '../blocks/team-overview.js';
import { homeCharts } from '../charts/home-charts.js';
import { homeDashboard } from '../services/progress/home-dashboard.js';
import type { OverviewPeriod } from '../services/progress/team-overview.js';
import { sendWithCharts, uploadChart } from '../slack/upload-chart.js';
import type { ListenerDeps } from './deps.js';

export async function publishHome(deps: ListenerDeps, client: WebClient, member: Member, now: Date, period: OverviewPeriod = 'week'): Promise<void> {
  const home = await homeDashboard(deps.prisma, member, now, period, deps.config.defaultTimezone);
  const charts = homeCharts(home);
  const upload = (chart: (typeof charts)['rep']) => uploadChart({ prisma: deps.prisma, client, logger: deps.logger }, member.workspaceId, chart);
  const [repChart, ...teamCharts] = await Promise.all([upload(charts.rep), ...charts.teams.map((t) => upload(t.chart))]);
  const byTeam = new Map<string, ChartImage>();
  charts.teams.forEach((t, i) => {
    const image = teamCharts[i];
    if (image) byTeam.set(t.teamId, image);
  });
  const view = buildRepHome({
    displayName: home.displayName,
    progress: home.progress,
    standing: home.standing,
    ...(repChart ? { chart: repChart } : {}),
    managerBlocks: teamOverviewBlocks(home.teams, period, byTeam),
  });
  await sendWithCharts(view.blocks, (blocks) => client.views.publish({ user_id: member.slackUserId, view: { ...view, blocks } }), deps.logger);
}
