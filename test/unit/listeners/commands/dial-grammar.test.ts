import { dialHelpText, parseDialText, type DialCommand } from '../../../../src/listeners/commands/dial-grammar.js';
import type { Kind } from '../../../../src/lib/kinds.js';

const OPTIONS = { maxCountPerEntry: 1000 };
const parse = (text: string, options = OPTIONS) => parseDialText(text, options);

/** Asserts an error and returns its message. */
function errorOf(text: string, options = OPTIONS): string {
  const result = parse(text, options);
  expect(result.type).toBe('error');
  if (result.type !== 'error') throw new Error(`expected an error for ${JSON.stringify(text)}, got ${JSON.stringify(result)}`);
  return result.message;
}

/** Asserts a log command and returns it. */
function logOf(text: string, options = OPTIONS): Extract<DialCommand, { type: 'log' }> {
  const result = parse(text, options);
  if (result.type !== 'log') throw new Error(`expected a log for ${JSON.stringify(text)}, got ${JSON.stringify(result)}`);
  return result;
}

/** A lone UTF-16 surrogate: a string that renders as "�". */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('parseDialText: commands without counts', () => {
  it.each(['', ' ', '   \t  ', '\n', ' \r\n '])('%j opens the modal', (text) => {
    expect(parse(text)).toEqual({ type: 'open_modal' });
  });

  it.each(['help', 'HELP', 'Help', '?', '  help  '])('%j is help', (text) => {
    expect(parse(text)).toEqual({ type: 'help' });
  });

  it.each(['undo', 'UNDO', ' undo '])('%j is undo', (text) => {
    expect(parse(text)).toEqual({ type: 'undo' });
  });

  it('refuses words after help or undo', () => {
    expect(errorOf('help me')).toBe('`/dial help` takes nothing after it.');
    expect(errorOf('undo 2')).toBe('`/dial undo` takes nothing after it.');
    expect(errorOf('HELP 12')).toBe('`/dial help` takes nothing after it.');
  });
});

describe('parseDialText: counts', () => {
  it('a bare number is that many dials, now, without a note', () => {
    expect(parse('12')).toEqual({ type: 'log', counts: { dial: 12 }, when: { type: 'now' }, note: undefined });
  });

  const ALIASES: Record<Kind, string[]> = {
    dial: ['dial', 'dials', 'd', 'call', 'calls'],
    conversation: ['conversation', 'conversations', 'convo', 'convos', 'c', 'talk', 'talks'],
    presentation: ['presentation', 'presentations', 'meeting', 'meetings', 'demo', 'demos', 'p'],
    opportunity: ['opportunity', 'opportunities', 'opp', 'opps', 'o'],
    close: ['close', 'closes', 'closed', 'won', 'deal', 'deals'],
  };
  const aliasCases = Object.entries(ALIASES).flatMap(([kind, words]) => words.map((word) => [word, kind] as const));

  it.each(aliasCases)('"3 %s" logs 3 of kind %s', (word, kind) => {
    expect(logOf(`3 ${word}`).counts).toEqual({ [kind]: 3 });
  });

  it.each(aliasCases)('"%s" works upper-case, attached and before the number (%s)', (word, kind) => {
    expect(logOf(`4 ${word.toUpperCase()}`).counts).toEqual({ [kind]: 4 });
    expect(logOf(`5${word}`).counts).toEqual({ [kind]: 5 });
    expect(logOf(`${word} 6`).counts).toEqual({ [kind]: 6 });
  });

  it('is case-insensitive', () => {
    expect(logOf('12 DIALS').counts).toEqual({ dial: 12 });
    expect(logOf('12 Convos').counts).toEqual({ conversation: 12 });
  });

  it('takes several kinds in any order', () => {
    const expected = { dial: 40, conversation: 12, presentation: 2, opportunity: 1 };
    expect(logOf('40 dials 12 convos 2 meetings 1 opp').counts).toEqual(expected);
    expect(logOf('1 opp 2 meetings 12 convos 40 dials').counts).toEqual(expected);
    expect(logOf('meetings 2 40dials 1 o convos 12').counts).toEqual(expected);
  });

  it('reads the attached form', () => {
    expect(logOf('40dials').counts).toEqual({ dial: 40 });
    expect(logOf('12c').counts).toEqual({ conversation: 12 });
    expect(logOf('40dials 12c 1won').counts).toEqual({ dial: 40, conversation: 12, close: 1 });
  });

  it('reads kind-then-number', () => {
    expect(logOf('convos 3').counts).toEqual({ conversation: 3 });
    expect(logOf('dials 40 convos 3').counts).toEqual({ dial: 40, conversation: 3 });
  });

  it('sums a kind given twice', () => {
    expect(logOf('5 dials 7 dials').counts).toEqual({ dial: 12 });
    expect(logOf('5 dials 7d calls 1').counts).toEqual({ dial: 13 });
  });

  it('applies the per-entry maximum to the sum', () => {
    expect(logOf('5 dials 5 dials', { maxCountPerEntry: 10 }).counts).toEqual({ dial: 10 });
    expect(errorOf('5 dials 7 dials', { maxCountPerEntry: 10 })).toBe("That's 12 dials in one entry, more than the 10 allowed.");
    expect(errorOf('600 dials 600 calls')).toBe("That's 1,200 dials in one entry, more than the 1,000 allowed.");
  });

  it('a bare number next to other kinds is the dials', () => {
    expect(logOf('12 3 convos').counts).toEqual({ dial: 12, conversation: 3 });
    expect(logOf('3 convos 12').counts).toEqual({ dial: 12, conversation: 3 });
  });

  it('refuses two bare numbers', () => {
    expect(errorOf('12 3')).toBe('“3” has no kind after it. Write e.g. `/dial 40 dials 12 convos`.');
  });

  it('refuses a bare number together with explicit dials', () => {
    expect(errorOf('12 5 dials')).toBe('“12” has no kind after it. Write e.g. `/dial 40 dials 12 convos`.');
  });

  it('reads a thousands separator', () => {
    expect(logOf('1,000').counts).toEqual({ dial: 1000 });
    expect(logOf('1,000 dials').counts).toEqual({ dial: 1000 });
    expect(logOf('1,000,000', { maxCountPerEntry: 1_000_000 }).counts).toEqual({ dial: 1_000_000 });
    expect(errorOf('1,001')).toContain('“1,001” is more than the 1,000 one entry may hold');
  });

  it('refuses a misplaced comma', () => {
    expect(errorOf('1,00')).toContain('I couldn\'t read “1,00” as a number');
  });

  it('accepts a leading plus', () => {
    expect(logOf('+5').counts).toEqual({ dial: 5 });
    expect(logOf('+5 convos').counts).toEqual({ conversation: 5 });
  });

  it('accepts exactly the maximum', () => {
    expect(logOf('1000').counts).toEqual({ dial: 1000 });
    expect(logOf('7', { maxCountPerEntry: 7 }).counts).toEqual({ dial: 7 });
    expect(errorOf('8', { maxCountPerEntry: 7 })).toContain('“8” is more than the 7 one entry may hold');
  });

  it('a kind without a number names the kind', () => {
    expect(errorOf('dials')).toBe('“dials” needs a number before it, e.g. `/dial 12 dials`.');
    expect(errorOf('12 convos demo')).toBe('“demo” needs a number before it, e.g. `/dial 12 presentations`.');
  });
});

describe('parseDialText: when', () => {
  it('yesterday and today are days ago', () => {
    expect(logOf('12 yesterday').when).toEqual({ type: 'days_ago', days: 1 });
    expect(logOf('12 today').when).toEqual({ type: 'days_ago', days: 0 });
    expect(logOf('Yesterday 3 convos').when).toEqual({ type: 'days_ago', days: 1 });
  });

  it('takes a date after on or for, or bare', () => {
    for (const text of ['12 on 2026-12-01', '12 for 2026-12-01', '12 2026-12-01', '2026-12-01 12', 'ON 2026-12-01 12 dials']) {
      expect(logOf(text).when).toEqual({ type: 'date', date: '2026-12-01' });
    }
    expect(logOf('12 on 2026-12-01').counts).toEqual({ dial: 12 });
  });

  it('on or for also take yesterday and weekdays', () => {
    expect(logOf('12 on yesterday').when).toEqual({ type: 'days_ago', days: 1 });
    expect(logOf('12 for friday').when).toEqual({ type: 'weekday', weekday: 5 });
  });

  const weekdays = [
    ['monday', 'mon', 1],
    ['tuesday', 'tue', 2],
    ['wednesday', 'wed', 3],
    ['thursday', 'thu', 4],
    ['friday', 'fri', 5],
    ['saturday', 'sat', 6],
    ['sunday', 'sun', 7],
  ] as const;

  it.each(weekdays)('%s and %s are weekday %i', (name, abbr, weekday) => {
    expect(logOf(`12 ${name}`).when).toEqual({ type: 'weekday', weekday });
    expect(logOf(`12 ${abbr}`).when).toEqual({ type: 'weekday', weekday });
    expect(logOf(`5 convos ${name.toUpperCase()}`).when).toEqual({ type: 'weekday', weekday });
  });

  it('refuses two dates', () => {
    expect(errorOf('12 yesterday today')).toBe('Give one date per entry: “today” is a second one.');
    expect(errorOf('12 on 2026-12-01 monday')).toBe('Give one date per entry: “monday” is a second one.');
    expect(errorOf('12 fri on 2026-12-01')).toBe('Give one date per entry: “2026-12-01” is a second one.');
  });

  it('refuses on/for without a date', () => {
    expect(errorOf('12 on')).toBe('“on” needs a date after it, e.g. `/dial 12 on 2026-12-01` or `/dial 12 yesterday`.');
    expect(errorOf('12 on dials')).toContain('“on” needs a date after it');
    expect(errorOf('for 12')).toContain('“for” needs a date after it');
  });

  it('refuses a date that does not exist', () => {
    expect(errorOf('12 on 2026-02-30')).toBe('“2026-02-30” isn\'t a real date. Use YYYY-MM-DD, e.g. `/dial 12 on 2026-12-01`.');
    expect(errorOf('12 2026-13-01')).toContain('“2026-13-01” isn\'t a real date');
    expect(errorOf('12 2027-02-29')).toContain('isn\'t a real date');
    expect(logOf('12 2028-02-29').when).toEqual({ type: 'date', date: '2028-02-29' });
  });
});

describe('parseDialText: notes', () => {
  it('takes a note after --, — or note:', () => {
    expect(parse('12 -- left 4 voicemails')).toEqual({
      type: 'log',
      counts: { dial: 12 },
      when: { type: 'now' },
      note: 'left 4 voicemails',
    });
    expect(logOf('12 — left 4 voicemails').note).toBe('left 4 voicemails');
    expect(logOf('12 note: left 4 voicemails').note).toBe('left 4 voicemails');
    expect(logOf('12 NOTE: x').note).toBe('x');
  });

  it('trims the note, and an empty note is none', () => {
    expect(logOf('12 --    spaced out    ').note).toBe('spaced out');
    expect(logOf('12 --').note).toBeUndefined();
    expect(logOf('12 --   ').note).toBeUndefined();
  });

  it('keeps everything after the first marker, including words the grammar knows', () => {
    const result = logOf('40 dials yesterday -- 12 convos on monday -- wow');
    expect(result.counts).toEqual({ dial: 40 });
    expect(result.when).toEqual({ type: 'days_ago', days: 1 });
    expect(result.note).toBe('12 convos on monday -- wow');
  });

  it('accepts a 500-character note and refuses 501', () => {
    expect(logOf(`12 -- ${'n'.repeat(500)}`).note).toBe('n'.repeat(500));
    expect(errorOf(`12 -- ${'n'.repeat(501)}`)).toBe('Notes are limited to 500 characters; yours has 501.');
  });

  it('refuses a note without a count', () => {
    expect(errorOf('-- only a note')).toBe("There's no count to log before the note. Try `/dial 12 -- only a note`.");
    expect(errorOf('note: hi')).toContain("There's no count to log before the note");
  });
});

describe('parseDialText: errors', () => {
  it('a spelled-out number suggests digits', () => {
    expect(errorOf('twelve')).toBe('Write counts as digits: “twelve” → `/dial 12`.');
    expect(errorOf('Five convos')).toContain('`/dial 5`');
  });

  it('refuses a negative count and points to undo', () => {
    const message = errorOf('-5');
    expect(message).toContain('Counts are positive whole numbers, so “-5” can\'t be logged');
    expect(message).toContain('`/dial undo`');
    expect(errorOf('-5 convos')).toContain('Counts are positive whole numbers');
  });

  it('refuses zero', () => {
    expect(errorOf('0')).toBe('0 is nothing to log: counts start at 1.');
    expect(errorOf('0 convos')).toBe('0 is nothing to log: counts start at 1.');
    expect(errorOf('000')).toBe('0 is nothing to log: counts start at 1.');
  });

  it('refuses fractions', () => {
    expect(errorOf('12.5')).toBe('Counts are whole numbers: “12.5” isn\'t one.');
  });

  it('refuses unknown words', () => {
    const message = errorOf('12 bananas');
    expect(message).toContain('I don\'t know “bananas”');
    expect(message).toContain('Type `/dial help` for examples.');
  });

  it('refuses a count above the maximum', () => {
    expect(errorOf('99999999')).toBe(
      "“99999999” is more than the 1,000 one entry may hold. If that's real, split it into several entries or ask your admin to raise MAX_COUNT_PER_ENTRY.",
    );
    expect(errorOf('99999999999999999999999')).toContain('is more than the 1,000 one entry may hold');
  });

  it('refuses emoji', () => {
    expect(errorOf(':fire:')).toContain('I don\'t know “:fire:”');
    expect(errorOf('12 🔥')).toContain('I don\'t know “🔥”');
    expect(errorOf('🔥')).toContain('I don\'t know “🔥”');
  });

  it('shortens a long unknown word without splitting a character', () => {
    const message = errorOf(`a${'🔥'.repeat(40)}`);
    expect(message).toContain(`“a${'🔥'.repeat(29)}…”`);
    expect(message).not.toMatch(LONE_SURROGATE);
    expect(errorOf('x'.repeat(40))).toContain(`“${'x'.repeat(30)}…”`);
  });

  it('refuses control characters and bidi overrides', () => {
    const control = 'Your entry contains control characters I can’t store. Retype it without them. Nothing was logged.';
    expect(errorOf('12\u0007')).toBe(control);
    expect(errorOf('12 dials -- \u202Eevil')).toBe(control);
    expect(errorOf('\u202E12')).toBe(control);
    expect(errorOf('12\u0000')).toBe(control);
  });

  it('refuses text longer than 1000 characters, naming its length', () => {
    expect(errorOf(`12 ${'x'.repeat(1998)}`)).toBe("That's 2,001 characters; a `/dial` entry must fit in 1,000. Nothing was logged.");
    expect(errorOf(' '.repeat(1001))).toContain("That's 1,001 characters");
    expect(logOf(`12${' '.repeat(998)}`).counts).toEqual({ dial: 12 });
  });

  it('treats newlines, tabs and carriage returns as whitespace', () => {
    expect(logOf('12\ndials').counts).toEqual({ dial: 12 });
    expect(logOf('40 dials\r\n12 convos\tyesterday').counts).toEqual({ dial: 40, conversation: 12 });
    expect(logOf('12\n--\nleft\nvoicemails').note).toBe('left\nvoicemails');
    expect(parse('\n\n')).toEqual({ type: 'open_modal' });
  });
});

/** Mulberry32: a tiny seeded PRNG, so the fuzz below is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseDialText: fuzz', () => {
  const random = mulberry32(20261201);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const PIECES = [
    ...'0123456789',
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ' ', ' ', ' ', '\t', '\n',
    ...'.,;:!?+-—–()[]{}"\'`/\\@#$%^&*_=<>|~',
    '🔥', '📞', '👍🏽', '🇺🇸', 'é', 'e\u0301', 'ß', 'Ω', 'д', '中', '٣', '१', '\u00A0', '\u2028', '\u200B',
  ];
  const WORDS = [
    '1', '3', '12', '25', '49', '50', '51', '1,000', '999999', '0', '-3', '+4', '2.5', '30c', '7dials', '2,5',
    'dials', 'convos', 'c', 'won', 'opp', 'p', 'on', 'for', 'yesterday', 'today', 'monday', 'fri', '2026-12-01', '2026-02-30',
    '--', '—', 'note:', 'help', 'undo', '🔥', 'x',
  ];
  // Half random characters, half random sequences of words the grammar knows (so that many parse).
  const inputs = [
    ...Array.from({ length: 250 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(PIECES)).join('')),
    ...Array.from({ length: 250 }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(WORDS)).join(pick([' ', '  ', '\n']))),
  ];
  const max = 50;
  const results = inputs.map((text) => ({ text, result: parseDialText(text, { maxCountPerEntry: max }) }));

  it('never throws and logs only whole counts from 1 to the maximum', () => {
    for (const { text, result } of results) {
      expect(['open_modal', 'help', 'undo', 'log', 'error']).toContain(result.type);
      if (result.type === 'log') {
        const counts = Object.values(result.counts);
        expect(counts.length).toBeGreaterThan(0);
        for (const count of counts) {
          if (!Number.isInteger(count) || count < 1 || count > max) throw new Error(`${JSON.stringify(text)} logged ${count}`);
        }
        if (result.note !== undefined) expect(result.note.length).toBeLessThanOrEqual(500);
      }
      if (result.type === 'error') {
        expect(result.message.length).toBeGreaterThan(0);
        if (LONE_SURROGATE.test(result.message)) throw new Error(`${JSON.stringify(text)} gave a broken message ${JSON.stringify(result.message)}`);
      }
    }
  });

  it('exercises both logs and errors', () => {
    const types = new Set(results.map(({ result }) => result.type));
    expect(types).toContain('log');
    expect(types).toContain('error');
    expect(results.filter(({ result }) => result.type === 'log').length).toBeGreaterThan(25);
    expect(results.some(({ result }) => result.type === 'log' && Object.values(result.counts).includes(max))).toBe(true);
  });
});

describe('dialHelpText', () => {
  const help = dialHelpText({ maxCountPerEntry: 1000, backfillDays: 7 });

  it('lists every example of the grammar', () => {
    for (const example of [
      '`/dial`',
      '`/dial 12`',
      '`/dial 40 dials 12 convos 2 meetings 1 opp`',
      '`/dial 12 yesterday`',
      '`/dial 12 on 2026-12-01`',
      '`/dial 5 convos monday`',
      '`/dial 12 -- left 4 voicemails`',
      '`/dial undo`',
      '`/dial help`',
    ]) {
      expect(help).toContain(example);
    }
  });

  it('every example it gives parses', () => {
    const examples = [...help.matchAll(/`\/dial([^`]*)`/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const example of examples) {
      // "@rep" stands for a mention, which Slack sends as <@U…|name>: a different rep each time.
      let reps = 0;
      const result = parse(example.replace(/@rep/g, () => `<@U0REP${++reps}|rep>`));
      if (result.type === 'error') throw new Error(`/dial${example} → ${result.message}`);
    }
  });

  it('names the kind words it lists, and they all parse', () => {
    for (const word of ['dial', 'd', 'calls', 'convo', 'c', 'talk', 'meeting', 'demo', 'p', 'opp', 'o', 'closed', 'won', 'deal']) {
      expect(help).toContain(`\`${word}\``);
      expect(parse(`2 ${word}`).type).toBe('log');
    }
  });

  it('states the backfill days and the maximum', () => {
    expect(help).toContain('backdate up to 7 days');
    expect(help).toContain('from 1 to 1,000 per entry');
    const other = dialHelpText({ maxCountPerEntry: 250000, backfillDays: 14 });
    expect(other).toContain('backdate up to 14 days');
    expect(other).toContain('from 1 to 250,000 per entry');
  });
});

describe('subcommands', () => {
  it.each([
    ['goal', { type: 'goal' }],
    ['GOALS', { type: 'goal' }],
    ['team', { type: 'team' }],
    ['stats', { type: 'stats', userId: undefined }],
    ['stats <@U0ABC|dana>', { type: 'stats', userId: 'U0ABC' }],
    ['status <@W0ENT>', { type: 'stats', userId: 'W0ENT' }],
  ])('`/dial %s`', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['goal now', '`/dial goal` takes nothing after it.'],
    ['team new', 'Name the new team: `/dial team new West Coast`.'],
    ['stats dana', '“dana” isn\'t a Slack mention'],
    ['stats <@U1> <@U2>', 'Use `/dial stats` for yourself'],
  ])('refuses `/dial %s`', (text, message) => {
    const result = parse(text);
    expect(result.type).toBe('error');
    expect(result.type === 'error' && result.message).toContain(message);
  });

  it('parses PTO ranges, single days, relative days, cancels and mentions', () => {
    expect(parse('pto 2026-12-24 2026-12-31')).toEqual({
      type: 'absence',
      action: 'add',
      kind: 'pto',
      userId: undefined,
      from: { type: 'date', date: '2026-12-24' },
      to: { type: 'date', date: '2026-12-31' },
      rampPercent: undefined,
    });
    expect(parse('pto tomorrow')).toMatchObject({ from: { type: 'days_ago', days: -1 }, to: { type: 'days_ago', days: -1 } });
    expect(parse('pto cancel <@U0REP|sam> 2026-12-24')).toMatchObject({ action: 'cancel', userId: 'U0REP', from: { type: 'date', date: '2026-12-24' } });
    expect(parse('sick')).toMatchObject({ kind: 'sick', from: { type: 'days_ago', days: 0 }, to: { type: 'days_ago', days: 0 } });
    expect(parse('sick yesterday')).toMatchObject({ kind: 'sick', from: { type: 'days_ago', days: 1 } });
    expect(parse('ramp <@U0NEW> 50% 2026-12-01 2026-12-31')).toMatchObject({ kind: 'ramp', userId: 'U0NEW', rampPercent: 50 });
  });

  it.each([
    ['pto', 'Which days?'],
    ['pto 2026-12-24 2026-12-25 2026-12-26', 'Give a first and a last day, no more.'],
    ['pto monday', '“monday” isn\'t a date'],
    ['pto 2026-02-30', '“2026-02-30” isn\'t a real date'],
    ['pto @sam 2026-12-24', 'Mention the rep so Slack links them'],
    ['ramp <@U0NEW> 2026-12-01 2026-12-31', 'Give the ramp share as a percentage from 1 to 99'],
    ['ramp 50% 2026-12-01 2026-12-31', 'Ramp is set by a manager for a rep.'],
    ['ramp <@U0NEW> 0% 2026-12-01', 'Give the ramp share as a percentage'],
    ['ramp <@U0NEW> 150% 2026-12-01', 'Give the ramp share as a percentage'],
  ])('refuses `/dial %s` with usage', (text, message) => {
    const result = parse(text);
    expect(result.type).toBe('error');
    expect(result.type === 'error' && result.message).toContain(message);
  });

  it('unescapes what Slack escapes in notes', () => {
    expect(parse('12 -- Smith &amp; Sons &lt;VIP&gt;')).toMatchObject({ type: 'log', note: 'Smith & Sons <VIP>' });
  });
});

describe('`/dial board`', () => {
  it.each([
    ['board', 'week'],
    ['BOARD', 'week'],
    ['board today', 'today'],
    ['board week', 'week'],
    ['board Month', 'month'],
    ['board last-week', 'last-week'],
    ['board lastweek', 'last-week'],
    ['leaderboard', 'week'],
  ])('`/dial %s` is the %s board', (text, period) => {
    expect(parse(text)).toEqual({ type: 'board', period });
  });

  it.each([
    ['board yesterday', 'I don\'t know the period “yesterday”. Use `/dial board` (this week), or `/dial board today`, `week`, `month` or `last-week`.'],
    ['board week month', '`/dial board` takes one period at most.'],
  ])('refuses `/dial %s`', (text, message) => {
    const result = parse(text);
    expect(result.type).toBe('error');
    expect(result.type === 'error' && result.message).toContain(message);
  });

  it('is in the help', () => {
    expect(dialHelpText({ maxCountPerEntry: 1000, backfillDays: 7 })).toContain('`/dial board`');
  });
});

describe('`/dial compare`', () => {
  it.each([
    ['compare <@U0A|ann>', ['U0A']],
    ['compare <@U0A> <@U0B|bo>', ['U0A', 'U0B']],
    ['VS <@U0A> <@U0B>', ['U0A', 'U0B']],
  ])('%s → %j', (text, userIds) => {
    expect(parse(text)).toEqual({ type: 'compare', userIds });
  });

  it.each([
    ['compare', 'Whom should I compare?'],
    ['compare <@U0A> <@U0A|ann>', 'That’s the same person twice.'],
    ['compare <@U0A> <@U0B> <@U0C>', 'I compare two people at a time.'],
    ['compare ann', '“ann” isn\'t a Slack mention.'],
    ['compare <#C0123|sales>', 'isn\'t a Slack mention.'],
  ])('%s is refused: %s', (text, message) => {
    const result = parse(text);
    expect(result.type).toBe('error');
    expect(result.type === 'error' && result.message).toContain(message);
  });
});

describe('`/dial why`', () => {
  it('is for yourself or a mentioned rep', () => {
    expect(parse('why')).toEqual({ type: 'why', userId: undefined });
    expect(parse('WHY <@U0A|ann>')).toEqual({ type: 'why', userId: 'U0A' });
  });

  it.each([
    ['why ann', '“ann” isn\'t a Slack mention.'],
    ['why <@U0A> <@U0B>', 'Use `/dial why` for yourself'],
  ])('%s is refused', (text, message) => {
    const result = parse(text);
    expect(result.type === 'error' && result.message).toContain(message);
  });
});

describe('`/dial import` and `/dial export`', () => {
  it('import takes nothing after it', () => {
    expect(parse('import')).toEqual({ type: 'import' });
    expect(parse('import sales.csv')).toEqual({ type: 'error', message: '`/dial import` takes nothing after it: it opens a form to upload your CSV file.' });
  });

  it.each([
    ['export', { type: 'export' }],
    ['export from 2026-11-01', { type: 'export', from: '2026-11-01' }],
    ['EXPORT to 2026-11-30 from 2026-11-01 West Coast', { type: 'export', from: '2026-11-01', to: '2026-11-30', teamName: 'West Coast' }],
    ['export Inside Sales', { type: 'export', teamName: 'Inside Sales' }],
  ])('%s', (text, command) => {
    expect(parse(text)).toEqual(command);
  });

  it.each([
    ['export from', '`from` needs a date like 2026-11-01 after it.'],
    ['export from yesterday', '`from` needs a date like 2026-11-01 after it, not “yesterday”.'],
    ['export to 2026-02-30', '`to` needs a date like 2026-11-01 after it, not “2026-02-30”.'],
    ['export from 2026-11-01 from 2026-11-02', 'Give one `from` date.'],
    ['export from 2026-12-01 to 2026-11-01', 'The export starts (2026-12-01) after it ends (2026-11-01).'],
    [`export ${'x'.repeat(81)}`, 'Team names are at most 80 characters.'],
  ])('%s is refused', (text, message) => {
    const result = parse(text);
    expect(result.type === 'error' && result.message).toContain(message);
  });

  it('are in the help', () => {
    const help = dialHelpText({ maxCountPerEntry: 1000, backfillDays: 7 });
    expect(help).toContain('`/dial import`');
    expect(help).toContain('`/dial export`');
    expect(parse('export from 2026-11-01 to 2026-11-30 West Coast')).toEqual({ type: 'export', from: '2026-11-01', to: '2026-11-30', teamName: 'West Coast' });
    expect(help).toContain('`/dial export from 2026-11-01 to 2026-11-30 West Coast`');
  });
});
