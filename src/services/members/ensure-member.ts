// A member is created on first use, in the workspace's default team, with the timezone and
// admin flags Slack reports; the profile is re-read from Slack at most once a day.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import { isUserError } from '../../lib/errors.js';
import { isValidTimezone } from '../../lib/time.js';
import { ensureDefaultTeam } from './ensure-default-team.js';

/** What dialbot needs from a Slack user's profile (`users.info`). */
export type SlackProfile = {
  displayName: string;
  timezone: string | undefined;
  isWorkspaceAdmin: boolean;
};

/** Reads Slack profiles; implemented over Bolt's WebClient at the edge. Throws a UserError for a user the workspace doesn't have. */
export type SlackDirectory = {
  profile(slackUserId: string): Promise<SlackProfile>;
};

export const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type EnsureMemberInput = {
  workspaceId: string;
  slackUserId: string;
  now: Date;
  defaultTimezone: string;
};

export async function ensureMember(
  prisma: PrismaClient,
  directory: SlackDirectory,
  input: EnsureMemberInput,
  onProfileError: (error: unknown) => void = () => undefined,
): Promise<Member> {
  const key = { workspaceId_slackUserId: { workspaceId: input.workspaceId, slackUserId: input.slackUserId } };
  const existing = await prisma.member.findUnique({ where: key });
  const fresh = existing?.profileRefreshedAt && input.now.getTime() - existing.profileRefreshedAt.getTime() < PROFILE_MAX_AGE_MS;
  if (existing && fresh) return existing;

  let profile: SlackProfile | undefined;
  try {
    profile = await directory.profile(input.slackUserId);
  } catch (error) {
    // Slack says no such user: a stranger is never remembered.
    if (isUserError(error) && !existing) throw error;
    // Slack being slow or down must not stop a rep from logging: keep what we know, retry next time.
    onProfileError(error);
  }
  const timezone = profile?.timezone && isValidTimezone(profile.timezone) ? profile.timezone : undefined;

  if (existing) {
    if (!profile) return existing;
    return prisma.member.update({
      where: { id: existing.id },
      data: {
        displayName: profile.displayName,
        timezone: timezone ?? existing.timezone,
        isWorkspaceAdmin: profile.isWorkspaceAdmin,
        profileRefreshedAt: input.now,
      },
    });
  }

  const team = await ensureDefaultTeam(prisma, input.workspaceId);
  const data = {
    displayName: profile?.displayName ?? input.slackUserId,
    timezone: timezone ?? input.defaultTimezone,
    isWorkspaceAdmin: profile?.isWorkspaceAdmin ?? false,
    profileRefreshedAt: profile ? input.now : null,
  };
  // upsert: two first requests from the same user may race; both end with one member.
  return prisma.member.upsert({
    where: key,
    create: { ...data, workspaceId: input.workspaceId, slackUserId: input.slackUserId, teamId: team.id, createdAt: input.now },
    update: data,
  });
}
