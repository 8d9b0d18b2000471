// Exactly-once scheduled work. A slot (job + team + period) is claimed with a unique JobRun row:
// only the claimer runs it; a finished slot never runs again; a claim whose holder went quiet for
// longer than the lease (a crash, a killed replica) may be taken over — at once when the holder
// was a process on this host that no longer exists. The holder renews its claim before every
// message and stops if it lost it. Each message a run sends is recorded as a Delivery before it
// is sent and marked after, so a resumed run skips what went out.
import { hostname } from 'node:os';
import type { JobRun, PrismaClient } from '../generated/prisma/client.js';
import { isUniqueViolation } from '../db/errors.js';

export const DEFAULT_LEASE_MS = 5 * 60 * 1000;

/** Who claims: `host:pid`, as recorded on the JobRun. */
export const processClaimant = (): string => `${hostname()}:${process.pid}`;

/** Whether `claimant` names a process of this host that has exited (so its claim is dead). */
export function isDeadLocalClaimant(claimant: string): boolean {
  const at = claimant.lastIndexOf(':');
  const pid = Number(claimant.slice(at + 1));
  if (claimant.slice(0, at) !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The run's claim was taken over by another process: this one must send nothing more. */
export class ClaimLostError extends Error {
  constructor(readonly slot: string) {
    super(`lost the claim on ${slot} to another process`);
  }
}

export type ClaimInput = {
  slot: string;
  job: string;
  teamId: string | null;
  claimedBy: string;
  now: Date;
  leaseMs?: number;
};

export type ClaimResult =
  | { status: 'claimed'; run: JobRun; takeover: boolean }
  /** The slot was finished before: nothing to do. */
  | { status: 'done' }
  /** Someone else holds a live claim on it. */
  | { status: 'busy' };

export async function claimSlot(prisma: PrismaClient, input: ClaimInput): Promise<ClaimResult> {
  const { slot, job, teamId, claimedBy, now } = input;
  const leaseMs = input.leaseMs ?? DEFAULT_LEASE_MS;
  try {
    const run = await prisma.jobRun.create({ data: { slot, job, teamId, claimedBy, claimedAt: now } });
    return { status: 'claimed', run, takeover: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await prisma.jobRun.findUnique({ where: { slot } });
  if (!existing || existing.finishedAt) return existing ? { status: 'done' } : { status: 'busy' };
  // One statement decides between concurrent claimants: only one of them matches the dead claim.
  const dead = isDeadLocalClaimant(existing.claimedBy)
    ? { claimedBy: existing.claimedBy, claimedAt: existing.claimedAt }
    : { claimedAt: { lt: new Date(now.getTime() - leaseMs) } };
  const { count } = await prisma.jobRun.updateMany({ where: { slot, finishedAt: null, ...dead }, data: { claimedBy, claimedAt: now } });
  if (count === 1) return { status: 'claimed', run: await prisma.jobRun.findUniqueOrThrow({ where: { slot } }), takeover: true };
  const again = await prisma.jobRun.findUnique({ where: { slot } });
  return again?.finishedAt ? { status: 'done' } : { status: 'busy' };
}

/** Marks the run finished: its slot is done for good. */
export async function finishRun(prisma: PrismaClient, run: Pick<JobRun, 'id'>, now: Date): Promise<void> {
  await prisma.jobRun.update({ where: { id: run.id }, data: { finishedAt: now } });
}

/**
 * Gives up a claim after a failed run (a send failed), so the next tick may resume it at once
 * instead of waiting out the lease. Only the holder's own unfinished claim is released.
 */
export async function releaseRun(prisma: PrismaClient, run: Pick<JobRun, 'id' | 'claimedBy'>): Promise<void> {
  await prisma.jobRun.updateMany({ where: { id: run.id, claimedBy: run.claimedBy, finishedAt: null }, data: { claimedAt: new Date(0) } });
}

export type DeliveryResult = { status: 'sent'; ts: string | null } | { status: 'already_sent'; ts: string | null };

/**
 * Sends one message of a run at most once: skipped when the Delivery for (run, recipient) was
 * already sent; otherwise recorded, sent, and marked with Slack's ts. A failed send stores the
 * error on the row and rethrows (the run stops; a resumed run tries this recipient again).
 */
export async function deliver(
  prisma: PrismaClient,
  run: Pick<JobRun, 'id' | 'slot' | 'claimedBy'>,
  recipient: string,
  send: () => Promise<{ ts?: string }>,
  now: () => Date = () => new Date(),
): Promise<DeliveryResult> {
  const key = { jobRunId_recipient: { jobRunId: run.id, recipient } };
  const existing = await prisma.delivery.findUnique({ where: key });
  if (existing?.sentAt) return { status: 'already_sent', ts: existing.messageTs };
  // Renew the lease, and make sure it is still ours: a process that lost it sends nothing.
  const renewed = await prisma.jobRun.updateMany({ where: { id: run.id, claimedBy: run.claimedBy, finishedAt: null }, data: { claimedAt: now() } });
  if (renewed.count === 0) throw new ClaimLostError(run.slot);
  const row = await prisma.delivery.upsert({ where: key, create: { jobRunId: run.id, recipient }, update: {} });
  let result: { ts?: string };
  try {
    result = await send();
  } catch (error) {
    const message = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message ?? String(error);
    await prisma.delivery.update({ where: { id: row.id }, data: { error: message.slice(0, 1000) } });
    throw error;
  }
  const ts = result.ts ?? null;
  await prisma.delivery.update({ where: { id: row.id }, data: { sentAt: now(), messageTs: ts, error: null } });
  return { status: 'sent', ts };
}
