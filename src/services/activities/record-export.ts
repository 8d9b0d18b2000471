// Activity leaving dialbot is recorded: who exported which team's entries, for which days, and
// how many. Audited once per request (a retried command records nothing twice).
import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';

export const ACTIVITIES_EXPORTED = 'activities.exported';

export type ExportRecord = {
  workspaceId: string;
  actorUserId: string;
  /** What was exported, as the manager read it (a team name, or the workspace). */
  label: string;
  from?: string;
  to?: string;
  rows: number;
  filename: string;
  requestKey: string;
  now: Date;
};

export async function recordExport(prisma: PrismaClient, input: ExportRecord): Promise<void> {
  const { workspaceId, actorUserId, requestKey, now, ...data } = input;
  // Nothing else is written: the audit event is the record, and a retry finds it there.
  await writeOncePerRequest(prisma, { workspaceId, actorUserId, action: ACTIVITIES_EXPORTED, subjectType: 'export', subjectId: null, data, requestKey, createdAt: now }, [], async () => true);
}
