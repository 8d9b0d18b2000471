// Records an absence (PTO, sick leave, or a ramp period) for a rep. Same-kind absences the new
// days overlap or touch are merged into one row (the old rows are cancelled, never deleted); the
// request key makes a retried request record nothing new. Authorisation is the caller's job.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { formatDateRange, localDate, type LocalDate } from '../../lib/time.js';
import { ABSENCE_NAMES, checkAbsenceRange, covers, mergeWith, overlaps, type AbsenceKind, type DateRange } from './absence-rules.js';
import { absenceRow, absenceRowSchema, activeAbsences, previousOutcome, rangeSchema, type AbsenceRow } from './absence-store.js';

export const ABSENCE_RECORDED = 'absence.recorded';

export type RecordAbsenceInput = {
  workspaceId: string;
  /** The rep who is away. */
  memberId: string;
  /** The rep's timezone: "today" and the allowed window are the rep's. */
  timezone: string;
  /** Slack user id of whoever recorded it (the rep or their manager). */
  actorUserId: string;
  kind: AbsenceKind;
  startDate: LocalDate;
  endDate: LocalDate;
  /** Ramp only: the share of the normal target expected, 1–99. */
  rampPercent: number | null;
  requestKey: string;
  now: Date;
};

export type RecordedAbsence = {
  /** True when this request had already been handled (a retry): nothing new was stored. */
  duplicate: boolean;
  memberId: string;
  /** The days asked for. */
  requested: DateRange;
  /** The absence now in force: the requested days joined with any same-kind absence they touched. */
  absence: AbsenceRow;
  /** Same-kind absences folded into `absence`, now cancelled. */
  merged: AbsenceRow[];
};

const outcomeSchema = z.object({
  memberId: z.string(),
  requested: rangeSchema,
  absence: absenceRowSchema,
  merged: z.array(absenceRowSchema),
});

export async function recordAbsence(prisma: PrismaClient, input: RecordAbsenceInput): Promise<RecordedAbsence> {
  const previous = await previousOutcome(prisma, input.requestKey, ABSENCE_RECORDED, outcomeSchema);
  if (previous) return { duplicate: true, ...previous };

  const today = localDate(input.now, input.timezone);
  const requested: DateRange = { startDate: input.startDate, endDate: input.endDate };
  checkAbsenceRange(requested, today);
  const rampPercent = input.kind === 'ramp' ? input.rampPercent : null;
  if (input.kind === 'ramp' && (rampPercent === null || !Number.isInteger(rampPercent) || rampPercent < 1 || rampPercent > 99)) {
    throw new UserError('invalid_input', 'Give the ramp share as a whole percentage from 1 to 99.');
  }

  const name = ABSENCE_NAMES[input.kind];
  const existing = (await activeAbsences(prisma, input.memberId, input.kind)).map(absenceRow);
  if (input.kind === 'ramp') {
    const clash = existing.find((a) => a.rampPercent !== rampPercent && overlaps(a, requested));
    if (clash) {
      throw new UserError(
        'invalid_input',
        `A ramp at ${clash.rampPercent}% is already recorded for ${formatDateRange(clash.startDate, clash.endDate, today)}. Cancel those days first (\`/dial ramp cancel @rep …\`), then set the new share.`,
      );
    }
  }
  const mergeable = existing.filter((a) => a.rampPercent === rampPercent);
  const already = mergeable.find((a) => covers(a, requested));
  if (already) {
    throw new UserError('invalid_input', `${name} is already recorded for ${formatDateRange(already.startDate, already.endDate, today)}, which covers those days. Nothing changed.`);
  }
  const { union, absorbed } = mergeWith(requested, mergeable);

  const absence: AbsenceRow = { id: randomUUID(), kind: input.kind, ...union, rampPercent };
  const outcome = { memberId: input.memberId, requested, absence, merged: absorbed };
  const written = await writeOncePerRequest(
    prisma,
    {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: ABSENCE_RECORDED,
      subjectType: 'member',
      subjectId: input.memberId,
      data: outcome,
      requestKey: input.requestKey,
      createdAt: input.now,
    },
    [
      prisma.absence.create({
        data: { ...absence, memberId: input.memberId, createdBy: input.actorUserId, createdAt: input.now },
      }),
      prisma.absence.updateMany({
        where: { id: { in: absorbed.map((a) => a.id) }, cancelledAt: null },
        data: { cancelledAt: input.now, cancelledBy: input.actorUserId },
      }),
    ],
    () => previousOutcome(prisma, input.requestKey, ABSENCE_RECORDED, outcomeSchema),
  );
  if (!written.written) return { duplicate: true, ...written.previous };
  return { duplicate: false, ...outcome };
}
