import { formatHolidayLines, parseHolidayLines } from '../../../../src/services/teams/holiday-lines.js';

describe('parseHolidayLines', () => {
  it('reads one holiday per line, earliest first, skipping blank lines', () => {
    expect(parseHolidayLines('2026-12-25 Christmas Day\n\n  2026-12-24   Christmas Eve  \r\n2027-01-01 New Year’s Day\n')).toEqual({
      holidays: [
        { date: '2026-12-24', name: 'Christmas Eve' },
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-01-01', name: 'New Year’s Day' },
      ],
      errors: [],
    });
  });

  it('accepts a separator after the date, one-digit months and days, and no name', () => {
    expect(parseHolidayLines('2026-12-26: Boxing Day\n2026-7-4 - Independence Day\n2026-11-26, Thanksgiving\n2026-12-31').holidays).toEqual([
      { date: '2026-07-04', name: 'Independence Day' },
      { date: '2026-11-26', name: 'Thanksgiving' },
      { date: '2026-12-26', name: 'Boxing Day' },
      { date: '2026-12-31', name: 'Holiday' },
    ]);
  });

  it('is empty for empty text', () => {
    expect(parseHolidayLines('')).toEqual({ holidays: [], errors: [] });
    expect(parseHolidayLines('\n  \n')).toEqual({ holidays: [], errors: [] });
  });

  it('names the line of each problem', () => {
    const { errors } = parseHolidayLines(
      ['2026-12-25 Christmas Day', 'Christmas 2026-12-25', '25/12/2026 Christmas', '2026-02-30 Nope', '2026-12-25 Xmas', `2026-12-31 ${'x'.repeat(81)}`, '2026-12-30 a\u0007b'].join('\n'),
    );
    expect(errors).toEqual([
      { line: 2, message: 'Line 2: start with the date as YYYY-MM-DD, then the name, e.g. “2026-12-25 Christmas Day”.' },
      { line: 3, message: 'Line 3: start with the date as YYYY-MM-DD, then the name, e.g. “2026-12-25 Christmas Day”.' },
      { line: 4, message: 'Line 4: “2026-02-30” isn’t a real date.' },
      { line: 5, message: 'Line 5: 2026-12-25 is already on line 1; give each date once.' },
      { line: 6, message: 'Line 6: keep the name to 80 characters.' },
      { line: 7, message: 'Line 7: contains control characters; retype it without them.' },
    ]);
  });

  it('treats a date written two ways as a duplicate', () => {
    expect(parseHolidayLines('2026-07-04 July 4th\n2026-7-4 Again').errors).toEqual([{ line: 2, message: 'Line 2: 2026-07-04 is already on line 1; give each date once.' }]);
  });

  it('allows 100 holidays and refuses 101', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)} Day ${i + 1}`).join('\n');
    expect(parseHolidayLines(lines(100)).errors).toEqual([]);
    expect(parseHolidayLines(lines(101)).errors).toEqual([{ line: null, message: 'At most 100 holidays; this list has 101. Remove past ones.' }]);
  });
});

describe('formatHolidayLines', () => {
  it('writes stored holidays back as the modal shows them, and round-trips', () => {
    const holidays = [
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-24', name: 'Christmas Eve' },
    ];
    const text = formatHolidayLines(holidays);
    expect(text).toBe('2026-12-24 Christmas Eve\n2026-12-25 Christmas Day');
    expect(parseHolidayLines(text).holidays).toEqual([holidays[1], holidays[0]]);
  });
});
