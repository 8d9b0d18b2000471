// Reads the team settings modal's state into settings, or into field errors keyed by block id.
// Pure: Slack checks some inputs in the browser, but a submission can be forged, so check all.
import { z } from 'zod';
import { TEAM_MODAL } from '../../blocks/ids.js';
import {
  DEFAULT_DAILY_POST_TIME,
  ALERTS_VALUE,
  CELEBRATE_VALUE,
  DEFAULT_WEEKLY_BOARD_TIME,
  DIGEST_VALUE,
  MAX_CONSEQUENCE,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  MAX_TEAM_MANAGERS,
  MAX_TEAM_REPS,
  MAX_TEAM_NAME,
  MAX_BURST_PER_MINUTE,
  MAX_LARGE_ENTRY_DAYS,
  ON_VALUE,
  type TeamModalMetadata,
} from '../../blocks/team-settings-modal.js';
import { KINDS, type Kind } from '../../lib/kinds.js';
import { hasControlCharacters } from '../../lib/text.js';
import { formatClockTime, isValidTimezone, parseClockTime } from '../../lib/time.js';
import { parseHolidayLines } from '../../services/teams/holiday-lines.js';
import type { FlagPolicy } from '../../services/flags/flag-rules.js';
import type { LadderSettings, TeamSettingsInput } from '../../services/teams/team-settings.js';

type Option = { value?: string | null } | null | undefined;
type StateValue = {
  value?: string | null;
  selected_conversation?: string | null;
  selected_users?: string[] | null;
  selected_options?: Option[] | null;
  selected_option?: Option;
  selected_time?: string | null;
};

export type TeamFormResult = { ok: true; settings: TeamSettingsInput } | { ok: false; errors: Record<string, string> };

/** Field errors shown for the holidays list: the first few lines, then a count. */
const SHOWN_LINE_ERRORS = 3;

/** "9:00" → "09:00" (the input was checked to parse). */
const hhmm = (text: string): string => formatClockTime(parseClockTime(text) ?? 0);

const clockTime = (what: string) =>
  z
    .string()
    .nullish()
    .transform((s) => s?.trim() ?? '')
    .superRefine((s, ctx) => {
      if (s === '') ctx.addIssue({ code: 'custom', message: `Pick when the workday ${what}.` });
      else if (parseClockTime(s) === null) ctx.addIssue({ code: 'custom', message: 'Use a time as HH:MM, e.g. 09:00.' });
    })
    .transform(hhmm);

/** An optional post time: empty means the default; otherwise HH:MM, normalised. */
const postTime = (fallback: string) =>
  z
    .string()
    .nullish()
    .transform((s) => s?.trim() || fallback)
    .refine((s) => parseClockTime(s) !== null, 'Use a time as HH:MM, e.g. 09:00.')
    .transform(hhmm);

/** An on/off checkbox: ticked when its one option was submitted. */
const onOff = z
  .array(z.literal(ON_VALUE, { error: 'Tick the box or leave it empty.' }))
  .nullish()
  .transform((values) => (values ?? []).length > 0);

const formSchema = z.object({
  [TEAM_MODAL.nameBlock]: z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim().normalize('NFC'))
    .superRefine((s, ctx) => {
      if (s === '') ctx.addIssue({ code: 'custom', message: 'Give the team a name.' });
      else if (Array.from(s).length > MAX_TEAM_NAME) ctx.addIssue({ code: 'custom', message: `Keep the name to ${MAX_TEAM_NAME} characters (it has ${Array.from(s).length}).` });
      else if (hasControlCharacters(s)) ctx.addIssue({ code: 'custom', message: 'The name contains control characters; retype it without them.' });
    }),
  [TEAM_MODAL.channelBlock]: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, 'Pick the team channel from the list.')
    .nullish()
    .transform((s) => s ?? null),
  [TEAM_MODAL.managersBlock]: z
    .array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'Pick managers from the list.'))
    .max(MAX_TEAM_MANAGERS, `Name at most ${MAX_TEAM_MANAGERS} managers.`)
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]),
  [TEAM_MODAL.workDaysBlock]: z
    .array(z.enum(['1', '2', '3', '4', '5', '6', '7'], { error: 'Tick days from the list.' }))
    .nullish()
    .transform((days) => [...new Set((days ?? []).map(Number))].sort((a, b) => a - b))
    .refine((days) => days.length > 0, 'Tick at least one workday.'),
  [TEAM_MODAL.startBlock]: clockTime('starts'),
  [TEAM_MODAL.endBlock]: clockTime('ends'),
  [TEAM_MODAL.timezoneBlock]: z
    .string()
    .refine(isValidTimezone, 'Pick a timezone from the list.')
    .nullish()
    .transform((s) => s ?? null),
  [TEAM_MODAL.holidaysBlock]: z
    .string()
    .nullish()
    .transform((text, ctx) => {
      const { holidays, errors } = parseHolidayLines(text ?? '');
      if (errors.length > 0) {
        const shown = errors.slice(0, SHOWN_LINE_ERRORS).map((e) => e.message);
        if (errors.length > SHOWN_LINE_ERRORS) shown.push(`…and ${errors.length - SHOWN_LINE_ERRORS} more to fix.`);
        ctx.addIssue({ code: 'custom', message: shown.join(' ') });
      }
      return holidays;
    }),
  [TEAM_MODAL.trackedKindsBlock]: z
    .array(z.enum(KINDS as [Kind, ...Kind[]], { error: 'Tick kinds from the list.' }))
    .nullish()
    .transform((kinds) => KINDS.filter((k) => (kinds ?? []).includes(k)))
    .refine((kinds) => kinds.length > 0, 'Tick at least one kind to track.'),
  [TEAM_MODAL.dailyPostBlock]: onOff,
  [TEAM_MODAL.dailyPostTimeBlock]: postTime(DEFAULT_DAILY_POST_TIME),
  [TEAM_MODAL.weeklyBoardBlock]: onOff,
  [TEAM_MODAL.weeklyBoardTimeBlock]: postTime(DEFAULT_WEEKLY_BOARD_TIME),
});

/** The ladder's fields (absent from a form opened before they existed: the ladder is then kept). */
const LADDER_BLOCKS = [
  TEAM_MODAL.ladderBlock,
  TEAM_MODAL.ladderKindsBlock,
  TEAM_MODAL.ladderThresholdBlock,
  TEAM_MODAL.ladderDayBlock,
  TEAM_MODAL.ladderTimeBlock,
  TEAM_MODAL.ladderConsequenceBlock,
  TEAM_MODAL.nudgeBlock,
  TEAM_MODAL.nudgeThresholdBlock,
  TEAM_MODAL.nudgeTimeBlock,
] as const;

const ladderSchema = z.object({
  [TEAM_MODAL.ladderBlock]: z
    .array(z.enum([ON_VALUE, ALERTS_VALUE, CELEBRATE_VALUE], { error: 'Tick the boxes or leave them empty.' }))
    .nullish()
    .transform((values) => ({ warn: (values ?? []).includes(ON_VALUE), alerts: (values ?? []).includes(ALERTS_VALUE), celebrate: (values ?? []).includes(CELEBRATE_VALUE) })),
  [TEAM_MODAL.ladderKindsBlock]: z
    .array(z.enum(KINDS as [Kind, ...Kind[]], { error: 'Tick kinds from the list.' }))
    .nullish()
    .transform((kinds) => KINDS.filter((k) => (kinds ?? []).includes(k)))
    .refine((kinds) => kinds.length > 0, 'Tick at least one kind to judge weeks on.'),
  [TEAM_MODAL.ladderThresholdBlock]: z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= MIN_THRESHOLD && Number(s) <= MAX_THRESHOLD, `Use a whole percent from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}, e.g. 100.`)
    .transform(Number),
  [TEAM_MODAL.ladderDayBlock]: z.enum(['1', '2', '3', '4', '5', '6', '7'], { error: 'Pick a day from the list.' }).transform(Number),
  [TEAM_MODAL.ladderTimeBlock]: postTime('18:00'),
  [TEAM_MODAL.nudgeBlock]: z
    .array(z.enum([ON_VALUE, DIGEST_VALUE], { error: 'Tick the boxes or leave them empty.' }))
    .nullish()
    .transform((values) => ({ nudge: (values ?? []).includes(ON_VALUE), digest: (values ?? []).includes(DIGEST_VALUE) })),
  [TEAM_MODAL.nudgeThresholdBlock]: z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= MIN_THRESHOLD && Number(s) <= 100, `Use a whole percent from ${MIN_THRESHOLD} to 100, e.g. 70.`)
    .transform(Number),
  [TEAM_MODAL.nudgeTimeBlock]: postTime('13:00'),
  [TEAM_MODAL.ladderConsequenceBlock]: z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim().normalize('NFC'))
    .superRefine((s, ctx) => {
      if (s === '') ctx.addIssue({ code: 'custom', message: 'Say what a third missed week brings, so reps know in advance.' });
      else if (Array.from(s).length > MAX_CONSEQUENCE) ctx.addIssue({ code: 'custom', message: `Keep it to ${MAX_CONSEQUENCE} characters.` });
      else if (hasControlCharacters(s)) ctx.addIssue({ code: 'custom', message: 'The text contains control characters; retype it without them.' });
    }),
});

/** The ladder settings, their field errors, or undefined when the form had no ladder fields. */
function readLadder(values: StateValues, errors: Record<string, string>): LadderSettings | undefined {
  if (LADDER_BLOCKS.every((block) => values[block] === undefined)) return undefined;
  const element = (block: string) => values[block]?.[TEAM_MODAL.action];
  const parsed = ladderSchema.safeParse({
    [TEAM_MODAL.ladderBlock]: element(TEAM_MODAL.ladderBlock)?.selected_options?.map((o) => o?.value),
    [TEAM_MODAL.ladderKindsBlock]: element(TEAM_MODAL.ladderKindsBlock)?.selected_options?.map((o) => o?.value),
    [TEAM_MODAL.ladderThresholdBlock]: element(TEAM_MODAL.ladderThresholdBlock)?.value,
    [TEAM_MODAL.ladderDayBlock]: element(TEAM_MODAL.ladderDayBlock)?.selected_option?.value,
    [TEAM_MODAL.ladderTimeBlock]: element(TEAM_MODAL.ladderTimeBlock)?.selected_time,
    [TEAM_MODAL.ladderConsequenceBlock]: element(TEAM_MODAL.ladderConsequenceBlock)?.value,
    [TEAM_MODAL.nudgeBlock]: element(TEAM_MODAL.nudgeBlock)?.selected_options?.map((o) => o?.value),
    [TEAM_MODAL.nudgeThresholdBlock]: element(TEAM_MODAL.nudgeThresholdBlock)?.value,
    [TEAM_MODAL.nudgeTimeBlock]: element(TEAM_MODAL.nudgeTimeBlock)?.selected_time,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return undefined;
  }
  const d = parsed.data;
  return {
    enabled: d[TEAM_MODAL.ladderBlock].warn,
    kinds: d[TEAM_MODAL.ladderKindsBlock],
    thresholdPercent: d[TEAM_MODAL.ladderThresholdBlock],
    evaluationDay: d[TEAM_MODAL.ladderDayBlock],
    evaluationTime: d[TEAM_MODAL.ladderTimeBlock],
    consequence: d[TEAM_MODAL.ladderConsequenceBlock],
    managerAlerts: d[TEAM_MODAL.ladderBlock].alerts,
    celebrateHits: d[TEAM_MODAL.ladderBlock].celebrate,
    nudgeEnabled: d[TEAM_MODAL.nudgeBlock].nudge,
    nudgeThresholdPercent: d[TEAM_MODAL.nudgeThresholdBlock],
    nudgeTime: d[TEAM_MODAL.nudgeTimeBlock],
    digestEnabled: d[TEAM_MODAL.nudgeBlock].digest,
  };
}
type StateValues = Record<string, Record<string, StateValue | undefined> | undefined>;

/** A whole number from `min` to `max` typed in a number input. */
const wholeNumber = (min: number, max: number, example: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .refine((s) => /^\d{1,4}$/.test(s) && Number(s) >= min && Number(s) <= max, `Use a whole number from ${min} to ${max}, e.g. ${example}.`)
    .transform(Number);

/** The review flags' fields (absent from a form opened before they existed: the flags are then kept). */
const FLAG_BLOCKS = [TEAM_MODAL.flagsBlock, TEAM_MODAL.lateAfterBlock, TEAM_MODAL.burstBlock, TEAM_MODAL.largeBlock] as const;

/** The flag settings, their field errors, or undefined when the form had no flag fields. */
function readFlags(values: StateValues, errors: Record<string, string>, backfillDays: number): FlagPolicy | undefined {
  if (FLAG_BLOCKS.every((block) => values[block] === undefined)) return undefined;
  const element = (block: string) => values[block]?.[TEAM_MODAL.action];
  const parsed = z
    .object({
      [TEAM_MODAL.flagsBlock]: onOff,
      [TEAM_MODAL.lateAfterBlock]: wholeNumber(0, backfillDays, String(Math.min(2, backfillDays))),
      [TEAM_MODAL.burstBlock]: wholeNumber(1, MAX_BURST_PER_MINUTE, '10'),
      [TEAM_MODAL.largeBlock]: wholeNumber(1, MAX_LARGE_ENTRY_DAYS, '3'),
    })
    .safeParse({
      [TEAM_MODAL.flagsBlock]: element(TEAM_MODAL.flagsBlock)?.selected_options?.map((o) => o?.value),
      [TEAM_MODAL.lateAfterBlock]: element(TEAM_MODAL.lateAfterBlock)?.value,
      [TEAM_MODAL.burstBlock]: element(TEAM_MODAL.burstBlock)?.value,
      [TEAM_MODAL.largeBlock]: element(TEAM_MODAL.largeBlock)?.value,
    });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return undefined;
  }
  const d = parsed.data;
  return {
    enabled: d[TEAM_MODAL.flagsBlock],
    lateAfterDays: d[TEAM_MODAL.lateAfterBlock],
    burstDialsPerMinute: d[TEAM_MODAL.burstBlock],
    largeEntryDays: d[TEAM_MODAL.largeBlock],
  };
}

const repsSchema = z
  .array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'Pick reps from the list.'))
  .max(MAX_TEAM_REPS, `Name at most ${MAX_TEAM_REPS} reps.`)
  .nullish()
  .transform((ids) => [...new Set(ids ?? [])].sort());

/** The reps picked, their field error, or undefined when the form had no reps field (kept as is). */
function readReps(values: StateValues, errors: Record<string, string>): string[] | undefined {
  const block = values[TEAM_MODAL.repsBlock];
  if (block === undefined) return undefined;
  const parsed = repsSchema.safeParse(block[TEAM_MODAL.action]?.selected_users);
  if (!parsed.success) {
    errors[TEAM_MODAL.repsBlock] ??= parsed.error.issues[0]!.message;
    return undefined;
  }
  return parsed.data;
}

/** The value each block's single element submitted, in the shape the schema reads. */
function rawValues(values: StateValues): Record<string, unknown> {
  const element = (block: string) => values[block]?.[TEAM_MODAL.action];
  return {
    [TEAM_MODAL.nameBlock]: element(TEAM_MODAL.nameBlock)?.value,
    [TEAM_MODAL.channelBlock]: element(TEAM_MODAL.channelBlock)?.selected_conversation,
    [TEAM_MODAL.managersBlock]: element(TEAM_MODAL.managersBlock)?.selected_users,
    [TEAM_MODAL.workDaysBlock]: element(TEAM_MODAL.workDaysBlock)?.selected_options?.map((o) => o?.value),
    [TEAM_MODAL.startBlock]: element(TEAM_MODAL.startBlock)?.selected_time,
    [TEAM_MODAL.endBlock]: element(TEAM_MODAL.endBlock)?.selected_time,
    [TEAM_MODAL.timezoneBlock]: element(TEAM_MODAL.timezoneBlock)?.selected_option?.value,
    [TEAM_MODAL.holidaysBlock]: element(TEAM_MODAL.holidaysBlock)?.value,
    [TEAM_MODAL.trackedKindsBlock]: element(TEAM_MODAL.trackedKindsBlock)?.selected_options?.map((o) => o?.value),
    [TEAM_MODAL.dailyPostBlock]: element(TEAM_MODAL.dailyPostBlock)?.selected_options?.map((o) => o?.value),
    [TEAM_MODAL.dailyPostTimeBlock]: element(TEAM_MODAL.dailyPostTimeBlock)?.selected_time,
    [TEAM_MODAL.weeklyBoardBlock]: element(TEAM_MODAL.weeklyBoardBlock)?.selected_options?.map((o) => o?.value),
    [TEAM_MODAL.weeklyBoardTimeBlock]: element(TEAM_MODAL.weeklyBoardTimeBlock)?.selected_time,
  };
}

/**
 * Every field's problems at once; nothing to store unless there are none. `submitterIsAdmin`:
 * only a workspace admin may leave the team without managers (admins manage every team anyway).
 */
export function readTeamForm(values: StateValues, rules: { submitterIsAdmin: boolean; backfillDays: number }): TeamFormResult {
  const errors: Record<string, string> = {};
  const parsed = formSchema.safeParse(rawValues(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const block = String(issue.path[0] ?? TEAM_MODAL.nameBlock);
      errors[block] ??= issue.message;
    }
  }
  const data = parsed.success ? parsed.data : undefined;

  // Checks across fields, on whatever parsed cleanly.
  const start = parseClockTime(String(rawValues(values)[TEAM_MODAL.startBlock] ?? ''));
  const end = parseClockTime(String(rawValues(values)[TEAM_MODAL.endBlock] ?? ''));
  if (start !== null && end !== null && end <= start && !errors[TEAM_MODAL.endBlock]) {
    errors[TEAM_MODAL.endBlock] = 'The workday must end after it starts.';
  }
  const managers = values[TEAM_MODAL.managersBlock]?.[TEAM_MODAL.action]?.selected_users ?? [];
  if (managers.length === 0 && !rules.submitterIsAdmin && !errors[TEAM_MODAL.managersBlock]) {
    errors[TEAM_MODAL.managersBlock] = 'Name at least one manager (you can name yourself): only a workspace admin may leave a team without managers.';
  }

  const ladder = readLadder(values, errors);
  const flags = readFlags(values, errors, rules.backfillDays);
  const reps = readReps(values, errors);

  if (Object.keys(errors).length > 0 || !data) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...(ladder ? { ladder } : {}),
      ...(flags ? { flags } : {}),
      ...(reps ? { repUserIds: reps } : {}),
      name: data[TEAM_MODAL.nameBlock],
      channelId: data[TEAM_MODAL.channelBlock],
      managerUserIds: [...data[TEAM_MODAL.managersBlock]].sort(),
      workDays: data[TEAM_MODAL.workDaysBlock],
      workdayStart: data[TEAM_MODAL.startBlock],
      workdayEnd: data[TEAM_MODAL.endBlock],
      timezone: data[TEAM_MODAL.timezoneBlock],
      holidays: data[TEAM_MODAL.holidaysBlock],
      trackedKinds: data[TEAM_MODAL.trackedKindsBlock],
      dailyPostEnabled: data[TEAM_MODAL.dailyPostBlock],
      dailyPostTime: data[TEAM_MODAL.dailyPostTimeBlock],
      weeklyBoardEnabled: data[TEAM_MODAL.weeklyBoardBlock],
      weeklyBoardTime: data[TEAM_MODAL.weeklyBoardTimeBlock],
    },
  };
}

const metadataSchema = z.object({ teamId: z.string().min(1).max(64) });

/** The team the modal was opened for, from private_metadata; undefined when missing or malformed. */
export function teamModalMetadata(privateMetadata: string | undefined): TeamModalMetadata | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(privateMetadata || '{}'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
