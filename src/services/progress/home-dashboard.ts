// Everything a member's App Home shows: their own progress, their standing on the team's board
// this week (rank and streak of weeks on target), their month day by day for the team's first
// tracked kind, their own entries flagged for review, and — for managers — the entries flagged
// for them to review and their reps side by side. A member the team does not measure (a named
// manager, an admin who never logs) gets only the managers' part.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import type { Kind } from '../../lib/kinds.js';
import { rankTeam } from '../boards/rank-team.js';
import { flagsToReview, openFlagsOf, SHOWN_FLAGS, type OpenFlags } from '../flags/open-flags.js';
import { teamReps } from '../members/team-reps.js';
import { monthSeries, type MonthSeries } from './month-series.js';
import { repProgress, type RepProgress } from './rep-progress.js';
import { teamOverviews, type OverviewPeriod, type TeamOverview } from './team-overview.js';

/** Where the rep stands on this week's board: rank among the ranked reps, and streak. */
export type Standing = { rank: number; of: number; percent: number; streak: number };

export type HomeDashboard = {
  displayName: string;
  /** null for a member their team does not measure (its named managers, admins who never log). */
  progress: RepProgress | null;
  /** null when the rep has no team or no target this week (not ranked). */
  standing: Standing | null;
  month: MonthSeries | null;
  /** The rep's team nudges reps behind pace: whether today's nudge is muted (null: no nudges). */
  nudge: { mutedToday: boolean } | null;
  /** The member's own open flags (null when not measured). */
  flags: OpenFlags | null;
  /** Open flags on their reps' entries, for a manager to settle (null for others). */
  review: OpenFlags | null;
  period: OverviewPeriod;
  teams: TeamOverview[];
};

export async function homeDashboard(prisma: PrismaClient, member: Member, now: Date, period: OverviewPeriod, defaultTimezone: string): Promise<HomeDashboard> {
  const teams = await teamOverviews(prisma, member, now, period);
  const review = teams.length > 0 || member.isWorkspaceAdmin ? await flagsToReview(prisma, member, SHOWN_FLAGS) : null;
  const measured = !member.teamId || (await teamReps(prisma, member.teamId)).some((rep) => rep.id === member.id);
  if (!measured) return { displayName: member.displayName, progress: null, standing: null, month: null, nudge: null, flags: null, review, period, teams };
  const board = member.teamId ? await rankTeam(prisma, member.teamId, 'week', now, { defaultTimezone, streakFor: member.id }) : null;
  const kind: Kind = board?.trackedKinds[0] ?? 'dial';
  const [progress, month, flags, team] = await Promise.all([
    repProgress(prisma, member, now),
    monthSeries(prisma, member, now, kind),
    openFlagsOf(prisma, member, SHOWN_FLAGS),
    member.teamId ? prisma.team.findUnique({ where: { id: member.teamId }, select: { nudgeEnabled: true } }) : null,
  ]);
  const muted = team?.nudgeEnabled ? await prisma.nudgeMute.findUnique({ where: { memberId_date: { memberId: member.id, date: progress.today } } }) : null;
  const nudge = team?.nudgeEnabled ? { mutedToday: muted !== null } : null;
  const row = board?.rows.find((r) => r.memberId === member.id);
  const standing = board && row ? { rank: row.rank, of: board.rows.length, percent: row.percent, streak: row.streak ?? 0 } : null;
  return { displayName: member.displayName, progress, standing, month, nudge, flags, review, period, teams };
}
