// `/dial pto …`, `/dial sick …`, `/dial ramp @rep 50% …` and their `cancel` forms: check who may
// do it, record or cancel, and reply with how the rep's targets moved. Dates are the rep's days,
// in the rep's timezone (the caller's own when it is their own absence).
import { absenceAlreadyCancelledReply, absenceAlreadyRecordedReply, absenceCancelledReply, absenceRecordedReply, type Subject } from '../../blocks/absence-replies.js';
import type { Member } from '../../generated/prisma/client.js';
import { UserError } from '../../lib/errors.js';
import { daysInRange, localDate } from '../../lib/time.js';
import { absenceRight, managesAnyTeam } from '../../services/absences/absence-rights.js';
import { ABSENCE_NOUNS } from '../../services/absences/absence-rules.js';
import { cancelAbsence } from '../../services/absences/cancel-absence.js';
import { recordAbsence } from '../../services/absences/record-absence.js';
import { targetChange, workdaysIn } from '../../services/absences/target-change.js';
import { resolveEntryDate } from '../../services/activities/entry-date.js';
import { loadTargetContext } from '../../services/progress/rep-progress.js';
import { lookUpMember } from '../members.js';
import type { DialContext } from './dial-context.js';
import type { AbsenceCommand } from './dial-grammar.js';

function refusal(command: AbsenceCommand, userId: string | undefined): UserError {
  const noun = ABSENCE_NOUNS[command.kind];
  if (command.kind === 'ramp') return new UserError('forbidden', 'Only a manager can set or cancel a ramp period, for a rep on a team they manage.');
  const verb = command.action === 'add' ? 'record' : 'cancel';
  return new UserError(
    'forbidden',
    `Only <@${userId}>’s manager can ${verb} ${noun} for them. For your own, leave out the mention, e.g. \`/dial ${command.kind}${command.action === 'cancel' ? ' cancel' : ''} 2026-12-24\`.`,
  );
}

/** The rep the command is about, once the caller is known to be allowed to act for them. */
async function subjectOf(ctx: DialContext, command: AbsenceCommand): Promise<Member> {
  const { deps, member: caller } = ctx;
  const self = command.userId === undefined || command.userId === caller.slackUserId;
  // A caller who manages nothing may only touch their own PTO and sick leave: refuse before
  // looking the mentioned user up, so nothing at all is stored.
  if ((!self || command.kind === 'ramp') && !(await managesAnyTeam(deps.prisma, caller))) throw refusal(command, command.userId);
  const rep = self ? caller : await lookUpMember(deps, ctx.client, caller.workspaceId, command.userId!, ctx.now);
  const right = await absenceRight(deps.prisma, caller, rep, command.kind);
  if (right === 'allowed') return rep;
  if (right === 'not_their_manager') {
    // The caller manages some team, just not this rep's.
    const noun = ABSENCE_NOUNS[command.kind];
    throw new UserError('forbidden', `You don’t manage <@${rep.slackUserId}>’s team, so you can’t ${command.action === 'add' ? 'record' : 'cancel'} ${noun} for them.`);
  }
  throw refusal(command, rep.slackUserId);
}

export async function handleAbsenceCommand(ctx: DialContext, command: AbsenceCommand): Promise<void> {
  const { deps, member: caller, now } = ctx;
  const rep = await subjectOf(ctx, command);
  const subject: Subject = rep.id === caller.id ? { self: true } : { self: false, slackUserId: rep.slackUserId };
  const zone = rep.timezone;
  const today = localDate(now, zone);
  const range = { startDate: resolveEntryDate(command.from, now, zone), endDate: resolveEntryDate(command.to, now, zone) };
  const common = { workspaceId: rep.workspaceId, memberId: rep.id, timezone: zone, actorUserId: caller.slackUserId, kind: command.kind, ...range, requestKey: ctx.requestKey, now };

  const before = await loadTargetContext(deps.prisma, rep);
  if (command.action === 'add') {
    const result = await recordAbsence(deps.prisma, { ...common, rampPercent: command.rampPercent ?? null });
    if (result.duplicate) return ctx.reply(absenceAlreadyRecordedReply({ kind: command.kind, subject, today, requested: result.requested }));
    const after = await loadTargetContext(deps.prisma, rep);
    const union = { startDate: result.absence.startDate, endDate: result.absence.endDate };
    await ctx.reply(
      absenceRecordedReply({
        kind: command.kind,
        subject,
        today,
        requested: result.requested,
        workdays: workdaysIn([result.requested], before.calendar),
        days: daysInRange(result.requested.startDate, result.requested.endDate),
        rampPercent: result.absence.rampPercent,
        merged: result.merged.length > 0 ? { absorbed: result.merged, union } : undefined,
        change: targetChange(result.requested, today, before, after),
      }),
    );
    return;
  }

  const result = await cancelAbsence(deps.prisma, common);
  if (result.duplicate) return ctx.reply(absenceAlreadyCancelledReply({ kind: command.kind, subject, today, freed: result.freed }));
  const after = await loadTargetContext(deps.prisma, rep);
  await ctx.reply(
    absenceCancelledReply({
      kind: command.kind,
      subject,
      today,
      freed: result.freed,
      workdays: workdaysIn(result.freed, before.calendar),
      days: result.freed.reduce((n, r) => n + daysInRange(r.startDate, r.endDate), 0),
      kept: result.kept,
      change: targetChange(result.range, today, before, after),
    }),
  );
}
