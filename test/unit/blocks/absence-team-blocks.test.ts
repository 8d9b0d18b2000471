import { absenceCancelledReply, absenceRecordedReply, targetLines } from '../../../src/blocks/absence-replies.js';
import { buildTeamSettingsModal, COMMON_TIMEZONES, describeWorkDays, teamSettingsSummary } from '../../../src/blocks/team-settings-modal.js';
import { TEAM_MODAL } from '../../../src/blocks/ids.js';
import { isValidTimezone } from '../../../src/lib/time.js';
import type { TargetChange } from '../../../src/services/absences/target-change.js';
import type { TeamSettings } from '../../../src/services/teams/team-settings.js';

const targets = (dial: number, close = 0) => ({ dial, conversation: 0, presentation: 0, opportunity: 0, close });
const window = (period: 'month' | 'week', current: boolean, first: string) => ({ period, current, first, days: [first] });

const change = (overrides: Partial<TargetChange> = {}): TargetChange => ({
  month: { window: window('month', true, '2026-12-01'), before: targets(360, 10), after: targets(266.087, 7.39) },
  week: { window: window('week', false, '2026-12-21'), before: targets(78.26, 2.17), after: targets(46.96, 1.3) },
  kinds: ['dial', 'close'],
  ...overrides,
});

describe('absence replies', () => {
  it('shows rounded before → after targets per kind with a goal, singular where it is one', () => {
    expect(targetLines(change(), { self: true })).toBe('*Your targets*\nThis month: 360 → 266 dials, 10 → 7 closes\nWeek of Mon 21 Dec: 78 → 47 dials, 2 → 1 close');
  });

  it('says "unchanged" for a window the absence doesn’t move, and names another month', () => {
    const lines = targetLines(
      change({
        month: { window: window('month', false, '2027-01-01'), before: targets(360, 10), after: targets(300, 8) },
        week: { window: window('week', true, '2026-11-30'), before: targets(60, 2), after: targets(60, 2) },
      }),
      { self: false, slackUserId: 'U0REP' },
    );
    expect(lines).toBe('*<@U0REP>’s targets*\nJanuary 2027: 360 → 300 dials, 10 → 8 closes\nThis week: unchanged');
  });

  it('explains that days are kept for later when no goal is set', () => {
    expect(targetLines(change({ kinds: [] }), { self: false, slackUserId: 'U0REP' })).toBe(
      'No goal is set yet, so targets don’t change now; these days are recorded and will lower <@U0REP>’s targets once a goal exists.',
    );
  });

  it('words a ramp the manager set for themselves', () => {
    const reply = absenceRecordedReply({
      kind: 'ramp',
      subject: { self: true },
      today: '2026-12-04',
      requested: { startDate: '2026-12-07', endDate: '2026-12-11' },
      workdays: 5,
      days: 5,
      rampPercent: 60,
      merged: undefined,
      change: change(),
    });
    expect(reply.text).toBe(':seedling: Ramp recorded for you: 60% of normal targets on Mon 7 Dec – Fri 11 Dec (5 workdays).');
    expect(JSON.stringify(reply.blocks)).toContain('`/dial ramp cancel 2026-12-07 2026-12-11`');
  });

  it('says a cancel of weekend days puts no workday back', () => {
    const reply = absenceCancelledReply({
      kind: 'pto',
      subject: { self: false, slackUserId: 'U0REP' },
      today: '2026-12-04',
      freed: [{ startDate: '2026-12-05', endDate: '2026-12-06' }],
      workdays: 0,
      days: 2,
      kept: [],
      change: change(),
    });
    expect(reply.text).toBe(':leftwards_arrow_with_hook: PTO cancelled for <@U0REP>: Sat 5 Dec – Sun 6 Dec (no workdays).');
  });
});

const SETTINGS: TeamSettings = {
  name: 'Sales',
  channelId: null,
  managerUserIds: [],
  repUserIds: [],
  workDays: [1, 2, 3, 4, 5],
  workdayStart: '09:00',
  workdayEnd: '17:00',
  timezone: null,
  holidays: [],
  trackedKinds: ['dial', 'conversation'],
  dailyPostEnabled: true,
  dailyPostTime: '16:30',
  weeklyBoardEnabled: false,
  weeklyBoardTime: '09:00',
  ladder: { enabled: true, kinds: ['dial', 'conversation'], thresholdPercent: 100, evaluationDay: 5, evaluationTime: '18:00', consequence: 'Fewer leads.', managerAlerts: true, celebrateHits: true, nudgeEnabled: true, nudgeThresholdPercent: 70, nudgeTime: '13:00', digestEnabled: false },
  flags: { enabled: true, lateAfterDays: 2, burstDialsPerMinute: 10, largeEntryDays: 3 },
};

describe('team settings modal', () => {
  it('offers only valid, distinct zones, within a static select’s 100 options', () => {
    expect(COMMON_TIMEZONES.filter((z) => !isValidTimezone(z))).toEqual([]);
    expect(new Set(COMMON_TIMEZONES).size).toBe(COMMON_TIMEZONES.length);
    expect(COMMON_TIMEZONES.length).toBeLessThanOrEqual(99); // room for a team's own zone
  });

  it('keeps a team zone that is not in the common list as the selected option', () => {
    const view = buildTeamSettingsModal({ teamId: 't1', settings: { ...SETTINGS, timezone: 'America/Indiana/Knox' }, backfillDays: 7 });
    const select = (view.blocks as any[]).find((b) => b.block_id === TEAM_MODAL.timezoneBlock).element;
    expect(select.initial_option.value).toBe('America/Indiana/Knox');
    expect(select.options[0].value).toBe('America/Indiana/Knox');
    expect(select.options.length).toBeLessThanOrEqual(100);
  });

  it('leaves unset fields without initial values (Slack rejects empty ones)', () => {
    const view = buildTeamSettingsModal({ teamId: 't1', settings: SETTINGS, backfillDays: 7 });
    const el = (block: string) => (view.blocks as any[]).find((b) => b.block_id === block).element;
    expect(el(TEAM_MODAL.channelBlock).initial_conversation).toBeUndefined();
    expect(el(TEAM_MODAL.timezoneBlock).initial_option).toBeUndefined();
    expect(el(TEAM_MODAL.holidaysBlock).initial_value).toBeUndefined();
    expect(view.type === 'modal' && view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.parse(view.private_metadata!)).toEqual({ teamId: 't1' });
  });

  it('offers the five kinds in funnel order and pre-fills the post settings', () => {
    const view = buildTeamSettingsModal({ teamId: 't1', settings: { ...SETTINGS, trackedKinds: ['presentation', 'dial'], weeklyBoardTime: '08:30' }, backfillDays: 7 });
    const el = (block: string) => (view.blocks as any[]).find((b) => b.block_id === block).element;
    expect(el(TEAM_MODAL.trackedKindsBlock).options.map((o: any) => [o.value, o.text.text])).toEqual([
      ['dial', 'Dials'],
      ['conversation', 'Conversations'],
      ['presentation', 'Presentations'],
      ['opportunity', 'Opportunities'],
      ['close', 'Closes'],
    ]);
    expect(el(TEAM_MODAL.trackedKindsBlock).initial_options.map((o: any) => o.value)).toEqual(['dial', 'presentation']);
    expect(el(TEAM_MODAL.dailyPostBlock).options.map((o: any) => o.text.text)).toEqual(['Post daily progress']);
    expect(el(TEAM_MODAL.dailyPostBlock).initial_options).toHaveLength(1);
    expect(el(TEAM_MODAL.dailyPostTimeBlock)).toMatchObject({ type: 'timepicker', initial_time: '16:30' });
    expect(el(TEAM_MODAL.weeklyBoardBlock).initial_options).toBeUndefined();
    expect(el(TEAM_MODAL.weeklyBoardTimeBlock)).toMatchObject({ type: 'timepicker', initial_time: '08:30' });
    const hint = (view.blocks as any[]).find((b) => b.block_id === TEAM_MODAL.weeklyBoardTimeBlock).hint.text;
    expect(hint).toContain('first workday');
    expect(hint).toContain('week just ended');
  });
});

describe('describeWorkDays', () => {
  it.each([
    [[1, 2, 3, 4, 5], 'Mon–Fri'],
    [[1, 2, 3, 4, 5, 6, 7], 'Mon–Sun'],
    [[5, 1, 3], 'Mon, Wed, Fri'],
    [[1, 2, 4, 5, 6], 'Mon, Tue, Thu–Sat'],
    [[7], 'Sun'],
  ])('%j → %s', (days, text) => {
    expect(describeWorkDays(days)).toBe(text);
  });
});

describe('teamSettingsSummary', () => {
  it('lists at most ten holidays and counts the rest', () => {
    const holidays = Array.from({ length: 12 }, (_, i) => ({ date: `2027-01-${String(i + 1).padStart(2, '0')}`, name: `Day ${i + 1}` }));
    const text = JSON.stringify(teamSettingsSummary({ ...SETTINGS, holidays }).blocks);
    expect(text).toContain('Holidays:* 12');
    expect(text).toContain('Sun 10 Jan 2027: Day 10');
    expect(text).not.toContain('Day 11');
    expect(text).toContain('…and 2 more');
    expect(text).toContain('none (workspace admins manage it)');
    expect(text).toContain('Tracked:* Dials, Conversations');
    expect(text).toContain('Daily progress:* 16:30');
    expect(text).toContain('Weekly leaderboard:* off');
  });
});
