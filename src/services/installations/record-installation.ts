// The app was installed (or installed again) in a workspace through OAuth: the workspace is known
// from now on and its bot token replaces any earlier one. Audited; the token never is.
import type { PrismaClient } from '../../generated/prisma/client.js';

export const APP_INSTALLED = 'app.installed';

export type NewInstallation = {
  workspaceId: string;
  workspaceName: string | undefined;
  enterpriseId: string | undefined;
  appId: string | undefined;
  botToken: string;
  botId: string | undefined;
  botUserId: string;
  botScopes: string[];
  installerUserId: string;
};

export async function recordInstallation(prisma: PrismaClient, input: NewInstallation, now: Date): Promise<void> {
  const { workspaceId, workspaceName, botToken, ...rest } = input;
  const fields = { ...rest, enterpriseId: rest.enterpriseId ?? null, appId: rest.appId ?? null, botId: rest.botId ?? null, botToken, installedAt: now };
  await prisma.$transaction([
    prisma.workspace.upsert({
      where: { id: workspaceId },
      create: { id: workspaceId, name: workspaceName ?? null, createdAt: now },
      update: workspaceName ? { name: workspaceName } : {},
    }),
    prisma.installation.upsert({ where: { workspaceId }, create: { workspaceId, ...fields }, update: fields }),
    prisma.auditEvent.create({
      data: {
        workspaceId,
        actorUserId: input.installerUserId,
        action: APP_INSTALLED,
        subjectType: 'workspace',
        subjectId: workspaceId,
        data: { botUserId: input.botUserId, scopes: input.botScopes },
        createdAt: now,
      },
    }),
  ]);
}
