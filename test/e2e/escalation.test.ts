// The ladder end to end: reps log week by week with `/dial` (the clock moved to each week), the
// weekly evaluation runs at each rep's own week end, and we check every DM — who got it, the
// level, the numbers — the manager alerts at levels 2 and 3, the reset after a hit, what the
// database holds, and that a slot never sends twice.
import type { JobDeps } from '../../src/jobs/job.js';
import { runJob } from '../../src/jobs/run-job.js';
import { givenTeamGoal } from '../helpers/goals.js';
import { slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { startSalesTeam } from '../helpers/team.js';
import { CALLBACK, LADDER_MODAL } from '../../src/blocks/ids.js';

const BOSS = 'U0BOSS';
const DANA = 'U0DANA'; // New York
const LEE = 'U0LEE'; // London
const SAM = 'U0SAM'; // Los Angeles

/** Friday 18:00 in New York (23:00Z), London's having passed at 18:00Z and LA's still ahead (02:00Z). */
const fridayEvening = (friday: string) => `${friday}T23:00:00Z`;

describe.each(testDatabases())('escalation ladder on %s', (database) => {
  let h: Harness;
  let teamId: string;

  beforeAll(async () => {
    ({ h, teamId } = await startSalesTeam(database, BOSS, [
      { id: DANA, name: 'dana', tz: 'America/New_York' },
      { id: LEE, name: 'lee', tz: 'Europe/London' },
      { id: SAM, name: 'sam', tz: 'America/Los_Angeles' },
    ]));
    // Everyone starts using dialbot on Sunday 29 Nov (a week that started before someone joined is not judged).
    for (const rep of [DANA, LEE, SAM]) await (await slash(h, rep, 'stats')).reply();
  }, 120_000);
  afterAll(() => h.stop());

  const deps = (): JobDeps => ({ ...h.dialbot.jobs });
  const log = async (at: string, user: string, text: string) => {
    h.clock.set(at);
    await (await slash(h, user, text)).reply();
  };
  const evaluate = async (at: string) => {
    h.clock.set(at);
    h.slack.reset();
    return runJob(deps(), 'weekly-evaluation', { teamId, at: new Date(at) });
  };
  const dmsTo = (user: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user).map((c) => visibleText(c.args as object));

  // The seed's plan: 360 dials and 120 conversations a month. Week of 30 Nov: Monday at
  // November's rate (÷ 21 workdays), Tue–Fri at December's (÷ 23): 79.75 → 80 dials, 26.6 → 27
  // conversations; a December week: 78 dials, 26 conversations, about 16 and 6 a workday.
  it('week 1: a miss warns kindly, a hit is celebrated, and each rep is judged at their own week end', async () => {
    await log('2026-12-02T15:00:00Z', DANA, '40 dials 10 convos');
    await log('2026-12-02T15:00:00Z', LEE, '100 dials 35 convos');

    const summary = await evaluate(fridayEvening('2026-12-04'));
    const sent = summary.slots.filter((s) => s.status === 'sent').map((s) => s.slot);
    expect(sent).toContain(`weekly-evaluation:${teamId}:2026-11-30:America/New_York`);
    expect(sent).toContain(`weekly-evaluation:${teamId}:2026-11-30:Europe/London`);
    // LA's Friday 18:00 is still ahead: its slot is last week's, before Sam joined — nothing to say.
    expect(summary.slots).toContainEqual(expect.objectContaining({ slot: `weekly-evaluation:${teamId}:2026-11-23:America/Los_Angeles`, messages: 0 }));

    const [dana] = dmsTo(DANA);
    expect(dana).toMatch(/^:wave: Heads up: the week of Mon 30 Nov came in under your prospecting target — 40 of 80 dials \(50%\) · 10 of 27 conversations \(37%\) \(40 dials short and 17 conversations short\)\./);
    expect(dana).toMatch(/Next week’s target is 78 dials and 26 conversations — about \*16 dials and 6 conversations a workday\*/);
    expect(dana).toContain('first, friendly warning');
    expect(dmsTo(LEE)).toEqual([expect.stringMatching(/^:tada: You hit your prospecting target for the week of Mon 30 Nov: 100 of 80 dials/)]);
    expect(dmsTo(SAM)).toEqual([]);
    expect(dmsTo(BOSS)).toEqual([]); // level 1 stays between the rep and dialbot

    // Sam's week ends at 18:00 in Los Angeles (02:00Z Saturday): a miss (nothing logged).
    await evaluate('2026-12-05T02:30:00Z');
    expect(dmsTo(SAM)).toEqual([expect.stringMatching(/^:wave: Heads up: the week of Mon 30 Nov came in under/)]);

    // The same slots again: nothing new.
    const again = await evaluate(fridayEvening('2026-12-04'));
    expect(again.slots.map((s) => [s.slot, s.status])).toEqual([
      [`weekly-evaluation:${teamId}:2026-11-23:America/Los_Angeles`, 'done'],
      [`weekly-evaluation:${teamId}:2026-11-30:America/New_York`, 'done'],
      [`weekly-evaluation:${teamId}:2026-11-30:Europe/London`, 'done'],
    ]);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('week 2: a second miss is a stern warning and the manager is alerted', async () => {
    await log('2026-12-09T15:00:00Z', DANA, '50 dials 12 convos');
    await log('2026-12-09T15:00:00Z', LEE, '20 dials 5 convos');
    await evaluate(fridayEvening('2026-12-11'));
    const [dana] = dmsTo(DANA);
    expect(dana).toMatch(/^:warning: Second week in a row under your prospecting target: the week of Mon 7 Dec — 50 of 78 dials/);
    expect(dana).toContain('If next week is under target too, a consequence applies: *Your lead allocation is reduced by 20% until you are back on target.*');
    expect(dana).toContain('Your manager has been told');
    expect(dmsTo(LEE)[0]).toMatch(/^:wave: Heads up/); // Lee's first miss
    const alerts = dmsTo(BOSS);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(new RegExp(`^:warning: <@${DANA}> has missed their prospecting target two weeks in a row \\(last week: 50 of 78 dials`));
    expect(alerts[0]).toContain('Now is the time to coach.');

    // The manager's App Home shows each rep's level beside their numbers.
    h.slack.reset();
    await h.requester.event({ type: 'app_home_opened', user: BOSS, channel: `D${BOSS}`, tab: 'home' });
    const home = visibleText((await h.slack.waitFor('views.publish', (c) => c.args.user_id === BOSS)).args.view as object);
    expect(home).toMatch(new RegExp(`<@${DANA}> · [^\n]* · :warning: level 2`));
    expect(home).toMatch(new RegExp(`<@${LEE}> · [^\n]* · :wave: warned \\(level 1\\)`));
    // Sam's second week ends later, in Los Angeles: still at level 1 here.
    expect(home).toMatch(new RegExp(`<@${SAM}> · [^\n]* · :wave: warned \\(level 1\\)`));
  });

  const press = async (user: string, block: Record<string, any>, label: string) => {
    const button = block.elements.find((e: any) => e.text.text === label);
    const responseUrl = h.slack.responseUrl();
    h.slack.reset();
    await h.requester.interaction({
      type: 'block_actions',
      user: { id: user, team_id: 'T0001' },
      trigger_id: `tr.${label}.${user}`,
      response_url: responseUrl,
      container: { type: 'message' },
      actions: [{ type: 'button', action_id: button.action_id, value: button.value, block_id: 'b', action_ts: '1' }],
    });
    return { responseUrl, button };
  };
  const submitNote = async (user: string, metadata: string, note: string) =>
    h.requester.viewSubmission({
      userId: user,
      callbackId: CALLBACK.ladderAction,
      privateMetadata: metadata,
      values: { [LADDER_MODAL.noteBlock]: { [LADDER_MODAL.action]: { type: 'plain_text_input', value: note } } },
    });
  const why = async (user: string, text = 'why') => visibleText(await (await slash(h, user, text)).reply());

  it('week 3: the consequence, with the 3-week record, the policy and buttons for the manager', async () => {
    await log('2026-12-16T15:00:00Z', DANA, '30 dials 8 convos');
    await evaluate(fridayEvening('2026-12-18'));
    expect(dmsTo(DANA)[0]).toMatch(/^:rotating_light: Third week in a row under your prospecting target/);
    expect(dmsTo(DANA)[0]).toContain('The consequence now applies: *Your lead allocation is reduced by 20% until you are back on target.*');
    const alertCall = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === BOSS && String(c.args.text).includes(`<@${DANA}>`))!;
    const alert = visibleText(alertCall.args as object);
    expect(alert).toContain('three weeks running');
    expect(alert).toContain('*The record*\n• Mon 30 Nov: missed\n• Mon 7 Dec: missed\n• Mon 14 Dec: missed');
    expect(alert).toContain('*Team policy:* Your lead allocation is reduced by 20% until you are back on target.');
    const buttons = (alertCall.args.blocks as Array<Record<string, any>>).find((b) => b.type === 'actions')!;
    expect(buttons.elements.map((e: any) => e.text.text)).toEqual(['Consequence applied', 'Coached instead', 'Excused the week']);

    // The rep cannot answer for themself: told so, nothing opens.
    const { responseUrl } = await press(DANA, buttons, 'Coached instead');
    const refusal = await h.slack.waitFor('response_url', (c) => c.args._path === new URL(responseUrl).pathname);
    expect(visibleText(refusal.args as object)).toContain('Only this rep’s managers can record');
    expect(h.slack.callsTo('views.open')).toHaveLength(0);

    // The manager records coaching, with a note; the week and the audit trail hold it.
    await press(BOSS, buttons, 'Coached instead');
    const modal = (await h.slack.waitFor('views.open')).args.view as { private_metadata: string; title: { text: string } };
    expect(modal.title.text).toBe('Coached instead');
    expect((await submitNote(BOSS, modal.private_metadata, 'Two ride-alongs this week')).status).toBe(200);
    const confirmation = await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === BOSS);
    expect(confirmation.args.text).toBe(`Recorded for <@${DANA}>’s week of Mon 14 Dec: *Coached instead* — “Two ride-alongs this week”.`);
    const week3 = await h.prisma.weekEvaluation.findFirstOrThrow({ where: { week: '2026-12-14', member: { slackUserId: DANA } } });
    expect([week3.actionOutcome, week3.actionNote, week3.actionBy, week3.excusedAt]).toEqual(['coached', 'Two ride-alongs this week', BOSS, null]);
    expect(await h.prisma.auditEvent.count({ where: { action: 'escalation.coached', subjectId: week3.id } })).toBe(1);
  });

  it('/dial why shows the level and the weeks behind it; a manager excuses a week and the level drops', async () => {
    const mine = await why(DANA);
    expect(mine).toContain('*You are at level 3 · consequence applies.*');
    expect(mine).toContain('Missed in a row: Mon 30 Nov, Mon 7 Dec, Mon 14 Dec. One week on target clears it.');
    expect(mine).toContain(`*Mon 14 Dec* · :small_red_triangle_down: missed · 30/78 dials · 8/26 conversations → level 3 · Coached instead (<@${BOSS}>: “Two ride-alongs this week”)`);
    expect(await why(DANA, `why <@${LEE}>`)).toContain('Only a rep’s managers can see their ladder.');

    const reply = await (await slash(h, BOSS, `why <@${DANA}>`)).reply();
    expect(visibleText(reply)).toContain(`*<@${DANA}> is at level 3 · consequence applies.*`);
    const excuses = (reply.blocks as Array<Record<string, any>>).filter((b) => b.type === 'actions');
    expect(excuses).toHaveLength(3); // one per missed week shown
    // Excuse the week of 7 Dec (second newest missed week shown).
    await press(BOSS, excuses[1]!, 'Excused the week');
    const modal = (await h.slack.waitFor('views.open')).args.view as { private_metadata: string };
    const noReason = await submitNote(BOSS, modal.private_metadata, '   ');
    expect(noReason.json).toEqual({ response_action: 'errors', errors: { [LADDER_MODAL.noteBlock]: 'Say why the week is excused: the rep and their record will show it.' } });
    expect((await submitNote(BOSS, modal.private_metadata, 'Out two days for a family emergency')).status).toBe(200);
    const told = await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === DANA);
    expect(told.args.text).toBe(`<@${BOSS}> excused your week of Mon 7 Dec: “Out two days for a family emergency”. It no longer counts against you. You’re now at level 2.`);
    expect(await why(DANA)).toContain('*You are at level 2 · stern warning.*');

    // Bad notes and forms are field errors that record nothing.
    const before = await h.prisma.auditEvent.count();
    const long = await submitNote(BOSS, modal.private_metadata, 'x'.repeat(501));
    expect(long.json).toEqual({ response_action: 'errors', errors: { [LADDER_MODAL.noteBlock]: 'Keep the note to 500 characters (it has 501).' } });
    const control = await submitNote(BOSS, modal.private_metadata, 'ok\u0007bell');
    expect(control.json).toEqual({ response_action: 'errors', errors: { [LADDER_MODAL.noteBlock]: 'The note has invisible control characters; retype it.' } });
    const stale = await submitNote(BOSS, '{"evaluationId":1}', 'why not');
    expect(stale.json).toEqual({ response_action: 'errors', errors: { [LADDER_MODAL.noteBlock]: 'This form is out of date. Close it and press the button again. Nothing was recorded.' } });
    const gone = await submitNote(BOSS, JSON.stringify({ evaluationId: 'no-such-week', outcome: 'coached' }), 'hm');
    expect(gone.json).toEqual({ response_action: 'errors', errors: { [LADDER_MODAL.noteBlock]: 'That week is no longer on record. Nothing was recorded.' } });
    const forged = await submitNote(DANA, modal.private_metadata, 'I excuse myself');
    expect(forged.json).toEqual({ response_action: 'errors', errors: { [LADDER_MODAL.noteBlock]: 'Only this rep’s managers can record this. Nothing was recorded.' } });
    expect(await h.prisma.auditEvent.count()).toBe(before);
    expect(await why(BOSS, 'why <@U0NOBODY>')).toContain('<@U0NOBODY> hasn’t used dialbot yet, so there is no ladder to show.');
  });

  it('week 4: a hit resets the ladder and clears the warnings; the record is kept', async () => {
    await log('2026-12-23T15:00:00Z', DANA, '100 dials 40 convos');
    await evaluate(fridayEvening('2026-12-25'));
    expect(dmsTo(DANA)[0]).toMatch(/^:tada: You hit your prospecting target for the week of Mon 21 Dec: .* That clears your warnings: you’re back to a clean slate\./);
    expect(dmsTo(BOSS).filter((t) => t.includes(`<@${DANA}>`))).toEqual([]);

    const dana = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: DANA } });
    const record = await h.prisma.weekEvaluation.findMany({ where: { memberId: dana.id }, orderBy: { week: 'asc' } });
    expect(record.map((e) => [e.week, e.verdict, e.levelBefore, e.level, e.excusedAt !== null])).toEqual([
      ['2026-11-30', 'miss', 0, 1, false],
      ['2026-12-07', 'miss', 1, 2, true],
      ['2026-12-14', 'miss', 2, 3, false],
      ['2026-12-21', 'hit', 2, 0, false], // judged after the excuse: from level 2
    ]);
    expect(await h.prisma.auditEvent.count({ where: { action: 'escalation.week_judged', subjectId: dana.id } })).toBe(4);
    expect(await why(DANA)).toContain('*You are on track.*');
  });
});

describe.each(testDatabases())('escalation switches, admin fallback and a failed run on %s', (database) => {
  let h: Harness;
  let teamId: string;
  const ADMIN = 'U0ADMIN';

  beforeAll(async () => {
    h = await startHarness({ database, now: '2026-11-29T14:00:00Z' });
    h.slack.setUser({ id: ADMIN, name: 'ari', tz: 'America/New_York', is_admin: true });
    h.slack.setUser({ id: DANA, name: 'dana', tz: 'America/New_York' });
    ({ teamId } = await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' }));
    // The default team names no manager: workspace admins hear about it instead.
    for (const user of [ADMIN, DANA]) await (await slash(h, user, 'stats')).reply();
  }, 120_000);
  afterAll(() => h.stop());

  const evaluate = async (at: string) => {
    h.clock.set(at);
    return runJob({ ...h.dialbot.jobs }, 'weekly-evaluation', { teamId, at: new Date(at) });
  };
  const dmsTo = (user: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user).map((c) => visibleText(c.args as object));

  it('alerts the admins when the team names no manager; a failed send resumes without judging or sending twice', async () => {
    h.slack.reset();
    await evaluate(fridayEvening('2026-12-04')); // nothing logged: level 1
    expect(dmsTo(DANA)).toEqual([expect.stringMatching(/^:wave: Heads up/)]);

    // Week 2: Slack fails the first message of the run; the run stops and is retried.
    h.slack.reset();
    h.slack.failNext('chat.postMessage', { error: 'fatal_error' });
    await expect(evaluate(fridayEvening('2026-12-11'))).rejects.toThrow(/fatal_error/);
    const failed = await h.prisma.delivery.findFirstOrThrow({ where: { recipient: `dm:${DANA}`, jobRun: { slot: { contains: '2026-12-07' } } } });
    expect([failed.sentAt, failed.error]).toEqual([null, 'fatal_error']);
    h.slack.reset();
    const retried = await evaluate('2026-12-11T23:05:00Z');
    expect(retried.slots.find((s) => s.slot?.includes('America/New_York'))).toMatchObject({ status: 'sent', messages: 2 });
    expect(dmsTo(DANA).filter((t) => t.startsWith(':warning: Second week'))).toHaveLength(1);
    expect(dmsTo(ADMIN)).toEqual([expect.stringMatching(new RegExp(`^:warning: <@${DANA}> has missed their prospecting target two weeks in a row`))]);
    const weeks = await h.prisma.weekEvaluation.findMany({ where: { member: { slackUserId: DANA } }, orderBy: { week: 'asc' } });
    expect(weeks.map((w) => [w.week, w.level])).toEqual([
      ['2026-11-30', 1],
      ['2026-12-07', 2],
    ]);
  });

  it('sends no manager alert and no congratulations when the team switched them off', async () => {
    await h.prisma.team.update({ where: { id: teamId }, data: { managerAlertsEnabled: false, celebrateHits: false } });
    h.slack.reset();
    await evaluate(fridayEvening('2026-12-18')); // third miss
    expect(dmsTo(DANA)).toEqual([expect.stringMatching(/^:rotating_light: Third week in a row/)]);
    expect(dmsTo(ADMIN)).toEqual([]);

    h.clock.set('2026-12-23T15:00:00Z');
    await (await slash(h, DANA, '100 dials 40 convos')).reply();
    h.slack.reset();
    await evaluate(fridayEvening('2026-12-25'));
    expect(dmsTo(DANA)).toEqual([]);
    const last = await h.prisma.weekEvaluation.findFirstOrThrow({ where: { week: '2026-12-21', member: { slackUserId: DANA } } });
    expect([last.verdict, last.level]).toEqual(['hit', 0]); // still judged and recorded
  });
});
