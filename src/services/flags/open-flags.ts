// The open flags a manager has to review (their teams' reps; every rep for a workspace admin; never
// their own), or one rep's, newest first, each with the entry behind it.
import type { ActivitySource, Member, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { KindCounts } from '../../lib/kinds.js';
import type { Finding } from './flag-rules.js';

/** Flags a list shows (App Home, a stats reply: two blocks each with buttons); the rest are counted. */
export const SHOWN_FLAGS = 8;

export type FlaggedEntry = {
  flagId: string;
  finding: Finding;
  createdAt: Date;
  rep: Pick<Member, 'id' | 'slackUserId' | 'displayName' | 'timezone'>;
  entry: { entryId: string; counts: KindCounts; occurredAt: Date; loggedAt: Date; source: ActivitySource; authorUserId: string | null; note: string | null };
};

/** The newest `limit` open flags, and how many are open in all. */
export type OpenFlags = { flags: FlaggedEntry[]; total: number };

async function openFlags(prisma: PrismaClient, where: Prisma.ActivityFlagWhereInput, limit: number): Promise<OpenFlags> {
  const open = { ...where, resolution: null };
  const [total, flags] = await Promise.all([
    prisma.activityFlag.count({ where: open }),
    prisma.activityFlag.findMany({ where: open, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit, include: { member: true } }),
  ]);
  const rows = await prisma.activity.findMany({ where: { entryId: { in: flags.map((f) => f.entryId) } } });
  return {
    total,
    flags: flags.map((flag) => {
      const entryRows = rows.filter((r) => r.entryId === flag.entryId);
      const first = entryRows[0]!;
      return {
        flagId: flag.id,
        finding: { reason: flag.reason, detail: flag.detail } as Finding,
        createdAt: flag.createdAt,
        rep: flag.member,
        entry: {
          entryId: flag.entryId,
          counts: Object.fromEntries(entryRows.map((r) => [r.kind, r.count])),
          occurredAt: first.occurredAt,
          loggedAt: first.loggedAt,
          source: first.source,
          authorUserId: first.authorUserId,
          note: first.note,
        },
      };
    }),
  };
}

export function flagsToReview(prisma: PrismaClient, manager: Member, limit: number): Promise<OpenFlags> {
  const reps: Prisma.MemberWhereInput = manager.isWorkspaceAdmin
    ? { workspaceId: manager.workspaceId }
    : { workspaceId: manager.workspaceId, team: { managers: { some: { memberId: manager.id } } } };
  return openFlags(prisma, { memberId: { not: manager.id }, member: reps }, limit);
}

export function openFlagsOf(prisma: PrismaClient, rep: Member, limit: number): Promise<OpenFlags> {
  return openFlags(prisma, { memberId: rep.id }, limit);
}

/** One open flag with its entry, or undefined once it is settled (or never was). */
export async function openFlag(prisma: PrismaClient, flagId: string): Promise<FlaggedEntry | undefined> {
  return (await openFlags(prisma, { id: flagId }, 1)).flags[0];
}
