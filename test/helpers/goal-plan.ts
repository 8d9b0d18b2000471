/**
 * Puts a team goal plan in force for e2e tests, through the same service the goal modal uses
 * (src/services/goals/save-goal-plan.ts). Defaults are the seed's: $100k a month at $10k deals
 * → 10 closes ← 20 opportunities ← 40 presentations ← 120 conversations ← 360 dials.
 */
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { SEED_RATIOS, type FunnelRatios } from '../../src/services/goals/plan-from-revenue.js';
import { summarizePlan } from '../../src/services/goals/plan-summary.js';
import { saveGoalPlan } from '../../src/services/goals/save-goal-plan.js';
import { ensureDefaultTeam } from '../../src/services/members/ensure-default-team.js';

let counter = 0;

export async function givenTeamGoal(
  prisma: PrismaClient,
  options: { workspaceId?: string; effectiveFrom: string; revenueTarget?: number; averageDealSize?: number; ratios?: FunnelRatios; now?: Date },
): Promise<{ teamId: string }> {
  const workspaceId = options.workspaceId ?? 'T0001';
  const team = await ensureDefaultTeam(prisma, workspaceId);
  const plan = { revenueTarget: options.revenueTarget ?? 100_000, averageDealSize: options.averageDealSize ?? 10_000, ...(options.ratios ?? SEED_RATIOS) };
  counter += 1;
  await saveGoalPlan(prisma, {
    workspaceId,
    teamId: team.id,
    memberId: null,
    effectiveFrom: options.effectiveFrom,
    revenueTarget: plan.revenueTarget,
    averageDealSize: plan.averageDealSize,
    ratios: options.ratios ?? SEED_RATIOS,
    overrides: undefined,
    createdBy: 'U0TESTSETUP',
    summary: summarizePlan(plan, options.effectiveFrom, { workDays: team.workDays, holidays: new Set(), workdayStart: team.workdayStart, workdayEnd: team.workdayEnd }),
    requestKey: `test-goal:${workspaceId}:${counter}:${Date.now()}`,
    now: options.now ?? new Date('2026-12-01T00:00:00Z'),
  });
  return { teamId: team.id };
}
