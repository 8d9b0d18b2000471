// Early warning end to end: reps log as they do, the nudge job runs at chosen instants, and we
// check who is nudged (behind pace, working today, not muted), that it happens at 13:00 in each
// rep's own timezone and never after their workday, once a day, and the managers' digest.
import type { JobDeps } from '../../src/jobs/job.js';
import { runJob } from '../../src/jobs/run-job.js';
import { ACTION } from '../../src/blocks/ids.js';
import { slash, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { startSalesTeam } from '../helpers/team.js';

const BOSS = 'U0BOSS';
const DANA = 'U0DANA'; // New York, behind
const PAT = 'U0PAT'; // New York, sick today
const LEE = 'U0LEE'; // London, behind

describe.each(testDatabases())('behind-pace nudges on %s', (database) => {
  let h: Harness;
  let teamId: string;

  beforeAll(async () => {
    ({ h, teamId } = await startSalesTeam(database, BOSS, [
      { id: DANA, name: 'dana', tz: 'America/New_York' },
      { id: PAT, name: 'pat', tz: 'America/New_York' },
      { id: LEE, name: 'lee', tz: 'Europe/London' },
    ]));
    h.clock.set('2026-12-02T14:00:00Z'); // Wednesday morning in New York
    await (await slash(h, DANA, '10 dials 2 convos')).reply();
    await (await slash(h, PAT, 'sick')).reply();
    await (await slash(h, LEE, '12 dials 3 convos')).reply();
  }, 120_000);
  afterAll(() => h.stop());

  const run = async (job: string, at: string) => {
    h.clock.set(at);
    h.slack.reset();
    return runJob({ ...h.dialbot.jobs } as JobDeps, job, { teamId, at: new Date(at) });
  };
  const dmsTo = (user: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user).map((c) => visibleText(c.args as object));

  it('nudges a rep behind pace at 13:00 their time, with what they need today; not one who is off, nor after a workday ended', async () => {
    const summary = await run('pace-nudge', '2026-12-02T18:05:00Z'); // 13:05 New York, 18:05 London
    expect(summary.slots).toEqual([
      { teamId, slot: `pace-nudge:${teamId}:2026-12-02:America/New_York`, status: 'sent', messages: 1 },
      { teamId, slot: null, status: 'skipped', messages: 0, reason: 'the workday is over (Europe/London): quiet hours' },
    ]);
    const [dana] = dmsTo(DANA);
    // Due by 13:05 Wednesday: Monday (360/21) + Tuesday (360/23) + half of Wednesday's 8 hours.
    expect(dana).toMatch(/^:hourglass_flowing_sand: Quick check-in: this week you’re behind pace on 10 of 41 dials due by now \(24%\) and 2 of 14 conversations due by now \(14%\)\./);
    expect(dana).toMatch(/To be back on track for the week, today: \*\d+ dials and \d+ conversations\*/);
    expect(dmsTo(PAT)).toEqual([]); // sick today
    expect(dmsTo(LEE)).toEqual([]); // 18:05 in London: quiet hours

    // Once a day: the same slot again sends nothing.
    const again = await run('pace-nudge', '2026-12-02T19:00:00Z');
    expect(again.slots[0]).toMatchObject({ status: 'done', messages: 0 });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('nudges London at 13:00 London time, before New York’s check', async () => {
    const summary = await run('pace-nudge', '2026-12-03T13:05:00Z'); // Thursday 13:05 London, 08:05 New York
    expect(summary.slots.map((s) => s.status)).toEqual(['skipped', 'sent']);
    expect(dmsTo(LEE)).toEqual([expect.stringMatching(/^:hourglass_flowing_sand: Quick check-in/)]);
    expect(dmsTo(DANA)).toEqual([]);
  });

  it('skips a rep who muted today’s nudge from App Home', async () => {
    h.clock.set('2026-12-03T14:00:00Z');
    h.slack.reset();
    await h.requester.event({ type: 'app_home_opened', user: DANA, channel: `D${DANA}`, tab: 'home' });
    const home = (await h.slack.waitFor('views.publish', (c) => c.args.user_id === DANA)).args.view as { blocks: Array<Record<string, any>> };
    const actions = home.blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements.map((e: any) => e.text.text)).toEqual(['Log activity', 'Mute today’s nudge']);

    h.slack.reset();
    await h.requester.interaction({
      type: 'block_actions',
      user: { id: DANA, team_id: 'T0001' },
      trigger_id: '9.9.9',
      actions: [{ type: 'button', action_id: ACTION.muteNudge, block_id: 'b', action_ts: '1' }],
      view: { id: 'VHOME', type: 'home' },
    });
    const muted = (await h.slack.waitFor('views.publish', (c) => c.args.user_id === DANA)).args.view as object;
    expect(visibleText(muted)).toContain('No behind-pace nudge today: you muted it.');
    expect(await h.prisma.nudgeMute.count({ where: { date: '2026-12-03', member: { slackUserId: DANA } } })).toBe(1);

    await run('pace-nudge', '2026-12-03T18:05:00Z'); // 13:05 New York
    expect(dmsTo(DANA)).toEqual([]);
  });

  it('sends managers who opted in a digest of who is behind, at the nudge time in the team’s zone', async () => {
    // Wednesday 13:05 in New York, when Pat is off sick.
    expect((await run('behind-digest', '2026-12-02T18:05:00Z')).slots[0]).toMatchObject({ status: 'skipped', reason: 'the managers’ digest is off' });
    await h.prisma.team.update({ where: { id: teamId }, data: { digestEnabled: true } });
    const summary = await run('behind-digest', '2026-12-02T18:05:00Z');
    expect(summary.slots[0]).toMatchObject({ slot: `behind-digest:${teamId}:2026-12-02`, status: 'sent', messages: 1 });
    const [digest] = dmsTo(BOSS);
    expect(digest).toMatch(/^:eyes: Sales: 2 of 3 reps are under 70% of pace this week\./);
    expect(digest).toContain(`• <@${DANA}> · 10 of `);
    expect(digest).toContain(`• <@${LEE}> · 12 of `);
    expect(digest).not.toContain(`<@${PAT}>`); // off today: not behind
    expect(dmsTo(DANA)).toEqual([]); // the digest goes to managers only

    // Thursday, Pat is back and behind too.
    const thursday = await run('behind-digest', '2026-12-03T18:05:00Z');
    expect(thursday.slots[0]).toMatchObject({ status: 'sent', messages: 1 });
    expect(dmsTo(BOSS)[0]).toMatch(new RegExp(`^:eyes: Sales: 3 of 3 reps are under 70% of pace this week\\.[\\s\\S]*<@${PAT}> · 0 of 41 dials due by now \\(0%\\)`));
  });
});
