// A team's manager (or a workspace admin) creates an API token for the team's phone system.
// The secret is returned once, here, and never stored: a retried request finds the token it
// made, without its secret. Audited, once per request.
import type { ApiToken, Member, PrismaClient } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { managesTeam } from '../members/manager-rights.js';
import { hashToken, newTokenSecret, tokenPrefix } from './token-secret.js';

export const API_TOKEN_CREATED = 'api_token.created';
/** Active tokens a team may hold: enough to rotate, few enough to review. */
export const MAX_ACTIVE_TOKENS = 10;

export type CreatedApiToken =
  | { apiToken: ApiToken; secret: string }
  /** The request had already created this token: its secret was shown then, and only then. */
  | { apiToken: ApiToken; secret: undefined };

export async function createApiToken(
  prisma: PrismaClient,
  input: { creator: Member; teamId: string; label: string; requestKey: string; now: Date },
): Promise<CreatedApiToken> {
  const { creator, teamId, now } = input;
  const previous = async () => {
    const event = await prisma.auditEvent.findUnique({ where: { requestKey: input.requestKey } });
    return event?.subjectId ? ((await prisma.apiToken.findUnique({ where: { id: event.subjectId } })) ?? undefined) : undefined;
  };
  const already = await previous();
  if (already) return { apiToken: already, secret: undefined };
  if (!(await managesTeam(prisma, creator, teamId))) {
    throw new UserError('forbidden', 'Only this team’s managers or a workspace admin can create its API tokens.');
  }
  if ((await prisma.apiToken.count({ where: { teamId, revokedAt: null } })) >= MAX_ACTIVE_TOKENS) {
    throw new UserError('too_large', `The team already has ${MAX_ACTIVE_TOKENS} active tokens: revoke one first.`);
  }

  const secret = newTokenSecret();
  const id = crypto.randomUUID();
  const prefix = tokenPrefix(secret);
  const outcome = await writeOncePerRequest(
    prisma,
    {
      workspaceId: creator.workspaceId,
      actorUserId: creator.slackUserId,
      action: API_TOKEN_CREATED,
      subjectType: 'api_token',
      subjectId: id,
      data: { teamId, label: input.label, prefix },
      requestKey: input.requestKey,
      createdAt: now,
    },
    [
      prisma.apiToken.create({
        data: { id, teamId, workspaceId: creator.workspaceId, label: input.label, prefix, secretHash: hashToken(secret), createdBy: creator.slackUserId, createdAt: now },
      }),
    ],
    previous,
  );
  return outcome.written ? { apiToken: outcome.results[0] as ApiToken, secret } : { apiToken: outcome.previous, secret: undefined };
}
