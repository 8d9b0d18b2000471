// Progress against target end to end: a rep logs with signed `/dial` commands under a goal plan,
// then `/dial stats`, `/dial stats @rep`, the reply after logging, App Home and
// `dialbot targets` all show the same numbers, worked out here from first principles.
import { join } from 'node:path';
import { CALLBACK, LOG_MODAL } from '../../src/blocks/ids.js';
import { KINDS } from '../../src/lib/kinds.js';
import { killChildren, removeTempDirs, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { saveTestGoalPlan } from '../helpers/goals.js';
import { createPostgresSchema, slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const REP = 'U0REP1'; // dana, New York
const BOSS = 'U0BOSS'; // a workspace admin: manages every team
const PEER = 'U0PEER'; // another rep: manages nobody

// Friday 4 Dec 2026, 13:00 in New York: half of the 09:00–17:00 working day has passed.
const NOW = '2026-12-04T18:00:00Z';

// The seed's plan, in force from 1 Nov: 360 dials, 120 conversations, 40 presentations,
// 20 opportunities, 10 closes a month. November 2026 has 21 weekdays (1 Nov is a Sunday);
// December 2026 has 23 (1 Dec is a Tuesday). Each day takes its own month's rate.
const MONTHLY = { dial: 360, conversation: 120, presentation: 40, opportunity: 20, close: 10 } as const;
type K = keyof typeof MONTHLY;
const NOV_WORKDAYS = 21;
const DEC_WORKDAYS = 23;
const daily = (k: K, workdays: number) => MONTHLY[k] / workdays;
// This week is Mon 30 Nov (November's rate) + Tue 1 – Fri 4 Dec (December's).
const expected = (k: K) => ({
  day: { target: daily(k, DEC_WORKDAYS), due: daily(k, DEC_WORKDAYS) / 2 },
  week: { target: daily(k, NOV_WORKDAYS) + 4 * daily(k, DEC_WORKDAYS), due: daily(k, NOV_WORKDAYS) + 3.5 * daily(k, DEC_WORKDAYS) },
  month: { target: MONTHLY[k], due: 3.5 * daily(k, DEC_WORKDAYS) }, // 1–3 Dec, half of the 4th
});
/** Whole numbers as people see them: half up. */
const whole = (n: number) => Math.floor(n + 0.5);
const twoDecimals = (n: number) => Math.round(n * 100) / 100;

// What dana logs: 20 dials 6 convos on Mon 30 Nov, 15 dials on Wed 2 Dec, 32 dials 8 convos
// 2 meetings today.
const ACTUAL = {
  day: { dial: 32, conversation: 8, presentation: 2, opportunity: 0, close: 0 },
  week: { dial: 67, conversation: 14, presentation: 2, opportunity: 0, close: 0 },
  month: { dial: 47, conversation: 8, presentation: 2, opportunity: 0, close: 0 },
};

const shown = (r: CliResult) => `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

afterAll(() => killChildren());
afterAll(() => removeTempDirs());

describe.each(testDatabases())('progress against target on %s', (database) => {
  let h: Harness;
  let url: string;
  let dropSchema: (() => Promise<void>) | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await h.stop();
  };

  beforeAll(async () => {
    // A database on disk (or a schema of its own) that the CLI can open after the app stops.
    if (database === 'postgres') {
      const schema = await createPostgresSchema();
      url = schema.url;
      dropSchema = schema.drop;
    } else {
      url = `pglite://${join(tempDir('dialbot-stats-'), 'db')}`;
    }
    h = await startHarness({ database, now: NOW, env: { DATABASE_URL: url } });
    h.slack.setUser({ id: REP, name: 'dana', tz: 'America/New_York' });
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/Chicago', is_admin: true });
    h.slack.setUser({ id: PEER, name: 'sam', tz: 'America/New_York' });
  }, 120_000);
  afterAll(async () => {
    await stop();
    await dropSchema?.();
  });
  beforeEach(() => h?.slack.reset());

  const say = async (user: string, text: string) => (await slash(h, user, text)).reply();

  it('before any goal: the log reply says targets come later, and `/dial stats` asks for a goal while showing actuals', async () => {
    const logged = await say(REP, '20 dials 6 convos on 2026-11-30');
    expect(logged.text).toBe(':white_check_mark: Logged 20 dials and 6 conversations for Mon 30 Nov.');
    expect(visibleText(logged)).toContain('Targets appear here once your manager sets a goal.');

    const stats = await say(REP, 'stats');
    expect(stats.response_type).toBe('ephemeral');
    expect(stats.text).toBe('Your progress · Fri 4 Dec');
    const text = visibleText(stats);
    expect(text).toContain('No goal is set yet, so there are no targets. Ask your manager to set one with `/dial goal`.');
    expect(text).toContain('*Today* (Fri 4 Dec)\n:telephone_receiver: 0 dials\n:speech_balloon: 0 conversations');
    expect(text).toContain('*This week* (Mon 30 Nov – Sun 6 Dec)\n:telephone_receiver: 20 dials\n:speech_balloon: 6 conversations');
    expect(text).toContain('*This month* (December 2026)\n:telephone_receiver: 0 dials');
    expect(text).not.toContain('due by now');
  });

  it('with a plan in force, the reply after logging shows today and this week against target, and need today', async () => {
    await saveTestGoalPlan(h, { repUserId: REP, effectiveFrom: '2026-11-01', createdBy: BOSS });
    const wednesday = await say(REP, '15 on 2026-12-02');
    expect(wednesday.text).toBe(':white_check_mark: Logged 15 dials for Wed 2 Dec.');

    const today = await say(REP, '32 dials 8 convos 2 meetings');
    expect(today.text).toBe(':white_check_mark: Logged 32 dials, 8 conversations and 2 presentations for today.');
    const text = visibleText(today);
    const dial = expected('dial');
    const conversation = expected('conversation');
    // Sanity of the arithmetic above: 15.65 dials a day; 79.75 this week.
    expect([whole(dial.day.target), whole(dial.week.target)]).toEqual([16, 80]);
    expect(text).toContain(`*Today*\n:telephone_receiver: 32 / ${whole(dial.day.target)} dials ▰▰▰▰▰▰▰▰▰▰ 200%`);
    expect(text).toContain(`:speech_balloon: 8 / ${whole(conversation.day.target)} conversations ▰▰▰▰▰▰▰▰▰▰ 160%`);
    expect(text).toContain(`*This week*\n:telephone_receiver: 67 / ${whole(dial.week.target)} dials ▰▰▰▰▰▰▰▰▱▱ 83%`);
    expect(text).toContain(`:speech_balloon: 14 / ${whole(conversation.week.target)} conversations ▰▰▰▰▰▱▱▱▱▱ 51%`);
    expect(text).toContain(`*Need today:* ${Math.ceil(dial.week.target - 67)} dials, ${Math.ceil(conversation.week.target - 14)} conversations`);
    expect(text).not.toContain('Targets appear here');
  });

  /** The day/week/month lines and need today for dana at NOW, as every surface shows them. */
  function expectDanasNumbers(text: string): void {
    const pace = (actual: number, due: number) => {
      const p = actual / due;
      return p < 0.9 ? 'behind' : p > 1.1 ? 'ahead' : 'on pace';
    };
    const bar = (actual: number, target: number) => {
      const cells = Math.min(10, Math.floor((actual / target) * 10));
      return `${'▰'.repeat(cells)}${'▱'.repeat(10 - cells)} ${Math.floor((actual / target) * 100)}%`;
    };
    const line = (k: K, period: 'day' | 'week' | 'month', label: string) => {
      const { target, due } = expected(k)[period];
      const actual = ACTUAL[period][k];
      const t = whole(target);
      return `${actual} / ${t} ${t === 1 ? label.slice(0, -1) : label} ${t > 0 ? bar(actual, t) : 'no target'} · ${whole(due)} due by now · ${pace(actual, due)}`;
    };
    // Spelled out once, to read: day 32 of 15.65 (7.83 due); week 67 of 79.75 (71.93 due); month 47 of 360 (54.78 due).
    expect(line('dial', 'day', 'dials')).toBe('32 / 16 dials ▰▰▰▰▰▰▰▰▰▰ 200% · 8 due by now · ahead');
    expect(line('dial', 'week', 'dials')).toBe('67 / 80 dials ▰▰▰▰▰▰▰▰▱▱ 83% · 72 due by now · on pace');
    expect(line('dial', 'month', 'dials')).toBe('47 / 360 dials ▰▱▱▱▱▱▱▱▱▱ 13% · 55 due by now · behind');

    expect(text).toContain(`*Today* (Fri 4 Dec)\n:telephone_receiver: ${line('dial', 'day', 'dials')}\n:speech_balloon: ${line('conversation', 'day', 'conversations')}`);
    expect(text).toContain(`*This week* (Mon 30 Nov – Sun 6 Dec)\n:telephone_receiver: ${line('dial', 'week', 'dials')}\n:speech_balloon: ${line('conversation', 'week', 'conversations')}\n:bar_chart: ${line('presentation', 'week', 'presentations')}\n:dart: ${line('opportunity', 'week', 'opportunities')}\n:trophy: ${line('close', 'week', 'closes')}`);
    expect(text).toContain(`*This month* (December 2026)\n:telephone_receiver: ${line('dial', 'month', 'dials')}\n:speech_balloon: ${line('conversation', 'month', 'conversations')}`);
    // Need today: the week's targets through today, less what was done this week, rounded up.
    const need = (k: K) => Math.max(0, Math.ceil(expected(k).week.target - ACTUAL.week[k]));
    expect([need('dial'), need('conversation'), need('presentation'), need('opportunity'), need('close')]).toEqual([13, 13, 7, 5, 3]);
    expect(text).toContain(
      `*Need today:* ${need('dial')} dials, ${need('conversation')} conversations, ${need('presentation')} presentations, ${need('opportunity')} opportunities and ${need('close')} closes to be on track for the week.`,
    );
  }

  it('`/dial stats` shows the caller’s day, week and month: actual vs target, bar, due by now, pace, need today', async () => {
    const stats = await say(REP, 'stats');
    expect(stats.response_type).toBe('ephemeral');
    expect(stats.text).toBe('Your progress · Fri 4 Dec');
    const text = visibleText(stats);
    expectDanasNumbers(text);
    expect(text).not.toContain('No goal is set');
    expect((stats.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });

  it('`/dial stats @rep` by a workspace admin shows that rep’s stats', async () => {
    const stats = await say(BOSS, `stats <@${REP}|dana>`);
    expect(stats.text).toBe('dana’s progress · Fri 4 Dec');
    expectDanasNumbers(visibleText(stats));
  });

  it('`/dial stats @rep` by someone who manages nobody is refused, shows nothing, stores nothing', async () => {
    const refused = await say(PEER, `stats <@${REP}|dana>`);
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toBe(':warning: Only a rep’s managers can see their stats. `/dial stats` shows your own.');
    expect(visibleText(refused)).not.toContain('dials');

    const stranger = await say(PEER, 'stats <@U0NOBODY>');
    expect(stranger.text).toBe(':warning: Only a rep’s managers can see their stats. `/dial stats` shows your own.');
    expect(h.slack.callsTo('users.info').filter((c) => c.args.user === 'U0NOBODY')).toHaveLength(0);
    expect(await h.prisma.member.count({ where: { slackUserId: 'U0NOBODY' } })).toBe(0);
  });

  it('anyone may mention themselves: `/dial stats @me` is their own stats, under the team’s plan', async () => {
    const stats = await say(PEER, `stats <@${PEER}|sam>`);
    expect(stats.text).toBe('Your progress · Fri 4 Dec');
    const dial = expected('dial');
    expect(visibleText(stats)).toContain(`*Today* (Fri 4 Dec)\n:telephone_receiver: 0 / ${whole(dial.day.target)} dials ▱▱▱▱▱▱▱▱▱▱ 0% · ${whole(dial.day.due)} due by now · behind`);
  });

  it('says when the rep is off sick today, and when they are ramping (with the share)', async () => {
    const sick = await say(PEER, 'sick');
    expect(sick.text).not.toMatch(/^:warning:/);
    const peer = visibleText(await say(PEER, 'stats'));
    expect(peer).toContain('You’re off sick today, so nothing is due today.');
    expect(peer).toContain('*Today* (Fri 4 Dec)\n_No target today._');

    h.slack.setUser({ id: 'U0NEW', name: 'lee', tz: 'America/New_York' });
    const ramp = await say(BOSS, 'ramp <@U0NEW|lee> 50% 2026-12-01 2026-12-31');
    expect(ramp.text).not.toMatch(/^:warning:/);
    const lee = visibleText(await say('U0NEW', 'stats'));
    expect(lee).toContain('You’re ramping up: today’s targets are 50% of normal.');
    const halfDay = expected('dial').day.target / 2;
    expect(lee).toContain(`*Today* (Fri 4 Dec)\n:telephone_receiver: 0 / ${whole(halfDay)} dials ▱▱▱▱▱▱▱▱▱▱ 0% · ${whole(halfDay / 2)} due by now · behind`);

    // The Log activity modal's confirmation shows the same progress as the slash reply.
    const values: Record<string, Record<string, unknown>> = {};
    for (const kind of KINDS) values[LOG_MODAL.kindBlock(kind)] = { [LOG_MODAL.countAction]: { type: 'number_input', value: kind === 'dial' ? '6' : null } };
    values[LOG_MODAL.dateBlock] = { [LOG_MODAL.dateAction]: { type: 'datepicker', selected_date: '2026-12-04' } };
    values[LOG_MODAL.noteBlock] = { [LOG_MODAL.noteAction]: { type: 'plain_text_input', value: null } };
    const res = await h.requester.viewSubmission({ userId: 'U0NEW', callbackId: CALLBACK.logActivity, privateMetadata: JSON.stringify({ channelId: 'C0001' }), values });
    expect(res.status).toBe(200);
    const confirmation = await h.slack.waitFor('chat.postEphemeral');
    expect(confirmation.args.text).toBe(':white_check_mark: Logged 6 dials for today.');
    // Half of 15.65 is 7.83 (shown 8); this week lee's ramp halves Tue–Fri, Mon 30 Nov is before it.
    const week = daily('dial', NOV_WORKDAYS) + (4 * daily('dial', DEC_WORKDAYS)) / 2;
    const modalText = visibleText(confirmation.args);
    expect(modalText).toContain(`*Today*\n:telephone_receiver: 6 / ${whole(halfDay)} dials ▰▰▰▰▰▰▰▱▱▱ 75%`);
    expect(modalText).toContain(`*This week*\n:telephone_receiver: 6 / ${whole(week)} dials ▰▱▱▱▱▱▱▱▱▱ 12%`);
    expect(modalText).toContain(`*Need today:* ${Math.ceil(week - 6)} dials,`);
  });

  it('App Home shows the rep’s day, week and month with need today', async () => {
    await h.requester.event({ type: 'app_home_opened', user: REP, channel: 'D0REP1', tab: 'home' });
    const publish = await h.slack.waitFor('views.publish');
    expect(publish.args.user_id).toBe(REP);
    const text = visibleText(publish.args.view as object);
    expect(text).toContain('dana’s prospecting');
    expectDanasNumbers(text);
  });

  it('`dialbot targets <user-id> --at` prints the same numbers as JSON (after the app has stopped)', async () => {
    await stop(); // the embedded database serves one process at a time
    const cwd = tempDir();
    const r = await runCli(['targets', REP, '--at', NOW], { cwd, env: { DATABASE_URL: url } });
    if (r.code !== 0) throw new Error(shown(r));
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as Record<string, any>;
    expect(json).toMatchObject({
      userId: REP,
      workspaceId: 'T0001',
      at: '2026-12-04T18:00:00.000Z',
      today: '2026-12-04',
      timezone: 'America/New_York',
      isWorkday: true,
      attendanceToday: 1,
      monthly: MONTHLY,
      overridden: [],
    });
    for (const period of ['day', 'week', 'month'] as const) {
      for (const k of Object.keys(MONTHLY) as K[]) {
        const { target, due } = expected(k)[period];
        const actual = ACTUAL[period][k];
        expect([period, k, json[period][k]]).toEqual([period, k, { target: twoDecimals(target), due: twoDecimals(due), actual, pace: twoDecimals(actual / due) }]);
      }
    }
    // Spelled out: 15.65 a day, 7.83 due at 13:00; 79.75 this week, 71.93 due; 54.78 of 360 due this month.
    expect(json.day.dial).toEqual({ target: 15.65, due: 7.83, actual: 32, pace: 4.09 });
    expect(json.week.dial).toEqual({ target: 79.75, due: 71.93, actual: 67, pace: 0.93 });
    expect(json.month.dial).toEqual({ target: 360, due: 54.78, actual: 47, pace: 0.86 });
    expect(json.needToday).toEqual({ dial: 13, conversation: 13, presentation: 7, opportunity: 5, close: 3 });

    const [unknown, badAt] = await Promise.all([
      runCli(['targets', 'U0NOBODY'], { cwd, env: { DATABASE_URL: url } }),
      runCli(['targets', REP, '--at', '2026-12-04 13:00'], { cwd, env: { DATABASE_URL: url } }),
    ]);
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toContain('unknown user "U0NOBODY"');
    expect([badAt.code, badAt.stdout]).toEqual([2, '']);
    expect(badAt.stderr).toContain('--at must be an ISO-8601 instant');
  }, 120_000);

  // Read-only: a database the app never migrated is reported, not migrated (the code path is the
  // same on PGlite, where a fresh directory costs an initdb).
  if (database === 'postgres') it('`dialbot targets` on an unmigrated database says to migrate, and changes nothing', async () => {
    const blank = await createPostgresSchema();
    try {
      const r = await runCli(['targets', REP], { cwd: tempDir(), env: { DATABASE_URL: blank.url } });
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toMatch(/^the database schema is not up to date \(\d+ migration\(s\) pending\): run "dialbot migrate" first\n$/);
    } finally {
      await blank.drop();
    }
  });
});
