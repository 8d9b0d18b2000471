// Every callback_id, block_id and action_id dialbot uses, in one place.
import type { Kind } from '../lib/kinds.js';

export const CALLBACK = {
  logActivity: 'log_activity',
  goalPlan: 'goal_plan',
  teamSettings: 'team_settings',
  /** A manager recording what was done about a missed week (applied / coached / excused). */
  ladderAction: 'ladder_action',
  /** App Home: no behind-pace nudge today. */
  muteNudge: 'mute_nudge',
  /** A team's phone-system settings: the connected-call threshold and a new API token. */
  phoneSystem: 'phone_system',
  /** `/dial import`: the CSV file chosen, to be checked (a dry run). */
  csvImportUpload: 'csv_import_upload',
  /** The dry run's preview confirmed: import the file. */
  csvImportConfirm: 'csv_import_confirm',
  /** A manager accepting or voiding a flagged entry, with a reason. */
  resolveFlag: 'resolve_flag',
} as const;

export const ACTION = {
  openLogModal: 'open_log_modal',
  /** App Home period buttons: `home_period_day|week|month`. */
  homePeriod: 'home_period',
  /** Any goal-modal input changed (dispatch_action): refresh the preview. */
  goalPreview: 'goal_preview',
  /** Ladder buttons: `ladder_action_applied|coached|excused`, value = the week evaluation's id. */
  ladderAction: 'ladder_action',
  /** App Home: no behind-pace nudge today. */
  muteNudge: 'mute_nudge',
  /** Team settings modal: open the phone-system modal on top; value = the team id. */
  openPhoneSystem: 'open_phone_system',
  /** Phone-system modal: revoke an API token; value = the token id. */
  revokeApiToken: 'revoke_api_token',
  /** Flag buttons: `resolve_flag_accepted|voided`, value = the flag's id. */
  resolveFlag: 'resolve_flag',
  /** The installer's first-steps DM: open the settings of the team they manage. */
  openTeamSettings: 'open_team_settings',
} as const;

/** Inputs of the phone-system modal; the element's action_id is `value`. */
export const PHONE_MODAL = { connectedSecondsBlock: 'phone_connected_seconds', tokenLabelBlock: 'phone_token_label', action: 'value' } as const;

/** The file input of the CSV import modal. */
export const IMPORT_MODAL = { fileBlock: 'import_file', action: 'value' } as const;

/** The reason input of the modal settling a flagged entry. */
export const FLAG_MODAL = { reasonBlock: 'flag_reason', action: 'value' } as const;

/** The note input of the ladder action modal. */
export const LADDER_MODAL = { noteBlock: 'ladder_note', action: 'value' } as const;

/** Inputs of the "Log activity" modal: one block per kind, then the date and the note. */
export const LOG_MODAL = {
  kindBlock: (kind: Kind) => `count_${kind}`,
  countAction: 'count',
  dateBlock: 'date',
  dateAction: 'date',
  noteBlock: 'note',
  noteAction: 'note',
} as const;

/** Blocks of the goal modal. Every input's element uses action_id ACTION.goalPreview (one per block). */
export const GOAL_MODAL = {
  revenueBlock: 'goal_revenue',
  dealBlock: 'goal_deal_size',
  /** `key`: the plan's ratio field, e.g. `closeRate`. */
  ratioBlock: (key: string) => `goal_ratio_${key}`,
  overrideBlock: (kind: Kind) => `goal_override_${kind}`,
  effectiveBlock: 'goal_effective_from',
  repBlock: 'goal_rep',
  previewBlock: 'goal_preview_numbers',
  feasibilityBlock: 'goal_feasibility',
} as const;

/** Inputs of the team settings modal: one block each, the element's action_id is `value`. */
export const TEAM_MODAL = {
  nameBlock: 'team_name',
  channelBlock: 'team_channel',
  managersBlock: 'team_managers',
  repsBlock: 'team_reps',
  workDaysBlock: 'team_work_days',
  startBlock: 'team_day_start',
  endBlock: 'team_day_end',
  timezoneBlock: 'team_timezone',
  holidaysBlock: 'team_holidays',
  trackedKindsBlock: 'team_tracked_kinds',
  dailyPostBlock: 'team_daily_post',
  dailyPostTimeBlock: 'team_daily_post_time',
  weeklyBoardBlock: 'team_weekly_board',
  weeklyBoardTimeBlock: 'team_weekly_board_time',
  ladderBlock: 'team_ladder',
  ladderKindsBlock: 'team_ladder_kinds',
  ladderThresholdBlock: 'team_ladder_threshold',
  ladderDayBlock: 'team_ladder_day',
  ladderTimeBlock: 'team_ladder_time',
  ladderConsequenceBlock: 'team_ladder_consequence',
  nudgeBlock: 'team_nudge',
  nudgeThresholdBlock: 'team_nudge_threshold',
  nudgeTimeBlock: 'team_nudge_time',
  flagsBlock: 'team_flags',
  lateAfterBlock: 'team_flags_late_after',
  burstBlock: 'team_flags_burst',
  largeBlock: 'team_flags_large',
  action: 'value',
} as const;
