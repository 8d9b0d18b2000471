// Replies about absences: what was recorded or cancelled, for whom, and how the targets moved.
import type { KnownBlock } from '@slack/types';
import { formatCount, KIND_LABELS } from '../lib/kinds.js';
import { formatDateRange, formatLocalDate, formatLocalMonth, type LocalDate } from '../lib/time.js';
import { ABSENCE_NAMES, ABSENCE_NOUNS, describeRanges, type AbsenceKind, type DateRange } from '../services/absences/absence-rules.js';
import type { TargetChange, WindowChange } from '../services/absences/target-change.js';
import type { Reply } from './activity-replies.js';
import { LIMITS, truncate } from './slack-limits.js';

const EMOJI: Record<AbsenceKind, string> = { pto: ':palm_tree:', sick: ':face_with_thermometer:', ramp: ':seedling:' };

/** Whose absence: the caller's own, or a rep's recorded by their manager. */
export type Subject = { self: true } | { self: false; slackUserId: string };

const mention = (subject: Subject) => (subject.self ? '' : `<@${subject.slackUserId}>`);

function workdaysNote(workdays: number, days: number): string {
  if (workdays === 0) return days === 1 ? 'not a workday' : 'no workdays';
  return `${workdays} workday${workdays === 1 ? '' : 's'}`;
}

/** "360 → 266 dials, 120 → 89 conversations" or "unchanged". Targets are shown rounded to whole activities. */
function changeLine(change: WindowChange, kinds: TargetChange['kinds']): string {
  const rounded = kinds.map((k) => [k, Math.round(change.before[k]), Math.round(change.after[k])] as const);
  if (rounded.every(([, before, after]) => before === after)) {
    return rounded.every(([, before]) => before === 0) ? 'none (no workdays with a goal)' : 'unchanged';
  }
  return rounded.map(([k, before, after]) => `${before.toLocaleString('en-US')} → ${after === 1 ? formatCount(k, after) : `${after.toLocaleString('en-US')} ${KIND_LABELS[k].many}`}`).join(', ');
}

function windowLabel(change: WindowChange): string {
  const { window } = change;
  if (window.period === 'month') return window.current ? 'This month' : formatLocalMonth(window.first);
  return window.current ? 'This week' : `Week of ${formatLocalDate(window.first)}`;
}

/** The "how targets changed" lines, or why they didn't. */
export function targetLines(change: TargetChange, subject: Subject): string {
  const whose = subject.self ? 'your' : `${mention(subject)}’s`;
  if (change.kinds.length === 0) {
    return `No goal is set yet, so targets don’t change now; these days are recorded and will lower ${whose} targets once a goal exists.`;
  }
  const heading = subject.self ? '*Your targets*' : `*${mention(subject)}’s targets*`;
  return [heading, ...[change.month, change.week].map((w) => `${windowLabel(w)}: ${changeLine(w, change.kinds)}`)].join('\n');
}

function reply(headline: string, body: string[], hint: string | undefined): Reply {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate([headline, ...body].join('\n'), LIMITS.sectionText) } }];
  if (hint) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: hint }] });
  return { text: headline, blocks };
}

const commandFor = (kind: AbsenceKind, subject: Subject, range: DateRange) =>
  `\`/dial ${kind} cancel ${subject.self ? '' : `${mention(subject)} `}${range.startDate}${range.endDate === range.startDate ? '' : ` ${range.endDate}`}\``;

export type RecordedReplyInput = {
  kind: AbsenceKind;
  subject: Subject;
  today: LocalDate;
  requested: DateRange;
  /** Workdays among the requested days, and how many days they are. */
  workdays: number;
  days: number;
  rampPercent: number | null;
  /** When the new days joined existing ones: the absences absorbed and the range now in force. */
  merged: { absorbed: DateRange[]; union: DateRange } | undefined;
  change: TargetChange;
};

export function absenceRecordedReply(input: RecordedReplyInput): Reply {
  const { kind, subject, today } = input;
  const when = formatDateRange(input.requested.startDate, input.requested.endDate, today);
  const who = subject.self ? ' for you:' : ` for ${mention(subject)}:`;
  const what = kind === 'ramp' ? `${who} ${input.rampPercent}% of normal targets on ${when}` : `${subject.self ? ' for' : who} ${when}`;
  const headline = `${EMOJI[kind]} ${ABSENCE_NAMES[kind]} recorded${what} (${workdaysNote(input.workdays, input.days)}).`;
  const body: string[] = [];
  if (input.merged) {
    body.push(
      `It joins the ${ABSENCE_NOUNS[kind]} already recorded for ${describeRanges(input.merged.absorbed, today)}: ${ABSENCE_NAMES[kind]} now covers ${formatDateRange(input.merged.union.startDate, input.merged.union.endDate, today)}.`,
    );
  }
  body.push(targetLines(input.change, subject));
  return reply(headline, body, `Changed your mind? ${commandFor(kind, subject, input.requested)}`);
}

export function absenceAlreadyRecordedReply(input: { kind: AbsenceKind; subject: Subject; today: LocalDate; requested: DateRange }): Reply {
  const who = input.subject.self ? '' : `${mention(input.subject)}, `;
  const headline = `:repeat: Already recorded: ${ABSENCE_NAMES[input.kind]} for ${who}${formatDateRange(input.requested.startDate, input.requested.endDate, input.today)}. Nothing new was stored.`;
  return reply(headline, [], undefined);
}

export type CancelledReplyInput = {
  kind: AbsenceKind;
  subject: Subject;
  today: LocalDate;
  /** The days that stopped being absent. */
  freed: DateRange[];
  workdays: number;
  days: number;
  /** Parts of the cancelled absences outside the range, still recorded. */
  kept: DateRange[];
  change: TargetChange;
};

export function absenceCancelledReply(input: CancelledReplyInput): Reply {
  const { kind, subject, today } = input;
  const who = subject.self ? '' : `${mention(subject)}: `;
  const back = input.workdays === 0 ? workdaysNote(0, input.days) : `${workdaysNote(input.workdays, input.days)} back on target`;
  const headline = `:leftwards_arrow_with_hook: ${ABSENCE_NAMES[kind]} cancelled for ${who}${describeRanges(input.freed, today)} (${back}).`;
  const body: string[] = [];
  if (input.kept.length > 0) body.push(`Still recorded: ${describeRanges(input.kept, today)}.`);
  body.push(targetLines(input.change, subject));
  return reply(headline, body, 'Cancelled absences stay in the record, marked cancelled.');
}

export function absenceAlreadyCancelledReply(input: { kind: AbsenceKind; subject: Subject; today: LocalDate; freed: DateRange[] }): Reply {
  const who = input.subject.self ? '' : `${mention(input.subject)}, `;
  const headline = `:repeat: Already cancelled: ${ABSENCE_NAMES[input.kind]} for ${who}${describeRanges(input.freed, input.today)}. Nothing more changed.`;
  return reply(headline, [], undefined);
}
