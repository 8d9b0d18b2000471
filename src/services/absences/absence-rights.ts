// Who may record or cancel whose absences. A rep: their own PTO and sick leave. A manager: also
// those of the reps on teams they manage, and ramp periods for them. Workspace admins manage
// every team (see manager-rights.ts).
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import { managesMember, managesTeam } from '../members/manager-rights.js';

/**
 * Whether `member` manages any team at all: a cheap first check before resolving a mentioned
 * user (which would create a member row), so a rep's attempt for someone else stores nothing.
 */
export async function managesAnyTeam(prisma: PrismaClient, member: Member): Promise<boolean> {
  return member.isWorkspaceAdmin || (await prisma.teamManager.count({ where: { memberId: member.id } })) > 0;
}

export type AbsenceRight = 'allowed' | 'not_their_manager' | 'ramp_needs_manager';

export async function absenceRight(prisma: PrismaClient, actor: Member, rep: Member, kind: 'pto' | 'sick' | 'ramp'): Promise<AbsenceRight> {
  if (kind === 'ramp') {
    // Ramp lowers targets by choice, so only a manager of the rep's team sets it, even for themselves.
    const manages = rep.teamId !== null && actor.workspaceId === rep.workspaceId && (await managesTeam(prisma, actor, rep.teamId));
    return manages ? 'allowed' : 'ramp_needs_manager';
  }
  if (actor.id === rep.id) return 'allowed';
  return (await managesMember(prisma, actor, rep)) ? 'allowed' : 'not_their_manager';
}
