// A team's settings as one plain snapshot (what the settings modal shows and the audit records),
// and which team `/dial team` opens for a member.
import type { Member, PrismaClient, Team } from '../../generated/prisma/client.js';
import { KINDS, type Kind } from '../../lib/kinds.js';
import { flagPolicy, type FlagPolicy } from '../flags/flag-rules.js';
import { managesTeam } from '../members/manager-rights.js';
import type { HolidayLine } from './holiday-lines.js';

export type TeamSettings = {
  name: string;
  channelId: string | null;
  /** Slack user ids of the named managers, sorted. */
  managerUserIds: string[];
  /** Slack user ids of the team's members other than its named managers, sorted. */
  repUserIds: string[];
  /** ISO weekdays, 1 = Monday … 7 = Sunday, ascending. */
  workDays: number[];
  workdayStart: string;
  workdayEnd: string;
  timezone: string | null;
  /** Earliest first. */
  holidays: HolidayLine[];
  /** Kinds the team's posts and boards track, in funnel order; at least one. */
  trackedKinds: Kind[];
  /** Daily progress post: on, and when ("HH:MM", team time, workdays only). */
  dailyPostEnabled: boolean;
  dailyPostTime: string;
  /** Weekly leaderboard for the week just ended: on, and when ("HH:MM", team time, the week's first workday). */
  weeklyBoardEnabled: boolean;
  weeklyBoardTime: string;
  ladder: LadderSettings;
  /** Which entries are flagged for a manager's review (see services/flags/flag-rules.ts). */
  flags: FlagPolicy;
};

/** The escalation ladder's policy (see services/escalation). */
export type LadderSettings = {
  enabled: boolean;
  /** The kinds a week is judged on, in funnel order; at least one. */
  kinds: Kind[];
  /** Below this share of target (a whole percent) a week is a miss. */
  thresholdPercent: number;
  /** When each rep's week is judged, in their own timezone: ISO weekday (1 = Monday) and "HH:MM". */
  evaluationDay: number;
  evaluationTime: string;
  /** What a third missed week in a row brings, as the rep and managers are told. */
  consequence: string;
  /** Per message type: alert managers at levels 2 and 3; congratulate a rep on a week on target. */
  managerAlerts: boolean;
  celebrateHits: boolean;
  /** Early warning: nudge reps under this share of pace (a whole percent) at this time, their own, on workdays. */
  nudgeEnabled: boolean;
  nudgeThresholdPercent: number;
  nudgeTime: string;
  /** A daily digest of who is behind, to the team's managers, at the nudge time in the team's timezone. */
  digestEnabled: boolean;
};

/** Settings as a form submits them: without the ladder, the flags or the reps when the form had no such fields. */
export type TeamSettingsInput = Omit<TeamSettings, 'ladder' | 'flags' | 'repUserIds'> & { ladder?: LadderSettings; flags?: FlagPolicy; repUserIds?: string[] };

/** Kinds in funnel order, each once. */
export function inFunnelOrder(kinds: readonly Kind[]): Kind[] {
  return KINDS.filter((k) => kinds.includes(k));
}

export async function loadTeamSettings(prisma: PrismaClient, teamId: string): Promise<{ team: Team; settings: TeamSettings } | undefined> {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    include: {
      managers: { include: { member: { select: { slackUserId: true } } } },
      holidays: { orderBy: { date: 'asc' } },
      members: { select: { id: true, slackUserId: true } },
    },
  });
  if (!team) return undefined;
  const { managers, holidays, members, ...plain } = team;
  const managerIds = new Set(managers.map((m) => m.memberId));
  return {
    team: plain,
    settings: {
      name: team.name,
      channelId: team.channelId,
      managerUserIds: managers.map((m) => m.member.slackUserId).sort(),
      repUserIds: members.filter((m) => !managerIds.has(m.id)).map((m) => m.slackUserId).sort(),
      workDays: [...team.workDays].sort((a, b) => a - b),
      workdayStart: team.workdayStart,
      workdayEnd: team.workdayEnd,
      timezone: team.timezone,
      holidays: holidays.map((h) => ({ date: h.date, name: h.name })),
      trackedKinds: inFunnelOrder(team.trackedKinds),
      dailyPostEnabled: team.dailyPostEnabled,
      dailyPostTime: team.dailyPostTime,
      weeklyBoardEnabled: team.weeklyBoardEnabled,
      weeklyBoardTime: team.weeklyBoardTime,
      ladder: {
        enabled: team.escalationEnabled,
        kinds: inFunnelOrder(team.escalatedKinds),
        thresholdPercent: Math.round(team.missThreshold * 100),
        evaluationDay: team.evaluationDay,
        evaluationTime: team.evaluationTime,
        consequence: team.consequencePolicy,
        managerAlerts: team.managerAlertsEnabled,
        celebrateHits: team.celebrateHits,
        nudgeEnabled: team.nudgeEnabled,
        nudgeThresholdPercent: Math.round(team.nudgeThreshold * 100),
        nudgeTime: team.nudgeTime,
        digestEnabled: team.digestEnabled,
      },
      flags: flagPolicy(team),
    },
  };
}

/**
 * The team a member's `/dial team` is about: their own team when they manage it, else the first
 * team that names them a manager; undefined when they manage neither (and the team they belong
 * to, for the refusal message).
 */
export async function teamToManage(prisma: PrismaClient, member: Member): Promise<{ teamId: string | undefined; ownTeamId: string | null }> {
  if (member.teamId && (await managesTeam(prisma, member, member.teamId))) return { teamId: member.teamId, ownTeamId: member.teamId };
  const named = await prisma.teamManager.findFirst({
    where: { memberId: member.id, team: { workspaceId: member.workspaceId } },
    orderBy: { createdAt: 'asc' },
  });
  return { teamId: named?.teamId, ownTeamId: member.teamId };
}
