// A team's phone-system settings as the modal shows them: the connected-call threshold and the
// active API tokens (never their secrets).
import type { PrismaClient } from '../../generated/prisma/client.js';
import { MAX_ACTIVE_TOKENS } from './create-api-token.js';

export type ApiTokenSummary = { id: string; label: string; prefix: string; createdBy: string; createdAt: Date; lastUsedAt: Date | null };

export type PhoneSystemSettings = {
  teamId: string;
  teamName: string;
  connectedCallSeconds: number;
  /** Active tokens, oldest first. */
  tokens: ApiTokenSummary[];
  /** Whether another token may be created (the team is under its limit). */
  canCreate: boolean;
};

export async function loadPhoneSystemSettings(prisma: PrismaClient, teamId: string): Promise<PhoneSystemSettings | undefined> {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    select: {
      name: true,
      connectedCallSeconds: true,
      apiTokens: {
        where: { revokedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, label: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true },
      },
    },
  });
  if (!team) return undefined;
  return { teamId, teamName: team.name, connectedCallSeconds: team.connectedCallSeconds, tokens: team.apiTokens, canCreate: team.apiTokens.length < MAX_ACTIVE_TOKENS };
}
