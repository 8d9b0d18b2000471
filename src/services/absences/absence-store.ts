// What record-absence and cancel-absence share: the row shape they return, and finding the
// outcome of a request already handled (its AuditEvent, keyed by the request key).
import { z } from 'zod';
import type { Absence, PrismaClient } from '../../generated/prisma/client.js';
import type { AbsenceKind, DateRange } from './absence-rules.js';

export type AbsenceRow = DateRange & { id: string; kind: AbsenceKind; rampPercent: number | null };

export const absenceRowSchema = z.object({
  id: z.string(),
  kind: z.enum(['pto', 'sick', 'ramp']),
  startDate: z.string(),
  endDate: z.string(),
  rampPercent: z.number().int().nullable(),
});

export const rangeSchema = z.object({ startDate: z.string(), endDate: z.string() });

export function absenceRow(absence: Pick<Absence, 'id' | 'kind' | 'startDate' | 'endDate' | 'rampPercent'>): AbsenceRow {
  return { id: absence.id, kind: absence.kind, startDate: absence.startDate, endDate: absence.endDate, rampPercent: absence.rampPercent };
}

/** The active (not cancelled) absences of one kind for a member, earliest first. */
export function activeAbsences(prisma: PrismaClient, memberId: string, kind: AbsenceKind): Promise<Absence[]> {
  return prisma.absence.findMany({ where: { memberId, kind, cancelledAt: null }, orderBy: [{ startDate: 'asc' }, { id: 'asc' }] });
}

/**
 * The stored outcome of a request already handled, read back from its audit row; undefined when
 * the request is new. A key used by another kind of request is a bug, not a retry.
 */
export async function previousOutcome<T>(prisma: PrismaClient, requestKey: string, action: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const event = await prisma.auditEvent.findUnique({ where: { requestKey } });
  if (!event) return undefined;
  if (event.action !== action) throw new Error(`request key ${requestKey} was used for ${event.action}, not ${action}`);
  return schema.parse(event.data);
}
