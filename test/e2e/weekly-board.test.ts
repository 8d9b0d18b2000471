// The weekly leaderboard job end to end: reps log last week with signed `/dial`, a manager sets the
// team channel through `/dial team`, a goal plan is in force; on Monday at 09:00 team time the job
// posts last week's board once, with recognition, and a second run posts nothing.
import { runJob } from '../../src/jobs/run-job.js';
import type { JobDeps } from '../../src/jobs/job.js';
import { saveTestGoalPlan } from '../helpers/goals.js';
import { slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { configureTeam } from '../helpers/team.js';

const BOSS = 'U0BOSS';
const DANA = 'U0DANA';
const SAM = 'U0SAM';
const CHANNEL = 'C0SALES';

// Last week is Mon 30 Nov – Sun 6 Dec 2026: 80 dials and 27 conversations for a full-time rep.
const LOGGED_AT = '2026-12-04T18:00:00Z'; // Friday 13:00 in New York
const MONDAY_0830 = '2026-12-07T13:30:00Z';
const MONDAY_0930 = '2026-12-07T14:30:00Z';

describe.each(testDatabases())('weekly leaderboard on %s', (database) => {
  let h: Harness;
  let teamId: string;

  beforeAll(async () => {
    h = await startHarness({ database, now: LOGGED_AT });
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/New_York', is_admin: true });
    h.slack.setUser({ id: DANA, name: 'dana', tz: 'America/New_York' });
    h.slack.setUser({ id: SAM, name: 'sam', tz: 'America/New_York' });
    await (await slash(h, DANA, '90 dials 30 convos')).reply();
    await (await slash(h, SAM, '40 dials 10 convos')).reply();
    await saveTestGoalPlan(h, { repUserId: DANA, effectiveFrom: '2026-11-01', createdBy: BOSS });
    teamId = await configureTeam(h, { manager: BOSS, channel: CHANNEL, timezone: 'America/New_York' });
  }, 120_000);
  afterAll(() => h.stop());

  const deps = (): JobDeps => ({ ...h.dialbot.jobs, postIntervalMs: 10 });
  const boardPosts = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);

  it('is not due before 09:00 on Monday, team time, nor later in the week', async () => {
    for (const at of [MONDAY_0830, '2026-12-08T14:30:00Z']) {
      const summary = await runJob(deps(), 'weekly-board', { teamId, at: new Date(at) });
      expect(summary.slots[0]).toMatchObject({ status: 'skipped' });
    }
    expect(boardPosts()).toHaveLength(0);
  });

  it('posts last week’s board once: ranked by share of target, with recognition', async () => {
    const summary = await runJob(deps(), 'weekly-board', { teamId, at: new Date(MONDAY_0930) });
    expect(summary.slots[0]).toMatchObject({ slot: `weekly-board:${teamId}:2026-11-30`, status: 'sent', messages: 1 });
    const [post] = boardPosts();
    const shown = visibleText(post!.args as { blocks: unknown[] });
    expect(shown.indexOf(`<@${DANA}>`)).toBeGreaterThanOrEqual(0);
    expect(shown.indexOf(`<@${DANA}>`)).toBeLessThan(shown.indexOf(`<@${SAM}>`));
    expect(shown).toContain(':trophy: Sales board · Last week (Mon 30 Nov – Sun 6 Dec)');
    expect(shown).toContain(`<@${DANA}> set the pace last week at 111% of target — 90 dials, 30 conversations.`);
    expect(shown).toContain(`Everyone who hit target: <@${DANA}>.`);
    expect(shown).toContain(`*1.* <@${DANA}> · *111%* ✅ · 90 / 80 dials · 30 / 27 conversations`);
    expect(shown).toContain(`*2.* <@${SAM}> · *43%* · 40 / 80 dials · 10 / 27 conversations`);
    expect(shown).not.toContain(`<@${BOSS}>`); // the manager is not ranked
    expect(String(post!.args.text)).toContain('Sales');
    // The board as a chart under the recognition, each rep against their week's target.
    const chart = (post!.args.blocks as Array<Record<string, any>>).find((b) => b.type === 'image');
    expect(chart?.block_id).toBe('board_chart');
    expect(chart?.alt_text).toBe('Sales board · Last week (Mon 30 Nov – Sun 6 Dec): dana 113% of dials, 113% of conversations; sam 50% of dials, 38% of conversations.');
    expect(h.slack.completedFiles.has(chart?.slack_file.id)).toBe(true);

    const again = await runJob(deps(), 'weekly-board', { teamId, at: new Date(MONDAY_0930) });
    expect(again.slots[0]).toMatchObject({ status: 'done' });
    expect(boardPosts()).toHaveLength(1);
    const run = await h.prisma.jobRun.findUniqueOrThrow({ where: { slot: `weekly-board:${teamId}:2026-11-30` }, include: { deliveries: true } });
    expect(run.finishedAt).not.toBeNull();
    expect(run.deliveries.map((d) => [d.recipient, d.sentAt !== null])).toEqual([[`channel:${CHANNEL}:part:1`, true]]);
  });
});
