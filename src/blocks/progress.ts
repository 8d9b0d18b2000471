// A rep's progress against target, as Block Kit: `/dial stats`, App Home and the reply after
// logging. Pure: data in, blocks out. Targets and due are fractional internally; people see whole
// numbers (rounded half up), and every bar and percentage is computed from the numbers shown.
import type { KnownBlock } from '@slack/types';
import type { ActivitySource } from '../generated/prisma/client.js';
import { KIND_LABELS, KINDS, type Kind, type KindCounts } from '../lib/kinds.js';
import { roundHalfUp } from '../lib/numbers.js';
import { formatLocalDate, formatLocalMonth, weekOf } from '../lib/time.js';
import { paceStatus, type KindProgress, type PaceStatus, type PeriodProgress } from '../services/progress/pace.js';
import type { RepProgress } from '../services/progress/rep-progress.js';
import { describeCounts, SOURCE_LABELS, type Reply } from './activity-replies.js';
import { LIMITS, truncate } from './slack-limits.js';

export const BAR_WIDTH = 10;
const FULL = '▰';
const EMPTY = '▱';

/**
 * `▰▰▰▰▱▱▱▱▱▱ 42%`: the share of `target` reached. Whole cells and whole percent, rounded down,
 * so a full bar and 100% mean the target is met; the bar stops at full, the percentage does not.
 */
export function progressBar(actual: number, target: number, width = BAR_WIDTH): string {
  if (!(target > 0)) return 'no target';
  const ratio = Math.max(0, Number.isFinite(actual) ? actual : 0) / target;
  const filled = Math.min(width, Math.floor(ratio * width + 1e-9));
  const percent = Math.floor(ratio * 100 + 1e-9);
  return `${FULL.repeat(filled)}${EMPTY.repeat(width - filled)} ${percent.toLocaleString('en-US')}%`;
}

const whole = (value: number) => roundHalfUp(value).toLocaleString('en-US');
const plural = (kind: Kind, count: number) => (count === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many);

export const PACE_WORDS: Record<PaceStatus, string> = { ahead: 'ahead', on_pace: 'on pace', behind: 'behind' };

/**
 * "52 / 18 dials ▰▰▰▰▰▰▰▰▰▰ 288%". A target that shows as 0 has no bar: "1 close · target under 1"
 * (e.g. 10 closes a month is 0.43 a day), or "· no target" when there is none at all.
 */
export function targetLine(kind: Kind, p: Pick<KindProgress, 'actual' | 'target'>): string {
  const target = roundHalfUp(p.target);
  if (target === 0) return `${p.actual.toLocaleString('en-US')} ${plural(kind, p.actual)} · ${p.target > 1e-9 ? 'target under 1' : 'no target'}`;
  return `${p.actual.toLocaleString('en-US')} / ${target.toLocaleString('en-US')} ${plural(kind, target)} ${progressBar(p.actual, target)}`;
}

/** "9 due by now · ahead", "under 1 due by now · behind", "nothing due yet (· ahead)". */
export function paceText(p: Pick<KindProgress, 'actual' | 'due'>): string {
  const status = paceStatus(p);
  if (status === null) return 'nothing due yet';
  if (p.due <= 1e-9) return `nothing due yet · ${PACE_WORDS[status]}`;
  const due = roundHalfUp(p.due) === 0 && p.due > 1e-9 ? 'under 1' : whole(p.due);
  return `${due} due by now · ${PACE_WORDS[status]}`;
}

const hasGoal = (progress: RepProgress) => progress.monthly !== null;

/**
 * The kinds worth a line in a period with a goal: a target that shows as at least 1, or activity.
 * (10 closes a month is 0.43 a day: today leaves closes out unless one was logged.)
 */
export function kindsToShow(period: PeriodProgress): Kind[] {
  return KINDS.filter((k) => roundHalfUp(period[k].target) >= 1 || period[k].actual > 0);
}

function actualLine(kind: Kind, actual: number): string {
  return `${KIND_LABELS[kind].emoji} ${actual.toLocaleString('en-US')} ${plural(kind, actual)}`;
}

/** Without a goal every kind shows, zeros included (what there is to log); with one, see kindsToShow. */
function periodText(title: string, period: PeriodProgress, withGoal: boolean, noTarget: string): string {
  const lines = withGoal
    ? kindsToShow(period).map((k) => `${KIND_LABELS[k].emoji} ${targetLine(k, period[k])} · ${paceText(period[k])}`)
    : KINDS.map((k) => actualLine(k, period[k].actual));
  return truncate(`${title}\n${lines.length > 0 ? lines.join('\n') : `_${noTarget}_`}`, LIMITS.sectionText);
}

/** "15 dials and 4 conversations", in funnel order, zeros left out. */
function describeNeed(need: KindCounts): string {
  const parts = KINDS.filter((k) => (need[k] ?? 0) > 0).map((k) => `${need[k]!.toLocaleString('en-US')} ${plural(k, need[k]!)}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

const offToday = (progress: RepProgress) => !progress.isWorkday || progress.attendanceToday === 0;

/**
 * What the rep must still do today to be on track for the week (needToday is already whole).
 * Off today, the same number is what the week is short so far. Null without a goal.
 */
export function needTodayText(progress: RepProgress): string | null {
  if (!hasGoal(progress)) return null;
  const anything = KINDS.some((k) => progress.needToday[k] > 0);
  if (!anything) return ':white_check_mark: *Need today:* nothing more, on track for the week.';
  return offToday(progress)
    ? `:hourglass_flowing_sand: *Short for the week so far:* ${describeNeed(progress.needToday)}.`
    : `:dart: *Need today:* ${describeNeed(progress.needToday)} to be on track for the week.`;
}

/** Whose progress it is: the reader's own, or a rep a manager is looking at. */
export type Subject = { self: true } | { self: false; name: string };

const ABSENCE_WORDS = { pto: 'on PTO', sick: 'off sick' } as const;

/** Why today is different (not a workday, off, ramping) and whether a goal is set; one line each. */
export function progressNotices(progress: RepProgress, subject: Subject): string[] {
  const notices: string[] = [];
  const who = subject.self ? 'You’re' : `${subject.name} is`;
  if (!hasGoal(progress)) {
    notices.push(
      subject.self
        ? ':information_source: No goal is set yet, so there are no targets. Ask your manager to set one with `/dial goal`.'
        : `:information_source: No goal is set for ${subject.name} yet, so there are no targets. Set one with \`/dial goal\`.`,
    );
  }
  if (!progress.isWorkday) {
    notices.push(':palm_tree: Today isn’t a workday, so nothing is due today.');
  } else if (progress.attendanceToday === 0) {
    const why = progress.absenceToday === 'pto' || progress.absenceToday === 'sick' ? ABSENCE_WORDS[progress.absenceToday] : 'off';
    notices.push(`:palm_tree: ${who} ${why} today, so nothing is due today.`);
  } else if (progress.attendanceToday < 1) {
    notices.push(`:seedling: ${who} ramping up: today’s targets are ${roundHalfUp(progress.attendanceToday * 100)}% of normal.`);
  }
  return notices;
}

export function weekLabel(today: string): string {
  const days = weekOf(today);
  return `${formatLocalDate(days[0]!)} – ${formatLocalDate(days.at(-1)!)}`;
}

/** Day, week and month, each kind's actual against target with pace, then what today needs. */
export function progressBlocks(progress: RepProgress, subject: Subject): KnownBlock[] {
  const withGoal = hasGoal(progress);
  const blocks: KnownBlock[] = [];
  const notices = progressNotices(progress, subject);
  if (notices.length > 0) blocks.push({ type: 'context', elements: notices.map((text) => ({ type: 'mrkdwn' as const, text })) });
  const periods: Array<[string, PeriodProgress, string]> = [
    [`*Today* (${formatLocalDate(progress.today)})`, progress.day, 'No target today.'],
    [`*This week* (${weekLabel(progress.today)})`, progress.week, 'No target this week.'],
    [`*This month* (${formatLocalMonth(progress.today)})`, progress.month, 'No target this month.'],
  ];
  for (const [title, period, noTarget] of periods) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: periodText(title, period, withGoal, noTarget) } });
  }
  const need = needTodayText(progress);
  if (need) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: need } });
  return blocks;
}

/** The `/dial stats` reply. */
/**
 * "This month by source: 120 dials via /dial · 80 dials and 6 conversations via phone system", when
 * entries came in more than one way or not by hand: manual and phone-system numbers told apart.
 */
export function sourcesLine(bySource: Partial<Record<ActivitySource, KindCounts>>): string | undefined {
  const sources = (Object.keys(SOURCE_LABELS) as ActivitySource[]).filter((s) => Object.values(bySource[s] ?? {}).some((n) => n > 0));
  const manualOnly = sources.every((s) => s === 'slash' || s === 'modal');
  if (sources.length === 0 || (sources.length === 1 && manualOnly)) return undefined;
  return `This month by source: ${sources.map((s) => `${describeCounts(bySource[s]!)} ${SOURCE_LABELS[s]}`).join(' · ')}`;
}

export function statsReply(progress: RepProgress, subject: Subject, bySource: Partial<Record<ActivitySource, KindCounts>> = {}): Reply {
  const sources = sourcesLine(bySource);
  const whose = subject.self ? 'Your' : `${subject.name}’s`;
  const title = `${whose} progress · ${formatLocalDate(progress.today)}`;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, LIMITS.headerText) } },
    ...progressBlocks(progress, subject),
    ...(sources ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: truncate(sources, LIMITS.sectionText) }] }] : []),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: hasGoal(progress)
            ? 'Pace is what’s done ÷ what was due by now (working hours count as they pass). Log with `/dial 12`.'
            : 'Log with `/dial 12` or `/dial 40 dials 12 convos`.',
        },
      ],
    },
  ];
  return { text: title, blocks };
}

/** Today's and this week's actuals against target, for the reply after logging (goal set). */
export function logProgressBlocks(progress: RepProgress): KnownBlock[] {
  const lines = (period: PeriodProgress, noTarget: string) => {
    const kinds = kindsToShow(period);
    return kinds.length === 0 ? `_${noTarget}_` : kinds.map((k) => `${KIND_LABELS[k].emoji} ${targetLine(k, period[k])}`).join('\n');
  };
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: truncate(`*Today*\n${lines(progress.day, 'No target today.')}`, LIMITS.fieldText) },
        { type: 'mrkdwn', text: truncate(`*This week*\n${lines(progress.week, 'No target this week.')}`, LIMITS.fieldText) },
      ],
    },
  ];
  const need = needTodayText(progress);
  if (need) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: need } });
  return blocks;
}

/** A period's actual counts (what the reply shows when no goal is set). */
export function actualCounts(period: PeriodProgress): KindCounts {
  const counts: KindCounts = {};
  for (const k of KINDS) if (period[k].actual > 0) counts[k] = period[k].actual;
  return counts;
}
