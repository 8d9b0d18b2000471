// The managers' daily digest (opt-in per team): at the nudge time in the team's timezone on its
// workdays, every rep under the nudge threshold of pace, with the numbers, DM'd to each manager.
import { behindDigest } from '../blocks/nudge.js';
import { instantAt, localDate } from '../lib/time.js';
import { behindPace } from '../services/escalation/behind-pace.js';
import { isWorkday, teamCalendar } from '../services/goals/targets.js';
import { alertRecipients } from '../services/members/alert-recipients.js';
import { teamReps } from '../services/members/team-reps.js';
import { teamProgress } from '../services/progress/team-progress.js';
import { teamZone } from './daily-progress.js';
import type { JobDefinition } from './job.js';
import { sendDm } from './send-dm.js';

export const BEHIND_DIGEST = 'behind-digest';

export const behindDigestJob = {
  name: BEHIND_DIGEST,

  slotFor(team, now, defaultTimezone) {
    if (!team.digestEnabled) return { due: false, reason: 'the managers’ digest is off' };
    const zone = teamZone(team, defaultTimezone);
    const date = localDate(now, zone);
    if (!isWorkday(date, teamCalendar(team))) return { due: false, reason: `${date} is not a workday` };
    if (now < instantAt(date, team.nudgeTime, zone)) return { due: false, reason: `not yet ${team.nudgeTime} (${zone})` };
    return { due: true, slot: `${BEHIND_DIGEST}:${team.id}:${date}`, date, zone };
  },

  async run(deps, { run, team }) {
    const [reps, managers] = await Promise.all([teamReps(deps.prisma, team.id), alertRecipients(deps.prisma, team)]);
    if (managers.length === 0 || reps.length === 0) return { messages: 0 };
    const now = deps.clock();
    const progress = await teamProgress(deps.prisma, team, reps, now);
    const rows = reps.map((rep) => ({ slackUserId: rep.slackUserId, behind: behindPace(progress.get(rep.id)!, team.escalatedKinds, team.nudgeThreshold) }));
    const message = behindDigest(team.name, rows, Math.round(team.nudgeThreshold * 100));
    let sent = 0;
    for (const manager of managers) if (await sendDm(deps, run, `digest:${manager.slackUserId}`, manager.slackUserId, message)) sent++;
    return { messages: sent };
  },
} satisfies JobDefinition;
