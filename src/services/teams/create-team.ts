// A manager or admin creates a team (with the workspace's defaults) and becomes its manager; the
// name is unique in the workspace. Audited, once per request.
import type { Member, PrismaClient, Team } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { writeOncePerRequest } from '../audit/write-once-per-request.js';

export const TEAM_CREATED = 'team.created';

export async function createTeam(prisma: PrismaClient, input: { creator: Member; name: string; requestKey: string; now: Date }): Promise<Team> {
  const { creator, now } = input;
  const name = input.name.trim().normalize('NFC');
  const managesAny = creator.isWorkspaceAdmin || (await prisma.teamManager.count({ where: { memberId: creator.id } })) > 0;
  if (!managesAny) throw new UserError('forbidden', 'Only managers and workspace admins can create teams. Ask one to run `/dial team new <name>`.');
  const clash = () => new UserError('invalid_input', `A team is already called “${name}”: open it with \`/dial team ${name}\`, or pick another name.`);
  if (await prisma.team.findFirst({ where: { workspaceId: creator.workspaceId, name: { equals: name, mode: 'insensitive' } }, select: { id: true } })) throw clash();

  const id = crypto.randomUUID();
  const outcome = await writeOncePerRequest(
    prisma,
    {
      workspaceId: creator.workspaceId,
      actorUserId: creator.slackUserId,
      action: TEAM_CREATED,
      subjectType: 'team',
      subjectId: id,
      data: { name },
      requestKey: input.requestKey,
      createdAt: now,
    },
    [
      prisma.team.create({ data: { id, workspaceId: creator.workspaceId, name, createdAt: now } }),
      prisma.teamManager.create({ data: { teamId: id, memberId: creator.id, createdAt: now } }),
    ],
    async () => {
      const event = await prisma.auditEvent.findUnique({ where: { requestKey: input.requestKey } });
      return event?.subjectId ? ((await prisma.team.findUnique({ where: { id: event.subjectId } })) ?? undefined) : undefined;
    },
    () => {
      throw clash();
    },
  );
  return outcome.written ? (outcome.results[0] as Team) : outcome.previous;
}
