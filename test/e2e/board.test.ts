// The team board end to end: five reps log with signed `/dial` commands over four weeks (the clock
// moves so each week is logged live, backdated within the 7-day window), under the team's plan; a
// part-timer ramps at 50% (set by a workspace admin), one rep takes a week of PTO, another a week
// of PTO that a streak skips. Then `/dial board last-week` and `/dial board week`: the order, the
// percentages, recognition, the PTO rep listed without a rank, movement and streaks, worked out
// here from first principles.
import { weekOf } from '../../src/lib/time.js';
import { targetsOver } from '../../src/services/goals/targets.js';
import { rankTeam } from '../../src/services/boards/rank-team.js';
import { loadTargetContext } from '../../src/services/progress/rep-progress.js';
import { givenTeamGoal } from '../helpers/goals.js';
import { slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const DANA = 'U0DANA';
const SAM = 'U0SAM';
const LEE = 'U0LEE'; // part-timer: ramp 50% through November and December
const PAT = 'U0PAT'; // PTO last week (23–29 Nov)
const KIM = 'U0KIM';
const BOSS = 'U0BOSS'; // workspace admin, never logs: not on the board

// Friday 4 Dec 2026, 13:00 in New York. The team has no timezone: DEFAULT_TIMEZONE (UTC) sets its dates.
const NOW = '2026-12-04T18:00:00Z';

// The seed's plan from 1 Nov: 360 dials and 120 conversations a month. November has 21 workdays,
// so a full November week is 5 × 360/21 = 85.71 → 86 dials and 5 × 120/21 = 28.57 → 29
// conversations (Lee, at 50%: 42.86 → 43 and 14.29 → 14). This week is Mon 30 Nov at November's
// rate plus Tue–Fri at December's (23 workdays): 79.75 → 80 dials, 26.58 → 27 conversations
// (Lee: 39.88 → 40 and 13.29 → 13).
// Score = mean over dials and conversations of actual ÷ target (as shown), each capped at 300%.

const rowsOf = (text: string) => text.split('\n').filter((line) => /^\*\d+\.\*/.test(line));

describe.each(testDatabases())('team board on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: '2026-11-06T18:00:00Z' });
    for (const [id, name] of [
      [DANA, 'dana'],
      [SAM, 'sam'],
      [LEE, 'lee'],
      [PAT, 'pat'],
      [KIM, 'kim'],
    ] as const) {
      h.slack.setUser({ id, name, tz: 'America/New_York' });
    }
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/Chicago', is_admin: true });
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  const say = async (user: string, text: string) => {
    const reply = await (await slash(h, user, text)).reply();
    if (typeof reply.text === 'string' && reply.text.startsWith(':warning:')) throw new Error(`/dial ${text} by ${user}: ${reply.text}`);
    return reply;
  };

  it('four weeks of logging, a ramp and two weeks of PTO', async () => {
    // Week of 2 Nov: the plan, the ramp, and sam on target.
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01', now: h.clock.now() });
    await say(BOSS, `ramp <@${LEE}|lee> 50% 2026-11-01 2026-12-31`);
    await say(SAM, '90 dials 30 convos on 2026-11-05');

    // Week of 9 Nov: sam and pat on target, dana short, lee and kim nothing much. Sam books PTO for next week.
    h.clock.set('2026-11-13T18:00:00Z');
    await say(SAM, '90 dials 30 convos on 2026-11-12');
    await say(PAT, '86 dials 29 convos on 2026-11-12');
    await say(DANA, '50 dials 10 convos on 2026-11-12');
    await say(KIM, '10 dials on 2026-11-12');
    await say(SAM, 'pto 2026-11-16 2026-11-22');

    // Week of 16 Nov (sam away): lee 45/43 + 15/14 → 105.9%, dana 60/86 + 20/29 → 69.4%,
    // pat 40/86 + 10/29 → 40.5%, kim 0%. Pat books PTO for next week.
    h.clock.set('2026-11-20T18:00:00Z');
    await say(LEE, '45 dials 15 convos on 2026-11-19');
    await say(DANA, '60 dials 20 convos on 2026-11-19');
    await say(PAT, '40 dials 10 convos on 2026-11-19');
    await say(PAT, 'pto 2026-11-23 2026-11-29');

    // Last week (23 Nov, pat away).
    h.clock.set('2026-11-27T18:00:00Z');
    await say(DANA, '122 dials 40 convos on 2026-11-26');
    await say(SAM, '95 dials 30 convos on 2026-11-26');
    await say(LEE, '43 dials 14 convos on 2026-11-26');
    await say(KIM, '43 dials 29 convos on 2026-11-26');
    h.clock.advance(60_000); // so `undo` finds this entry as the last one
    const voided = await say(KIM, '500 dials on 2026-11-26');
    expect(voided.text).toContain('Logged 500 dials');
    expect((await say(KIM, 'undo')).text).toContain('500 dials'); // voided: never counts

    // This week.
    h.clock.set(NOW);
    await say(PAT, '96 dials 27 convos on 2026-12-01');
    await say(LEE, '44 dials 13 convos on 2026-12-02');
    await say(SAM, '88 dials 27 convos on 2026-12-03');
    await say(DANA, '40 dials 27 convos on 2026-12-03');
  });

  it('`/dial board last-week`: ranked by share of own target, PTO rep unranked, movement, streaks, recognition', async () => {
    const board = await say(KIM, 'board last-week');
    expect(board.response_type).toBe('ephemeral');
    expect(board.text).toBe('Sales board · Last week (Mon 23 Nov – Sun 29 Nov)');
    const text = visibleText(board);
    // dana (122/86 + 40/29)/2 = 139.9%; sam (95/86 + 30/29)/2 = 106.9%; lee 43/43, 14/14 = 100%;
    // kim (43/86 + 29/29)/2 = 75% (the voided 500 dials don't count). The week before: lee 1,
    // dana 2, pat 3, kim 4, sam away (new). Streaks: dana 1 (missed 16 Nov); sam 3 (2, 9 and
    // 23 Nov: his PTO week is skipped); lee 2 (16 and 23 Nov; nothing on 9 Nov).
    expect(rowsOf(text)).toEqual([
      `*1.* <@${DANA}> · *139%* ✅ · 122 / 86 dials · 40 / 29 conversations · ▲1 · 🔥 1 wk`,
      `*2.* <@${SAM}> · *106%* ✅ · 95 / 86 dials · 30 / 29 conversations · new · 🔥 3 wks`,
      `*3.* <@${LEE}> · *100%* ✅ · 43 / 43 dials · 14 / 14 conversations · ▼2 · 🔥 2 wks`,
      `*4.* <@${KIM}> · *75%* · 43 / 86 dials · 29 / 29 conversations · =`,
    ]);
    expect(text).toContain(`*No target this period:* <@${PAT}> (on PTO)`);
    expect(text).not.toContain(BOSS);
    // week:2026-11-23 picks the second template.
    expect(text).toContain(`🥇 Top of the board last week: <@${DANA}> at 139% of target — 122 dials, 40 conversations.`);
    expect(text).toContain(`Everyone who hit target: <@${DANA}>, <@${SAM}> and <@${LEE}>.`);
    expect(text).toContain(`🔥 <@${SAM}> is on a 3-week streak.`);
    expect((board.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });

  it('`/dial board` (this week): ties share a rank, ordered by name; the rep back from PTO is new', async () => {
    const board = await say(DANA, 'board');
    expect(board.text).toBe('Sales board · This week (Mon 30 Nov – Sun 6 Dec)');
    const text = visibleText(board);
    // pat (96/80 + 27/27)/2 = 110%; lee (44/40 + 13/13)/2 = 105% and sam (88/80 + 27/27)/2 = 105%
    // tie at 2; dana (40/80 + 27/27)/2 = 75%; kim 0%. A week still running counts toward a streak
    // once on target and is skipped until then: sam 4, lee 3, pat 1 (PTO skipped, missed
    // 16 Nov), dana 1 (last week).
    expect(rowsOf(text)).toEqual([
      `*1.* <@${PAT}> · *110%* ✅ · 96 / 80 dials · 27 / 27 conversations · new · 🔥 1 wk`,
      `*2.* <@${LEE}> · *105%* ✅ · 44 / 40 dials · 13 / 13 conversations · ▲1 · 🔥 3 wks`,
      `*2.* <@${SAM}> · *105%* ✅ · 88 / 80 dials · 27 / 27 conversations · = · 🔥 4 wks`,
      `*4.* <@${DANA}> · *75%* · 40 / 80 dials · 27 / 27 conversations · ▼3 · 🔥 1 wk`,
      `*5.* <@${KIM}> · *0%* · 0 / 80 dials · 0 / 27 conversations · ▼1`,
    ]);
    expect(text).not.toContain('No target this period');
    expect(text).toContain(`🚀 <@${PAT}> set the pace this week so far at 110% of target — 96 dials, 27 conversations.`);
    expect(text).toContain(`Already on target: <@${PAT}>, <@${LEE}> and <@${SAM}>.`);
    expect(text).toContain(`🔥 <@${SAM}> is on a 4-week streak.`);
  });

  it('`/dial board today` and `month`, and a bad period', async () => {
    const today = visibleText(await say(SAM, 'board today'));
    // Nothing logged on Fri 4 Dec: everyone is at 0%, tied first, by name.
    expect(rowsOf(today).map((line) => line.split(' · ')[0])).toEqual([`*1.* <@${DANA}>`, `*1.* <@${KIM}>`, `*1.* <@${LEE}>`, `*1.* <@${PAT}>`, `*1.* <@${SAM}>`]);
    expect(today).toContain('Nothing logged yet — the first dial takes the top spot.');

    const month = await say(SAM, 'board month');
    expect(month.text).toBe('Sales board · December 2026');
    // December so far against the whole month: pat (96/360 + 27/120)/2 = 24.6%, sam (88/360 +
    // 27/120)/2 = 23.5%, lee (44/180 + 13/60)/2 = 23.1% (ramped), dana 16.8%, kim 0%.
    expect(rowsOf(visibleText(month)).map((line) => line.split(' · ')[0])).toEqual([`*1.* <@${PAT}>`, `*2.* <@${SAM}>`, `*3.* <@${LEE}>`, `*4.* <@${DANA}>`, `*5.* <@${KIM}>`]);

    const bad = await (await slash(h, SAM, 'board fortnight')).ack;
    expect(bad.text).toContain('I don\'t know the period “fortnight”');
  });

  it('rankTeam (what the weekly job calls) uses the same targets as `/dial stats`, and plain data', async () => {
    const dana = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: DANA } });
    const board = await rankTeam(h.prisma, dana.teamId!, 'last-week', new Date(NOW), { defaultTimezone: 'UTC' });
    expect([board.key, board.from, board.to, board.complete, board.trackedKinds]).toEqual(['week:2026-11-23', '2026-11-23', '2026-11-29', true, ['dial', 'conversation']]);
    for (const row of board.rows) {
      const member = await h.prisma.member.findUniqueOrThrow({ where: { id: row.memberId } });
      const expected = targetsOver(weekOf('2026-11-23'), await loadTargetContext(h.prisma, member));
      expect([row.name, row.target.dial, row.target.conversation]).toEqual([member.displayName, expected.dial, expected.conversation]);
    }
    expect(board.noTarget.map((r) => [r.name, r.reason])).toEqual([['pat', 'pto']]);
  });
});
