/**
 * Goal plans for e2e tests whose subject is not the goal modal (stats, replies, App Home): stored
 * through the same service the modal uses (`saveGoalPlan`), with its audit event, never by writing
 * rows behind the app's back. The modal itself is tested end to end in its own suite.
 */
import { randomUUID } from 'node:crypto';
import type { GoalPlan, PrismaClient } from '../../src/generated/prisma/client.js';
import { ensureDefaultTeam } from '../../src/services/members/ensure-default-team.js';
import type { KindCounts } from '../../src/lib/kinds.js';
import type { LocalDate } from '../../src/lib/time.js';
import { SEED_RATIOS, type FunnelRatios } from '../../src/services/goals/plan-from-revenue.js';
import { teamCalendar } from '../../src/services/goals/targets.js';
import { summarizePlan } from '../../src/services/goals/plan-summary.js';
import { saveGoalPlan } from '../../src/services/goals/save-goal-plan.js';
import type { Harness } from './harness.js';

export type TestGoalPlan = {
  /** A rep who has used the app: the plan goes on their team. */
  repUserId: string;
  /** True: a plan for that rep only; false (default): for the whole team. */
  forRep?: boolean;
  effectiveFrom: LocalDate;
  revenueTarget?: number;
  averageDealSize?: number;
  ratios?: FunnelRatios;
  overrides?: KindCounts;
  /** The manager's Slack user id, as recorded on the plan. */
  createdBy?: string;
  workspaceId?: string;
};

/** Stores a plan (by default the seed's: $100k, $10k deals, 10/20/40/120/360 a month). */
export async function saveTestGoalPlan(h: Harness, input: TestGoalPlan): Promise<GoalPlan> {
  const rep = await h.prisma.member.findUniqueOrThrow({
    where: { workspaceId_slackUserId: { workspaceId: input.workspaceId ?? 'T0001', slackUserId: input.repUserId } },
  });
  if (!rep.teamId) throw new Error(`${input.repUserId} is on no team`);
  return storePlan(h.prisma, rep.workspaceId, rep.teamId, input.forRep ? rep.id : null, input, h.clock.now());
}

/** A plan for the workspace's default team (created if need be), for tests with no rep yet. */
export async function givenTeamGoal(
  prisma: PrismaClient,
  input: Omit<TestGoalPlan, 'repUserId' | 'forRep'> & { now?: Date },
): Promise<{ teamId: string }> {
  const workspaceId = input.workspaceId ?? 'T0001';
  const team = await ensureDefaultTeam(prisma, workspaceId);
  await storePlan(prisma, workspaceId, team.id, null, input, input.now ?? new Date('2026-12-01T00:00:00Z'));
  return { teamId: team.id };
}

async function storePlan(
  prisma: PrismaClient,
  workspaceId: string,
  teamId: string,
  memberId: string | null,
  input: Omit<TestGoalPlan, 'repUserId' | 'forRep'>,
  now: Date,
): Promise<GoalPlan> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId }, include: { holidays: true } });
  const plan = {
    revenueTarget: input.revenueTarget ?? 100_000,
    averageDealSize: input.averageDealSize ?? 10_000,
    ...(input.ratios ?? SEED_RATIOS),
    overrides: input.overrides,
  };
  const calendar = teamCalendar(team);
  const { plan: saved } = await saveGoalPlan(prisma, {
    workspaceId,
    teamId: team.id,
    memberId,
    effectiveFrom: input.effectiveFrom,
    revenueTarget: plan.revenueTarget,
    averageDealSize: plan.averageDealSize,
    ratios: input.ratios ?? SEED_RATIOS,
    overrides: input.overrides,
    createdBy: input.createdBy ?? 'U0MANAGER',
    summary: summarizePlan(plan, input.effectiveFrom, calendar),
    requestKey: `test-goal:${randomUUID()}`,
    now,
  });
  return saved;
}
