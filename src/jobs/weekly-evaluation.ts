// Weekly evaluation: at the end of each rep's work week in their own timezone (the team's
// evaluation day and time, default Friday 18:00), every rep of the team in that timezone is judged
// on the ladder and told the outcome privately; at levels 2 and 3 their managers are alerted.
// One slot per team, week and rep timezone; a week whose evaluation time passed while dialbot was
// down is caught up during the following week.
import { managerLadderAlert, repLadderMessage } from '../blocks/escalation.js';
import { addDays, instantAt, localDate, weekOf } from '../lib/time.js';
import { judgeWeek } from '../services/escalation/evaluate-week.js';
import { teamReps } from '../services/members/team-reps.js';
import { alertRecipients } from '../services/members/alert-recipients.js';
import type { JobDefinition, SlotDecision } from './job.js';
import { memberZones, sendDm } from './send-dm.js';

export const WEEKLY_EVALUATION = 'weekly-evaluation';

export const weeklyEvaluationJob = {
  name: WEEKLY_EVALUATION,

  slotsFor(team, now): SlotDecision[] {
    if (!team.escalationEnabled) return [{ due: false, reason: 'escalation is off' }];
    return memberZones(team).map((zone) => {
      const thisWeek = weekOf(localDate(now, zone));
      const endOf = (week: string[]) => instantAt(week[team.evaluationDay - 1]!, team.evaluationTime, zone);
      // The latest week whose evaluation time has passed: this week's, or else last week's.
      const week = now >= endOf(thisWeek) ? thisWeek : weekOf(addDays(thisWeek[0]!, -7));
      return { due: true, slot: `${WEEKLY_EVALUATION}:${team.id}:${week[0]}:${zone}`, date: week[0]!, zone };
    });
  },

  async run(deps, { run, team, slot }) {
    const week = weekOf(slot.date);
    const [reps, managers] = await Promise.all([teamReps(deps.prisma, team.id), alertRecipients(deps.prisma, team)]);
    let sent = 0;
    for (const rep of reps.filter((r) => r.timezone === slot.zone)) {
      const judged = await judgeWeek(deps.prisma, team, rep, week, deps.clock());
      const message = judged.verdict === 'hit' && !team.celebrateHits ? null : repLadderMessage(judged, team.consequencePolicy);
      if (message && (await sendDm(deps, run, `dm:${rep.slackUserId}`, rep.slackUserId, message))) sent++;
      const alert = team.managerAlertsEnabled ? managerLadderAlert(judged, rep, team.consequencePolicy) : null;
      if (!alert) continue;
      if (managers.length === 0) deps.logger.warn({ teamId: team.id, rep: rep.slackUserId }, 'no manager or admin to alert about a rep’s missed weeks; name a manager in /dial team');
      for (const manager of managers.filter((m) => m.id !== rep.id)) {
        if (await sendDm(deps, run, `alert:${manager.slackUserId}:${rep.slackUserId}`, manager.slackUserId, alert)) sent++;
      }
    }
    return { messages: sent };
  },
} satisfies JobDefinition;
