// Early warning: on each workday at the team's nudge time in every rep's own timezone (default
// 13:00), a rep under the nudge threshold of pace (default 70%) on an escalated kind gets one
// private nudge with what they need today. Only within their working hours (a late catch-up is
// dropped: quiet hours), never on a day off, never when they muted today's nudge.
import { nudgeMessage } from '../blocks/nudge.js';
import { instantAt, localDate } from '../lib/time.js';
import { behindPace } from '../services/escalation/behind-pace.js';
import { isWorkday, teamCalendar } from '../services/goals/targets.js';
import { teamReps } from '../services/members/team-reps.js';
import { teamProgress } from '../services/progress/team-progress.js';
import type { JobDefinition, SlotDecision } from './job.js';
import { memberZones, sendDm } from './send-dm.js';

export const PACE_NUDGE = 'pace-nudge';

export const paceNudgeJob = {
  name: PACE_NUDGE,

  slotsFor(team, now): SlotDecision[] {
    if (!team.nudgeEnabled) return [{ due: false, reason: 'nudges are off' }];
    const calendar = teamCalendar(team);
    return memberZones(team).map((zone) => {
      const date = localDate(now, zone);
      if (!isWorkday(date, calendar)) return { due: false, reason: `${date} is not a workday (${zone})` };
      if (now < instantAt(date, team.nudgeTime, zone)) return { due: false, reason: `not yet ${team.nudgeTime} (${zone})` };
      // Quiet hours: only within the working day (a check time set before it waits for its start).
      if (now < instantAt(date, team.workdayStart, zone)) return { due: false, reason: `the workday has not started (${zone}): quiet hours` };
      if (now >= instantAt(date, team.workdayEnd, zone)) return { due: false, reason: `the workday is over (${zone}): quiet hours` };
      return { due: true, slot: `${PACE_NUDGE}:${team.id}:${date}:${zone}`, date, zone };
    });
  },

  async run(deps, { run, team, slot }) {
    const reps = (await teamReps(deps.prisma, team.id)).filter((r) => r.timezone === slot.zone);
    const muted = new Set(
      (await deps.prisma.nudgeMute.findMany({ where: { memberId: { in: reps.map((r) => r.id) }, date: slot.date } })).map((m) => m.memberId),
    );
    const nudged = reps.filter((r) => !muted.has(r.id));
    const progress = await teamProgress(deps.prisma, team, nudged, deps.clock());
    let sent = 0;
    for (const rep of nudged) {
      const behind = behindPace(progress.get(rep.id)!, team.escalatedKinds, team.nudgeThreshold);
      if (behind.length > 0 && (await sendDm(deps, run, `nudge:${rep.slackUserId}`, rep.slackUserId, nudgeMessage(behind)))) sent++;
    }
    return { messages: sent };
  },
} satisfies JobDefinition;
