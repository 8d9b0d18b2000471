// The App Home's charts: the rep's month, and for managers each team side by side on the chosen
// period's pace.
import type { HomeDashboard } from '../services/progress/home-dashboard.js';
import type { OverviewPeriod } from '../services/progress/team-overview.js';
import type { Chart } from './render.js';
import { repMonthChart } from './rep-month-chart.js';
import { paceRows, teamChart } from './team-chart.js';

const PERIOD_NAMES: Record<OverviewPeriod, string> = { day: 'today', week: 'this week', month: 'this month' };

export type HomeCharts = { rep: Chart | null; teams: Array<{ teamId: string; chart: Chart }> };

export function homeCharts(home: HomeDashboard): HomeCharts {
  return {
    rep: home.month ? repMonthChart({ repName: home.displayName, ...home.month }) : null,
    teams: home.teams.map((team) => ({
      teamId: team.teamId,
      chart: teamChart({
        title: `${team.teamName} — ${PERIOD_NAMES[home.period]}`,
        expectedLabel: 'what was due by now',
        kinds: team.trackedKinds,
        rows: paceRows(team.reps.map((r) => ({ name: r.displayName, period: r.period })), team.trackedKinds),
        filename: `team-${home.period}.png`,
      }),
    })),
  };
}
