// `/dial undo`: voids the caller's most recent entry. Rows stay, marked voided, so the record
// keeps what happened; a retried undo request voids nothing more. Entries the phone system sent
// are its record, not a typo of the rep's: undo never reaches them. Open flags are settled with
// the entry: one that no longer counts needs no review.
import type { ActivitySource, PrismaClient } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import type { KindCounts } from '../../lib/kinds.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';

export type UndoInput = {
  workspaceId: string;
  memberId: string;
  actorUserId: string;
  requestKey: string;
  now: Date;
};

export type VoidedEntry = { entryId: string; counts: KindCounts; occurredAt: Date; loggedAt: Date; source: ActivitySource };

async function describeEntry(prisma: PrismaClient, entryId: string): Promise<VoidedEntry> {
  const rows = await prisma.activity.findMany({ where: { entryId } });
  const counts: KindCounts = {};
  for (const row of rows) counts[row.kind] = row.count;
  return { entryId, counts, occurredAt: rows[0]!.occurredAt, loggedAt: rows[0]!.loggedAt, source: rows[0]!.source };
}

async function previousUndo(prisma: PrismaClient, requestKey: string): Promise<VoidedEntry | undefined> {
  const event = await prisma.auditEvent.findUnique({ where: { requestKey } });
  return event?.subjectId ? describeEntry(prisma, event.subjectId) : undefined;
}

export async function undoLastEntry(prisma: PrismaClient, input: UndoInput): Promise<VoidedEntry> {
  const already = await previousUndo(prisma, input.requestKey);
  if (already) return already;

  const last = await prisma.activity.findFirst({
    where: { memberId: input.memberId, voidedAt: null, source: { not: 'api' } },
    orderBy: [{ loggedAt: 'desc' }, { id: 'desc' }],
  });
  if (!last) {
    const fromPhone = await prisma.activity.count({ where: { memberId: input.memberId, voidedAt: null, source: 'api' } });
    throw new UserError(
      'nothing_to_undo',
      fromPhone > 0 ? 'You have no entries of your own to undo: entries from your phone system can’t be undone with `/dial undo`.' : 'You have no entries to undo.',
    );
  }

  const outcome = await writeOncePerRequest(
    prisma,
    {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: 'activity.voided',
      subjectType: 'entry',
      subjectId: last.entryId,
      data: { reason: 'undo' },
      requestKey: input.requestKey,
      createdAt: input.now,
    },
    [
      prisma.activity.updateMany({
        where: { entryId: last.entryId, voidedAt: null },
        data: { voidedAt: input.now, voidedBy: input.actorUserId, voidReason: 'undo' },
      }),
      prisma.activityFlag.updateMany({
        where: { entryId: last.entryId, resolution: null },
        data: { resolution: 'voided', resolvedBy: input.actorUserId, resolvedAt: input.now, resolutionNote: 'undo' },
      }),
    ],
    () => previousUndo(prisma, input.requestKey),
  );
  if (!outcome.written) return outcome.previous;
  return describeEntry(prisma, last.entryId);
}
