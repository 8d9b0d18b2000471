// Publishes a member's App Home: their own progress, standing and month chart, and for managers
// their reps side by side with a chart per team.
import type { WebClient } from '@slack/web-api';
import type { Member } from '../generated/prisma/client.js';
import type { ChartImage } from '../blocks/chart.js';
import { homeView } from '../blocks/home.js';
import { homeCharts } from '../charts/home-charts.js';
import type { Chart } from '../charts/render.js';
import { homeDashboard } from '../services/progress/home-dashboard.js';
import type { OverviewPeriod } from '../services/progress/team-overview.js';
import { sendWithCharts, uploadChart } from '../slack/upload-chart.js';
import type { ListenerDeps } from './deps.js';

/** `token`: for a client that carries none of its own (Bolt's, outside a Slack request). */
export async function publishHome(deps: ListenerDeps, client: WebClient, member: Member, now: Date, period: OverviewPeriod = 'week', token?: string): Promise<void> {
  const home = await homeDashboard(deps.prisma, member, now, period, deps.config.defaultTimezone);
  const charts = await homeCharts(home);
  const auth = token !== undefined ? { token } : {};
  const upload = (chart: Chart | null) => (chart ? uploadChart({ prisma: deps.prisma, client, logger: deps.logger, ...auth }, member.workspaceId, chart) : undefined);
  const [repChart, ...teamCharts] = await Promise.all([upload(charts.rep), ...charts.teams.map((t) => upload(t.chart))]);
  const byTeam = new Map<string, ChartImage>();
  charts.teams.forEach((t, i) => {
    const image = teamCharts[i];
    if (image) byTeam.set(t.teamId, image);
  });
  const view = homeView(home, { rep: repChart, teams: byTeam });
  await sendWithCharts(view.blocks, (blocks) => client.views.publish({ ...auth, user_id: member.slackUserId, view: { ...view, blocks } }), deps.logger);
}
