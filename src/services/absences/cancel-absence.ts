// Cancels a rep's absences of one kind over a range of days. Rows are never deleted: each absence
// that overlaps the range is marked cancelled, and the days it had outside the range are kept as
// new rows (a cancel in the middle of an absence splits it in two). A retried request changes
// nothing more. Authorisation is the caller's job.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { formatDateRange, localDate, type LocalDate } from '../../lib/time.js';
import { ABSENCE_NOUNS, checkAbsenceRange, intersection, overlaps, remainingAfterCancel, type AbsenceKind, type DateRange } from './absence-rules.js';
import { absenceRow, absenceRowSchema, activeAbsences, previousOutcome, rangeSchema, type AbsenceRow } from './absence-store.js';

export const ABSENCE_CANCELLED = 'absence.cancelled';

export type CancelAbsenceInput = {
  workspaceId: string;
  memberId: string;
  /** The rep's timezone: "today" and the allowed window are the rep's. */
  timezone: string;
  actorUserId: string;
  kind: AbsenceKind;
  startDate: LocalDate;
  endDate: LocalDate;
  requestKey: string;
  now: Date;
};

export type CancelledAbsences = {
  duplicate: boolean;
  memberId: string;
  kind: AbsenceKind;
  /** The days asked for. */
  range: DateRange;
  /** Absences that overlapped the range, now marked cancelled. */
  cancelled: AbsenceRow[];
  /** The days that stopped being absent (each cancelled absence's part inside the range). */
  freed: DateRange[];
  /** New rows keeping the days of the cancelled absences outside the range. */
  kept: AbsenceRow[];
};

const outcomeSchema = z.object({
  memberId: z.string(),
  kind: z.enum(['pto', 'sick', 'ramp']),
  range: rangeSchema,
  cancelled: z.array(absenceRowSchema),
  freed: z.array(rangeSchema),
  kept: z.array(absenceRowSchema),
});

/** Pure: what cancelling `range` does to `absences` (those it overlaps are cancelled, their outside days kept). */
export function planCancel(absences: readonly AbsenceRow[], range: DateRange, newId: () => string = randomUUID): Pick<CancelledAbsences, 'cancelled' | 'freed' | 'kept'> {
  const cancelled = absences.filter((a) => overlaps(a, range));
  return {
    cancelled,
    freed: cancelled.map((a) => intersection(a, range)!),
    kept: cancelled.flatMap((a) => remainingAfterCancel(a, range).map((part) => ({ id: newId(), kind: a.kind, ...part, rampPercent: a.rampPercent }))),
  };
}

export async function cancelAbsence(prisma: PrismaClient, input: CancelAbsenceInput): Promise<CancelledAbsences> {
  const previous = await previousOutcome(prisma, input.requestKey, ABSENCE_CANCELLED, outcomeSchema);
  if (previous) return { duplicate: true, ...previous };

  const today = localDate(input.now, input.timezone);
  const range: DateRange = { startDate: input.startDate, endDate: input.endDate };
  checkAbsenceRange(range, today);

  const existing = (await activeAbsences(prisma, input.memberId, input.kind)).map(absenceRow);
  const plan = planCancel(existing, range);
  if (plan.cancelled.length === 0) {
    // The same request, arriving twice at once, may have cancelled it a moment ago: answer as it did.
    const justDone = await previousOutcome(prisma, input.requestKey, ABSENCE_CANCELLED, outcomeSchema);
    if (justDone) return { duplicate: true, ...justDone };
    throw new UserError('invalid_input', `No ${ABSENCE_NOUNS[input.kind]} is recorded for ${formatDateRange(range.startDate, range.endDate, today)}, so there is nothing to cancel.`);
  }
  const outcome = { memberId: input.memberId, kind: input.kind, range, ...plan };
  const written = await writeOncePerRequest(
    prisma,
    {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: ABSENCE_CANCELLED,
      subjectType: 'member',
      subjectId: input.memberId,
      data: outcome,
      requestKey: input.requestKey,
      createdAt: input.now,
    },
    [
      prisma.absence.updateMany({
        where: { id: { in: plan.cancelled.map((a) => a.id) }, cancelledAt: null },
        data: { cancelledAt: input.now, cancelledBy: input.actorUserId },
      }),
      prisma.absence.createMany({
        data: plan.kept.map((a) => ({ ...a, memberId: input.memberId, createdBy: input.actorUserId, createdAt: input.now })),
      }),
    ],
    () => previousOutcome(prisma, input.requestKey, ABSENCE_CANCELLED, outcomeSchema),
  );
  if (!written.written) return { duplicate: true, ...written.previous };
  return { duplicate: false, ...outcome };
}
