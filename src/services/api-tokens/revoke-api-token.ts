// A team's manager (or a workspace admin) revokes one of its API tokens: requests with it get 401
// from then on. The row stays, marked revoked; revoking twice (a double click) changes nothing.
import type { ApiToken, Member, PrismaClient } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { managesTeam } from '../members/manager-rights.js';

export const API_TOKEN_REVOKED = 'api_token.revoked';

export async function revokeApiToken(prisma: PrismaClient, input: { actor: Member; tokenId: string; now: Date }): Promise<ApiToken> {
  const token = await prisma.apiToken.findUnique({ where: { id: input.tokenId } });
  if (!token || token.workspaceId !== input.actor.workspaceId) throw new UserError('invalid_input', 'That token no longer exists.');
  if (!(await managesTeam(prisma, input.actor, token.teamId))) {
    throw new UserError('forbidden', 'Only this team’s managers or a workspace admin can revoke its API tokens.');
  }
  if (token.revokedAt) return token;
  const outcome = await writeOncePerRequest(
    prisma,
    {
      workspaceId: token.workspaceId,
      actorUserId: input.actor.slackUserId,
      action: API_TOKEN_REVOKED,
      subjectType: 'api_token',
      subjectId: token.id,
      data: { teamId: token.teamId, label: token.label, prefix: token.prefix },
      // A token is revoked once: a concurrent second revocation fails on this key.
      requestKey: `${API_TOKEN_REVOKED}:${token.id}`,
      createdAt: input.now,
    },
    [prisma.apiToken.update({ where: { id: token.id }, data: { revokedAt: input.now, revokedBy: input.actor.slackUserId } })],
    async () => (await prisma.apiToken.findUnique({ where: { id: token.id } })) ?? undefined,
  );
  return outcome.written ? (outcome.results[0] as ApiToken) : outcome.previous;
}
