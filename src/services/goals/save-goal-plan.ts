// Stores a goal plan and its audit event in one transaction. The audit row's unique request key
// (`goal:<workspace>:<view id>`) makes a double-submitted modal store one plan.
import { randomUUID } from 'node:crypto';
import type { GoalPlan, PrismaClient } from '../../generated/prisma/client.js';
import type { Kind, KindCounts } from '../../lib/kinds.js';
import type { LocalDate } from '../../lib/time.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import type { FunnelRatios } from './plan-from-revenue.js';
import type { PlanSummary } from './plan-summary.js';

export type SaveGoalPlanInput = {
  workspaceId: string;
  teamId: string;
  /** Set for a plan for one rep; null for the whole team. */
  memberId: string | null;
  effectiveFrom: LocalDate;
  revenueTarget: number;
  averageDealSize: number;
  ratios: FunnelRatios;
  overrides: KindCounts | undefined;
  /** Slack user id of the manager. */
  createdBy: string;
  /** The targets the manager saw, recorded in the audit event. */
  summary: PlanSummary;
  requestKey: string;
  now: Date;
};

export type SavedGoalPlan = { plan: GoalPlan; duplicate: boolean };

async function previousSave(prisma: PrismaClient, requestKey: string): Promise<GoalPlan | undefined> {
  const event = await prisma.auditEvent.findUnique({ where: { requestKey } });
  if (!event?.subjectId) return undefined;
  return (await prisma.goalPlan.findUnique({ where: { id: event.subjectId } })) ?? undefined;
}

const rounded = (counts: Record<Kind, number>) => Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, Math.round(n * 100) / 100]));

export async function saveGoalPlan(prisma: PrismaClient, input: SaveGoalPlanInput): Promise<SavedGoalPlan> {
  const already = await previousSave(prisma, input.requestKey);
  if (already) return { plan: already, duplicate: true };

  const id = randomUUID();
  const overrides = input.overrides && Object.keys(input.overrides).length > 0 ? input.overrides : null;
  // What the plan says: stored as the row, and recorded as is in the audit event.
  const plan = {
    teamId: input.teamId,
    memberId: input.memberId,
    effectiveFrom: input.effectiveFrom,
    revenueTarget: input.revenueTarget,
    averageDealSize: input.averageDealSize,
    ...input.ratios,
    overrides,
  };
  const row = { id, ...plan, overrides: overrides ?? undefined, createdBy: input.createdBy, createdAt: input.now };
  const { summary } = input;
  const written = await writeOncePerRequest(
    prisma,
    {
      workspaceId: input.workspaceId,
      actorUserId: input.createdBy,
      action: 'goal_plan.created',
      subjectType: 'goal_plan',
      subjectId: id,
      requestKey: input.requestKey,
      createdAt: input.now,
      data: {
        plan,
        targets: {
          month: summary.month.first.slice(0, 7),
          workdays: summary.workdays,
          workdaysPerWeek: summary.workdaysPerWeek,
          monthly: summary.monthly.targets,
          computed: summary.monthly.computed,
          overridden: summary.monthly.overridden,
          weekly: rounded(summary.weekly),
          daily: rounded(summary.daily),
        },
      },
    },
    [prisma.goalPlan.create({ data: row })],
    // The same view submitted twice at once: the other request stored it.
    () => previousSave(prisma, input.requestKey),
  );
  if (!written.written) return { plan: written.previous, duplicate: true };
  return { plan: written.results[0] as GoalPlan, duplicate: false };
}
