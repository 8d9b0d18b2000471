// Which team's token a webhook request carries: found by the SHA-256 of what was sent (a unique
// index), so the secret itself is never compared or stored. Revoked tokens authenticate nothing.
import type { ApiToken, PrismaClient } from '../../generated/prisma/client.js';
import { hashToken, MAX_TOKEN_LENGTH, TOKEN_PREFIX } from './token-secret.js';

/** lastUsedAt is written at most this often per token (not on every request of a burst). */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiToken(prisma: PrismaClient, token: string, now: Date): Promise<ApiToken | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return undefined;
  const found = await prisma.apiToken.findUnique({ where: { secretHash: hashToken(token) } });
  if (!found || found.revokedAt) return undefined;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return found;
}
