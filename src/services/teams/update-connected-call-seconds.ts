// A team's manager sets how long a connected call must last to count as a conversation too
// (phone-system webhook). Audited with the value before and after; saving the same value again
// writes nothing.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';
import { managesTeam } from '../members/manager-rights.js';

export const CONNECTED_CALL_UPDATED = 'team.connected_call_updated';

export async function updateConnectedCallSeconds(
  prisma: PrismaClient,
  input: { actor: Member; teamId: string; seconds: number; requestKey: string; now: Date },
): Promise<void> {
  const team = await prisma.team.findUnique({ where: { id: input.teamId }, select: { connectedCallSeconds: true } });
  if (!team || !(await managesTeam(prisma, input.actor, input.teamId))) {
    throw new UserError('forbidden', 'Only this team’s managers or a workspace admin can change its phone-system settings.');
  }
  if (team.connectedCallSeconds === input.seconds) return;
  await writeOncePerRequest(
    prisma,
    {
      workspaceId: input.actor.workspaceId,
      actorUserId: input.actor.slackUserId,
      action: CONNECTED_CALL_UPDATED,
      subjectType: 'team',
      subjectId: input.teamId,
      data: { before: team.connectedCallSeconds, after: input.seconds },
      requestKey: input.requestKey,
      createdAt: input.now,
    },
    [prisma.team.update({ where: { id: input.teamId }, data: { connectedCallSeconds: input.seconds } })],
    async () => true,
  );
}
