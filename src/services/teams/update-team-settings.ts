// Saves a team's settings in one transaction: the team's own fields, its managers and its holidays
// (both lists replaced), and a 'team.updated' audit event with the settings before and after.
// The request key (the modal's view id) makes a double submit save once.
import type { PrismaClient } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { inFunnelOrder, loadTeamSettings, type TeamSettings, type TeamSettingsInput } from './team-settings.js';

export const TEAM_UPDATED = 'team.updated';

export type UpdateTeamSettingsInput = {
  workspaceId: string;
  teamId: string;
  actorUserId: string;
  /** Without `ladder` (or `flags`), the team's ladder (or flag) settings stay as they are. */
  settings: TeamSettingsInput;
  /** Member ids of the managers, one per `settings.managerUserIds` entry (resolved by the caller). */
  managerMemberIds: string[];
  /**
   * Member ids of the reps, one per `settings.repUserIds` entry, when the form had the reps field:
   * they move to this team (a rep is on one team at a time); members left out leave it (their
   * history stays theirs).
   */
  repMemberIds?: string[];
  requestKey: string;
  now: Date;
};

export type UpdatedTeamSettings = { duplicate: boolean; before: TeamSettings; after: TeamSettings };

async function previous(prisma: PrismaClient, requestKey: string): Promise<UpdatedTeamSettings | undefined> {
  const event = await prisma.auditEvent.findUnique({ where: { requestKey } });
  if (!event) return undefined;
  const data = event.data as { before: TeamSettings; after: TeamSettings };
  return { duplicate: true, before: data.before, after: data.after };
}

export async function updateTeamSettings(prisma: PrismaClient, input: UpdateTeamSettingsInput): Promise<UpdatedTeamSettings> {
  const already = await previous(prisma, input.requestKey);
  if (already) return already;
  const loaded = await loadTeamSettings(prisma, input.teamId);
  if (!loaded || loaded.team.workspaceId !== input.workspaceId) throw new UserError('invalid_input', 'That team no longer exists. Run `/dial team` again.');
  const before = loaded.settings;
  const after: TeamSettings = {
    ...input.settings,
    managerUserIds: [...input.settings.managerUserIds].sort(),
    workDays: [...input.settings.workDays].sort((a, b) => a - b),
    trackedKinds: inFunnelOrder(input.settings.trackedKinds),
    ladder: input.settings.ladder ? { ...input.settings.ladder, kinds: inFunnelOrder(input.settings.ladder.kinds) } : before.ladder,
    flags: input.settings.flags ?? before.flags,
    // Named managers are not counted among the reps.
    repUserIds: [...new Set(input.settings.repUserIds ?? before.repUserIds)].filter((id) => !input.settings.managerUserIds.includes(id)).sort(),
  };
  const repMemberIds = input.repMemberIds ? [...new Set(input.repMemberIds)] : undefined;
  const managerMemberIds = [...new Set(input.managerMemberIds)];
  const { teamId } = input;
  const written = await writeOncePerRequest(
    prisma,
    {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: TEAM_UPDATED,
      subjectType: 'team',
      subjectId: teamId,
      data: { before, after },
      requestKey: input.requestKey,
      createdAt: input.now,
    },
    [
      prisma.team.update({
        where: { id: teamId },
        data: {
          name: after.name,
          channelId: after.channelId,
          timezone: after.timezone,
          workDays: after.workDays,
          workdayStart: after.workdayStart,
          workdayEnd: after.workdayEnd,
          trackedKinds: after.trackedKinds,
          dailyPostEnabled: after.dailyPostEnabled,
          dailyPostTime: after.dailyPostTime,
          weeklyBoardEnabled: after.weeklyBoardEnabled,
          weeklyBoardTime: after.weeklyBoardTime,
          escalationEnabled: after.ladder.enabled,
          escalatedKinds: after.ladder.kinds,
          missThreshold: after.ladder.thresholdPercent / 100,
          evaluationDay: after.ladder.evaluationDay,
          evaluationTime: after.ladder.evaluationTime,
          consequencePolicy: after.ladder.consequence,
          managerAlertsEnabled: after.ladder.managerAlerts,
          celebrateHits: after.ladder.celebrateHits,
          nudgeEnabled: after.ladder.nudgeEnabled,
          nudgeThreshold: after.ladder.nudgeThresholdPercent / 100,
          nudgeTime: after.ladder.nudgeTime,
          digestEnabled: after.ladder.digestEnabled,
          flagsEnabled: after.flags.enabled,
          lateAfterDays: after.flags.lateAfterDays,
          burstDialsPerMinute: after.flags.burstDialsPerMinute,
          largeEntryDays: after.flags.largeEntryDays,
        },
      }),
      prisma.teamManager.deleteMany({ where: { teamId } }),
      prisma.teamManager.createMany({ data: managerMemberIds.map((memberId) => ({ teamId, memberId, createdAt: input.now })) }),
      ...(repMemberIds
        ? [
            prisma.member.updateMany({ where: { teamId, id: { notIn: [...repMemberIds, ...managerMemberIds] } }, data: { teamId: null } }),
            prisma.member.updateMany({ where: { id: { in: repMemberIds } }, data: { teamId } }),
          ]
        : []),
      prisma.holiday.deleteMany({ where: { teamId } }),
      prisma.holiday.createMany({ data: after.holidays.map((h) => ({ teamId, date: h.date, name: h.name, createdAt: input.now })) }),
    ],
    () => previous(prisma, input.requestKey),
    () => {
      // Another team took the name between the form check and the save.
      throw new UserError('invalid_input', `Another team is already called “${after.name}”. Nothing was saved; run \`/dial team\` again and pick another name.`);
    },
  );
  if (!written.written) return written.previous;
  return { duplicate: false, before, after };
}
