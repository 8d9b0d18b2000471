// Trustworthy numbers end to end: entries logged with `/dial`, by the phone system and by CSV import
// are flagged (late, burst, large) as the team's settings say; the manager sees them with the
// entries behind them in App Home and `/dial stats @rep`, and accepts or voids each with a reason
// (audited, once); the rep sees their own read only and may not settle them.
import { ACTION, CALLBACK, FLAG_MODAL, TEAM_MODAL } from '../../src/blocks/ids.js';
import { logActivity } from '../../src/services/activities/log-activity.js';
import { importActivities } from '../../src/services/activities/import-activities.js';
import { eventually, slash, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { configureTeam, startSalesTeam } from '../helpers/team.js';

const BOSS = 'U0BOSS'; // an admin in New York, the team's manager
const DANA = 'U0DANA'; // New York
const LEE = 'U0LEE'; // New York

type Block = Record<string, any>;

describe.each(testDatabases())('review flags on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    ({ h } = await startSalesTeam(database, BOSS, [
      { id: DANA, name: 'dana', tz: 'America/New_York' },
      { id: LEE, name: 'lee', tz: 'America/New_York' },
    ]));
  }, 120_000);
  afterAll(() => h.stop());

  beforeEach(async () => {
    // A clean log each test, the team and its goal (360 dials a month: 15.65 a December workday) kept.
    await h.prisma.activityFlag.deleteMany();
    await h.prisma.activity.deleteMany();
    h.slack.reset();
  });

  const dial = async (at: string, user: string, text: string) => {
    h.clock.set(at);
    return visibleText(await (await slash(h, user, text)).reply());
  };
  const openFlags = () => h.prisma.activityFlag.findMany({ where: { resolution: null }, orderBy: { createdAt: 'asc' } });
  const bossHome = async () => {
    h.slack.reset();
    await h.requester.event({ type: 'app_home_opened', user: BOSS, channel: `D${BOSS}`, tab: 'home' });
    return (await h.slack.waitFor('views.publish', (c) => c.args.user_id === BOSS)).args.view as { blocks: Block[] };
  };
  const buttonsIn = (blocks: Block[]) => blocks.filter((b) => b.type === 'actions' && b.elements.some((e: Block) => e.action_id.startsWith(ACTION.resolveFlag)));
  const press = async (user: string, button: Block) => {
    h.slack.reset();
    await h.requester.interaction({
      type: 'block_actions',
      user: { id: user, team_id: 'T0001' },
      trigger_id: `tr.${user}.${button.value}`,
      container: { type: 'view', view_id: 'VHOME' },
      actions: [{ type: 'button', action_id: button.action_id, value: button.value, block_id: 'b', action_ts: '1' }],
    });
  };
  const submitReason = (user: string, metadata: string, reason: string, viewId?: string) =>
    h.requester.viewSubmission({
      userId: user,
      callbackId: CALLBACK.resolveFlag,
      privateMetadata: metadata,
      ...(viewId ? { viewId } : {}),
      values: { [FLAG_MODAL.reasonBlock]: { [FLAG_MODAL.action]: { type: 'plain_text_input', value: reason } } },
    });
  /** Presses Accept or Void on the only flag in the manager's Home and returns the modal opened. */
  const openModal = async (label: 'Accept' | 'Void') => {
    const [actions] = buttonsIn((await bossHome()).blocks);
    await press(BOSS, actions!.elements.find((e: Block) => e.text.text === label));
    return (await h.slack.waitFor('views.open')).args.view as { private_metadata: string; title: { text: string }; blocks: Block[] };
  };
  const saveSettings = (flags: { on: boolean; late: string; burst: string; large: string }) => {
    h.slack.reset(); // configureTeam waits for the summary DM of this save
    return configureTeam(h, {
      manager: BOSS,
      channel: 'C0SALES',
      timezone: 'America/New_York',
      values: {
        [TEAM_MODAL.flagsBlock]: { [TEAM_MODAL.action]: { type: 'checkboxes', selected_options: flags.on ? [{ value: 'on' }] : [] } },
        [TEAM_MODAL.lateAfterBlock]: { [TEAM_MODAL.action]: { type: 'number_input', value: flags.late } },
        [TEAM_MODAL.burstBlock]: { [TEAM_MODAL.action]: { type: 'number_input', value: flags.burst } },
        [TEAM_MODAL.largeBlock]: { [TEAM_MODAL.action]: { type: 'number_input', value: flags.large } },
      },
    });
  };

  it('a normal day summary is not flagged; a late backfill is, and the manager sees it with the entry behind it', async () => {
    await dial('2026-12-03T22:00:00Z', DANA, '40 dials 12 convos'); // Thu 17:00 New York: the day's summary
    await dial('2026-12-03T22:01:00Z', DANA, '20 yesterday'); // one day late: within the window of 2
    expect(await openFlags()).toEqual([]);

    await dial('2026-12-03T22:02:00Z', DANA, '10 on 2026-11-28'); // five days late
    const [late] = await openFlags();
    expect(late).toMatchObject({ reason: 'late', detail: { days: 5, limit: 2 } });

    const home = await bossHome();
    const text = visibleText(home);
    expect(text).toContain('Needs review (1)');
    expect(text).toContain(`*<@${DANA}>* · :triangular_flag_on_post: Logged 5 days after it happened (the team allows 2 days)\n10 dials · for Sat 28 Nov · logged Thu 3 Dec 17:02 via /dial`);
    const [buttons] = buttonsIn(home.blocks);
    expect(buttons!.elements.map((e: Block) => [e.text.text, e.value])).toEqual([
      ['Accept', late!.id],
      ['Void', late!.id],
    ]);

    // The manager's `/dial stats @dana` lists it with the buttons; Dana's own stats show it read only.
    const managerStats = await (await slash(h, BOSS, `stats <@${DANA}>`)).reply();
    expect(visibleText(managerStats)).toContain('Logged 5 days after it happened');
    expect(buttonsIn(managerStats.blocks as Block[])).toHaveLength(1);
    const own = await (await slash(h, DANA, 'stats')).reply();
    expect(visibleText(own)).toContain('Flagged for review (1)');
    expect(visibleText(own)).toContain('Your manager will accept or void these entries.');
    expect(buttonsIn(own.blocks as Block[])).toHaveLength(0);
    // Lee is no manager: he cannot look at Dana's stats at all.
    expect(visibleText(await (await slash(h, LEE, `stats <@${DANA}>`)).reply())).toContain('Only a rep’s managers can see their stats.');
  });

  it('a burst of phone-system calls is flagged once, where it crossed the limit; a large typed entry is flagged', async () => {
    h.clock.set('2026-12-03T15:00:30Z');
    const dana = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: DANA } });
    // The phone system reports 12 calls within 33 seconds (it stores through logActivity, like every source).
    for (let i = 0; i < 12; i++) {
      await logActivity(h.prisma, {
        workspaceId: 'T0001',
        memberId: dana.id,
        counts: { dial: 1 },
        occurredAt: new Date(Date.parse('2026-12-03T15:00:00Z') + i * 3000),
        source: 'api',
        authorUserId: null,
        note: undefined,
        requestKey: `call:${i}`,
        now: new Date(Date.parse('2026-12-03T15:00:00Z') + i * 3000 + 500),
      });
    }
    const flags = await openFlags();
    expect(flags.map((f) => [f.reason, f.detail])).toEqual([['burst', { per: 'call', dials: 11, limit: 10 }]]);

    await dial('2026-12-03T21:00:00Z', LEE, '60'); // 60 dials: 3.8 days of a 15.65-a-day target
    const text = visibleText(await bossHome());
    expect(text).toContain('Needs review (2)');
    expect(text).toContain(`*<@${LEE}>* · :triangular_flag_on_post: Entry of 60 dials is 3.8× the daily target (16)\n60 dials · for Thu 3 Dec · logged Thu 3 Dec 16:00 via /dial`);
    expect(text).toContain(`*<@${DANA}>* · :triangular_flag_on_post: 11 calls within one minute (more than 10 a minute)\n1 dial · for Thu 3 Dec 10:00 · logged Thu 3 Dec 10:00 via phone system`);
    // Newest first.
    expect(text.indexOf(LEE)).toBeLessThan(text.indexOf(DANA));
    expect(visibleText(await (await slash(h, BOSS, `stats <@${DANA}>`)).reply())).toContain('11 calls within one minute');
  });

  it('accepting keeps the entry and records why; a double submit records once', async () => {
    await dial('2026-12-03T22:00:00Z', DANA, '10 on 2026-11-28');
    const modal = await openModal('Accept');
    expect(modal.title.text).toBe('Accept entry');
    expect(visibleText(modal)).toContain(`Accept <@${DANA}>’s entry: 10 dials · for Sat 28 Nov`);

    // No reason, or a bad one: a field error and nothing stored.
    const audits = await h.prisma.auditEvent.count();
    expect((await submitReason(BOSS, modal.private_metadata, '  ')).json).toEqual({
      response_action: 'errors',
      errors: { [FLAG_MODAL.reasonBlock]: 'Give a reason: it is kept with the entry and shown to the rep.' },
    });
    expect((await submitReason(BOSS, modal.private_metadata, 'x'.repeat(501))).json).toMatchObject({ errors: { [FLAG_MODAL.reasonBlock]: 'Keep the reason to 500 characters (it has 501).' } });
    expect((await submitReason(BOSS, modal.private_metadata, 'ok\u202Eevil')).json).toMatchObject({ errors: { [FLAG_MODAL.reasonBlock]: 'The reason has invisible control characters; retype it.' } });
    expect((await submitReason(BOSS, '{"flagId":7}', 'fine')).json).toMatchObject({ errors: { [FLAG_MODAL.reasonBlock]: 'This form is out of date. Close it and press the button again. Nothing was recorded.' } });
    expect(await h.prisma.auditEvent.count()).toBe(audits);
    expect(await openFlags()).toHaveLength(1);

    // Two submits (a double click opens two modals): one decision, one audit row.
    const [first, second] = await Promise.all([
      submitReason(BOSS, modal.private_metadata, 'Was at a conference, logged on return', 'VONE'),
      submitReason(BOSS, modal.private_metadata, 'Was at a conference, logged on return', 'VTWO'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const flag = await h.prisma.activityFlag.findFirstOrThrow();
    expect(flag).toMatchObject({ resolution: 'accepted', resolvedBy: BOSS, resolutionNote: 'Was at a conference, logged on return' });
    const events = await h.prisma.auditEvent.findMany({ where: { subjectType: 'activity_flag', subjectId: flag.id } });
    expect(events.map((e) => [e.action, e.actorUserId, (e.data as { note: string }).note])).toEqual([['flag.accepted', BOSS, 'Was at a conference, logged on return']]);
    await eventually(() => expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === BOSS)).toHaveLength(2));
    expect(h.slack.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(
      expect.arrayContaining([`Accepted <@${DANA}>’s entry of 10 dials: “Was at a conference, logged on return”.`]),
    );
    // The entry still counts, and the Home no longer lists it.
    expect(await h.prisma.activity.count({ where: { voidedAt: null } })).toBe(1);
    const home = await h.slack.waitFor('views.publish', (c) => c.args.user_id === BOSS);
    expect(visibleText(home.args.view as object)).not.toContain('Needs review');
  });

  it('voiding takes the entry out of every total, tells the rep and records why', async () => {
    await dial('2026-12-03T21:00:00Z', DANA, '300 dials 5 convos'); // large
    expect(await dial('2026-12-03T21:01:00Z', DANA, 'stats')).toContain('300 / 16 dials');
    const modal = await openModal('Void');
    expect(modal.title.text).toBe('Void entry');
    expect((await submitReason(BOSS, modal.private_metadata, 'Typo: meant 30')).status).toBe(200);

    const told = await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === DANA);
    expect(told.args.text).toBe(`<@${BOSS}> voided your entry of 300 dials and 5 conversations: “Typo: meant 30”. It no longer counts in your totals.`);
    const rows = await h.prisma.activity.findMany();
    expect(rows.map((r) => [r.kind, r.voidedBy, r.voidReason])).toEqual(
      expect.arrayContaining([
        ['dial', BOSS, 'Typo: meant 30'],
        ['conversation', BOSS, 'Typo: meant 30'],
      ]),
    );
    expect(rows.every((r) => r.voidedAt !== null)).toBe(true);
    expect(await h.prisma.auditEvent.count({ where: { action: 'flag.voided', actorUserId: BOSS } })).toBe(1);
    expect(await openFlags()).toEqual([]);
    expect(await dial('2026-12-03T21:05:00Z', DANA, 'stats')).toContain('0 / 16 dials');
  });

  it('a rep cannot settle a flag: the button is refused and a forged form stores nothing', async () => {
    await dial('2026-12-03T22:00:00Z', DANA, '10 on 2026-11-28');
    const [flag] = await openFlags();
    await press(DANA, { action_id: `${ACTION.resolveFlag}_voided`, value: flag!.id });
    const refusal = await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === DANA);
    expect(refusal.args.text).toBe(':warning: Only this rep’s managers can accept or void their entries.');
    expect(h.slack.callsTo('views.open')).toHaveLength(0);
    const forged = await submitReason(DANA, JSON.stringify({ flagId: flag!.id, resolution: 'accepted' }), 'I approve of myself');
    expect(forged.json).toEqual({ response_action: 'errors', errors: { [FLAG_MODAL.reasonBlock]: 'Only this rep’s managers can accept or void their entries. Nothing was recorded.' } });
    const gone = await submitReason(BOSS, JSON.stringify({ flagId: 'no-such-flag', resolution: 'accepted' }), 'ok');
    expect(gone.json).toEqual({ response_action: 'errors', errors: { [FLAG_MODAL.reasonBlock]: 'That flag is no longer on record. Nothing was recorded.' } });
    expect(await openFlags()).toHaveLength(1);
    expect(await h.prisma.auditEvent.count({ where: { subjectType: 'activity_flag', subjectId: flag!.id } })).toBe(0);
  });

  it('/dial undo of a flagged entry settles its flag and says where the entry came from', async () => {
    await dial('2026-12-03T22:00:00Z', DANA, '10 on 2026-11-28');
    expect(await dial('2026-12-03T22:01:00Z', DANA, 'undo')).toContain('Undone: 10 dials for Sat 28 Nov, logged via /dial.');
    expect(await h.prisma.activityFlag.findFirstOrThrow()).toMatchObject({ resolution: 'voided', resolvedBy: DANA, resolutionNote: 'undo' });
    expect(visibleText(await bossHome())).not.toContain('Needs review');
  });

  it('the team settings change what is flagged', async () => {
    // Off: nothing is flagged.
    await saveSettings({ on: false, late: '2', burst: '10', large: '3' });
    await dial('2026-12-03T22:00:00Z', DANA, '10 on 2026-11-28');
    expect(await openFlags()).toEqual([]);

    // A late window of 6 days, and at most 1 dial a minute: 100 dials typed at 09:30 is more than
    // an hour of working time allows; 5 days late is now fine.
    await saveSettings({ on: true, late: '6', burst: '1', large: '30' });
    expect(await h.prisma.team.findFirstOrThrow({ where: { name: 'Sales' } })).toMatchObject({ flagsEnabled: true, lateAfterDays: 6, burstDialsPerMinute: 1, largeEntryDays: 30 });
    await dial('2026-12-03T22:00:00Z', LEE, '10 on 2026-11-28');
    await dial('2026-12-04T14:30:00Z', DANA, '100');
    const flags = await openFlags();
    expect(flags.map((f) => [f.reason, f.detail])).toEqual([['burst', { per: 'summary', dials: 100, limit: 1, day: '2026-12-04', minutes: 60 }]]);
    expect(visibleText(await bossHome())).toContain('100 dials for Fri 4 Dec in 1 hour of working time (more than 1 a minute)');

    // The modal shows what was saved; "late after" goes up to BACKFILL_DAYS (7 by default).
    h.clock.set('2026-12-04T15:00:00Z');
    const trigger = 'tr.settings.bad';
    await slash(h, BOSS, 'team', { trigger_id: trigger });
    const opened = await h.slack.waitFor('views.open', (c) => c.args.trigger_id === trigger);
    const view = opened.args.view as { private_metadata: string; blocks: Block[] };
    expect(view.blocks.find((b) => b.block_id === TEAM_MODAL.lateAfterBlock)?.element).toMatchObject({ initial_value: '6', max_value: '7' });
    await saveSettings({ on: true, late: '2', burst: '10', large: '3' }); // back to the defaults
  });

  it('CSV imports are judged for implausible numbers, not for lateness (an import is a backfill by nature)', async () => {
    h.clock.set('2026-12-03T22:00:00Z');
    const csv = ['workspace_id,user_id,kind,count,occurred_at', `T0001,${LEE},dial,15,2026-11-20T15:00:00Z`, `T0001,${LEE},dial,200,2026-12-03T15:00:00Z`].join('\n');
    const report = await importActivities(h.prisma, csv, { dryRun: false, now: h.clock.now(), defaultTimezone: 'UTC', maxCountPerEntry: 1000 });
    expect(report).toMatchObject({ inserted: 2, flagged: 1 });
    expect((await openFlags()).map((f) => f.reason)).toEqual(['large']);
    expect(visibleText(await bossHome())).toContain('200 dials · for Thu 3 Dec · logged Thu 3 Dec 17:00 via CSV import');
  });
});
