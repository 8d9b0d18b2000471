// A manager settles a flagged entry: accepted (it stands) or voided (all its rows are voided, and
// its other open flags settled with it), with a note, audited. Only the rep's managers (and
// workspace admins) may, never the rep. A flag is settled once: its audit event is keyed by the
// flag, so a double click, a retry or a second manager's form finds it settled and changes nothing.
import type { ActivityFlag, FlagResolution, Member, PrismaClient } from '../../generated/prisma/client.js';
import type { KindCounts } from '../../lib/kinds.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { decidesForRep } from '../members/manager-rights.js';

export const FLAG_RESOLUTIONS: readonly FlagResolution[] = ['accepted', 'voided'];

export type ResolveFlagInput = { actor: Member; flagId: string; resolution: FlagResolution; note: string; now: Date };

export type ResolveFlagResult =
  | { ok: true; flag: ActivityFlag; rep: Member; counts: KindCounts; duplicate: boolean }
  | { ok: false; reason: 'not_found' | 'not_allowed' };

export async function resolveFlag(prisma: PrismaClient, input: ResolveFlagInput): Promise<ResolveFlagResult> {
  const found = await prisma.activityFlag.findUnique({ where: { id: input.flagId }, include: { member: true } });
  if (!found || found.member.workspaceId !== input.actor.workspaceId) return { ok: false, reason: 'not_found' };
  const { member: rep, ...flag } = found;
  if (!(await decidesForRep(prisma, input.actor, rep))) return { ok: false, reason: 'not_allowed' };
  const rows = await prisma.activity.findMany({ where: { entryId: flag.entryId } });
  const counts: KindCounts = Object.fromEntries(rows.map((r) => [r.kind, r.count]));
  if (flag.resolution) return { ok: true, flag, rep, counts, duplicate: true };

  const settled = { resolution: input.resolution, resolvedBy: input.actor.slackUserId, resolvedAt: input.now, resolutionNote: input.note };
  const voided = input.resolution === 'voided';
  const outcome = await writeOncePerRequest(
    prisma,
    {
      workspaceId: rep.workspaceId,
      actorUserId: input.actor.slackUserId,
      action: `flag.${input.resolution}`,
      subjectType: 'activity_flag',
      subjectId: flag.id,
      data: { rep: rep.slackUserId, entryId: flag.entryId, reason: flag.reason, note: input.note, counts, source: rows[0]?.source ?? null },
      requestKey: `flag:${flag.id}`,
      createdAt: input.now,
    },
    voided
      ? [
          prisma.activity.updateMany({ where: { entryId: flag.entryId, voidedAt: null }, data: { voidedAt: input.now, voidedBy: input.actor.slackUserId, voidReason: input.note } }),
          prisma.activityFlag.updateMany({ where: { entryId: flag.entryId, resolution: null }, data: settled }),
        ]
      : [prisma.activityFlag.updateMany({ where: { id: flag.id, resolution: null }, data: settled })],
    () => prisma.activityFlag.findUnique({ where: { id: flag.id } }).then((f) => f ?? undefined),
  );
  return outcome.written ? { ok: true, flag: { ...flag, ...settled }, rep, counts, duplicate: false } : { ok: true, flag: outcome.previous, rep, counts, duplicate: true };
}
