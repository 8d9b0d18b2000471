// The app was uninstalled from a workspace, or its bot token revoked: the token is deleted at once
// (it no longer works, and a token we cannot use is one we should not keep). The workspace's teams
// and activity stay, so an export still has them and installing again resumes where it stopped.
import type { PrismaClient } from '../../generated/prisma/client.js';

export const APP_UNINSTALLED = 'app.uninstalled';
export const BOT_TOKEN_REVOKED = 'app.bot_token_revoked';

export type RemovalReason = typeof APP_UNINSTALLED | typeof BOT_TOKEN_REVOKED;

/** Resolves with whether an installation was deleted (false: none, e.g. single-token mode). */
export async function removeInstallation(prisma: PrismaClient, input: { workspaceId: string; reason: RemovalReason; now: Date }): Promise<boolean> {
  const { workspaceId, reason, now } = input;
  const known = await prisma.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } });
  const [deleted] = await prisma.$transaction([
    prisma.installation.deleteMany({ where: { workspaceId } }),
    // Slack names no actor: the event itself is the record.
    prisma.auditEvent.create({
      data: { workspaceId: known ? workspaceId : null, actorUserId: null, action: reason, subjectType: 'workspace', subjectId: workspaceId, createdAt: now },
    }),
  ]);
  return deleted.count > 0;
}
