// Daily progress post: on each of the team's workdays (holidays skipped), at dailyPostTime in the
// team's timezone, every rep's today and week-to-date against target in the team channel.
import { dailyProgressMessages, type DailyProgressInput, type DailyRep } from '../blocks/daily-progress.js';
import { dailyPostChart } from '../charts/post-charts.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { KINDS } from '../lib/kinds.js';
import { instantAt, localDate, type LocalDate } from '../lib/time.js';
import { isWorkday, teamCalendar } from '../services/goals/targets.js';
import { teamReps } from '../services/members/team-reps.js';
import { teamProgress } from '../services/progress/team-progress.js';
import { uploadChart } from '../slack/upload-chart.js';
import { postInOrder } from './post-in-order.js';
import type { JobDefinition, JobTeam } from './job.js';

export const DAILY_PROGRESS = 'daily-progress';

export const teamZone = (team: JobTeam, defaultTimezone: string) => team.timezone ?? defaultTimezone;

/**
 * What the post shows for `team` on its calendar date `date`, as the clock reads `at`: who the team
 * measures (named managers and non-logging admins left out), by name, each with their progress.
 * The job and `dialbot demo` both build the post from this.
 */
export async function dailyProgressInput(
  prisma: PrismaClient,
  team: Pick<JobTeam, 'id' | 'name' | 'trackedKinds' | 'workDays' | 'workdayStart' | 'workdayEnd' | 'holidays'>,
  at: Date,
  date: LocalDate,
): Promise<DailyProgressInput> {
  const reps = await teamReps(prisma, team.id);
  const progress = await teamProgress(prisma, team, reps, at);
  const rows: DailyRep[] = reps.map((rep) => ({ name: rep.displayName, progress: progress.get(rep.id)! }));
  const kinds = KINDS.filter((k) => team.trackedKinds.includes(k));
  return { teamName: team.name, date, kinds: kinds.length > 0 ? kinds : ['dial'], reps: rows };
}

export const dailyProgressJob = {
  name: DAILY_PROGRESS,

  slotFor(team, now, defaultTimezone) {
    if (!team.dailyPostEnabled) return { due: false, reason: 'daily post is off' };
    if (!team.channelId) return { due: false, reason: 'team has no channel' };
    const zone = teamZone(team, defaultTimezone);
    const date = localDate(now, zone);
    const calendar = teamCalendar(team);
    if (!isWorkday(date, calendar)) return { due: false, reason: `${date} is not a workday` };
    if (now < instantAt(date, team.dailyPostTime, zone)) return { due: false, reason: `not yet ${team.dailyPostTime} (${zone})` };
    return { due: true, slot: `${DAILY_PROGRESS}:${team.id}:${date}`, date, zone };
  },

  async run(deps, { run, team, slot, at }) {
    const channel = team.channelId;
    if (!channel) return { messages: 0 };
    const input = await dailyProgressInput(deps.prisma, team, at, slot.date);
    const chart = input.reps.length > 0 ? await uploadChart({ ...deps, token: deps.botToken }, team.workspaceId, await dailyPostChart(input)) : undefined;
    const messages = dailyProgressMessages({ ...input, ...(chart ? { chart } : {}) });

    return { messages: await postInOrder(deps, run, channel, messages) };
  },
} satisfies JobDefinition;
