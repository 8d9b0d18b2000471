// The `/dial` grammar: text in, a command or a specific error out. Pure: no clock, no I/O.
import { formatCount, KIND_LABELS, kindFromWord, type Kind, type KindCounts } from '../../lib/kinds.js';
import { hasControlCharacters } from '../../lib/text.js';
import { parseLocalDate, type LocalDate } from '../../lib/time.js';
import { BOARD_PERIODS, type BoardPeriod } from '../../services/boards/board-period.js';

/** When a logged entry happened, resolved later against the rep's zone and clock. */
export type WhenSpec = { type: 'now' } | { type: 'days_ago'; days: number } | { type: 'date'; date: LocalDate } | { type: 'weekday'; weekday: number };

export type AbsenceCommand = {
  type: 'absence';
  action: 'add' | 'cancel';
  kind: 'pto' | 'sick' | 'ramp';
  /** Someone else's absence (managers only); undefined: the caller's own. */
  userId: string | undefined;
  from: WhenSpec;
  to: WhenSpec;
  rampPercent: number | undefined;
};

export type DialCommand =
  | { type: 'open_modal' }
  | { type: 'help' }
  | { type: 'undo' }
  | { type: 'log'; counts: KindCounts; when: WhenSpec; note: string | undefined }
  | { type: 'goal' }
  /** `/dial team` (the team you manage), `/dial team <name>`, or `/dial team new <name>`. */
  | { type: 'team'; name?: string; create?: boolean }
  | { type: 'stats'; userId: string | undefined }
  | { type: 'board'; period: BoardPeriod }
  | { type: 'compare'; userIds: [string] | [string, string] }
  | { type: 'why'; userId: string | undefined }
  /** `/dial import`: the CSV upload modal (managers). */
  | { type: 'import' }
  /** `/dial export [from YYYY-MM-DD] [to YYYY-MM-DD] [team name]`: a CSV in the caller's DMs (managers). */
  | { type: 'export'; from?: LocalDate; to?: LocalDate; teamName?: string }
  | AbsenceCommand
  | { type: 'error'; message: string };

export type GrammarOptions = { maxCountPerEntry: number };

export const MAX_COMMAND_LENGTH = 1000;
const MAX_TEAM_NAME_LENGTH = 80;
export const MAX_NOTE_LENGTH = 500;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY_ABBR = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const HELP_HINT = 'Type `/dial help` for examples.';

// Spelled-out numbers get a specific hint rather than "unknown word".
const NUMBER_WORDS = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'].map(
    (word, n) => [word, n] as const,
  ),
);

class GrammarError extends Error {}

function fail(message: string): never {
  throw new GrammarError(message);
}

function quote(token: string): string {
  const chars = Array.from(token); // code points, so an emoji is never cut in half
  return `“${chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : token}”`;
}

function weekdayFromWord(word: string): number | undefined {
  const w = word.toLowerCase();
  const index = WEEKDAYS.indexOf(w) >= 0 ? WEEKDAYS.indexOf(w) : WEEKDAY_ABBR.indexOf(w);
  return index >= 0 ? index + 1 : undefined;
}

function whenFromWord(word: string): WhenSpec | undefined {
  const w = word.toLowerCase();
  if (w === 'today') return { type: 'days_ago', days: 0 };
  if (w === 'yesterday') return { type: 'days_ago', days: 1 };
  const weekday = weekdayFromWord(w);
  if (weekday) return { type: 'weekday', weekday };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(w)) {
    const date = parseLocalDate(w);
    if (!date) fail(`${quote(word)} isn't a real date. Use YYYY-MM-DD, e.g. \`/dial 12 on 2026-12-01\`.`);
    return { type: 'date', date };
  }
  return undefined;
}

function parseCount(token: string, options: GrammarOptions): number {
  const plain = token.replace(/,(?=\d{3}\b)/g, '');
  if (/^-\d/.test(plain)) fail(`Counts are positive whole numbers, so ${quote(token)} can't be logged. To take an entry back, use \`/dial undo\`.`);
  if (/^\d+[.]\d+$/.test(plain)) fail(`Counts are whole numbers: ${quote(token)} isn't one.`);
  if (!/^\+?\d+$/.test(plain)) fail(`I couldn't read ${quote(token)} as a number. Write counts as digits, e.g. \`/dial 12\`. ${HELP_HINT}`);
  const count = Number(plain);
  if (count === 0) fail('0 is nothing to log: counts start at 1.');
  if (count > options.maxCountPerEntry) {
    fail(`${quote(token)} is more than the ${options.maxCountPerEntry.toLocaleString('en-US')} one entry may hold. If that's real, split it into several entries or ask your admin to raise MAX_COUNT_PER_ENTRY.`);
  }
  return count;
}

const looksNumeric = (token: string) => /^[+-]?\d[\d,]*(\.\d+)?$/.test(token);

/** Splits "40dials" / "12c" into a count and a kind word. */
function splitAttached(token: string): [string, string] | undefined {
  const match = /^(\d[\d,]*)([a-z]+)$/i.exec(token);
  return match && kindFromWord(match[2]!) ? [match[1]!, match[2]!] : undefined;
}

function parseLog(tokens: string[], note: string | undefined, options: GrammarOptions): DialCommand {
  const counts: KindCounts = {};
  let bare: string | undefined;
  let when: WhenSpec = { type: 'now' };
  let whenSeen = false;
  const add = (kind: Kind, count: number) => {
    const total = (counts[kind] ?? 0) + count;
    if (total > options.maxCountPerEntry) {
      fail(`That's ${formatCount(kind, total)} in one entry, more than the ${options.maxCountPerEntry.toLocaleString('en-US')} allowed.`);
    }
    counts[kind] = total;
  };
  const setWhen = (spec: WhenSpec, token: string) => {
    if (whenSeen) fail(`Give one date per entry: ${quote(token)} is a second one.`);
    when = spec;
    whenSeen = true;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const lower = token.toLowerCase();

    if (lower === 'on' || lower === 'for') {
      const spec = next === undefined ? undefined : whenFromWord(next);
      if (!spec) fail(`${quote(token)} needs a date after it, e.g. \`/dial 12 on 2026-12-01\` or \`/dial 12 yesterday\`.`);
      setWhen(spec, next!);
      i++;
      continue;
    }
    const spec = whenFromWord(token);
    if (spec) {
      setWhen(spec, token);
      continue;
    }
    const attached = splitAttached(token);
    if (attached) {
      add(kindFromWord(attached[1])!, parseCount(attached[0], options));
      continue;
    }
    if (looksNumeric(token)) {
      const count = parseCount(token, options);
      const kind = next === undefined ? undefined : kindFromWord(next);
      if (kind) {
        add(kind, count);
        i++;
      } else if (bare !== undefined) {
        fail(`${quote(token)} has no kind after it. Write e.g. \`/dial 40 dials 12 convos\`.`);
      } else {
        bare = token;
      }
      continue;
    }
    const kind = kindFromWord(token);
    if (kind) {
      if (next !== undefined && looksNumeric(next)) {
        add(kind, parseCount(next, options));
        i++;
        continue;
      }
      fail(`${quote(token)} needs a number before it, e.g. \`/dial 12 ${KIND_LABELS[kind].many}\`.`);
    }
    const spelled = NUMBER_WORDS.get(lower);
    if (spelled !== undefined) fail(`Write counts as digits: ${quote(token)} → \`/dial ${spelled}\`.`);
    fail(`I don't know ${quote(token)}. Log counts of dials, convos, meetings, opps or closes — e.g. \`/dial 40 dials 12 convos\`. ${HELP_HINT}`);
  }

  if (bare !== undefined) {
    if (counts.dial !== undefined) fail(`${quote(bare)} has no kind after it. Write e.g. \`/dial 40 dials 12 convos\`.`);
    add('dial', parseCount(bare, options));
  }
  if (Object.keys(counts).length === 0) fail(`There's no count to log. Try \`/dial 12\`. ${HELP_HINT}`);
  return { type: 'log', counts, when, note };
}

/** A Slack user mention as sent with escaping on: `<@U123>` or `<@U123|dana>`. */
function mentionedUser(token: string | undefined): string | undefined {
  return token ? /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token)?.[1] : undefined;
}

/** Slack escapes &, < and > in command text; notes are stored as typed. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function absenceDate(token: string | undefined, usage: string): WhenSpec {
  const w = token?.toLowerCase();
  if (w === 'tomorrow') return { type: 'days_ago', days: -1 };
  const spec = token === undefined ? undefined : whenFromWord(token);
  if (!spec || spec.type === 'weekday') fail(`${token === undefined ? 'A date is missing' : `${quote(token)} isn't a date`}. ${usage}`);
  return spec;
}

const ABSENCE_USAGE: Record<AbsenceCommand['kind'], string> = {
  pto: 'Use `/dial pto 2026-12-24 2026-12-31` (or one date, `today`, `tomorrow`); `/dial pto cancel 2026-12-24 2026-12-31` takes it back; managers add `@rep`.',
  sick: 'Use `/dial sick` (today), `/dial sick yesterday` or `/dial sick 2026-12-01 2026-12-02`; managers add `@rep`.',
  ramp: 'Use `/dial ramp @rep 50% 2026-12-01 2026-12-31`: that rep’s targets are 50% of normal on those days.',
};

function parseAbsence(kind: AbsenceCommand['kind'], tokens: string[]): AbsenceCommand {
  const usage = ABSENCE_USAGE[kind];
  let rest = tokens.slice(1);
  let action: AbsenceCommand['action'] = 'add';
  if (rest[0]?.toLowerCase() === 'cancel') {
    action = 'cancel';
    rest = rest.slice(1);
  }
  const userId = mentionedUser(rest[0]);
  if (userId) rest = rest.slice(1);
  else if (rest[0]?.startsWith('@') || rest[0]?.startsWith('<@')) fail(`Mention the rep so Slack links them (pick them from the list after typing @). ${usage}`);
  let rampPercent: number | undefined;
  if (kind === 'ramp' && action === 'add') {
    const match = /^(\d{1,2})%?$/.exec(rest[0] ?? '');
    if (!match || Number(match[1]) < 1) fail(`Give the ramp share as a percentage from 1 to 99. ${usage}`);
    rampPercent = Number(match[1]);
    rest = rest.slice(1);
    if (!userId) fail(`Ramp is set by a manager for a rep. ${usage}`);
  }
  if (rest.length === 0 && kind === 'sick') rest = ['today'];
  if (rest.length === 0 || rest.length > 2) fail(`${rest.length === 0 ? 'Which days?' : 'Give a first and a last day, no more.'} ${usage}`);
  const from = absenceDate(rest[0], usage);
  const to = rest.length === 2 ? absenceDate(rest[1], usage) : from;
  return { type: 'absence', action, kind, userId, from, to, rampPercent };
}

const EXPORT_USAGE = 'Use `/dial export`, or `/dial export from 2026-11-01 to 2026-11-30 West Coast` (dates and team optional).';

function parseExport(tokens: string[]): DialCommand {
  const dates: { from?: LocalDate; to?: LocalDate } = {};
  let rest = tokens.slice(1);
  while (rest.length > 0 && (rest[0]!.toLowerCase() === 'from' || rest[0]!.toLowerCase() === 'to')) {
    const bound = rest[0]!.toLowerCase() as 'from' | 'to';
    const date = rest[1] === undefined ? undefined : parseLocalDate(rest[1]);
    if (!date) fail(`\`${bound}\` needs a date like 2026-11-01 after it${rest[1] === undefined ? '' : `, not ${quote(rest[1])}`}. ${EXPORT_USAGE}`);
    if (dates[bound] !== undefined) fail(`Give one \`${bound}\` date. ${EXPORT_USAGE}`);
    dates[bound] = date;
    rest = rest.slice(2);
  }
  if (dates.from && dates.to && dates.from > dates.to) fail(`The export starts (${dates.from}) after it ends (${dates.to}).`);
  const teamName = rest.join(' ');
  if (Array.from(teamName).length > MAX_TEAM_NAME_LENGTH) fail(`Team names are at most ${MAX_TEAM_NAME_LENGTH} characters. ${EXPORT_USAGE}`);
  return { type: 'export', ...dates, ...(teamName ? { teamName } : {}) };
}

function parseSubcommand(first: string, tokens: string[]): DialCommand | undefined {
  switch (first) {
    case 'goal':
    case 'goals':
      if (tokens.length > 1) fail(`\`/dial ${first}\` takes nothing after it.`);
      return { type: 'goal' };
    case 'team': {
      const create = tokens[1]?.toLowerCase() === 'new';
      const name = tokens.slice(create ? 2 : 1).join(' ');
      if (create && name === '') fail('Name the new team: `/dial team new West Coast`.');
      if (Array.from(name).length > MAX_TEAM_NAME_LENGTH) fail(`Team names are at most ${MAX_TEAM_NAME_LENGTH} characters.`);
      return { type: 'team', ...(name ? { name } : {}), ...(create ? { create: true } : {}) };
    }
    case 'stats':
    case 'status': {
      if (tokens.length > 2) fail('Use `/dial stats` for yourself, or `/dial stats @rep` for one of your reps.');
      const userId = mentionedUser(tokens[1]);
      if (tokens.length === 2 && !userId) fail(`${quote(tokens[1]!)} isn't a Slack mention. Use \`/dial stats @rep\`, picking the rep from the list.`);
      return { type: 'stats', userId };
    }
    case 'pto':
    case 'sick':
    case 'ramp':
      return parseAbsence(first, tokens);
    case 'board':
    case 'leaderboard': {
      const usage = 'Use `/dial board` (this week), or `/dial board today`, `week`, `month` or `last-week`.';
      if (tokens.length > 2) fail(`\`/dial board\` takes one period at most. ${usage}`);
      const word = (tokens[1] ?? 'week').toLowerCase();
      const period = BOARD_PERIODS.find((p) => p === word || (p === 'last-week' && (word === 'lastweek' || word === 'last_week')));
      if (!period) fail(`I don't know the period ${quote(tokens[1]!)}. ${usage}`);
      return { type: 'board', period };
    }
    case 'import':
      if (tokens.length > 1) fail('`/dial import` takes nothing after it: it opens a form to upload your CSV file.');
      return { type: 'import' };
    case 'export':
      return parseExport(tokens);
    case 'why': {
      if (tokens.length > 2) fail('Use `/dial why` for yourself, or `/dial why @rep` for one of your reps.');
      const userId = mentionedUser(tokens[1]);
      if (tokens.length === 2 && !userId) fail(`${quote(tokens[1]!)} isn't a Slack mention. Use \`/dial why @rep\`, picking the rep from the list.`);
      return { type: 'why', userId };
    }
    case 'compare':
    case 'vs': {
      const usage = 'Use `/dial compare @rep` (against the team average) or `/dial compare @rep @rep`.';
      const mentions = tokens.slice(1);
      if (mentions.length === 0) fail(`Whom should I compare? ${usage}`);
      if (mentions.length > 2) fail(`I compare two people at a time. ${usage}`);
      const userIds = mentions.map((token) => mentionedUser(token) ?? fail(`${quote(token)} isn't a Slack mention. ${usage}`));
      if (userIds[0] === userIds[1]) fail(`That’s the same person twice. ${usage}`);
      return { type: 'compare', userIds: userIds as [string] | [string, string] };
    }
    default:
      return undefined;
  }
}

/** Parses the text after `/dial`. Never throws: problems come back as `{ type: 'error' }`. */
export function parseDialText(raw: string, options: GrammarOptions): DialCommand {
  try {
    if (raw.length > MAX_COMMAND_LENGTH) {
      fail(`That's ${raw.length.toLocaleString('en-US')} characters; a \`/dial\` entry must fit in ${MAX_COMMAND_LENGTH.toLocaleString('en-US')}. Nothing was logged.`);
    }
    if (hasControlCharacters(raw)) fail('Your entry contains control characters I can’t store. Retype it without them. Nothing was logged.');
    const text = raw.normalize('NFC').trim();
    if (text === '') return { type: 'open_modal' };

    // A note follows "--" or "note:": `/dial 12 -- left voicemails`.
    const noteMatch = /(?:^|\s)(?:--|—|note:)\s*(.*)$/is.exec(text);
    const body = noteMatch ? text.slice(0, noteMatch.index).trim() : text;
    const note = noteMatch?.[1]?.trim() ? unescapeSlack(noteMatch[1].trim()) : undefined;
    if (note && note.length > MAX_NOTE_LENGTH) fail(`Notes are limited to ${MAX_NOTE_LENGTH} characters; yours has ${note.length}.`);

    const tokens = body.split(/\s+/).filter(Boolean);
    const first = tokens[0]?.toLowerCase();
    if (tokens.length === 1 && (first === 'help' || first === '?')) return { type: 'help' };
    if (tokens.length === 1 && first === 'undo') return { type: 'undo' };
    if (first === 'help' || first === 'undo') fail(`\`/dial ${first}\` takes nothing after it.`);
    if (tokens.length === 0) fail(`There's no count to log before the note. Try \`/dial 12 -- ${note ?? 'note'}\`.`);
    const sub = parseSubcommand(first!, tokens);
    if (sub) return sub;
    return parseLog(tokens, note, options);
  } catch (error) {
    if (error instanceof GrammarError) return { type: 'error', message: error.message };
    throw error;
  }
}

/** `/dial help`: the grammar with examples, in mrkdwn. */
export function dialHelpText(options: GrammarOptions & { backfillDays: number }): string {
  return [
    '*Log prospecting activity with `/dial`* — if it’s not logged, it didn’t happen.',
    '',
    '• `/dial` — open the *Log activity* form',
    '• `/dial 12` — 12 dials, now',
    '• `/dial 40 dials 12 convos 2 meetings 1 opp` — several kinds in one entry, in any order',
    '• `/dial 12 yesterday` · `/dial 12 on 2026-12-01` · `/dial 5 convos monday` — backdate up to ' +
      `${options.backfillDays} days`,
    '• `/dial 12 -- left 4 voicemails` — add a note after `--`',
    '• `/dial undo` — take back your last entry (it stays in the record as voided)',
    '• `/dial stats` — your day, week and month against target, pace, and what you need today (managers: `/dial stats @rep`)',
    '• `/dial board` — the team board for this week, ranked by share of target (`/dial board today`, `month`, `last-week`)',
    '• `/dial why` — where you stand on the warning ladder and the weeks behind it (managers: `/dial why @rep`, and excuse a week)',
    '• `/dial compare @rep` — a rep against the team average over the last 4 weeks, with a chart (`/dial compare @rep @rep` for two)',
    '• `/dial pto 2026-12-24 2026-12-31` · `/dial sick` · `/dial pto cancel 2026-12-24` — time off lowers your targets',
    '• `/dial goal` — set the goal plan, worked back from revenue (managers) · `/dial team` — team settings (managers; `/dial team <name>` for another of your teams, `/dial team new <name>` to create one)',
    '• `/dial import` — upload a CSV of activity, see what it would store, then import it (managers) · `/dial export` — your team’s activity as a CSV file in your DMs (`/dial export from 2026-11-01 to 2026-11-30 West Coast` for some days or one team)',
    '• `/dial help` — this message',
    '',
    '*Kinds* (the funnel): dials (`dial`, `d`, `calls`) → conversations (`convo`, `c`, `talk`) → presentations (`meeting`, `demo`, `p`) → opportunities (`opp`, `o`) → closes (`closed`, `won`, `deal`).',
    `Counts are whole numbers from 1 to ${options.maxCountPerEntry.toLocaleString('en-US')} per entry.`,
  ].join('\n');
}
