// The App Home's charts: the rep's month, and for managers each team side by side on the chosen
// period's pace.
import type { HomeDashboard } from '../services/progress/home-dashboard.js';
import type { OverviewPeriod } from '../services/progress/team-overview.js';
import type { Chart } from './render.js';
import { repMonthChart } from './rep-month-chart.js';
import { paceRows, teamChart } from './team-chart.js';

const PERIOD_NAMES: Record<OverviewPeriod, string> = { day: 'today', week: 'this week', month: 'this month' };

export type HomeCharts = { rep: Chart | null; teams: Array<{ teamId: string; chart: Chart }> };

export async function homeCharts(home: HomeDashboard): Promise<HomeCharts> {
  const [rep, ...teams] = await Promise.all([
    home.month ? repMonthChart({ repName: home.displayName, ...home.month }) : null,
    ...home.teams.map((team) =>
      teamChart({
        title: `${team.teamName} — ${PERIOD_NAMES[home.period]}`,
        expectedLabel: 'what was due by now',
        kinds: team.trackedKinds,
        rows: paceRows(team.reps.map((r) => ({ name: r.displayName, period: r.period })), team.trackedKinds),
        filename: `team-${home.period}.png`,
      }),
    ),
  ]);
  return { rep, teams: home.teams.map((team, i) => ({ teamId: team.teamId, chart: teams[i]! })) };
}
