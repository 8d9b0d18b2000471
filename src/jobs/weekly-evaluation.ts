// Weekly evaluation: at the end of each rep's work week in their own timezone (the team's
// evaluation day and time, default Friday 18:00), every rep of the team in that timezone is judged
// on the ladder and told the outcome privately; at levels 2 and 3 their managers are alerted.
// One slot per team, week and rep timezone; a week whose evaluation time passed while dialbot was
// down is caught up during the following week.
import { managerLadderAlert, repLadderMessage } from '../blocks/escalation.js';
import type { Reply } from '../blocks/activity-replies.js';
import { addDays, instantAt, localDate, weekOf } from '../lib/time.js';
import { judgeWeek } from '../services/escalation/evaluate-week.js';
import { teamReps } from '../services/members/team-reps.js';
import { deliver } from './claim.js';
import type { JobDefinition, JobDeps, SlotDecision } from './job.js';

export const WEEKLY_EVALUATION = 'weekly-evaluation';

/** The slot's zone is the last part of its key: `weekly-evaluation:<team>:<week>:<zone>`. */
const zoneOfSlot = (slot: string) => slot.slice(slot.lastIndexOf(':') + 1);

async function dm(deps: JobDeps, run: Parameters<typeof deliver>[1], recipient: string, userId: string, message: Reply): Promise<boolean> {
  const result = await deliver(
    deps.prisma,
    run,
    recipient,
    async () => {
      // A user id as the channel: Slack delivers it in the user's DM with the app.
      const response = await deps.client.chat.postMessage({ token: deps.botToken, channel: userId, text: message.text, blocks: message.blocks, unfurl_links: false });
      return response.ts === undefined ? {} : { ts: response.ts };
    },
    deps.clock,
  );
  return result.status === 'sent';
}

export const weeklyEvaluationJob = {
  name: WEEKLY_EVALUATION,

  slotsFor(team, now): SlotDecision[] {
    if (!team.escalationEnabled) return [{ due: false, reason: 'escalation is off' }];
    const zones = [...new Set(team.members.map((m) => m.timezone))].sort();
    return zones.map((zone) => {
      const thisWeek = weekOf(localDate(now, zone));
      const endOf = (week: string[]) => instantAt(week[team.evaluationDay - 1]!, team.evaluationTime, zone);
      // The latest week whose evaluation time has passed: this week's, or else last week's.
      const week = now >= endOf(thisWeek) ? thisWeek : weekOf(addDays(thisWeek[0]!, -7));
      return { due: true, slot: `${WEEKLY_EVALUATION}:${team.id}:${week[0]}:${zone}`, date: week[0]!, zone };
    });
  },

  async run(deps, { run, team, slot }) {
    const zone = zoneOfSlot(slot.slot);
    const week = weekOf(slot.date);
    const [reps, managers] = await Promise.all([
      teamReps(deps.prisma, team.id),
      deps.prisma.teamManager.findMany({ where: { teamId: team.id }, include: { member: true } }),
    ]);
    let sent = 0;
    for (const rep of reps.filter((r) => r.timezone === zone)) {
      const judged = await judgeWeek(deps.prisma, team, rep, week, deps.clock());
      const message = repLadderMessage(judged, team.consequencePolicy);
      if (message && (await dm(deps, run, `dm:${rep.slackUserId}`, rep.slackUserId, message))) sent++;
      const alert = managerLadderAlert(judged, rep, team.consequencePolicy);
      if (!alert) continue;
      if (managers.length === 0) deps.logger.warn({ teamId: team.id, rep: rep.slackUserId }, 'no manager to alert about a rep’s missed weeks; name one in /dial team');
      for (const manager of managers) {
        if (await dm(deps, run, `alert:${manager.member.slackUserId}:${rep.slackUserId}`, manager.member.slackUserId, alert)) sent++;
      }
    }
    return { messages: sent };
  },
} satisfies JobDefinition;
