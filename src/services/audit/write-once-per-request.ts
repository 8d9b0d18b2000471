// The one way a user's request changes data: its writes and its audit event in one transaction,
// the event keyed by the request. A retried or double-submitted request then fails on that unique
// key instead of writing twice, and gets the outcome the first one stored.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { isUniqueViolation } from '../../db/errors.js';

export type AuditedChange = {
  workspaceId: string | null;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Prisma.InputJsonValue;
  requestKey: string;
  createdAt: Date;
};

export type WriteOutcome<T> = { written: true; results: unknown[] } | { written: false; previous: T };

/**
 * Runs `writes` and the audit event atomically. When another request with the same key won,
 * returns what `readPrevious` finds for it; when the conflict was on something else, `onOtherConflict`
 * decides (by default the error is rethrown).
 */
export async function writeOncePerRequest<T>(
  prisma: PrismaClient,
  change: AuditedChange,
  writes: Prisma.PrismaPromise<unknown>[],
  readPrevious: () => Promise<T | undefined>,
  onOtherConflict: (error: unknown) => never = (error) => {
    throw error;
  },
): Promise<WriteOutcome<T>> {
  try {
    // The audit row goes first: a concurrent retry fails on its key before anything else is written.
    const [, ...results] = await prisma.$transaction([prisma.auditEvent.create({ data: change }), ...writes]);
    return { written: true, results };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const previous = await readPrevious();
    if (previous !== undefined) return { written: false, previous };
    return onOtherConflict(error);
  }
}
