// Runs jobs' due slots under the claim rules: the scheduler's tick and `dialbot run-job` share this.
import { slotDecisions, type JobDefinition, type JobDeps, type JobTeam, type SlotDecision } from './job.js';
import { claimSlot, finishRun, releaseRun } from './claim.js';
import { JOBS, jobNamed } from './registry.js';

export type SlotStatus = 'sent' | 'done' | 'busy' | 'skipped';

export type SlotSummary = {
  teamId: string;
  /** The slot's key, or null when nothing was due (see reason). */
  slot: string | null;
  status: SlotStatus;
  /** Messages sent by this run (a resumed run counts only what it sent itself). */
  messages: number;
  reason?: string;
};

export type JobSummary = { job: string; at: string; slots: SlotSummary[] };

/** `dialbot run-job` named a job that does not exist. */
export class UnknownJobError extends Error {
  constructor(readonly jobName: string) {
    super(`unknown job "${jobName}"; jobs: ${JOBS.map((j) => j.name).join(', ')}`);
  }
}

/** `--team` named a team that does not exist. */
export class UnknownTeamError extends Error {
  constructor(readonly teamId: string) {
    super(`unknown team "${teamId}"`);
  }
}

export const loadTeams = (deps: Pick<JobDeps, 'prisma'>, teamId?: string): Promise<JobTeam[]> =>
  deps.prisma.team.findMany({
    where: teamId === undefined ? {} : { id: teamId },
    include: { holidays: true, members: { select: { timezone: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

/**
 * One team's slots of one job at `at` (most jobs have one): each skipped when not due, done when
 * finished before, busy when someone else holds it; else claimed, run and finished. A failed run
 * releases its claim (the next attempt resumes, skipping what was delivered) and rethrows.
 */
export async function runTeamSlots(deps: JobDeps, job: JobDefinition, team: JobTeam, at: Date): Promise<SlotSummary[]> {
  const summaries: SlotSummary[] = [];
  for (const decision of slotDecisions(job, team, at, deps.defaultTimezone)) summaries.push(await runSlot(deps, job, team, decision, at));
  return summaries;
}

async function runSlot(deps: JobDeps, job: JobDefinition, team: JobTeam, decision: SlotDecision, at: Date): Promise<SlotSummary> {
  if (!decision.due) return { teamId: team.id, slot: null, status: 'skipped', messages: 0, reason: decision.reason };
  const base = { teamId: team.id, slot: decision.slot };
  // A finished slot is the common case on every tick after the post: no write for it.
  const existing = await deps.prisma.jobRun.findUnique({ where: { slot: decision.slot }, select: { finishedAt: true } });
  if (existing?.finishedAt) return { ...base, status: 'done', messages: 0 };
  // Uninstalled (or never installed, under OAuth): nothing can be sent, so nothing is claimed.
  const botToken = await deps.botTokens(team.workspaceId);
  if (botToken === undefined) return { ...base, status: 'skipped', messages: 0, reason: 'dialbot is not installed in this workspace' };
  const claim = await claimSlot(deps.prisma, {
    slot: decision.slot,
    job: job.name,
    teamId: team.id,
    claimedBy: deps.claimedBy,
    now: deps.clock(),
    ...(deps.leaseMs === undefined ? {} : { leaseMs: deps.leaseMs }),
  });
  if (claim.status !== 'claimed') return { ...base, status: claim.status, messages: 0 };
  if (claim.takeover) deps.logger.warn({ job: job.name, slot: decision.slot }, 'resuming a job run another process left unfinished');
  try {
    const { messages } = await job.run({ ...deps, botToken }, { run: claim.run, team, slot: decision, at });
    await finishRun(deps.prisma, claim.run, deps.clock());
    return { ...base, status: 'sent', messages };
  } catch (error) {
    await releaseRun(deps.prisma, claim.run).catch(() => undefined);
    throw error;
  }
}

/** Runs job `name` for every team (or one) as if the clock said `at`. Throws on the first failed slot. */
export async function runJob(deps: JobDeps, name: string, options: { teamId?: string; at: Date }): Promise<JobSummary> {
  const job = jobNamed(name);
  if (!job) throw new UnknownJobError(name);
  const teams = await loadTeams(deps, options.teamId);
  if (options.teamId !== undefined && teams.length === 0) throw new UnknownTeamError(options.teamId);
  const slots: SlotSummary[] = [];
  for (const team of teams) slots.push(...(await runTeamSlots(deps, job, team, options.at)));
  return { job: job.name, at: options.at.toISOString(), slots };
}
