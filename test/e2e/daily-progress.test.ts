// The daily progress post end to end: reps log with signed `/dial`, a manager sets the team's channel
// and timezone in the team settings modal, a goal plan is in force; then the job runs for a chosen
// instant (in process through runJob, and as `dialbot run-job` in a child process) and we check what
// the fake Slack received, what the database recorded, and that a slot never posts twice.
import type { KnownBlock } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { openDatabase } from '../../src/db/client.js';
import type { JobDeps } from '../../src/jobs/job.js';
import { runJob } from '../../src/jobs/run-job.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { BOT_TOKEN, eventually, SIGNING_SECRET, slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { saveTestGoalPlan } from '../helpers/goals.js';
import { killChildren, removeTempDirs, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { pngSize } from '../helpers/png.js';
import { configureTeam as configureTeamByModal } from '../helpers/team.js';

const BOSS = 'U0BOSS'; // workspace admin, names themself manager: not a rep
const DANA = 'U0DANA';
const LEE = 'U0LEE';
const SAM = 'U0SAM';
const CHANNEL = 'C0SALES';

// Fri 4 Dec 2026. Reps log at 13:00 New York; the post is due at 16:30 New York = 21:30 UTC,
// when 7.5 of the 8 working hours (09:00–17:00) have passed.
const LOG_AT = '2026-12-04T18:00:00Z';
const POST_AT = '2026-12-04T21:30:00Z';
const SHARE = 7.5 / 8;

// The seed's plan from 1 Nov: 360 dials and 120 conversations a month. November 2026 has 21
// weekdays, December 23. This week: Mon 30 Nov at November's rate, Tue 1 – Fri 4 Dec at December's.
const NOV = { dial: 360 / 21, conversation: 120 / 21 };
const DEC = { dial: 360 / 23, conversation: 120 / 23 };
type K = keyof typeof NOV;
const whole = (n: number) => Math.floor(n + 0.5);
const bar = (actual: number, target: number) => {
  const cells = Math.min(10, Math.floor((actual / target) * 10 + 1e-9));
  return `${'▰'.repeat(cells)}${'▱'.repeat(10 - cells)} ${Math.floor((actual / target) * 100 + 1e-9)}%`;
};
const LABEL = { dial: 'dials', conversation: 'conversations' } as const;
const EMOJI = { dial: ':telephone_receiver:', conversation: ':speech_balloon:' } as const;
const vs = (k: K, actual: number, target: number) => `${actual} / ${whole(target)} ${LABEL[k]} ${bar(actual, whole(target))}`;
const pace = (actual: number, due: number) => (actual / due < 0.9 ? 'behind' : actual / due > 1.1 ? 'ahead' : 'on pace');
/** A working rep's line: today and the week against target, then the week's pace. */
const line = (k: K, today: number, week: number, t: { day: number; week: number; due: number }) =>
  `${EMOJI[k]} Today ${vs(k, today, t.day)} · Week ${vs(k, week, t.week)} · ${whole(t.due)} due by now · ${pace(week, t.due)}`;
/** Targets for a rep working all week: today's, the week's, and what was due by 16:30 today. */
const fullWeek = (k: K) => ({ day: DEC[k], week: NOV[k] + 4 * DEC[k], due: NOV[k] + 3 * DEC[k] + SHARE * DEC[k] });
/** Sick today: nothing due today, the week's target loses today. */
const offToday = (k: K) => ({ day: 0, week: NOV[k] + 3 * DEC[k], due: NOV[k] + 3 * DEC[k] });

type Post = { channel: string; text: string; blocks: KnownBlock[] };

afterAll(() => killChildren());
afterAll(() => removeTempDirs());

describe.each(testDatabases())('daily progress post on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: LOG_AT });
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/Chicago', is_admin: true });
    h.slack.setUser({ id: DANA, name: 'dana', tz: 'America/New_York' });
    h.slack.setUser({ id: LEE, name: 'lee', tz: 'America/New_York' });
    h.slack.setUser({ id: SAM, name: 'sam', tz: 'America/New_York' });
  }, 120_000);
  afterAll(() => h.stop());

  const say = async (user: string, text: string) => (await slash(h, user, text)).reply();
  const posts = (): Post[] => h.slack.callsTo('chat.postMessage').map((c) => c.args as unknown as Post).filter((p) => p.channel === CHANNEL);
  const deps = (): JobDeps => ({ ...h.dialbot.jobs, postIntervalMs: 50 });

  /** The team's channel and New York timezone, set by a manager through `/dial team`. */
  async function configureTeam(): Promise<string> {
    const teamId = await configureTeamByModal(h, { manager: BOSS, channel: CHANNEL, timezone: 'America/New_York' });
    const team = await h.prisma.team.findUniqueOrThrow({ where: { id: teamId } });
    expect([team.channelId, team.timezone, team.dailyPostTime]).toEqual([CHANNEL, 'America/New_York', '16:30']);
    return teamId;
  }

  describe('a team of three', () => {
    let teamId: string;
    beforeAll(async () => {
      await h.reset(LOG_AT);
      await say(DANA, '20 dials 6 convos on 2026-11-30');
      await say(DANA, '40 dials 12 convos on 2026-12-02');
      await say(DANA, '32 dials 8 convos');
      await say(SAM, '10 dials on 2026-12-01');
      await say(SAM, 'sick');
      await say(LEE, '5 dials');
      await saveTestGoalPlan(h, { repUserId: DANA, effectiveFrom: '2026-11-01', createdBy: BOSS });
      teamId = await configureTeam();
      h.slack.reset();
    }, 120_000);

    it('is not due before 16:30 in the team’s zone: nothing is sent or claimed', async () => {
      const summary = await runJob(deps(), 'daily-progress', { at: new Date('2026-12-04T21:29:00Z') });
      expect(summary.slots).toEqual([{ teamId, slot: null, status: 'skipped', messages: 0, reason: 'not yet 16:30 (America/New_York)' }]);
      expect(posts()).toHaveLength(0);
      expect(await h.prisma.jobRun.count()).toBe(0);
    });

    it('posts each rep’s today and week against target to the team channel, once', async () => {
      const summary = await runJob(deps(), 'daily-progress', { at: new Date(POST_AT) });
      const slot = `daily-progress:${teamId}:2026-12-04`;
      expect(summary).toEqual({ job: 'daily-progress', at: '2026-12-04T21:30:00.000Z', slots: [{ teamId, slot, status: 'sent', messages: 1 }] });

      const [post, ...more] = posts();
      expect(more).toHaveLength(0);
      expect(post!.channel).toBe(CHANNEL);
      expect(post!.text).toBe('Daily progress · Sales · Fri 4 Dec');
      const text = visibleText(post!);

      // dana: 92 dials (20 + 40 + 32) and 26 conversations this week; 32 and 8 today.
      const dana = [`*dana*`, line('dial', 32, 92, fullWeek('dial')), line('conversation', 8, 26, fullWeek('conversation'))].join('\n');
      expect(line('dial', 32, 92, fullWeek('dial'))).toBe(':telephone_receiver: Today 32 / 16 dials ▰▰▰▰▰▰▰▰▰▰ 200% · Week 92 / 80 dials ▰▰▰▰▰▰▰▰▰▰ 115% · 79 due by now · ahead');
      expect(text).toContain(dana);
      // lee: 5 dials today, nothing else.
      expect(text).toContain([`*lee*`, line('dial', 5, 5, fullWeek('dial')), line('conversation', 0, 0, fullWeek('conversation'))].join('\n'));
      // sam is off sick today: shown as off, the week without a verdict.
      const samWeek = offToday('dial');
      expect(text).toContain(
        [`*sam* · :palm_tree: off today (sick)`, `:telephone_receiver: Week ${vs('dial', 10, samWeek.week)}`, `:speech_balloon: Week ${vs('conversation', 0, offToday('conversation').week)}`].join('\n'),
      );
      expect(text).not.toMatch(/\*sam\*[^*]*behind/);
      // The manager is not measured.
      expect(text).not.toContain('morgan');
      // The team: sums of the three.
      const team = (k: K, today: number, week: number) => {
        const [f, o] = [fullWeek(k), offToday(k)];
        return line(k, today, week, { day: 2 * f.day + o.day, week: 2 * f.week + o.week, due: 2 * f.due + o.due });
      };
      expect(text).toContain(['*Team total* (3 reps, 1 off today)', team('dial', 37, 107), team('conversation', 8, 26)].join('\n'));
      expect(text).toContain(':rocket: *At or above pace:* dana');
      expect(post!.blocks.length).toBeLessThanOrEqual(50);
      // The team side by side as a chart under the totals: uploaded, then shown by file id.
      const chart = post!.blocks.find((b) => b.type === 'image') as { block_id: string; slack_file: { id: string }; alt_text: string; title: { text: string } };
      expect(chart.block_id).toBe('team_chart');
      expect(chart.title.text).toBe('Sales — week to date');
      // Each rep's week as a share of what was due by now (sam, off today, owed nothing today).
      const pct = (actual: number, due: number) => Math.round((actual / due) * 100);
      expect(pct(92, fullWeek('dial').due)).toBe(117);
      expect(chart.alt_text).toBe(
        `Sales — week to date: dana 117% of dials, ${pct(26, fullWeek('conversation').due)}% of conversations; ` +
          `lee ${pct(5, fullWeek('dial').due)}% of dials, 0% of conversations; sam ${pct(10, offToday('dial').due)}% of dials, 0% of conversations.`,
      );
      expect(h.slack.completedFiles.get(chart.slack_file.id)).toEqual({ title: 'Sales — week to date' });
      expect(pngSize(h.slack.uploads.get(chart.slack_file.id)!).width).toBe(1440);

      // The database: one finished run, one delivery marked with Slack's ts.
      const runs = await h.prisma.jobRun.findMany({ include: { deliveries: true } });
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ slot, job: 'daily-progress', teamId, claimedBy: h.dialbot.jobs.claimedBy });
      expect(runs[0]!.finishedAt).not.toBeNull();
      const ts = (await h.slack.waitFor('chat.postMessage')).args;
      expect(runs[0]!.deliveries.map((d) => [d.recipient, d.sentAt !== null, d.error])).toEqual([[`channel:${CHANNEL}:part:1`, true, null]]);
      expect(runs[0]!.deliveries[0]!.messageTs).toMatch(/^\d+\.\d+$/);
      expect(ts.channel).toBe(CHANNEL);

      // Again for the same slot (later that evening, or another process): done, nothing sent.
      const again = await runJob(deps(), 'daily-progress', { at: new Date('2026-12-04T23:00:00Z') });
      expect(again.slots).toEqual([{ teamId, slot, status: 'done', messages: 0 }]);
      expect(posts()).toHaveLength(1);
      expect(await h.prisma.delivery.count()).toBe(1);
    });

    it('the scheduler’s tick posts a due slot that is not done (catching up later the same day), and never twice', async () => {
      const before = posts().length;
      const scheduler = startScheduler(deps());
      try {
        // Thursday's slot, caught up at 23:59 New York; Friday's is done already.
        await scheduler.tick(new Date('2026-12-04T04:59:00Z'));
        await scheduler.tick(new Date('2026-12-04T04:59:30Z'));
        await scheduler.tick(new Date(POST_AT));
      } finally {
        await scheduler.stop();
      }
      const sent = posts().slice(before);
      expect(sent.map((p) => p.text)).toEqual(['Daily progress · Sales · Thu 3 Dec']);
      expect(await h.prisma.jobRun.findMany({ where: { job: 'daily-progress' }, select: { slot: true }, orderBy: { slot: 'asc' } })).toEqual([
        { slot: `daily-progress:${teamId}:2026-12-03` },
        { slot: `daily-progress:${teamId}:2026-12-04` },
      ]);
    });
  });

  describe('a team of 120', () => {
    let teamId: string;
    const reps = Array.from({ length: 120 }, (_, i) => `U1${String(i).padStart(3, '0')}`);
    beforeAll(async () => {
      await h.reset(LOG_AT);
      for (const id of reps) h.slack.setUser({ id, name: `rep${id.slice(1)}`, tz: 'America/New_York' });
      for (let i = 0; i < reps.length; i += 12) {
        await Promise.all(reps.slice(i, i + 12).map((id, j) => say(id, `${i + j + 1} dials`)));
      }
      await saveTestGoalPlan(h, { repUserId: reps[0]!, effectiveFrom: '2026-11-01', createdBy: BOSS });
      teamId = await configureTeam();
      h.slack.reset();
    }, 180_000);

    it('splits into 3 messages of at most 50 blocks, posted in order, every rep once', async () => {
      const summary = await runJob(deps(), 'daily-progress', { at: new Date(POST_AT) });
      expect(summary.slots).toEqual([{ teamId, slot: `daily-progress:${teamId}:2026-12-04`, status: 'sent', messages: 3 }]);
      const sent = posts();
      expect(sent.map((p) => p.text)).toEqual([1, 2, 3].map((n) => `Daily progress · Sales · Fri 4 Dec (${n}/3)`));
      for (const p of sent) expect(p.blocks.length).toBeLessThanOrEqual(50);
      const shown = sent.flatMap((p) => [...visibleText(p).matchAll(/^\*(rep\d+)\*$/gm)].map((m) => m[1]));
      expect(shown).toEqual(reps.map((id) => `rep${id.slice(1)}`));
      // rep1000 logged 1 dial, rep1119 logged 120.
      expect(visibleText(sent[2]!)).toContain(`*rep1119*\n:telephone_receiver: Today 120 / 16 dials`);
      const deliveries = await h.prisma.delivery.findMany({ orderBy: { recipient: 'asc' } });
      expect(deliveries.map((d) => d.recipient)).toEqual([1, 2, 3].map((n) => `channel:${CHANNEL}:part:${n}`));
      expect(deliveries.every((d) => d.sentAt !== null && d.messageTs !== null)).toBe(true);
    });

    it('a send failing after the first part stops the run; a re-run sends the rest, none twice', async () => {
      h.slack.reset();
      const at = new Date('2026-12-03T21:30:00Z'); // Thursday's slot
      // Slack refuses the next message once part 1 is recorded as sent (the pause between parts leaves time).
      const first = runJob({ ...deps(), postIntervalMs: 1500 }, 'daily-progress', { at });
      first.catch(() => undefined);
      await eventually(async () => expect(await h.prisma.delivery.count({ where: { sentAt: { not: null }, jobRun: { slot: { endsWith: '2026-12-03' } } } })).toBe(1));
      h.slack.failNext('chat.postMessage', { error: 'internal_error' });
      await expect(first).rejects.toThrow(/internal_error/);

      const slot = `daily-progress:${teamId}:2026-12-03`;
      const run = await h.prisma.jobRun.findUniqueOrThrow({ where: { slot }, include: { deliveries: { orderBy: { recipient: 'asc' } } } });
      expect(run.finishedAt).toBeNull();
      expect(run.deliveries.map((d) => [d.recipient, d.sentAt !== null, d.error])).toEqual([
        [`channel:${CHANNEL}:part:1`, true, null],
        [`channel:${CHANNEL}:part:2`, false, 'internal_error'],
      ]);

      const resumed = await runJob(deps(), 'daily-progress', { at });
      expect(resumed.slots).toEqual([{ teamId, slot, status: 'sent', messages: 2 }]);
      // Four requests reached Slack: part 1, part 2 (refused), part 2, part 3 — three messages, each once.
      expect(posts().map((p) => p.text)).toEqual(['(1/3)', '(2/3)', '(2/3)', '(3/3)'].map((n) => `Daily progress · Sales · Thu 3 Dec ${n}`));
      const after = await h.prisma.jobRun.findUniqueOrThrow({ where: { slot }, include: { deliveries: true } });
      expect(after.finishedAt).not.toBeNull();
      expect(after.deliveries.map((d) => [d.recipient, d.sentAt !== null, d.error]).sort()).toEqual(
        [1, 2, 3].map((n) => [`channel:${CHANNEL}:part:${n}`, true, null]),
      );
      expect(new Set(after.deliveries.map((d) => d.messageTs)).size).toBe(3);
      expect((await runJob(deps(), 'daily-progress', { at })).slots[0]!.status).toBe('done');
      expect(posts()).toHaveLength(4);
    });
  });

  if (database === 'postgres') {
    describe('several processes on one PostgreSQL schema', () => {
      let teamId: string;
      beforeAll(async () => {
        await h.reset(LOG_AT);
        await say(DANA, '32 dials 8 convos');
        await saveTestGoalPlan(h, { repUserId: DANA, effectiveFrom: '2026-11-01', createdBy: BOSS });
        teamId = await configureTeam();
        h.slack.reset();
      }, 120_000);

      it('two concurrent runs of the same slot, each with its own database client, post once', async () => {
        const other = await openDatabase(h.databaseUrl);
        try {
          const second: JobDeps = {
            ...deps(),
            prisma: other.prisma,
            client: new WebClient(BOT_TOKEN, { slackApiUrl: h.slack.apiUrl }),
            claimedBy: 'replica-2:1',
          };
          const results = await Promise.all([runJob(deps(), 'daily-progress', { at: new Date(POST_AT) }), runJob(second, 'daily-progress', { at: new Date(POST_AT) })]);
          const statuses = results.map((r) => r.slots[0]!.status).sort();
          expect(statuses[1]).toBe('sent');
          expect(['busy', 'done']).toContain(statuses[0]);
          expect(posts()).toHaveLength(1);
          expect(await h.prisma.jobRun.count()).toBe(1);
          expect(await h.prisma.delivery.count()).toBe(1);
        } finally {
          await other.close();
        }
      });

      it('`dialbot run-job` posts from a child process and prints a JSON summary; a second run is done and sends nothing', async () => {
        const cwd = tempDir();
        const env = { DATABASE_URL: h.databaseUrl, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: h.slack.apiUrl, LOG_LEVEL: 'error' };
        const shown = (r: CliResult) => `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
        const at = '2026-12-03T22:00:00Z'; // Thursday's slot: not run yet
        const slot = `daily-progress:${teamId}:2026-12-03`;

        const first = await runCli(['run-job', 'daily-progress', '--at', at], { cwd, env });
        if (first.code !== 0) throw new Error(shown(first));
        expect(JSON.parse(first.stdout)).toEqual({ job: 'daily-progress', at: '2026-12-03T22:00:00.000Z', slots: [{ teamId, slot, status: 'sent', messages: 1 }] });
        const sent = posts().filter((p) => p.text.includes('Thu 3 Dec'));
        expect(sent).toHaveLength(1);
        expect(sent[0]!.channel).toBe(CHANNEL);
        expect(visibleText(sent[0]!)).toContain('*dana*');
        const run = await h.prisma.jobRun.findUniqueOrThrow({ where: { slot }, include: { deliveries: true } });
        expect(run.finishedAt).not.toBeNull();
        expect(run.claimedBy).toMatch(/:\d+$/);
        expect(run.claimedBy).not.toBe(h.dialbot.jobs.claimedBy);
        expect(run.deliveries).toHaveLength(1);

        const second = await runCli(['run-job', 'daily-progress', '--team', teamId, '--at', at], { cwd, env });
        if (second.code !== 0) throw new Error(shown(second));
        expect(JSON.parse(second.stdout)).toEqual({ job: 'daily-progress', at: '2026-12-03T22:00:00.000Z', slots: [{ teamId, slot, status: 'done', messages: 0 }] });
        expect(second.stderr).toContain(`${slot}: already done`);
        expect(posts().filter((p) => p.text.includes('Thu 3 Dec'))).toHaveLength(1);

        const unknown = await runCli(['run-job', 'weekly-nope'], { cwd, env });
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('unknown job "weekly-nope"; jobs: daily-progress');
        expect(unknown.stdout).toBe('');
      });
    });
  }
});
