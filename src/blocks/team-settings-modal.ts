// The team settings modal (`/dial team`, managers only) and the summary DM sent after a save.
import type { KnownBlock, PlainTextOption, View } from '@slack/types';
import { KIND_LABELS, KINDS, type Kind } from '../lib/kinds.js';
import { formatLocalDate } from '../lib/time.js';
import { formatHolidayLines, MAX_HOLIDAY_NAME, MAX_HOLIDAYS } from '../services/teams/holiday-lines.js';
import type { TeamSettings } from '../services/teams/team-settings.js';
import type { Reply } from './activity-replies.js';
import { ACTION, CALLBACK, TEAM_MODAL } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

export const MAX_TEAM_NAME = 80;
export const MAX_TEAM_MANAGERS = 20;
export const MAX_TEAM_REPS = 500;

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const WEEKDAY_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Common IANA zones for the team timezone (a static_select holds at most 100 options). */
export const COMMON_TIMEZONES: readonly string[] = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Phoenix',
  'America/Denver',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Bogota',
  'America/Lima',
  'America/Halifax',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'America/St_Johns',
  'Atlantic/Reykjavik',
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Brussels',
  'Europe/Amsterdam',
  'Europe/Berlin',
  'Europe/Zurich',
  'Europe/Rome',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Kyiv',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Manila',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Asia/Taipei',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Pacific/Auckland',
];

export type TeamModalMetadata = { teamId: string };

const option = (text: string, value: string): PlainTextOption => ({ text: { type: 'plain_text', text: truncate(text, 75) }, value });
const zoneOption = (zone: string) => option(zone.replace(/_/g, ' '), zone);
const dayOption = (day: number) => option(WEEKDAY_LONG[day - 1]!, String(day));
const onOption = (text: string) => option(text, ON_VALUE);
const kindOption = (kind: Kind) => option(KIND_LABELS[kind].title, kind);
/** The single option of an on/off checkbox. */
export const ON_VALUE = 'on';

export const DEFAULT_DAILY_POST_TIME = '16:30';
export const DEFAULT_WEEKLY_BOARD_TIME = '09:00';
export const MAX_CONSEQUENCE = 300;
export const MIN_THRESHOLD = 10;
export const MAX_THRESHOLD = 200;
/** The early-warning checkbox's second option: the managers' digest. */
export const DIGEST_VALUE = 'digest';
/** The warnings checkbox's other options: manager alerts, and congratulations on a hit. */
export const ALERTS_VALUE = 'alerts';
export const CELEBRATE_VALUE = 'celebrate';
const WARN_LABEL = 'Warn reps who miss their weekly target';
const ALERTS_LABEL = 'Alert managers at the second and third missed week';
const CELEBRATE_LABEL = 'Congratulate reps who hit their target';
const NUDGE_LABEL = 'Nudge reps who fall behind pace';
const FLAGS_LABEL = 'Flag entries for a manager’s review';
export const MAX_BURST_PER_MINUTE = 100;
export const MAX_LARGE_ENTRY_DAYS = 30;
const DIGEST_LABEL = 'Send managers a daily digest of who is behind';

/** `backfillDays`: how far back `/dial` accepts entries (BACKFILL_DAYS), the most "late" can mean. */
export function buildTeamSettingsModal(input: { teamId: string; settings: TeamSettings; backfillDays: number }): View {
  const s = input.settings;
  const metadata: TeamModalMetadata = { teamId: input.teamId };
  const zones = s.timezone && !COMMON_TIMEZONES.includes(s.timezone) ? [s.timezone, ...COMMON_TIMEZONES] : COMMON_TIMEZONES;
  const holidays = formatHolidayLines(s.holidays);
  const input_ = <E>(block_id: string, label: string, element: E, extra: { optional?: boolean; hint?: string } = {}) => ({
    type: 'input' as const,
    block_id,
    label: { type: 'plain_text' as const, text: label },
    element,
    ...(extra.optional ? { optional: true } : {}),
    ...(extra.hint ? { hint: { type: 'plain_text' as const, text: extra.hint } } : {}),
  });
  const blocks = [
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Targets count only the team’s workdays: days off in the work week and holidays lower every rep’s targets.' }],
    },
    input_(TEAM_MODAL.nameBlock, 'Team name', {
      type: 'plain_text_input',
      action_id: TEAM_MODAL.action,
      initial_value: s.name,
      max_length: MAX_TEAM_NAME,
    }),
    input_(
      TEAM_MODAL.channelBlock,
      'Team channel',
      {
        type: 'conversations_select',
        action_id: TEAM_MODAL.action,
        ...(s.channelId ? { initial_conversation: s.channelId } : {}),
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        placeholder: { type: 'plain_text', text: 'Pick a channel' },
      },
      { optional: true, hint: 'Where progress and leaderboards are posted.' },
    ),
    input_(
      TEAM_MODAL.managersBlock,
      'Managers',
      {
        type: 'multi_users_select',
        action_id: TEAM_MODAL.action,
        initial_users: s.managerUserIds,
        max_selected_items: MAX_TEAM_MANAGERS,
        placeholder: { type: 'plain_text', text: 'Pick managers' },
      },
      { optional: true, hint: 'Managers set goals, see every rep, and get escalation alerts. Workspace admins manage every team.' },
    ),
    input_(
      TEAM_MODAL.repsBlock,
      'Reps',
      {
        type: 'multi_users_select',
        action_id: TEAM_MODAL.action,
        ...(s.repUserIds.length > 0 ? { initial_users: s.repUserIds } : {}),
        max_selected_items: MAX_TEAM_REPS,
        placeholder: { type: 'plain_text', text: 'Pick reps' },
      },
      { optional: true, hint: 'A rep is on one team at a time: adding them here moves them. A rep taken off keeps their history.' },
    ),
    input_(TEAM_MODAL.workDaysBlock, 'Work week', {
      type: 'checkboxes',
      action_id: TEAM_MODAL.action,
      options: [1, 2, 3, 4, 5, 6, 7].map(dayOption),
      ...(s.workDays.length > 0 ? { initial_options: s.workDays.map(dayOption) } : {}),
    }),
    input_(
      TEAM_MODAL.startBlock,
      'Workday starts',
      { type: 'timepicker', action_id: TEAM_MODAL.action, initial_time: s.workdayStart },
      { hint: 'In each rep’s own timezone; pace counts today’s share of these hours.' },
    ),
    input_(TEAM_MODAL.endBlock, 'Workday ends', { type: 'timepicker', action_id: TEAM_MODAL.action, initial_time: s.workdayEnd }),
    input_(
      TEAM_MODAL.timezoneBlock,
      'Team timezone',
      {
        type: 'static_select',
        action_id: TEAM_MODAL.action,
        options: zones.slice(0, 100).map(zoneOption),
        ...(s.timezone ? { initial_option: zoneOption(s.timezone) } : {}),
        placeholder: { type: 'plain_text', text: 'Pick a timezone' },
      },
      { optional: true, hint: 'For team-wide things such as when the board is posted. Reps’ days follow their own Slack timezone.' },
    ),
    input_(
      TEAM_MODAL.holidaysBlock,
      'Holidays',
      {
        type: 'plain_text_input',
        action_id: TEAM_MODAL.action,
        multiline: true,
        max_length: LIMITS.plainTextInput,
        ...(holidays ? { initial_value: holidays } : {}),
        placeholder: { type: 'plain_text', text: '2026-12-25 Christmas Day' },
      },
      { optional: true, hint: `One per line: the date as YYYY-MM-DD, then the name (up to ${MAX_HOLIDAY_NAME} characters). At most ${MAX_HOLIDAYS}.` },
    ),
    input_(
      TEAM_MODAL.trackedKindsBlock,
      'Tracked kinds',
      {
        type: 'checkboxes',
        action_id: TEAM_MODAL.action,
        options: KINDS.map(kindOption),
        ...(s.trackedKinds.length > 0 ? { initial_options: KINDS.filter((k) => s.trackedKinds.includes(k)).map(kindOption) } : {}),
      },
      { hint: 'What the daily progress post and the weekly leaderboard show.' },
    ),
    input_(
      TEAM_MODAL.dailyPostBlock,
      'Daily progress',
      {
        type: 'checkboxes',
        action_id: TEAM_MODAL.action,
        options: [onOption('Post daily progress')],
        ...(s.dailyPostEnabled ? { initial_options: [onOption('Post daily progress')] } : {}),
      },
      { optional: true },
    ),
    input_(
      TEAM_MODAL.dailyPostTimeBlock,
      'Daily progress time',
      { type: 'timepicker', action_id: TEAM_MODAL.action, initial_time: s.dailyPostTime || DEFAULT_DAILY_POST_TIME },
      { optional: true, hint: 'In the team timezone, on workdays, to the team channel.' },
    ),
    input_(
      TEAM_MODAL.weeklyBoardBlock,
      'Weekly leaderboard',
      {
        type: 'checkboxes',
        action_id: TEAM_MODAL.action,
        options: [onOption('Post the weekly leaderboard')],
        ...(s.weeklyBoardEnabled ? { initial_options: [onOption('Post the weekly leaderboard')] } : {}),
      },
      { optional: true },
    ),
    input_(
      TEAM_MODAL.weeklyBoardTimeBlock,
      'Weekly leaderboard time',
      { type: 'timepicker', action_id: TEAM_MODAL.action, initial_time: s.weeklyBoardTime || DEFAULT_WEEKLY_BOARD_TIME },
      { optional: true, hint: 'In the team timezone, on the week’s first workday, for the week just ended.' },
    ),
    { type: 'header', text: { type: 'plain_text', text: 'Warning ladder' } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'A rep who misses their weekly target gets a friendly warning; a second week in a row, a stern one and you are told; a third, the consequence below and you get the record. A week on target clears it. Messages are private.',
        },
      ],
    },
    input_(
      TEAM_MODAL.ladderBlock,
      'Warnings',
      {
        type: 'checkboxes',
        action_id: TEAM_MODAL.action,
        options: [onOption(WARN_LABEL), option(ALERTS_LABEL, ALERTS_VALUE), option(CELEBRATE_LABEL, CELEBRATE_VALUE)],
        ...(s.ladder.enabled || s.ladder.managerAlerts || s.ladder.celebrateHits
          ? {
              initial_options: [
                ...(s.ladder.enabled ? [onOption(WARN_LABEL)] : []),
                ...(s.ladder.managerAlerts ? [option(ALERTS_LABEL, ALERTS_VALUE)] : []),
                ...(s.ladder.celebrateHits ? [option(CELEBRATE_LABEL, CELEBRATE_VALUE)] : []),
              ],
            }
          : {}),
      },
      { optional: true, hint: 'Without the first box, weeks are not judged at all.' },
    ),
    input_(
      TEAM_MODAL.ladderKindsBlock,
      'Judged on',
      { type: 'checkboxes', action_id: TEAM_MODAL.action, options: KINDS.map(kindOption), initial_options: KINDS.filter((k) => s.ladder.kinds.includes(k)).map(kindOption) },
      { hint: 'A week is missed when any of these is under target.' },
    ),
    input_(
      TEAM_MODAL.ladderThresholdBlock,
      'On target from (% of target)',
      {
        type: 'number_input',
        action_id: TEAM_MODAL.action,
        is_decimal_allowed: false,
        min_value: String(MIN_THRESHOLD),
        max_value: String(MAX_THRESHOLD),
        initial_value: String(s.ladder.thresholdPercent),
      },
      { hint: '100 means the full prorated target; 90 forgives a small shortfall.' },
    ),
    input_(TEAM_MODAL.ladderDayBlock, 'Weeks are judged on', {
      type: 'static_select',
      action_id: TEAM_MODAL.action,
      options: [1, 2, 3, 4, 5, 6, 7].map(dayOption),
      initial_option: dayOption(s.ladder.evaluationDay),
    }),
    input_(
      TEAM_MODAL.ladderTimeBlock,
      'At',
      { type: 'timepicker', action_id: TEAM_MODAL.action, initial_time: s.ladder.evaluationTime },
      { hint: 'In each rep’s own timezone.' },
    ),
    input_(
      TEAM_MODAL.ladderConsequenceBlock,
      'Consequence of a third missed week',
      { type: 'plain_text_input', action_id: TEAM_MODAL.action, multiline: true, max_length: MAX_CONSEQUENCE, initial_value: s.ladder.consequence },
      { hint: 'Told to the rep and their managers, e.g. “Your lead allocation is reduced by 20% until you are back on target.”' },
    ),
    input_(
      TEAM_MODAL.nudgeBlock,
      'Early warning',
      {
        type: 'checkboxes',
        action_id: TEAM_MODAL.action,
        options: [onOption(NUDGE_LABEL), option(DIGEST_LABEL, DIGEST_VALUE)],
        ...(s.ladder.nudgeEnabled || s.ladder.digestEnabled
          ? { initial_options: [...(s.ladder.nudgeEnabled ? [onOption(NUDGE_LABEL)] : []), ...(s.ladder.digestEnabled ? [option(DIGEST_LABEL, DIGEST_VALUE)] : [])] }
          : {}),
      },
      { optional: true, hint: 'One nudge a day at most, never on a day off or after the workday; reps can mute a day from App Home.' },
    ),
    input_(
      TEAM_MODAL.nudgeThresholdBlock,
      'Behind pace under (%)',
      {
        type: 'number_input',
        action_id: TEAM_MODAL.action,
        is_decimal_allowed: false,
        min_value: String(MIN_THRESHOLD),
        max_value: '100',
        initial_value: String(s.ladder.nudgeThresholdPercent),
      },
      { hint: 'Week-to-date actual ÷ what was due by now.' },
    ),
    input_(
      TEAM_MODAL.nudgeTimeBlock,
      'Check at',
      { type: 'timepicker', action_id: TEAM_MODAL.action, initial_time: s.ladder.nudgeTime },
      { hint: 'Each rep’s own time for nudges; the team timezone for the digest.' },
    ),
    { type: 'header', text: { type: 'plain_text', text: 'Trustworthy numbers' } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Entries logged late, dials faster than anyone can place them, and unusually large entries are flagged for you in App Home and `/dial stats @rep`: accept or void each with a reason.',
        },
      ],
    },
    input_(
      TEAM_MODAL.flagsBlock,
      'Review',
      {
        type: 'checkboxes',
        action_id: TEAM_MODAL.action,
        options: [onOption(FLAGS_LABEL)],
        ...(s.flags.enabled ? { initial_options: [onOption(FLAGS_LABEL)] } : {}),
      },
      { optional: true },
    ),
    input_(
      TEAM_MODAL.lateAfterBlock,
      'Late after (days)',
      { type: 'number_input', action_id: TEAM_MODAL.action, is_decimal_allowed: false, min_value: '0', max_value: String(input.backfillDays), initial_value: String(s.flags.lateAfterDays) },
      { hint: `An entry logged more than this many days after the day it happened is flagged. \`/dial\` takes entries up to ${input.backfillDays} days back.` },
    ),
    input_(
      TEAM_MODAL.burstBlock,
      'Most dials a minute',
      { type: 'number_input', action_id: TEAM_MODAL.action, is_decimal_allowed: false, min_value: '1', max_value: String(MAX_BURST_PER_MINUTE), initial_value: String(s.flags.burstDialsPerMinute) },
      { hint: 'Phone-system calls: more within any minute are flagged. Typed entries: a day’s dials beyond this rate over the working time so far are flagged.' },
    ),
    input_(
      TEAM_MODAL.largeBlock,
      'Large entry (days of target)',
      { type: 'number_input', action_id: TEAM_MODAL.action, is_decimal_allowed: false, min_value: '1', max_value: String(MAX_LARGE_ENTRY_DAYS), initial_value: String(s.flags.largeEntryDays) },
      { hint: 'A typed or imported entry worth more than this many workdays of the rep’s target for a kind is flagged.' },
    ),
    { type: 'header', text: { type: 'plain_text', text: 'Phone system' } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: 'Let your phone system log the team’s calls: API tokens, and when a connected call counts as a conversation.' },
      accessory: { type: 'button', action_id: ACTION.openPhoneSystem, value: input.teamId, text: { type: 'plain_text', text: 'Phone system…' } },
    },
  ] as KnownBlock[];
  return {
    type: 'modal',
    callback_id: CALLBACK.teamSettings,
    title: { type: 'plain_text', text: 'Team settings' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** "Mon–Fri", "Mon–Sat", "Mon, Wed, Fri": runs of three or more days are shortened, Monday first. */
export function describeWorkDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => (run.length >= 3 ? `${WEEKDAY_NAMES[run[0]! - 1]}–${WEEKDAY_NAMES[run.at(-1)! - 1]}` : run.map((d) => WEEKDAY_NAMES[d - 1]).join(', ')))
    .join(', ');
}

const SHOWN_HOLIDAYS = 10;

/** The DM a manager gets after saving team settings. */
export function teamSettingsSummary(settings: TeamSettings, channelJoin?: 'joined' | 'invite'): Reply {
  const headline = `:white_check_mark: Team settings saved for *${settings.name}*.`;
  const holidays = settings.holidays;
  const holidayLines = holidays.slice(0, SHOWN_HOLIDAYS).map((h) => `    ${formatLocalDate(h.date)} ${h.date.slice(0, 4)}: ${h.name}`);
  if (holidays.length > SHOWN_HOLIDAYS) holidayLines.push(`    …and ${holidays.length - SHOWN_HOLIDAYS} more`);
  const lines = [
    `• *Channel:* ${settings.channelId ? `<#${settings.channelId}>` : 'none'}${
      channelJoin === 'joined' ? ' (I joined it)' : channelJoin === 'invite' ? ' — I can’t join it myself: invite me there with `/invite @dialbot`' : ''
    }`,
    `• *Managers:* ${settings.managerUserIds.length > 0 ? settings.managerUserIds.map((u) => `<@${u}>`).join(', ') : 'none (workspace admins manage it)'}`,
    `• *Reps:* ${settings.repUserIds.length}`,
    `• *Work week:* ${describeWorkDays(settings.workDays)}`,
    `• *Workday:* ${settings.workdayStart}–${settings.workdayEnd} (each rep’s own time)`,
    `• *Team timezone:* ${settings.timezone ?? 'not set'}`,
    `• *Holidays:* ${holidays.length === 0 ? 'none' : holidays.length}`,
    ...holidayLines,
    `• *Tracked:* ${settings.trackedKinds.map((k) => KIND_LABELS[k].title).join(', ')}`,
    `• *Daily progress:* ${settings.dailyPostEnabled ? `${settings.dailyPostTime} team time on workdays` : 'off'}`,
    `• *Weekly leaderboard:* ${settings.weeklyBoardEnabled ? `${settings.weeklyBoardTime} team time on the week’s first workday` : 'off'}`,
    `• *Warning ladder:* ${
      settings.ladder.enabled
        ? `weeks judged ${WEEKDAY_LONG[settings.ladder.evaluationDay - 1]} ${settings.ladder.evaluationTime} (each rep’s own time) on ${settings.ladder.kinds.map((k) => KIND_LABELS[k].many).join(' and ')}; a miss is under ${settings.ladder.thresholdPercent}% · consequence: “${settings.ladder.consequence}” · manager alerts ${settings.ladder.managerAlerts ? 'on' : 'off'} · congratulations ${settings.ladder.celebrateHits ? 'on' : 'off'}`
        : 'off'
    }`,
    `• *Early warning:* ${settings.ladder.nudgeEnabled ? `reps under ${settings.ladder.nudgeThresholdPercent}% of pace are nudged at ${settings.ladder.nudgeTime} their time` : 'no nudges'}${settings.ladder.digestEnabled ? '; managers get a daily digest' : ''}`,
    `• *Review flags:* ${
      settings.flags.enabled
        ? `entries logged more than ${settings.flags.lateAfterDays} days late, over ${settings.flags.burstDialsPerMinute} dials a minute, or over ${settings.flags.largeEntryDays} days of target`
        : 'off'
    }`,
  ];
  return {
    text: `Team settings saved for ${settings.name}.`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate([headline, ...lines].join('\n'), LIMITS.sectionText) } }],
  };
}
