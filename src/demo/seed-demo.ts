// Fills a fresh database with the demo's sample team, through the app's own services where a
// person would act: the reps and manager appear as on first use (ensureMember, the profiles from
// demo-team.ts standing in for Slack's users.info), the manager sets the team up
// (updateTeamSettings), saves the seed's goal plan (saveGoalPlan) and records a ramp-up, a rep
// books PTO (recordAbsence) — all on the Friday before the history starts. The weeks of logged
// activity, some four hundred entries, are then written in batches of the rows logActivity stores.
import type { Member, PrismaClient } from '../generated/prisma/client.js';
import type { JobTeam } from '../jobs/job.js';
import { addDays, instantAt } from '../lib/time.js';
import { recordAbsence } from '../services/absences/record-absence.js';
import { SEED_RATIOS } from '../services/goals/plan-from-revenue.js';
import { summarizePlan } from '../services/goals/plan-summary.js';
import { saveGoalPlan } from '../services/goals/save-goal-plan.js';
import { dailyTargets, isWorkday, teamCalendar } from '../services/goals/targets.js';
import { ensureMember, type SlackDirectory } from '../services/members/ensure-member.js';
import { loadTargetContext } from '../services/progress/rep-progress.js';
import { updateTeamSettings } from '../services/teams/update-team-settings.js';
import { planActivity } from './activity-plan.js';
import type { DemoMoment } from './demo-moment.js';
import {
  DEMO_AVERAGE_DEAL,
  DEMO_MANAGER,
  DEMO_REPS,
  DEMO_REVENUE_TARGET,
  DEMO_SEED,
  DEMO_SETTINGS,
  DEMO_TIMEZONE,
  DEMO_WORKSPACE_ID,
  type DemoPerson,
} from './demo-team.js';
import { seededRandom } from './random.js';

export type SeededDemo = {
  team: JobTeam;
  manager: Member;
  /** The reps, in DEMO_REPS order. */
  reps: Member[];
  /** Entries logged (each one row per kind). */
  entries: number;
};

/** Rows per insert: well within PostgreSQL's bind-parameter limit. */
const BATCH = 1000;

/** Slack's users.info, answered from the demo's cast. */
const directory: SlackDirectory = {
  async profile(slackUserId) {
    const person: DemoPerson | undefined = [DEMO_MANAGER, ...DEMO_REPS].find((p) => p.slackUserId === slackUserId);
    if (!person) throw new Error(`no demo person ${slackUserId}`);
    return { displayName: person.displayName, timezone: person.timezone, isWorkspaceAdmin: false };
  },
};

export async function seedDemo(prisma: PrismaClient, moment: DemoMoment): Promise<SeededDemo> {
  const workspaceId = DEMO_WORKSPACE_ID;
  // The manager sets everything up on the Friday before the first week of history.
  const setupAt = instantAt(addDays(moment.firstDay, -3), '10:00', DEMO_TIMEZONE);
  const member = (person: DemoPerson) => ensureMember(prisma, directory, { workspaceId, slackUserId: person.slackUserId, now: setupAt, defaultTimezone: DEMO_TIMEZONE });

  const manager = await member(DEMO_MANAGER);
  const reps: Member[] = [];
  for (const rep of DEMO_REPS) reps.push(await member(rep));
  if (!manager.teamId) throw new Error('the demo manager is on no team');
  const teamId = manager.teamId;

  await updateTeamSettings(prisma, {
    workspaceId,
    teamId,
    actorUserId: manager.slackUserId,
    settings: { ...DEMO_SETTINGS, managerUserIds: [manager.slackUserId] },
    managerMemberIds: [manager.id],
    requestKey: `view:${workspaceId}:VDEMOTEAM`,
    now: setupAt,
  });
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId }, include: { holidays: true, members: { select: { timezone: true } } } });
  const calendar = teamCalendar(team);

  const plan = { revenueTarget: DEMO_REVENUE_TARGET, averageDealSize: DEMO_AVERAGE_DEAL, ...SEED_RATIOS };
  await saveGoalPlan(prisma, {
    workspaceId,
    teamId,
    memberId: null,
    effectiveFrom: moment.firstDay,
    ...plan,
    ratios: SEED_RATIOS,
    overrides: undefined,
    createdBy: manager.slackUserId,
    summary: summarizePlan(plan, moment.firstDay, calendar),
    requestKey: `goal:${workspaceId}:VDEMOGOAL`,
    now: setupAt,
  });

  let yesterday = addDays(moment.date, -1);
  while (!isWorkday(yesterday, calendar)) yesterday = addDays(yesterday, -1);
  for (const [i, profile] of DEMO_REPS.entries()) {
    const rep = reps[i]!;
    const common = { workspaceId, memberId: rep.id, timezone: rep.timezone, now: setupAt };
    if (profile.ptoToday) {
      await recordAbsence(prisma, {
        ...common,
        actorUserId: rep.slackUserId,
        kind: 'pto',
        startDate: yesterday,
        endDate: moment.date,
        rampPercent: null,
        requestKey: `slash:${workspaceId}:demo.pto.${rep.slackUserId}`,
      });
    }
    if (profile.rampPercent !== undefined) {
      await recordAbsence(prisma, {
        ...common,
        actorUserId: manager.slackUserId,
        kind: 'ramp',
        startDate: moment.firstDay,
        endDate: addDays(moment.date, 27),
        rampPercent: profile.rampPercent,
        requestKey: `slash:${workspaceId}:demo.ramp.${rep.slackUserId}`,
      });
    }
  }

  const contexts = await Promise.all(reps.map((rep) => loadTargetContext(prisma, rep)));
  const rows = planActivity({
    workspaceId,
    reps: DEMO_REPS.map((profile, i) => ({
      ...profile,
      memberId: reps[i]!.id,
      timezone: reps[i]!.timezone,
      targetOn: (date) => dailyTargets(date, contexts[i]!),
    })),
    firstDay: moment.firstDay,
    lastDay: moment.date,
    workdayStart: team.workdayStart,
    workdayEnd: team.workdayEnd,
    until: moment.at,
    random: seededRandom(DEMO_SEED),
  });
  for (let i = 0; i < rows.length; i += BATCH) await prisma.activity.createMany({ data: rows.slice(i, i + BATCH) });

  return { team, manager, reps, entries: new Set(rows.map((r) => r.entryId)).size };
}
