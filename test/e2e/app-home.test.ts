// App Home for managers: their reps side by side, each against their own target, with period
// buttons; reps see only their own dashboard. Activity is logged the way reps log it.
import { ACTION } from '../../src/blocks/ids.js';
import { givenTeamGoal } from '../helpers/goals.js';
import { slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { pngSize } from '../helpers/png.js';

const BOSS = 'U0BOSS';
const DANA = 'U0DANA';
const SAM = 'U0SAM';

// Friday 4 Dec 2026, 13:00 in New York. The week (Mon 30 Nov – Sun 6 Dec) takes Monday at
// November's rate (360 ÷ 21 workdays) and Tue–Fri at December's (360 ÷ 23): 79.75 → 80 dials;
// conversations 120 ÷ 21 + 4 × 120 ÷ 23 = 26.58 → 27.
const NOW = '2026-12-04T18:00:00Z';

describe.each(testDatabases())('App Home on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: NOW });
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/New_York', is_admin: true });
    h.slack.setUser({ id: DANA, name: 'dana', tz: 'America/New_York' });
    h.slack.setUser({ id: SAM, name: 'sam', tz: 'America/New_York' });
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset(NOW));

  const openHome = async (user: string, timeoutMs?: number) => {
    h.slack.reset();
    await h.requester.event({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
    const call = await h.slack.waitFor('views.publish', (c) => c.args.user_id === user, timeoutMs);
    return call.args.view as { blocks: Array<Record<string, any>> };
  };

  it('shows a manager each rep’s week against their own target, side by side', async () => {
    await (await slash(h, DANA, '60 dials 12 convos')).reply();
    await (await slash(h, SAM, '20 dials 30 convos')).reply();
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });

    const view = await openHome(BOSS);
    const shown = visibleText(view);
    expect(shown).toContain('Sales · this week');
    expect(shown).toContain('2 reps · 2 behind pace');
    expect(shown).toContain(`<@${DANA}> · 60/80 dials (75%) · 12/27 conversations (44%) · behind`);
    expect(shown).toContain(`<@${SAM}> · 20/80 dials (25%) · 30/27 conversations (111%) · behind`);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(shown).not.toContain(`<@${BOSS}> ·`); // an admin who never logged is not a rep
  });

  it('lists an admin who logs activity as a rep', async () => {
    await (await slash(h, BOSS, '5')).reply();
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });
    const shown = visibleText(await openHome(BOSS));
    expect(shown).toContain(`<@${BOSS}> · 5/80 dials (6%)`);
  });

  it('switches the manager’s period with the buttons', async () => {
    await (await slash(h, DANA, '60')).reply();
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });
    const view = await openHome(BOSS);
    const buttons = view.blocks.find((b) => b.type === 'actions' && b.elements.some((e: any) => e.action_id === `${ACTION.homePeriod}_month`));
    expect(buttons?.elements.map((e: any) => e.text.text)).toEqual(['Today', 'This week', 'This month']);

    h.slack.reset();
    await h.requester.interaction({
      type: 'block_actions',
      user: { id: BOSS, team_id: 'T0001' },
      trigger_id: '1.2.3',
      actions: [{ type: 'button', action_id: `${ACTION.homePeriod}_month`, value: 'month', block_id: 'b', action_ts: '1' }],
      view: { id: 'VHOME', type: 'home' },
    });
    const month = (await h.slack.waitFor('views.publish')).args.view as object;
    expect(visibleText(month)).toContain('Sales · this month');
    expect(visibleText(month)).toContain(`<@${DANA}> · 60/360 dials (16%)`);
  });

  it('shows a rep only their own dashboard', async () => {
    await (await slash(h, DANA, '60')).reply();
    const shown = visibleText(await openHome(DANA));
    expect(shown).toContain('dana’s prospecting');
    expect(shown).not.toContain('Sales · this week');
    expect(shown).not.toContain(`<@${SAM}>`);
  });

  it('refreshes a rep’s App Home once after a burst of entries, and after undo', async () => {
    // Let refreshes still pending from earlier tests fire first.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    h.slack.reset();
    await (await slash(h, DANA, '5')).reply();
    await (await slash(h, DANA, '6')).reply();
    h.clock.advance(1000); // undo takes the latest entry: make "latest" unambiguous
    await (await slash(h, DANA, '7 convos')).reply();
    const published = await h.slack.waitFor('views.publish', (c) => c.args.user_id === DANA);
    const shown = visibleText(published.args.view as object);
    expect(shown).toContain(':telephone_receiver: 11 dials');
    expect(shown).toContain(':speech_balloon: 7 conversations');
    // The burst is coalesced: wait out another debounce period and count.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(h.slack.callsTo('views.publish').filter((c) => c.args.user_id === DANA)).toHaveLength(1);

    h.slack.reset();
    await (await slash(h, DANA, 'undo')).reply();
    const afterUndo = await h.slack.waitFor('views.publish', (c) => c.args.user_id === DANA);
    expect(visibleText(afterUndo.args.view as object)).toContain(':speech_balloon: 0 conversations');
  });

  const imageBlocks = (view: { blocks: Array<Record<string, any>> }) => view.blocks.filter((b) => b.type === 'image');

  it('shows a rep their rank, streak and month chart, uploading the chart once', async () => {
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });
    await (await slash(h, DANA, '90 dials 30 convos')).reply();
    await (await slash(h, SAM, '20 dials 5 convos')).reply();

    const dana = await openHome(DANA);
    // 90 of 79.75 dials and 30 of 26.58 conversations: target met, so the running week counts.
    expect(visibleText(dana)).toContain(':first_place_medal: *#1 of 2* on this week’s board (111% of target) · :fire: 1 week on target in a row');
    const [chart] = imageBlocks(dana);
    expect(chart?.block_id).toBe('rep_chart');
    expect(chart?.title.text).toBe('dana — dials, December 2026');
    expect(chart?.alt_text).toBe('dana — dials, December 2026: 90 dials of 360 this month · 63 due by today.');
    // The upload went through files.uploadV2's three steps, and the block shows that file.
    expect(h.slack.calls.map((c) => c.method).filter((m) => m.startsWith('files.') || m === 'upload')).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    const fileId = chart?.slack_file.id as string;
    expect(h.slack.completedFiles.has(fileId)).toBe(true);
    expect(pngSize(h.slack.uploads.get(fileId)!)).toEqual({ width: 1440, height: 640 });

    // Nothing changed: the same picture is shown again without another upload.
    const again = await openHome(DANA);
    expect(imageBlocks(again).map((b) => b.slack_file.id)).toEqual([fileId]);
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);

    expect(visibleText(await openHome(SAM))).toContain('*#2 of 2* on this week’s board (21% of target) · no streak yet: hit this week’s target to start one');
  });

  it('gives a manager a side-by-side chart of each team, and no numbers of their own (they are not a rep)', async () => {
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });
    await (await slash(h, DANA, '60 dials 12 convos')).reply();
    const view = await openHome(BOSS);
    const charts = imageBlocks(view);
    expect(charts.map((b) => b.title.text)).toEqual(['Sales — this week']);
    expect(visibleText(view)).toContain('You manage this team, so you aren’t measured as a rep: your reps are below.');
    expect(visibleText(view)).not.toContain('*This week*');
    expect(charts[0]?.alt_text).toMatch(/^Sales — this week: dana \d+% of dials, \d+% of conversations\.$/);
    for (const chart of charts) expect(h.slack.completedFiles.has(chart.slack_file.id)).toBe(true);
  });

  it('still publishes the numbers when the chart upload fails', async () => {
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });
    await (await slash(h, DANA, '60')).reply();
    h.slack.reset();
    h.slack.failNext('files.getUploadURLExternal', { error: 'ratelimited', status: 200, times: 5 });
    await h.requester.event({ type: 'app_home_opened', user: DANA, channel: `D${DANA}`, tab: 'home' });
    const view = (await h.slack.waitFor('views.publish', (c) => c.args.user_id === DANA)).args.view as { blocks: Array<Record<string, any>> };
    expect(imageBlocks(view)).toEqual([]);
    expect(visibleText(view)).toContain(':telephone_receiver: 60 / 80 dials');
  });

  it('keeps a 150-rep team within Slack’s 100-block limit', async () => {
    const reps = Array.from({ length: 150 }, (_, i) => `U0R${String(i).padStart(3, '0')}`);
    for (const rep of reps) h.slack.setUser({ id: rep, name: `rep${rep.slice(3)}`, tz: 'America/Chicago' });
    await Promise.all(reps.map(async (rep, i) => (await slash(h, rep, String(i + 1))).reply()));
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });
    // The 150 reps' own App Home refreshes (two at a time) are still running: give the manager's a while.
    const view = await openHome(BOSS, 90_000);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const shown = visibleText(view);
    for (const rep of reps) expect(shown).toContain(`<@${rep}>`);
    for (const block of view.blocks) if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
  }, 180_000);
});
