import { LOG_MODAL } from '../../../../src/blocks/ids.js';
import type { Kind } from '../../../../src/lib/kinds.js';
import { modalChannel, readLogForm } from '../../../../src/listeners/views/log-activity-form.js';

// 02:00 UTC on 4 Dec is 18:00 on 3 Dec in Los Angeles: the rep's "today" is the 3rd.
const NOW = new Date('2026-12-04T02:00:00Z');
const RULES = { maxCountPerEntry: 1000, backfillDays: 7, now: NOW, timezone: 'America/Los_Angeles' };
const TODAY = '2026-12-03';

/** The modal's state.values as Slack sends them. */
function stateValues(input: { counts?: Partial<Record<Kind, string | null>>; date?: string | null; note?: string | null }) {
  const values: Record<string, Record<string, { value?: string | null; selected_date?: string | null }>> = {};
  for (const [kind, value] of Object.entries(input.counts ?? {}) as [Kind, string | null][]) {
    values[LOG_MODAL.kindBlock(kind)] = { [LOG_MODAL.countAction]: { value } };
  }
  values[LOG_MODAL.dateBlock] = { [LOG_MODAL.dateAction]: { selected_date: input.date === undefined ? TODAY : input.date } };
  values[LOG_MODAL.noteBlock] = { [LOG_MODAL.noteAction]: { value: input.note ?? null } };
  return values;
}

const read = (input: Parameters<typeof stateValues>[0], rules = RULES) => readLogForm(stateValues(input), rules);

describe('readLogForm', () => {
  it('reads a valid form', () => {
    expect(read({ counts: { dial: '40', conversation: ' 12 ', close: '1' }, date: '2026-12-01', note: '  left 4 voicemails  ' })).toEqual({
      ok: true,
      form: { counts: { dial: 40, conversation: 12, close: 1 }, date: '2026-12-01', note: 'left 4 voicemails' },
    });
  });

  it('an empty note is no note', () => {
    expect(read({ counts: { dial: '3' }, note: '   ' })).toEqual({ ok: true, form: { counts: { dial: 3 }, date: TODAY, note: undefined } });
    expect(read({ counts: { dial: '3' }, note: null })).toEqual({ ok: true, form: { counts: { dial: 3 }, date: TODAY, note: undefined } });
  });

  it('stores the note in NFC', () => {
    const result = read({ counts: { dial: '3' }, note: 'Cafe\u0301 Müller' });
    expect(result).toEqual({ ok: true, form: { counts: { dial: 3 }, date: TODAY, note: 'Caf\u00e9 Müller' } });
  });

  it('skips zero and empty counts', () => {
    expect(read({ counts: { dial: '0', conversation: '5', presentation: '', opportunity: null, close: '00' } })).toEqual({
      ok: true,
      form: { counts: { conversation: 5 }, date: TODAY, note: undefined },
    });
  });

  it('needs at least one count, shown on the dials field', () => {
    expect(read({ counts: {} })).toEqual({ ok: false, errors: { count_dial: 'Enter at least one count to log.' } });
    expect(read({ counts: { dial: '0', close: '0' } })).toEqual({ ok: false, errors: { count_dial: 'Enter at least one count to log.' } });
    expect(readLogForm({}, RULES)).toEqual({
      ok: false,
      errors: { count_dial: 'Enter at least one count to log.', date: 'Pick the day this happened.' },
    });
  });

  it.each([
    ['dial', 'abc', 'count_dial', 'Enter dials as a whole number, e.g. 12.'],
    ['conversation', '-3', 'count_conversation', 'Enter conversations as a whole number, e.g. 12.'],
    ['presentation', '2.5', 'count_presentation', 'Enter presentations as a whole number, e.g. 12.'],
    ['opportunity', '1e3', 'count_opportunity', 'Enter opportunities as a whole number, e.g. 12.'],
    ['close', '1001', 'count_close', 'At most 1,000 closes per entry.'],
    ['dial', '99999999999999999999999', 'count_dial', 'At most 1,000 dials per entry.'],
  ] as [Kind, string, string, string][])('a %s count of %j is an error on %s', (kind, value, block, message) => {
    expect(read({ counts: { [kind]: value } })).toEqual({ ok: false, errors: { [block]: message } });
  });

  it('a bad count is reported even when other counts are fine', () => {
    expect(read({ counts: { dial: '40', opportunity: 'x' } })).toEqual({
      ok: false,
      errors: { count_opportunity: 'Enter opportunities as a whole number, e.g. 12.' },
    });
  });

  it('accepts exactly the maximum', () => {
    expect(read({ counts: { dial: '1000' } })).toMatchObject({ ok: true, form: { counts: { dial: 1000 } } });
    expect(read({ counts: { dial: '8' } }, { ...RULES, maxCountPerEntry: 7 })).toEqual({ ok: false, errors: { count_dial: 'At most 7 dials per entry.' } });
  });

  it.each([null, '', 'garbage', '2026-12-32', '2026-12-3'])('a date of %j asks for the day', (date) => {
    expect(read({ counts: { dial: '3' }, date })).toEqual({ ok: false, errors: { date: 'Pick the day this happened.' } });
  });

  describe('date window, in the rep’s zone', () => {
    it('accepts today in the rep’s zone', () => {
      expect(read({ counts: { dial: '3' }, date: '2026-12-03' })).toMatchObject({ ok: true, form: { date: '2026-12-03' } });
    });

    it('refuses tomorrow, even though it is already that date in UTC', () => {
      expect(read({ counts: { dial: '3' }, date: '2026-12-04' })).toEqual({
        ok: false,
        errors: { date: '2026-12-04 is in the future (today is 2026-12-03 where you are). Log activity once it has happened.' },
      });
    });

    it('accepts exactly backfillDays ago and refuses one day more', () => {
      expect(read({ counts: { dial: '3' }, date: '2026-11-26' })).toMatchObject({ ok: true, form: { date: '2026-11-26' } });
      expect(read({ counts: { dial: '3' }, date: '2026-11-25' })).toEqual({
        ok: false,
        errors: {
          date: '2026-11-25 is 8 days ago; entries can be backdated up to 7 days (back to 2026-11-26). Ask your manager to import older activity.',
        },
      });
    });

    it('the window follows the zone: in Kolkata the same instant is already the 4th', () => {
      const kolkata = { ...RULES, timezone: 'Asia/Kolkata' };
      expect(read({ counts: { dial: '3' }, date: '2026-12-04' }, kolkata)).toMatchObject({ ok: true });
      expect(read({ counts: { dial: '3' }, date: '2026-11-27' }, kolkata)).toMatchObject({ ok: true });
      expect(read({ counts: { dial: '3' }, date: '2026-11-26' }, kolkata)).toMatchObject({ ok: false, errors: { date: expect.stringContaining('8 days ago') } });
    });
  });

  it('accepts a 500-character note and refuses 501', () => {
    expect(read({ counts: { dial: '3' }, note: 'n'.repeat(500) })).toMatchObject({ ok: true, form: { note: 'n'.repeat(500) } });
    expect(read({ counts: { dial: '3' }, note: 'n'.repeat(501) })).toEqual({
      ok: false,
      errors: { note: 'Keep the note under 500 characters (it has 501).' },
    });
  });

  it('refuses control characters and bidi overrides in the note, but not newlines', () => {
    const message = 'The note contains control characters; retype it without them.';
    expect(read({ counts: { dial: '3' }, note: 'bell\u0007' })).toEqual({ ok: false, errors: { note: message } });
    expect(read({ counts: { dial: '3' }, note: 'abc\u202Edef' })).toEqual({ ok: false, errors: { note: message } });
    expect(read({ counts: { dial: '3' }, note: 'line one\nline two' })).toMatchObject({ ok: true, form: { note: 'line one\nline two' } });
  });

  it('reports every error at once', () => {
    expect(read({ counts: { dial: 'x', conversation: '2000', close: '3' }, date: '2026-12-25', note: 'n'.repeat(600) })).toEqual({
      ok: false,
      errors: {
        count_dial: 'Enter dials as a whole number, e.g. 12.',
        count_conversation: 'At most 1,000 conversations per entry.',
        date: '2026-12-25 is in the future (today is 2026-12-03 where you are). Log activity once it has happened.',
        note: 'Keep the note under 500 characters (it has 600).',
      },
    });
  });
});

describe('modalChannel', () => {
  it('reads the channel id', () => {
    expect(modalChannel('{"channelId":"C123"}')).toBe('C123');
    expect(modalChannel('{"channelId":"D0ABC12"}')).toBe('D0ABC12');
    expect(modalChannel('{"channelId":"G42"}')).toBe('G42');
  });

  it.each([
    undefined,
    '',
    '{}',
    'garbage',
    '{"channelId":',
    'null',
    '[]',
    '42',
    '"C123"',
    '{"channelId":123}',
    '{"channelId":["C123"]}',
    '{"channel":"C123"}',
    '{"channelId":"https://evil.example.com/C123"}',
    '{"channelId":"c123"}',
    '{"channelId":"U123"}',
    '{"channelId":"C123 "}',
    '{"channelId":""}',
  ])('ignores %j', (metadata) => {
    expect(modalChannel(metadata)).toBeUndefined();
  });
});
