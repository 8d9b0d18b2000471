import { TEAM_MODAL } from '../../../../src/blocks/ids.js';
import { readTeamForm, teamModalMetadata } from '../../../../src/listeners/views/team-settings-form.js';

type Form = {
  name?: string | null;
  channel?: string | null;
  managers?: string[] | null;
  days?: string[] | null;
  start?: string | null;
  end?: string | null;
  timezone?: string | null;
  holidays?: string | null;
  kinds?: string[] | null;
  daily?: string[] | null;
  dailyTime?: string | null;
  weekly?: string[] | null;
  weeklyTime?: string | null;
};

const VALID: Required<Form> = {
  name: ' Inside Sales ',
  channel: 'C0SALES',
  managers: ['U0BOSS', 'U0MGR', 'U0BOSS'],
  days: ['5', '1', '2', '3', '4'],
  start: '8:30',
  end: '16:30',
  timezone: 'Europe/London',
  holidays: '2026-12-25 Christmas Day\n2026-12-24 Christmas Eve',
  kinds: ['presentation', 'dial', 'conversation', 'dial'],
  daily: ['on'],
  dailyTime: '16:30',
  weekly: [],
  weeklyTime: '8:30',
};

function state(form: Form) {
  const f = { ...VALID, ...form };
  const a = TEAM_MODAL.action;
  return {
    [TEAM_MODAL.nameBlock]: { [a]: { value: f.name } },
    [TEAM_MODAL.channelBlock]: { [a]: { selected_conversation: f.channel } },
    [TEAM_MODAL.managersBlock]: { [a]: { selected_users: f.managers } },
    [TEAM_MODAL.workDaysBlock]: { [a]: { selected_options: f.days?.map((value) => ({ value })) ?? null } },
    [TEAM_MODAL.startBlock]: { [a]: { selected_time: f.start } },
    [TEAM_MODAL.endBlock]: { [a]: { selected_time: f.end } },
    [TEAM_MODAL.timezoneBlock]: { [a]: { selected_option: f.timezone === null ? null : { value: f.timezone } } },
    [TEAM_MODAL.holidaysBlock]: { [a]: { value: f.holidays } },
    [TEAM_MODAL.trackedKindsBlock]: { [a]: { selected_options: f.kinds?.map((value) => ({ value })) ?? null } },
    [TEAM_MODAL.dailyPostBlock]: { [a]: { selected_options: f.daily?.map((value) => ({ value })) ?? null } },
    [TEAM_MODAL.dailyPostTimeBlock]: { [a]: { selected_time: f.dailyTime } },
    [TEAM_MODAL.weeklyBoardBlock]: { [a]: { selected_options: f.weekly?.map((value) => ({ value })) ?? null } },
    [TEAM_MODAL.weeklyBoardTimeBlock]: { [a]: { selected_time: f.weeklyTime } },
  };
}

const read = (form: Form, submitterIsAdmin = false) => readTeamForm(state(form), { submitterIsAdmin, backfillDays: 7 });
const errorsOf = (form: Form, submitterIsAdmin = false) => {
  const result = read(form, submitterIsAdmin);
  if (result.ok) throw new Error('expected field errors');
  return result.errors;
};

describe('readTeamForm', () => {
  it('reads a valid form into settings: trimmed name, unique sorted managers and days, HH:MM times, sorted holidays', () => {
    expect(read({})).toEqual({
      ok: true,
      settings: {
        name: 'Inside Sales',
        channelId: 'C0SALES',
        managerUserIds: ['U0BOSS', 'U0MGR'],
        workDays: [1, 2, 3, 4, 5],
        workdayStart: '08:30',
        workdayEnd: '16:30',
        timezone: 'Europe/London',
        holidays: [
          { date: '2026-12-24', name: 'Christmas Eve' },
          { date: '2026-12-25', name: 'Christmas Day' },
        ],
        trackedKinds: ['dial', 'conversation', 'presentation'],
        dailyPostEnabled: true,
        dailyPostTime: '16:30',
        weeklyBoardEnabled: false,
        weeklyBoardTime: '08:30',
      },
    });
  });

  it('defaults the post settings: unticked posts are off, empty times are 16:30 and 09:00', () => {
    const result = read({ daily: null, dailyTime: null, weekly: null, weeklyTime: '' });
    expect(result.ok && [result.settings.dailyPostEnabled, result.settings.dailyPostTime, result.settings.weeklyBoardEnabled, result.settings.weeklyBoardTime]).toEqual([
      false,
      '16:30',
      false,
      '09:00',
    ]);
    const on = read({ daily: ['on'], weekly: ['on'] });
    expect(on.ok && [on.settings.dailyPostEnabled, on.settings.weeklyBoardEnabled]).toEqual([true, true]);
  });

  it('treats the optional fields as empty when left out', () => {
    const result = read({ channel: null, timezone: null, holidays: null });
    expect(result.ok && [result.settings.channelId, result.settings.timezone, result.settings.holidays]).toEqual([null, null, []]);
  });

  it.each<[string, Form, string, string]>([
    ['no name', { name: null }, TEAM_MODAL.nameBlock, 'Give the team a name.'],
    ['a blank name', { name: '   ' }, TEAM_MODAL.nameBlock, 'Give the team a name.'],
    ['a long name', { name: 'n'.repeat(81) }, TEAM_MODAL.nameBlock, 'Keep the name to 80 characters (it has 81).'],
    ['a name with control characters', { name: 'Sales\u202E' }, TEAM_MODAL.nameBlock, 'The name contains control characters; retype it without them.'],
    ['a forged channel', { channel: '#sales' }, TEAM_MODAL.channelBlock, 'Pick the team channel from the list.'],
    ['a forged manager', { managers: ['U0BOSS', 'nobody'] }, TEAM_MODAL.managersBlock, 'Pick managers from the list.'],
    ['too many managers', { managers: Array.from({ length: 21 }, (_, i) => `U0M${i}`) }, TEAM_MODAL.managersBlock, 'Name at most 20 managers.'],
    ['no managers (not an admin)', { managers: [] }, TEAM_MODAL.managersBlock, 'Name at least one manager (you can name yourself): only a workspace admin may leave a team without managers.'],
    ['no workdays', { days: [] }, TEAM_MODAL.workDaysBlock, 'Tick at least one workday.'],
    ['workdays missing', { days: null }, TEAM_MODAL.workDaysBlock, 'Tick at least one workday.'],
    ['a forged workday', { days: ['0'] }, TEAM_MODAL.workDaysBlock, 'Tick days from the list.'],
    ['no start', { start: null }, TEAM_MODAL.startBlock, 'Pick when the workday starts.'],
    ['no end', { end: '' }, TEAM_MODAL.endBlock, 'Pick when the workday ends.'],
    ['a bad start', { start: '9am' }, TEAM_MODAL.startBlock, 'Use a time as HH:MM, e.g. 09:00.'],
    ['an end before the start', { start: '18:00', end: '08:00' }, TEAM_MODAL.endBlock, 'The workday must end after it starts.'],
    ['an end equal to the start', { start: '09:00', end: '9:00' }, TEAM_MODAL.endBlock, 'The workday must end after it starts.'],
    ['an unknown timezone', { timezone: 'Europe/Atlantis' }, TEAM_MODAL.timezoneBlock, 'Pick a timezone from the list.'],
    ['a bad holiday line', { holidays: '2026-12-25 Christmas\n2026-13-01 Smarch' }, TEAM_MODAL.holidaysBlock, 'Line 2: “2026-13-01” isn’t a real date.'],
    ['no tracked kinds', { kinds: [] }, TEAM_MODAL.trackedKindsBlock, 'Tick at least one kind to track.'],
    ['tracked kinds missing', { kinds: null }, TEAM_MODAL.trackedKindsBlock, 'Tick at least one kind to track.'],
    ['a forged kind', { kinds: ['dial', 'lunch'] }, TEAM_MODAL.trackedKindsBlock, 'Tick kinds from the list.'],
    ['a forged daily post option', { daily: ['yes'] }, TEAM_MODAL.dailyPostBlock, 'Tick the box or leave it empty.'],
    ['a bad daily post time', { dailyTime: '4:30pm' }, TEAM_MODAL.dailyPostTimeBlock, 'Use a time as HH:MM, e.g. 09:00.'],
    ['a forged weekly board option', { weekly: ['on', 'off'] }, TEAM_MODAL.weeklyBoardBlock, 'Tick the box or leave it empty.'],
    ['a bad weekly board time', { weeklyTime: '24:00' }, TEAM_MODAL.weeklyBoardTimeBlock, 'Use a time as HH:MM, e.g. 09:00.'],
    ['a duplicate holiday', { holidays: '2026-12-25 A\n2026-12-25 B' }, TEAM_MODAL.holidaysBlock, 'Line 2: 2026-12-25 is already on line 1; give each date once.'],
  ])('answers %s with that field’s error only', (_label, form, block, message) => {
    expect(errorsOf(form)).toEqual({ [block]: message });
  });

  it('lets a workspace admin leave the team without managers', () => {
    const result = read({ managers: [] }, true);
    expect(result.ok && result.settings.managerUserIds).toEqual([]);
  });

  it('shows the first three bad holiday lines and counts the rest', () => {
    const holidays = ['x1', 'x2', 'x3', 'x4', 'x5'].join('\n');
    expect(errorsOf({ holidays })[TEAM_MODAL.holidaysBlock]).toBe(
      'Line 1: start with the date as YYYY-MM-DD, then the name, e.g. “2026-12-25 Christmas Day”. ' +
        'Line 2: start with the date as YYYY-MM-DD, then the name, e.g. “2026-12-25 Christmas Day”. ' +
        'Line 3: start with the date as YYYY-MM-DD, then the name, e.g. “2026-12-25 Christmas Day”. …and 2 more to fix.',
    );
  });

  it('reports every bad field at once', () => {
    expect(Object.keys(errorsOf({ name: '', managers: [], days: [], start: '12:00', end: '11:00', timezone: 'Nowhere', holidays: 'nope' })).sort()).toEqual(
      [TEAM_MODAL.nameBlock, TEAM_MODAL.managersBlock, TEAM_MODAL.workDaysBlock, TEAM_MODAL.endBlock, TEAM_MODAL.timezoneBlock, TEAM_MODAL.holidaysBlock].sort(),
    );
  });

  it('survives a state with no blocks at all (a forged submission)', () => {
    const result = readTeamForm({}, { submitterIsAdmin: false, backfillDays: 7 });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(
      [TEAM_MODAL.nameBlock, TEAM_MODAL.managersBlock, TEAM_MODAL.workDaysBlock, TEAM_MODAL.startBlock, TEAM_MODAL.endBlock, TEAM_MODAL.trackedKindsBlock].sort(),
    );
  });
});

describe('teamModalMetadata', () => {
  it('reads the team id, and nothing from malformed metadata', () => {
    expect(teamModalMetadata('{"teamId":"3f1c"}')).toEqual({ teamId: '3f1c' });
    expect(teamModalMetadata('not json')).toBeUndefined();
    expect(teamModalMetadata('{}')).toBeUndefined();
    expect(teamModalMetadata(undefined)).toBeUndefined();
    expect(teamModalMetadata(JSON.stringify({ teamId: 'x'.repeat(65) }))).toBeUndefined();
  });
});

describe('readTeamForm: the warning ladder', () => {
  type Ladder = {
    on?: string[];
    kinds?: string[] | null;
    threshold?: string | null;
    day?: string | null;
    time?: string | null;
    consequence?: string | null;
    nudge?: string[] | null;
    nudgeThreshold?: string | null;
    nudgeTime?: string | null;
  };
  const LADDER: Required<Ladder> = {
    on: ['on', 'celebrate'],
    kinds: ['conversation', 'dial'],
    threshold: '90',
    day: '5',
    time: '17:30',
    consequence: '  Fewer leads next week.\nTalk to your manager.  ',
    nudge: ['digest'],
    nudgeThreshold: '60',
    nudgeTime: '14:00',
  };
  const a = TEAM_MODAL.action;
  const withLadder = (l: Ladder) => {
    const f = { ...LADDER, ...l };
    return {
      ...state({}),
      [TEAM_MODAL.ladderBlock]: { [a]: { selected_options: f.on.map((value) => ({ value })) } },
      [TEAM_MODAL.ladderKindsBlock]: { [a]: { selected_options: f.kinds?.map((value) => ({ value })) ?? null } },
      [TEAM_MODAL.ladderThresholdBlock]: { [a]: { value: f.threshold } },
      [TEAM_MODAL.ladderDayBlock]: { [a]: { selected_option: f.day === null ? null : { value: f.day } } },
      [TEAM_MODAL.ladderTimeBlock]: { [a]: { selected_time: f.time } },
      [TEAM_MODAL.ladderConsequenceBlock]: { [a]: { value: f.consequence } },
      [TEAM_MODAL.nudgeBlock]: { [a]: { selected_options: f.nudge?.map((value) => ({ value })) ?? null } },
      [TEAM_MODAL.nudgeThresholdBlock]: { [a]: { value: f.nudgeThreshold } },
      [TEAM_MODAL.nudgeTimeBlock]: { [a]: { selected_time: f.nudgeTime } },
    };
  };
  const readLadder = (l: Ladder) => readTeamForm(withLadder(l), { submitterIsAdmin: false, backfillDays: 7 });

  it('reads the policy: kinds in funnel order, a whole percent, day and time, trimmed consequence', () => {
    const result = readLadder({});
    expect(result.ok && result.settings.ladder).toEqual({
      enabled: true,
      kinds: ['dial', 'conversation'],
      thresholdPercent: 90,
      evaluationDay: 5,
      evaluationTime: '17:30',
      consequence: 'Fewer leads next week.\nTalk to your manager.',
      managerAlerts: false,
      celebrateHits: true,
      nudgeEnabled: false,
      nudgeThresholdPercent: 60,
      nudgeTime: '14:00',
      digestEnabled: true,
    });
    const off = readLadder({ on: [] });
    expect(off.ok && off.settings.ladder?.enabled).toBe(false);
  });

  it('leaves the ladder alone when the form had no ladder fields (opened before they existed)', () => {
    const result = read({});
    expect(result.ok && 'ladder' in result.settings).toBe(false);
  });

  it.each([
    [{ kinds: [] }, TEAM_MODAL.ladderKindsBlock, 'Tick at least one kind to judge weeks on.'],
    [{ threshold: '5' }, TEAM_MODAL.ladderThresholdBlock, 'Use a whole percent from 10 to 200, e.g. 100.'],
    [{ threshold: '99.5' }, TEAM_MODAL.ladderThresholdBlock, 'Use a whole percent from 10 to 200, e.g. 100.'],
    [{ threshold: '' }, TEAM_MODAL.ladderThresholdBlock, 'Use a whole percent from 10 to 200, e.g. 100.'],
    [{ day: '8' }, TEAM_MODAL.ladderDayBlock, 'Pick a day from the list.'],
    [{ time: '25:00' }, TEAM_MODAL.ladderTimeBlock, 'Use a time as HH:MM, e.g. 09:00.'],
    [{ consequence: '   ' }, TEAM_MODAL.ladderConsequenceBlock, 'Say what a third missed week brings, so reps know in advance.'],
    [{ consequence: 'x'.repeat(301) }, TEAM_MODAL.ladderConsequenceBlock, 'Keep it to 300 characters.'],
    [{ consequence: 'bad\u0007bell' }, TEAM_MODAL.ladderConsequenceBlock, 'The text contains control characters; retype it without them.'],
    [{ nudge: ['sometimes'] }, TEAM_MODAL.nudgeBlock, 'Tick the boxes or leave them empty.'],
    [{ on: ['on', 'shout'] }, TEAM_MODAL.ladderBlock, 'Tick the boxes or leave them empty.'],
    [{ nudgeThreshold: '120' }, TEAM_MODAL.nudgeThresholdBlock, 'Use a whole percent from 10 to 100, e.g. 70.'],
    [{ nudgeTime: 'noon' }, TEAM_MODAL.nudgeTimeBlock, 'Use a time as HH:MM, e.g. 09:00.'],
  ])('refuses %j with a field error', (ladder, block, message) => {
    const result = readLadder(ladder as Ladder);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[block]).toBe(message);
  });
});

describe('readTeamForm: review flags', () => {
  const a = TEAM_MODAL.action;
  type Flags = { on?: string[] | null; late?: string | null; burst?: string | null; large?: string | null };
  const withFlags = (f: Flags, backfillDays = 7) =>
    readTeamForm(
      {
        ...state({}),
        [TEAM_MODAL.flagsBlock]: { [a]: { selected_options: f.on === null ? null : (f.on ?? ['on']).map((value) => ({ value })) } },
        [TEAM_MODAL.lateAfterBlock]: { [a]: { value: f.late === undefined ? '3' : f.late } },
        [TEAM_MODAL.burstBlock]: { [a]: { value: f.burst === undefined ? '6' : f.burst } },
        [TEAM_MODAL.largeBlock]: { [a]: { value: f.large === undefined ? '4' : f.large } },
      },
      { submitterIsAdmin: false, backfillDays },
    );

  it('reads the switch and the three limits', () => {
    const result = withFlags({});
    expect(result.ok && result.settings.flags).toEqual({ enabled: true, lateAfterDays: 3, burstDialsPerMinute: 6, largeEntryDays: 4 });
    const off = withFlags({ on: null, late: ' 0 ' });
    expect(off.ok && off.settings.flags).toEqual({ enabled: false, lateAfterDays: 0, burstDialsPerMinute: 6, largeEntryDays: 4 });
  });

  it('leaves the flags alone when the form had no flag fields (opened before they existed)', () => {
    const result = read({});
    expect(result.ok && 'flags' in result.settings).toBe(false);
  });

  it.each([
    [{ late: '8' }, TEAM_MODAL.lateAfterBlock, 'Use a whole number from 0 to 7, e.g. 2.'],
    [{ late: '-1' }, TEAM_MODAL.lateAfterBlock, 'Use a whole number from 0 to 7, e.g. 2.'],
    [{ late: null }, TEAM_MODAL.lateAfterBlock, 'Use a whole number from 0 to 7, e.g. 2.'],
    [{ burst: '0' }, TEAM_MODAL.burstBlock, 'Use a whole number from 1 to 100, e.g. 10.'],
    [{ burst: '2.5' }, TEAM_MODAL.burstBlock, 'Use a whole number from 1 to 100, e.g. 10.'],
    [{ large: '31' }, TEAM_MODAL.largeBlock, 'Use a whole number from 1 to 30, e.g. 3.'],
    [{ large: '9'.repeat(400) }, TEAM_MODAL.largeBlock, 'Use a whole number from 1 to 30, e.g. 3.'],
    [{ on: ['always'] }, TEAM_MODAL.flagsBlock, 'Tick the box or leave it empty.'],
  ])('refuses %j with a field error', (flags, block, message) => {
    const result = withFlags(flags as Flags);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[block]).toBe(message);
  });

  it('caps "late after" at how far back /dial accepts entries', () => {
    const result = withFlags({ late: '3' }, 2);
    expect(!result.ok && result.errors[TEAM_MODAL.lateAfterBlock]).toBe('Use a whole number from 0 to 2, e.g. 2.');
  });
});

describe('readTeamForm: reps', () => {
  const withReps = (users: unknown) => readTeamForm({ ...state({}), [TEAM_MODAL.repsBlock]: { [TEAM_MODAL.action]: { selected_users: users as string[] } } }, { submitterIsAdmin: false, backfillDays: 7 });

  it('reads picked reps deduplicated and sorted; none picked is an empty team', () => {
    const result = withReps(['U0B', 'U0A', 'U0B']);
    expect(result.ok && result.settings.repUserIds).toEqual(['U0A', 'U0B']);
    const empty = withReps(null);
    expect(empty.ok && empty.settings.repUserIds).toEqual([]);
  });

  it('keeps the reps as they are when the form had no reps field, and refuses forged ids', () => {
    const absent = read({});
    expect(absent.ok && 'repUserIds' in absent.settings).toBe(false);
    const forged = withReps(['U0A', '<script>']);
    expect(!forged.ok && forged.errors[TEAM_MODAL.repsBlock]).toBe('Pick reps from the list.');
    const many = withReps(Array.from({ length: 501 }, (_, i) => `U${String(i).padStart(4, '0')}`));
    expect(!many.ok && many.errors[TEAM_MODAL.repsBlock]).toBe('Name at most 500 reps.');
  });
});
