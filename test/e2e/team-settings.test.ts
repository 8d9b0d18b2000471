// Team settings end to end: `/dial team` opens the modal for managers (pre-filled from the DB),
// a submission is re-checked (field errors, forged submissions) and stores nothing on any error,
// a valid one replaces the team's settings, managers and holidays at once, audits and DMs.
import { CALLBACK, TEAM_MODAL } from '../../src/blocks/ids.js';
import { KIND_LABELS, KINDS, type Kind } from '../../src/lib/kinds.js';
import { givenTeamGoal } from '../helpers/goals.js';
import { eventually, slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const BOSS = 'U0BOSS'; // workspace admin
const MGR = 'U0MGR'; // becomes a named manager; not an admin
const REP = 'U0REP1';

type Form = {
  name?: string | null;
  channel?: string | null;
  managers?: string[];
  days?: string[];
  start?: string | null;
  end?: string | null;
  timezone?: string | null;
  holidays?: string | null;
  kinds?: string[];
  daily?: boolean;
  dailyTime?: string | null;
  weekly?: boolean;
  weeklyTime?: string | null;
};

const VALID: Required<Form> = {
  name: 'Inside Sales',
  channel: 'C0SALES',
  managers: [BOSS, MGR],
  days: ['1', '2', '3', '4'],
  start: '08:30',
  end: '16:30',
  timezone: 'Europe/London',
  holidays: '2026-12-24 Christmas Eve\n2026-12-25 Christmas Day',
  kinds: ['dial', 'conversation'],
  daily: true,
  dailyTime: '16:30',
  weekly: true,
  weeklyTime: '09:00',
};

function values(form: Form): Record<string, Record<string, unknown>> {
  const f = { ...VALID, ...form };
  const a = TEAM_MODAL.action;
  return {
    [TEAM_MODAL.nameBlock]: { [a]: { type: 'plain_text_input', value: f.name } },
    [TEAM_MODAL.channelBlock]: { [a]: { type: 'conversations_select', selected_conversation: f.channel } },
    [TEAM_MODAL.managersBlock]: { [a]: { type: 'multi_users_select', selected_users: f.managers } },
    [TEAM_MODAL.workDaysBlock]: { [a]: { type: 'checkboxes', selected_options: f.days.map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
    [TEAM_MODAL.startBlock]: { [a]: { type: 'timepicker', selected_time: f.start } },
    [TEAM_MODAL.endBlock]: { [a]: { type: 'timepicker', selected_time: f.end } },
    [TEAM_MODAL.timezoneBlock]: { [a]: { type: 'static_select', selected_option: f.timezone === null ? null : { value: f.timezone } } },
    [TEAM_MODAL.holidaysBlock]: { [a]: { type: 'plain_text_input', value: f.holidays } },
    [TEAM_MODAL.trackedKindsBlock]: { [a]: { type: 'checkboxes', selected_options: f.kinds.map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
    [TEAM_MODAL.dailyPostBlock]: { [a]: { type: 'checkboxes', selected_options: f.daily ? [{ value: 'on', text: { type: 'plain_text', text: 'on' } }] : [] } },
    [TEAM_MODAL.dailyPostTimeBlock]: { [a]: { type: 'timepicker', selected_time: f.dailyTime } },
    [TEAM_MODAL.weeklyBoardBlock]: { [a]: { type: 'checkboxes', selected_options: f.weekly ? [{ value: 'on', text: { type: 'plain_text', text: 'on' } }] : [] } },
    [TEAM_MODAL.weeklyBoardTimeBlock]: { [a]: { type: 'timepicker', selected_time: f.weeklyTime } },
  };
}

const DEFAULT_LADDER = {
  enabled: true,
  kinds: ['dial', 'conversation'],
  thresholdPercent: 100,
  evaluationDay: 5,
  evaluationTime: '18:00',
  consequence: 'Your lead allocation is reduced by 20% until you are back on target.',
  managerAlerts: true,
  celebrateHits: true,
  nudgeEnabled: true,
  nudgeThresholdPercent: 70,
  nudgeTime: '13:00',
  digestEnabled: false,
};

const DEFAULT_FLAGS = { enabled: true, lateAfterDays: 2, burstDialsPerMinute: 10, largeEntryDays: 3 };

const MONTHLY: Record<Kind, number> = { dial: 360, conversation: 120, presentation: 40, opportunity: 20, close: 10 };

describe.each(testDatabases())('team settings on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: '2026-12-04T15:00:00Z' });
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/Chicago', is_admin: true });
    h.slack.setUser({ id: MGR, name: 'pat', tz: 'America/New_York' });
    h.slack.setUser({ id: REP, name: 'dana', tz: 'America/New_York' });
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    await h.reset('2026-12-04T15:00:00Z');
  });

  /** `/dial team` by `user`: the views.open call, or the ephemeral refusal. */
  const openAs = async (user: string) => {
    const trigger = `777.${user}.${Math.random().toString(36).slice(2)}`;
    const sent = await slash(h, user, 'team', { trigger_id: trigger });
    expect(sent.ack.status).toBe(200);
    return {
      view: async () => (await h.slack.waitFor('views.open', (c) => c.args.trigger_id === trigger)).args.view as { callback_id: string; private_metadata: string; blocks: any[] },
      reply: sent.reply,
    };
  };
  const teamIdFromModal = async () => (JSON.parse((await (await openAs(BOSS)).view()).private_metadata) as { teamId: string }).teamId;
  const submit = (form: Form, options: { userId?: string; teamId: string; viewId?: string; metadata?: string }) =>
    h.requester.viewSubmission({
      userId: options.userId ?? BOSS,
      callbackId: CALLBACK.teamSettings,
      viewId: options.viewId,
      privateMetadata: options.metadata ?? JSON.stringify({ teamId: options.teamId }),
      values: values(form),
    });
  /** Everything a save would touch, to prove a refused submission changed none of it. */
  const snapshot = async () => ({
    teams: await h.prisma.team.findMany({ orderBy: { name: 'asc' } }),
    managers: await h.prisma.teamManager.findMany({ orderBy: { memberId: 'asc' } }),
    holidays: await h.prisma.holiday.findMany({ orderBy: { date: 'asc' } }),
    audits: await h.prisma.auditEvent.count(),
  });
  /** The default team with a channel, a timezone, a holiday and MGR as its manager. */
  const seedTeam = async () => {
    const teamId = await teamIdFromModal();
    const mgr = await h.prisma.member.create({ data: { workspaceId: 'T0001', slackUserId: MGR, displayName: 'pat', timezone: 'America/New_York', teamId } });
    await h.prisma.team.update({ where: { id: teamId }, data: { channelId: 'C0OLD', timezone: 'America/New_York' } });
    await h.prisma.teamManager.create({ data: { teamId, memberId: mgr.id } });
    await h.prisma.holiday.create({ data: { teamId, date: '2026-12-25', name: 'Christmas Day' } });
    h.slack.reset();
    return teamId;
  };

  it('refuses `/dial team` to a rep who manages nothing, and opens no modal', async () => {
    const { reply } = await openAs(REP);
    expect((await reply()).text).toBe(':warning: Only a workspace admin can change Sales’s settings until it has managers; ask one to run `/dial team` and name them.');
    expect(h.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('opens the modal for a workspace admin, pre-filled with the team’s settings', async () => {
    const teamId = await seedTeam();
    const { view: opened } = await openAs(BOSS);
    const view = await opened();
    expect(view.callback_id).toBe(CALLBACK.teamSettings);
    expect(JSON.parse(view.private_metadata)).toEqual({ teamId });
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.label.text, b.element.type])).toEqual([
      [TEAM_MODAL.nameBlock, 'Team name', 'plain_text_input'],
      [TEAM_MODAL.channelBlock, 'Team channel', 'conversations_select'],
      [TEAM_MODAL.managersBlock, 'Managers', 'multi_users_select'],
      [TEAM_MODAL.repsBlock, 'Reps', 'multi_users_select'],
      [TEAM_MODAL.workDaysBlock, 'Work week', 'checkboxes'],
      [TEAM_MODAL.startBlock, 'Workday starts', 'timepicker'],
      [TEAM_MODAL.endBlock, 'Workday ends', 'timepicker'],
      [TEAM_MODAL.timezoneBlock, 'Team timezone', 'static_select'],
      [TEAM_MODAL.holidaysBlock, 'Holidays', 'plain_text_input'],
      [TEAM_MODAL.trackedKindsBlock, 'Tracked kinds', 'checkboxes'],
      [TEAM_MODAL.dailyPostBlock, 'Daily progress', 'checkboxes'],
      [TEAM_MODAL.dailyPostTimeBlock, 'Daily progress time', 'timepicker'],
      [TEAM_MODAL.weeklyBoardBlock, 'Weekly leaderboard', 'checkboxes'],
      [TEAM_MODAL.weeklyBoardTimeBlock, 'Weekly leaderboard time', 'timepicker'],
      [TEAM_MODAL.ladderBlock, 'Warnings', 'checkboxes'],
      [TEAM_MODAL.ladderKindsBlock, 'Judged on', 'checkboxes'],
      [TEAM_MODAL.ladderThresholdBlock, 'On target from (% of target)', 'number_input'],
      [TEAM_MODAL.ladderDayBlock, 'Weeks are judged on', 'static_select'],
      [TEAM_MODAL.ladderTimeBlock, 'At', 'timepicker'],
      [TEAM_MODAL.ladderConsequenceBlock, 'Consequence of a third missed week', 'plain_text_input'],
      [TEAM_MODAL.nudgeBlock, 'Early warning', 'checkboxes'],
      [TEAM_MODAL.nudgeThresholdBlock, 'Behind pace under (%)', 'number_input'],
      [TEAM_MODAL.nudgeTimeBlock, 'Check at', 'timepicker'],
      [TEAM_MODAL.flagsBlock, 'Review', 'checkboxes'],
      [TEAM_MODAL.lateAfterBlock, 'Late after (days)', 'number_input'],
      [TEAM_MODAL.burstBlock, 'Most dials a minute', 'number_input'],
      [TEAM_MODAL.largeBlock, 'Large entry (days of target)', 'number_input'],
    ]);
    const el = (block: string) => inputs.find((b) => b.block_id === block)!.element;
    expect(el(TEAM_MODAL.nameBlock).initial_value).toBe('Sales');
    expect(el(TEAM_MODAL.channelBlock).initial_conversation).toBe('C0OLD');
    expect(el(TEAM_MODAL.managersBlock).initial_users).toEqual([MGR]);
    expect(el(TEAM_MODAL.workDaysBlock).options.map((o: any) => o.text.text)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(el(TEAM_MODAL.workDaysBlock).initial_options.map((o: any) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(el(TEAM_MODAL.startBlock).initial_time).toBe('09:00');
    expect(el(TEAM_MODAL.endBlock).initial_time).toBe('17:00');
    expect(el(TEAM_MODAL.timezoneBlock).initial_option.value).toBe('America/New_York');
    expect(el(TEAM_MODAL.timezoneBlock).options.length).toBeLessThanOrEqual(100);
    expect(el(TEAM_MODAL.holidaysBlock).initial_value).toBe('2026-12-25 Christmas Day');
    expect(el(TEAM_MODAL.trackedKindsBlock).options.map((o: any) => o.text.text)).toEqual(KINDS.map((k) => KIND_LABELS[k].title));
    expect(el(TEAM_MODAL.trackedKindsBlock).initial_options.map((o: any) => o.value)).toEqual(['dial', 'conversation']);
    expect(el(TEAM_MODAL.dailyPostBlock).initial_options.map((o: any) => o.text.text)).toEqual(['Post daily progress']);
    expect(el(TEAM_MODAL.dailyPostTimeBlock).initial_time).toBe('16:30');
    expect(el(TEAM_MODAL.weeklyBoardBlock).initial_options).toHaveLength(1);
    expect(el(TEAM_MODAL.weeklyBoardTimeBlock).initial_time).toBe('09:00');
  });

  it.each<[string, Form, string, string]>([
    ['empty name', { name: '  ' }, TEAM_MODAL.nameBlock, 'Give the team a name.'],
    ['long name', { name: 'x'.repeat(81) }, TEAM_MODAL.nameBlock, 'Keep the name to 80 characters (it has 81).'],
    ['forged channel', { channel: 'https://evil.example' }, TEAM_MODAL.channelBlock, 'Pick the team channel from the list.'],
    ['forged manager', { managers: ['robert'] }, TEAM_MODAL.managersBlock, 'Pick managers from the list.'],
    ['no workdays', { days: [] }, TEAM_MODAL.workDaysBlock, 'Tick at least one workday.'],
    ['forged workday', { days: ['1', '8'] }, TEAM_MODAL.workDaysBlock, 'Tick days from the list.'],
    ['no tracked kinds', { kinds: [] }, TEAM_MODAL.trackedKindsBlock, 'Tick at least one kind to track.'],
    ['bad daily post time', { dailyTime: '25:00' }, TEAM_MODAL.dailyPostTimeBlock, 'Use a time as HH:MM, e.g. 09:00.'],
    ['no start', { start: null }, TEAM_MODAL.startBlock, 'Pick when the workday starts.'],
    ['bad end', { end: '25:00' }, TEAM_MODAL.endBlock, 'Use a time as HH:MM, e.g. 09:00.'],
    ['end before start', { start: '17:00', end: '09:00' }, TEAM_MODAL.endBlock, 'The workday must end after it starts.'],
    ['end equal to start', { start: '09:00', end: '09:00' }, TEAM_MODAL.endBlock, 'The workday must end after it starts.'],
    ['unknown timezone', { timezone: 'Mars/Olympus_Mons' }, TEAM_MODAL.timezoneBlock, 'Pick a timezone from the list.'],
    ['bad holiday date', { holidays: '2026-12-25 Christmas Day\n2026-02-30 Nope' }, TEAM_MODAL.holidaysBlock, 'Line 2: “2026-02-30” isn’t a real date.'],
    ['holiday without a date', { holidays: 'Christmas 2026-12-25' }, TEAM_MODAL.holidaysBlock, 'Line 1: start with the date as YYYY-MM-DD, then the name, e.g. “2026-12-25 Christmas Day”.'],
    ['duplicate holiday', { holidays: '2026-12-25 Christmas\n\n2026-12-25 Xmas' }, TEAM_MODAL.holidaysBlock, 'Line 3: 2026-12-25 is already on line 1; give each date once.'],
    [
      'too many holidays',
      { holidays: Array.from({ length: 101 }, (_, i) => `${new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)} Day ${i + 1}`).join('\n') },
      TEAM_MODAL.holidaysBlock,
      'At most 100 holidays; this list has 101. Remove past ones.',
    ],
  ])('answers “%s” with a field error and changes nothing', async (_label, form, block, message) => {
    const teamId = await seedTeam();
    const before = await snapshot();
    const res = await submit(form, { teamId });
    expect(res.status).toBe(200);
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[block]).toBe(message);
    expect(Object.keys(body.errors)).toEqual([block]);
    expect(await snapshot()).toEqual(before);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('reports every bad field at once', async () => {
    const teamId = await seedTeam();
    const res = await submit({ name: '', days: [], start: '18:00', holidays: 'nope' }, { teamId });
    const body = res.json as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual([TEAM_MODAL.nameBlock, TEAM_MODAL.workDaysBlock, TEAM_MODAL.endBlock, TEAM_MODAL.holidaysBlock].sort());
  });

  it('needs at least one manager unless the submitter is a workspace admin', async () => {
    const teamId = await seedTeam();
    const before = await snapshot();
    const res = await submit({ managers: [] }, { teamId, userId: MGR });
    expect((res.json as { errors: Record<string, string> }).errors[TEAM_MODAL.managersBlock]).toBe(
      'Name at least one manager (you can name yourself): only a workspace admin may leave a team without managers.',
    );
    expect(await snapshot()).toEqual(before);

    await submit({ managers: [] }, { teamId, userId: BOSS });
    await h.slack.waitFor('chat.postMessage');
    expect(await h.prisma.teamManager.count()).toBe(0);
  });

  it('refuses a name another team already has', async () => {
    const teamId = await seedTeam();
    await h.prisma.team.create({ data: { workspaceId: 'T0001', name: 'Enterprise' } });
    const before = await snapshot();
    const res = await submit({ name: 'Enterprise' }, { teamId });
    expect((res.json as { errors: Record<string, string> }).errors[TEAM_MODAL.nameBlock]).toBe('Another team is already called “Enterprise”. Pick another name.');
    expect(await snapshot()).toEqual(before);
  });

  it('changes nothing for a forged submission by someone who doesn’t manage the team', async () => {
    const teamId = await seedTeam();
    const before = await snapshot();
    const forged = await submit({ managers: [REP] }, { teamId, userId: REP });
    expect((forged.json as { errors: Record<string, string> }).errors[TEAM_MODAL.nameBlock]).toBe(
      'Only this team’s managers or a workspace admin can change its settings. Nothing was saved.',
    );
    const tampered = await submit(VALID, { teamId, metadata: '{"teamId":"../../etc"}' });
    expect((tampered.json as { errors: Record<string, string> }).errors[TEAM_MODAL.nameBlock]).toBe(
      'Only this team’s managers or a workspace admin can change its settings. Nothing was saved.',
    );
    const garbled = await submit(VALID, { teamId, metadata: 'not json' });
    expect((garbled.json as { errors: Record<string, string> }).errors[TEAM_MODAL.nameBlock]).toContain('This form is out of date.');
    expect(await snapshot()).toEqual(before);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('saves a valid submission at once: team, managers, holidays, an audit event, and a DM summary', async () => {
    const teamId = await seedTeam();
    h.clock.set('2026-12-04T16:00:00Z');
    const res = await submit(VALID, { teamId, viewId: 'VTEAM1' });
    expect(res.status).toBe(200);
    expect(res.text).toBe(''); // an empty ack closes the modal

    const dm = await h.slack.waitFor('chat.postMessage');
    expect(dm.args.channel).toBe(BOSS);
    expect(dm.args.text).toBe('Team settings saved for Inside Sales.');
    const shown = visibleText(dm.args);
    expect(shown).toContain('*Inside Sales*');
    expect(shown).toContain('• *Channel:* <#C0SALES>');
    expect(shown).toContain(`• *Managers:* <@${BOSS}>, <@${MGR}>`);
    expect(shown).toContain('• *Work week:* Mon–Thu');
    expect(shown).toContain('• *Workday:* 08:30–16:30');
    expect(shown).toContain('• *Team timezone:* Europe/London');
    expect(shown).toContain('• *Holidays:* 2\n    Thu 24 Dec 2026: Christmas Eve\n    Fri 25 Dec 2026: Christmas Day');

    const team = await h.prisma.team.findUniqueOrThrow({ where: { id: teamId }, include: { managers: { include: { member: true } }, holidays: { orderBy: { date: 'asc' } } } });
    expect(team).toMatchObject({ name: 'Inside Sales', channelId: 'C0SALES', workDays: [1, 2, 3, 4], workdayStart: '08:30', workdayEnd: '16:30', timezone: 'Europe/London' });
    expect(team.managers.map((m) => m.member.slackUserId).sort()).toEqual([BOSS, MGR]);
    expect(team.holidays.map((x) => [x.date, x.name])).toEqual([
      ['2026-12-24', 'Christmas Eve'],
      ['2026-12-25', 'Christmas Day'],
    ]);
    const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'team.updated' } });
    expect(audit).toMatchObject({ actorUserId: BOSS, subjectType: 'team', subjectId: teamId, requestKey: 'view:T0001:VTEAM1' });
    expect(audit.createdAt.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(audit.data).toEqual({
      before: {
        name: 'Sales',
        channelId: 'C0OLD',
        managerUserIds: [MGR],
        repUserIds: [BOSS], // the admin who opened /dial team was on the default team
        workDays: [1, 2, 3, 4, 5],
        workdayStart: '09:00',
        workdayEnd: '17:00',
        timezone: 'America/New_York',
        holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
        trackedKinds: ['dial', 'conversation'],
        dailyPostEnabled: true,
        dailyPostTime: '16:30',
        weeklyBoardEnabled: true,
        weeklyBoardTime: '09:00',
        ladder: DEFAULT_LADDER,
        flags: DEFAULT_FLAGS,
      },
      after: {
        name: 'Inside Sales',
        channelId: 'C0SALES',
        managerUserIds: [BOSS, MGR],
        repUserIds: [], // now a named manager
        workDays: [1, 2, 3, 4],
        workdayStart: '08:30',
        workdayEnd: '16:30',
        timezone: 'Europe/London',
        holidays: [
          { date: '2026-12-24', name: 'Christmas Eve' },
          { date: '2026-12-25', name: 'Christmas Day' },
        ],
        trackedKinds: ['dial', 'conversation'],
        dailyPostEnabled: true,
        dailyPostTime: '16:30',
        weeklyBoardEnabled: true,
        weeklyBoardTime: '09:00',
        ladder: DEFAULT_LADDER, // the form left the ladder out: kept as it was
        flags: DEFAULT_FLAGS, // and the review flags
      },
    });

    // The same view submitted again (a double click) saves nothing more and sends no second DM.
    await submit(VALID, { teamId, viewId: 'VTEAM1' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await h.prisma.auditEvent.count({ where: { action: 'team.updated' } })).toBe(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('saves the post settings: tracked kinds, daily post off, weekly board time, audited before and after', async () => {
    const teamId = await seedTeam();
    const res = await submit({ kinds: ['presentation', 'dial', 'conversation'], daily: false, dailyTime: '17:00', weeklyTime: '08:30' }, { teamId, viewId: 'VPOSTS' });
    expect(res.text).toBe('');
    const dm = visibleText((await h.slack.waitFor('chat.postMessage')).args);
    expect(dm).toContain('• *Tracked:* Dials, Conversations, Presentations');
    expect(dm).toContain('• *Daily progress:* off');
    expect(dm).toContain('• *Weekly leaderboard:* 08:30');

    const team = await h.prisma.team.findUniqueOrThrow({ where: { id: teamId } });
    expect(team).toMatchObject({
      trackedKinds: ['dial', 'conversation', 'presentation'],
      dailyPostEnabled: false,
      dailyPostTime: '17:00',
      weeklyBoardEnabled: true,
      weeklyBoardTime: '08:30',
    });
    const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'team.updated' } });
    const data = audit.data as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(data.before).toMatchObject({ trackedKinds: ['dial', 'conversation'], dailyPostEnabled: true, dailyPostTime: '16:30', weeklyBoardEnabled: true, weeklyBoardTime: '09:00' });
    expect(data.after).toMatchObject({ trackedKinds: ['dial', 'conversation', 'presentation'], dailyPostEnabled: false, dailyPostTime: '17:00', weeklyBoardEnabled: true, weeklyBoardTime: '08:30' });

    // Reopened, the modal shows what was saved.
    h.slack.reset();
    const opened = await (await openAs(BOSS)).view();
    const el = (block: string) => opened.blocks.find((b) => b.block_id === block).element;
    expect(el(TEAM_MODAL.trackedKindsBlock).initial_options.map((o: any) => o.value)).toEqual(['dial', 'conversation', 'presentation']);
    expect(el(TEAM_MODAL.dailyPostBlock).initial_options).toBeUndefined();
    expect(el(TEAM_MODAL.weeklyBoardTimeBlock).initial_time).toBe('08:30');
  });

  it('shows the warning ladder with its defaults, and saves a new policy (audited, summarised, kept on later saves)', async () => {
    const teamId = await seedTeam();
    const opened = await (await openAs(BOSS)).view();
    const el = (block: string) => opened.blocks.find((b) => b.block_id === block).element;
    expect(el(TEAM_MODAL.ladderBlock).initial_options.map((o: any) => o.value)).toEqual(['on', 'alerts', 'celebrate']);
    expect(el(TEAM_MODAL.ladderKindsBlock).initial_options.map((o: any) => o.value)).toEqual(['dial', 'conversation']);
    expect(el(TEAM_MODAL.ladderThresholdBlock).initial_value).toBe('100');
    expect(el(TEAM_MODAL.ladderDayBlock).initial_option.value).toBe('5');
    expect(el(TEAM_MODAL.ladderTimeBlock).initial_time).toBe('18:00');
    expect(el(TEAM_MODAL.ladderConsequenceBlock).initial_value).toBe('Your lead allocation is reduced by 20% until you are back on target.');
    expect(opened.blocks.length).toBeLessThanOrEqual(100);

    h.slack.reset();
    const a = TEAM_MODAL.action;
    const ladder = {
      [TEAM_MODAL.ladderBlock]: { [a]: { type: 'checkboxes', selected_options: ['on', 'alerts'].map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
      [TEAM_MODAL.ladderKindsBlock]: { [a]: { type: 'checkboxes', selected_options: [{ value: 'dial', text: { type: 'plain_text', text: 'Dials' } }] } },
      [TEAM_MODAL.ladderThresholdBlock]: { [a]: { type: 'number_input', value: '90' } },
      [TEAM_MODAL.ladderDayBlock]: { [a]: { type: 'static_select', selected_option: { value: '4' } } },
      [TEAM_MODAL.ladderTimeBlock]: { [a]: { type: 'timepicker', selected_time: '16:00' } },
      [TEAM_MODAL.ladderConsequenceBlock]: { [a]: { type: 'plain_text_input', value: 'No new inbound leads next week.' } },
      [TEAM_MODAL.nudgeBlock]: { [a]: { type: 'checkboxes', selected_options: ['on', 'digest'].map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
      [TEAM_MODAL.nudgeThresholdBlock]: { [a]: { type: 'number_input', value: '65' } },
      [TEAM_MODAL.nudgeTimeBlock]: { [a]: { type: 'timepicker', selected_time: '12:30' } },
    };
    const res = await h.requester.viewSubmission({
      userId: BOSS,
      callbackId: CALLBACK.teamSettings,
      viewId: 'VLADDER',
      privateMetadata: JSON.stringify({ teamId }),
      values: { ...values({}), ...ladder },
    });
    expect(res.text).toBe('');
    const dm = visibleText((await h.slack.waitFor('chat.postMessage')).args);
    expect(dm).toContain('• *Warning ladder:* weeks judged Thursday 16:00 (each rep’s own time) on dials; a miss is under 90% · consequence: “No new inbound leads next week.” · manager alerts on · congratulations off');
    const team = await h.prisma.team.findUniqueOrThrow({ where: { id: teamId } });
    expect(team).toMatchObject({ escalationEnabled: true, escalatedKinds: ['dial'], missThreshold: 0.9, evaluationDay: 4, evaluationTime: '16:00', consequencePolicy: 'No new inbound leads next week.' });
    expect(team).toMatchObject({ nudgeEnabled: true, nudgeThreshold: 0.65, nudgeTime: '12:30', digestEnabled: true });
    expect(dm).toContain('• *Early warning:* reps under 65% of pace are nudged at 12:30 their time; managers get a daily digest');
    const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'team.updated' } });
    expect((audit.data as { after: { ladder: unknown } }).after.ladder).toEqual({
      enabled: true,
      kinds: ['dial'],
      thresholdPercent: 90,
      evaluationDay: 4,
      evaluationTime: '16:00',
      consequence: 'No new inbound leads next week.',
      managerAlerts: true,
      celebrateHits: false,
      nudgeEnabled: true,
      nudgeThresholdPercent: 65,
      nudgeTime: '12:30',
      digestEnabled: true,
    });

    // A bad threshold is a field error, and nothing changes.
    const bad = await h.requester.viewSubmission({
      userId: BOSS,
      callbackId: CALLBACK.teamSettings,
      privateMetadata: JSON.stringify({ teamId }),
      values: { ...values({}), ...ladder, [TEAM_MODAL.ladderThresholdBlock]: { [a]: { type: 'number_input', value: '500' } } },
    });
    expect(bad.json).toEqual({ response_action: 'errors', errors: { [TEAM_MODAL.ladderThresholdBlock]: 'Use a whole percent from 10 to 200, e.g. 100.' } });

    // A form without the ladder fields (opened before an upgrade) keeps the policy.
    await submit({ name: 'Renamed' }, { teamId, viewId: 'VOLDFORM' });
    await h.slack.waitFor('chat.postMessage', (c) => visibleText(c.args as object).includes('Renamed'));
    expect(await h.prisma.team.findUniqueOrThrow({ where: { id: teamId } })).toMatchObject({ name: 'Renamed', missThreshold: 0.9, consequencePolicy: 'No new inbound leads next week.' });
  });

  it('adds reps by picker (moving them from another team), and a rep taken off keeps their history', async () => {
    const teamId = await seedTeam();
    h.slack.setUser({ id: 'U0NEW', name: 'nia', tz: 'Europe/Paris' });
    const other = await h.prisma.team.create({ data: { workspaceId: 'T0001', name: 'Other' } });
    await (await slash(h, REP, '12')).reply(); // dana logs on the default team
    const dana = await h.prisma.member.findFirstOrThrow({ where: { slackUserId: REP } });
    await h.prisma.member.update({ where: { id: dana.id }, data: { teamId: other.id } });

    const a = TEAM_MODAL.action;
    const withReps = (reps: string[], viewId: string) =>
      h.requester.viewSubmission({
        userId: BOSS,
        callbackId: CALLBACK.teamSettings,
        viewId,
        privateMetadata: JSON.stringify({ teamId }),
        values: { ...values({}), [TEAM_MODAL.repsBlock]: { [a]: { type: 'multi_users_select', selected_users: reps } } },
      });
    expect((await withReps([REP, 'U0NEW'], 'VREPS1')).text).toBe('');
    await h.slack.waitFor('chat.postMessage', (c) => visibleText(c.args as object).includes('• *Reps:* 2'));
    const onTeam = async () => (await h.prisma.member.findMany({ where: { teamId }, orderBy: { slackUserId: 'asc' } })).map((m) => m.slackUserId);
    // dana moved here from Other (one team at a time); nia, new to dialbot, was looked up and added.
    expect(await onTeam()).toEqual([BOSS, MGR, 'U0NEW', REP]); // the form named BOSS and MGR managers
    expect((await h.prisma.member.findFirstOrThrow({ where: { slackUserId: 'U0NEW' } })).timezone).toBe('Europe/Paris');

    h.slack.reset();
    expect((await withReps(['U0NEW'], 'VREPS2')).text).toBe('');
    await h.slack.waitFor('chat.postMessage');
    expect(await onTeam()).toEqual([BOSS, MGR, 'U0NEW']); // managers stay; dana is off the team
    const off = await h.prisma.member.findFirstOrThrow({ where: { id: dana.id }, include: { activities: true } });
    expect([off.teamId, off.activities.map((x) => x.count)]).toEqual([null, [12]]);

    const bad = await withReps(['not-a-user'], 'VREPS3');
    expect(bad.json).toEqual({ response_action: 'errors', errors: { [TEAM_MODAL.repsBlock]: 'Pick reps from the list.' } });
  });

  it('creates a team with `/dial team new`, opens a named team, and refuses what the caller may not do', async () => {
    await seedTeam();
    const trigger = `777.new.${Math.random().toString(36).slice(2)}`;
    expect((await slash(h, BOSS, 'team new West Coast', { trigger_id: trigger })).ack.status).toBe(200);
    const created = (await h.slack.waitFor('views.open', (c) => c.args.trigger_id === trigger)).args.view as { private_metadata: string; blocks: any[] };
    const { teamId } = JSON.parse(created.private_metadata) as { teamId: string };
    const team = await h.prisma.team.findUniqueOrThrow({ where: { id: teamId }, include: { managers: { include: { member: true } } } });
    expect([team.name, team.managers.map((m) => m.member.slackUserId)]).toEqual(['West Coast', [BOSS]]);
    expect(created.blocks.find((b) => b.block_id === TEAM_MODAL.nameBlock).element.initial_value).toBe('West Coast');
    expect(await h.prisma.auditEvent.count({ where: { action: 'team.created', subjectId: teamId } })).toBe(1);

    // The same name again, a rep creating one, and a team the caller does not manage are refused.
    expect(visibleText(await (await slash(h, BOSS, 'team new west coast')).reply())).toContain('A team is already called “west coast”');
    expect(visibleText(await (await slash(h, REP, 'team new Rogue')).reply())).toContain('Only managers and workspace admins can create teams.');
    expect(visibleText(await (await slash(h, MGR, 'team West Coast')).reply())).toContain('You don’t manage West Coast. Yours: *Sales*.');
    expect(visibleText(await (await slash(h, MGR, 'team Atlantis')).reply())).toContain('There is no team called “Atlantis”.');
    expect(await h.prisma.team.count({ where: { name: { in: ['Rogue', 'west coast'] } } })).toBe(0);

    // `/dial team <name>` opens that team (case-insensitive).
    const again = `777.open.${Math.random().toString(36).slice(2)}`;
    await slash(h, BOSS, 'team west coast', { trigger_id: again });
    const opened = (await h.slack.waitFor('views.open', (c) => c.args.trigger_id === again)).args.view as { private_metadata: string };
    expect(JSON.parse(opened.private_metadata)).toEqual({ teamId });
  });

  it('joins a newly picked public channel, or asks to be invited when it cannot', async () => {
    const teamId = await seedTeam();
    await submit({ channel: 'C0PUBLIC' }, { teamId, viewId: 'VJOIN1' });
    const joined = visibleText((await h.slack.waitFor('chat.postMessage')).args as object);
    expect(h.slack.callsTo('conversations.join').map((c) => c.args.channel)).toEqual(['C0PUBLIC']);
    expect(joined).toContain('• *Channel:* <#C0PUBLIC> (I joined it)');

    h.slack.reset();
    h.slack.failNext('conversations.join', { error: 'method_not_supported_for_channel_type' });
    await submit({ channel: 'G0PRIVATE' }, { teamId, viewId: 'VJOIN2' });
    const invite = visibleText((await h.slack.waitFor('chat.postMessage')).args as object);
    expect(invite).toContain('• *Channel:* <#G0PRIVATE> — I can’t join it myself: invite me there with `/invite @dialbot`');
    expect((await h.prisma.team.findUniqueOrThrow({ where: { id: teamId } })).channelId).toBe('G0PRIVATE');

    // The same channel again: nothing to join.
    h.slack.reset();
    await submit({ channel: 'G0PRIVATE' }, { teamId, viewId: 'VJOIN3' });
    await h.slack.waitFor('chat.postMessage');
    expect(h.slack.callsTo('conversations.join')).toHaveLength(0);
  });

  it('lets a newly named (non-admin) manager open `/dial team`', async () => {
    const teamId = await teamIdFromModal();
    const refused = await openAs(MGR);
    expect((await refused.reply()).text).toContain(':warning: Only a workspace admin can change Sales’s settings');

    await submit({ ...VALID, managers: [MGR] }, { teamId });
    await h.slack.waitFor('chat.postMessage');
    h.slack.reset();

    const { view } = await openAs(MGR);
    const opened = await view();
    expect(JSON.parse(opened.private_metadata)).toEqual({ teamId });
    expect(opened.blocks.find((b) => b.block_id === TEAM_MODAL.nameBlock).element.initial_value).toBe('Inside Sales');
    expect(opened.blocks.find((b) => b.block_id === TEAM_MODAL.managersBlock).element.initial_users).toEqual([MGR]);
    expect(h.slack.callsTo('response_url')).toHaveLength(0);

    // …and, as a manager now, may save; a rep still may not open it.
    await submit({ ...VALID, name: 'Pat’s team', managers: [MGR] }, { teamId, userId: MGR });
    await eventually(async () => expect((await h.prisma.team.findUniqueOrThrow({ where: { id: teamId } })).name).toBe('Pat’s team'));
    const rep = await openAs(REP);
    expect((await rep.reply()).text).toBe(`:warning: Only the managers of Pat’s team (<@${MGR}>) or a workspace admin can change its settings.`);
  });

  it('a named (non-admin) manager sees their reps’ stats; a rep cannot see a peer’s', async () => {
    const teamId = await teamIdFromModal();
    await (await slash(h, REP, '25 dials 4 convos')).reply();
    const before = await (await slash(h, MGR, `stats <@${REP}|dana>`)).reply();
    expect(before.text).toContain('Only a rep’s managers can see their stats.');

    await submit({ ...VALID, managers: [MGR] }, { teamId });
    await h.slack.waitFor('chat.postMessage');
    const after = await (await slash(h, MGR, `stats <@${REP}|dana>`)).reply();
    const shown = visibleText(after);
    expect(shown).toContain('25 dials');
    expect(shown).toContain('4 conversations');

    const peer = await (await slash(h, REP, `stats <@${MGR}|pat>`)).reply();
    expect(peer.text).toContain('Only a rep’s managers can see their stats.');
  });

  it('holidays are not workdays: they lower targets', async () => {
    const teamId = await teamIdFromModal();
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-12-01' });
    await submit({ ...VALID, days: ['1', '2', '3', '4', '5'] }, { teamId });
    await h.slack.waitFor('chat.postMessage');

    // December 2026: 23 Mon–Fri days, less Thu 24 and Fri 25 = 21 workdays. PTO on Thu 24 – Thu 31 Dec
    // takes Mon 28 – Thu 31 (4 workdays): 17 left.
    const message = await (await slash(h, REP, 'pto 2026-12-24 2026-12-31')).reply();
    expect(message.text).toBe(':palm_tree: PTO recorded for Thu 24 Dec – Thu 31 Dec (4 workdays).');
    const month = KINDS.map((k) => `${MONTHLY[k]} → ${Math.round((MONTHLY[k] * 17) / 21)} ${KIND_LABELS[k].many}`).join(', ');
    expect(month).toBe('360 → 291 dials, 120 → 97 conversations, 40 → 32 presentations, 20 → 16 opportunities, 10 → 8 closes');
    const shown = visibleText(message);
    expect(shown).toContain(`This month: ${month}`);
    // The week of Mon 21 Dec already had Thu 24 and Fri 25 off: the PTO changes nothing there.
    expect(shown).toContain('Week of Mon 21 Dec: unchanged');
  });
});
