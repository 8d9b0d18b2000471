import {
  addDays,
  daysBetween,
  dayInterval,
  describeLocalDate,
  fixedClock,
  formatLocalDate,
  formatLocalMonth,
  isoWeekday,
  isValidTimezone,
  localDate,
  middayOf,
  monthOf,
  parseInstant,
  parseLocalDate,
  weekInterval,
  monthInterval,
  type Interval,
} from '../../../src/lib/time.js';
import { DateTime } from 'luxon';

const HOUR = 3_600_000;
const hours = (interval: Interval) => (interval.end.getTime() - interval.start.getTime()) / HOUR;
const iso = (interval: Interval) => [interval.start.toISOString(), interval.end.toISOString()];

describe('localDate', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    const instant = new Date('2026-12-01T20:00:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-12-01');
    expect(localDate(instant, 'Asia/Kolkata')).toBe('2026-12-02'); // 01:30 next day
    expect(localDate(instant, 'Pacific/Auckland')).toBe('2026-12-02'); // 09:00 next day (NZDT)
    expect(localDate(new Date('2026-12-02T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-01'); // 21:00 the day before
  });

  it('respects the half-hour offset of Asia/Kolkata', () => {
    expect(localDate(new Date('2026-12-01T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-12-01');
    expect(localDate(new Date('2026-12-01T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-12-02');
  });

  it('uses the summer offset in Auckland (UTC+12 in June, +13 in December)', () => {
    expect(localDate(new Date('2026-06-15T11:59:00Z'), 'Pacific/Auckland')).toBe('2026-06-15');
    expect(localDate(new Date('2026-06-15T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-06-16');
    expect(localDate(new Date('2026-12-15T10:59:00Z'), 'Pacific/Auckland')).toBe('2026-12-15');
    expect(localDate(new Date('2026-12-15T11:00:00Z'), 'Pacific/Auckland')).toBe('2026-12-16');
  });
});

describe('isValidTimezone', () => {
  it('accepts IANA names and refuses others', () => {
    expect(isValidTimezone('America/New_York')).toBe(true);
    expect(isValidTimezone('UTC')).toBe(true);
    expect(isValidTimezone('Mars/Base')).toBe(false);
    expect(isValidTimezone('')).toBe(false);
  });
});

describe('parseLocalDate', () => {
  it('accepts real YYYY-MM-DD dates', () => {
    expect(parseLocalDate('2026-12-01')).toBe('2026-12-01');
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29');
  });

  it.each(['2026-2-1', '2026-02-30', '2026-13-01', '2026-00-10', '2026-01-00', '2027-02-29', 'x', '', '2026-12-01T00:00', ' 2026-12-01', '20261201', '2026/12/01'])(
    'refuses %j',
    (text) => {
      expect(parseLocalDate(text)).toBeNull();
    },
  );
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDays('2026-12-04', -7)).toBe('2026-11-27');
    expect(addDays('2026-12-04', 0)).toBe('2026-12-04');
  });

  it('is not thrown off by DST days', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative backwards', () => {
    expect(daysBetween('2026-12-01', '2026-12-05')).toBe(4);
    expect(daysBetween('2026-12-05', '2026-12-01')).toBe(-4);
    expect(daysBetween('2026-12-05', '2026-12-05')).toBe(0);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });
});

describe('dayInterval', () => {
  it('is 24 hours on an ordinary day', () => {
    const day = dayInterval('2026-06-15', 'America/New_York');
    expect(iso(day)).toEqual(['2026-06-15T04:00:00.000Z', '2026-06-16T04:00:00.000Z']);
    expect(hours(day)).toBe(24);
  });

  it('is 23 hours on the US spring-forward day', () => {
    const day = dayInterval('2026-03-08', 'America/New_York');
    expect(iso(day)).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(hours(day)).toBe(23);
  });

  it('is 25 hours on the US fall-back day', () => {
    const day = dayInterval('2026-11-01', 'America/New_York');
    expect(iso(day)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(hours(day)).toBe(25);
  });

  it('follows Europe/Berlin DST days', () => {
    const spring = dayInterval('2026-03-29', 'Europe/Berlin');
    expect(iso(spring)).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(hours(spring)).toBe(23);
    const autumn = dayInterval('2026-10-25', 'Europe/Berlin');
    expect(iso(autumn)).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(hours(autumn)).toBe(25);
  });

  it('starts at local midnight in a half-hour zone', () => {
    expect(iso(dayInterval('2026-12-02', 'Asia/Kolkata'))).toEqual(['2026-12-01T18:30:00.000Z', '2026-12-02T18:30:00.000Z']);
  });

  it('throws on a date that does not exist', () => {
    expect(() => dayInterval('2026-02-30', 'UTC')).toThrow(RangeError);
  });
});

describe('monthInterval', () => {
  it('is the month in the zone: New Year’s Eve evening in New York is still December', () => {
    const month = monthInterval(new Date('2027-01-01T03:00:00Z'), 'America/New_York');
    expect(iso(month)).toEqual(['2026-12-01T05:00:00.000Z', '2027-01-01T05:00:00.000Z']);
    expect(iso(monthInterval(new Date('2027-01-01T03:00:00Z'), 'UTC'))).toEqual(['2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z']);
  });

  it('is an hour short in the month clocks spring forward', () => {
    expect(hours(monthInterval(new Date('2026-03-15T12:00:00Z'), 'America/New_York'))).toBe(31 * 24 - 1);
  });
});

describe('weekInterval', () => {
  it('Sunday night in New York is still the New York week, though UTC says Monday', () => {
    const sundayNight = new Date('2026-12-07T03:00:00Z'); // Sun 6 Dec 22:00 EST, Mon 7 Dec in UTC
    const week = weekInterval(sundayNight, 'America/New_York');
    expect(week.firstDay).toBe('2026-11-30');
    expect(iso(week)).toEqual(['2026-11-30T05:00:00.000Z', '2026-12-07T05:00:00.000Z']);
    expect(hours(week)).toBe(168);
    // In UTC the same instant is already the next week.
    expect(weekInterval(sundayNight, 'UTC').firstDay).toBe('2026-12-07');
  });

  it('a Monday is the first day of its own week', () => {
    const week = weekInterval(new Date('2026-11-30T05:00:00Z'), 'America/New_York');
    expect(week.firstDay).toBe('2026-11-30');
    expect(week.start.toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });

  it('is 167 hours across spring-forward and 169 across fall-back', () => {
    const spring = weekInterval(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(spring.firstDay).toBe('2026-03-02');
    expect(iso(spring)).toEqual(['2026-03-02T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(hours(spring)).toBe(167);

    const autumn = weekInterval(new Date('2026-11-01T12:00:00Z'), 'America/New_York');
    expect(autumn.firstDay).toBe('2026-10-26');
    expect(iso(autumn)).toEqual(['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(hours(autumn)).toBe(169);
  });

  it('can start on Sunday (weekStartsOn = 7)', () => {
    const sundayNight = new Date('2026-12-07T03:00:00Z'); // Sun 6 Dec in New York
    const week = weekInterval(sundayNight, 'America/New_York', 7);
    expect(week.firstDay).toBe('2026-12-06');
    expect(iso(week)).toEqual(['2026-12-06T05:00:00.000Z', '2026-12-13T05:00:00.000Z']);

    const saturday = weekInterval(new Date('2026-12-12T20:00:00Z'), 'America/New_York', 7);
    expect(saturday.firstDay).toBe('2026-12-06');
  });
});

describe('middayOf', () => {
  it('is 12:00 local time, also on DST days', () => {
    expect(middayOf('2026-06-15', 'America/New_York').toISOString()).toBe('2026-06-15T16:00:00.000Z');
    expect(middayOf('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T16:00:00.000Z'); // EDT
    expect(middayOf('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T17:00:00.000Z'); // EST
    expect(middayOf('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(middayOf('2026-12-01', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T06:30:00.000Z');
  });

  it('stays on that date in the zone', () => {
    for (const zone of ['Pacific/Auckland', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York']) {
      expect(localDate(middayOf('2026-03-08', zone), zone)).toBe('2026-03-08');
    }
  });
});

describe('describeLocalDate', () => {
  it('says today and yesterday', () => {
    expect(describeLocalDate('2026-12-05', '2026-12-05')).toBe('today');
    expect(describeLocalDate('2026-12-04', '2026-12-05')).toBe('yesterday');
    expect(describeLocalDate('2026-12-31', '2027-01-01')).toBe('yesterday');
  });

  it('names other dates by weekday, day and month', () => {
    expect(describeLocalDate('2026-12-01', '2026-12-05')).toBe('Tue 1 Dec');
    expect(describeLocalDate('2026-11-28', '2026-12-05')).toBe('Sat 28 Nov');
    expect(formatLocalDate('2026-03-08')).toBe('Sun 8 Mar');
  });

  it('adds the year when it differs from today', () => {
    expect(describeLocalDate('2025-12-30', '2026-01-05')).toBe('Tue 30 Dec 2025');
  });
});

describe('parseInstant', () => {
  it('accepts instants that state their offset', () => {
    expect(parseInstant('2026-12-01T14:05:00Z')?.toISOString()).toBe('2026-12-01T14:05:00.000Z');
    expect(parseInstant('2026-12-01T14:05:00+05:30')?.toISOString()).toBe('2026-12-01T08:35:00.000Z');
    expect(parseInstant('2026-12-01T14:05:00+0530')?.toISOString()).toBe('2026-12-01T08:35:00.000Z');
    expect(parseInstant('2026-12-01T14:05:00-08:00')?.toISOString()).toBe('2026-12-01T22:05:00.000Z');
    expect(parseInstant('2026-12-01T14:05:00.123Z')?.toISOString()).toBe('2026-12-01T14:05:00.123Z');
    expect(parseInstant('2026-12-01T14:05Z')?.toISOString()).toBe('2026-12-01T14:05:00.000Z');
  });

  it.each([
    '2026-12-01T14:05:00',
    '2026-12-01',
    '2026-12-01 14:05:00Z',
    '2026-13-01T14:05:00Z',
    '2026-02-30T14:05:00Z',
    '2026-12-01T25:00:00Z',
    'garbage',
    '',
    'Tue, 01 Dec 2026 14:05:00 GMT',
    '1764597900000',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('fixedClock', () => {
  it('always returns the same instant, as a fresh copy', () => {
    const clock = fixedClock('2026-12-01T12:00:00Z');
    const first = clock();
    expect(first.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    first.setUTCFullYear(2000);
    const second = clock();
    expect(second.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(second).not.toBe(first);
  });

  it('is not affected by later changes to the Date it was given', () => {
    const at = new Date('2026-12-01T12:00:00Z');
    const clock = fixedClock(at);
    at.setTime(0);
    expect(clock().toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });
});

describe('formatLocalMonth', () => {
  it('names the month of a date with its year', () => {
    expect(formatLocalMonth('2026-12-04')).toBe('December 2026');
    expect(formatLocalMonth('2027-01-31')).toBe('January 2027');
  });
});

describe('calendar arithmetic fast path (plain dates through UTC milliseconds)', () => {
  // Every day 2023–2029 (a leap year and the DST days of every zone included), against Luxon.
  const days: string[] = [];
  for (let dt = DateTime.fromISO('2023-01-01', { zone: 'UTC' }); dt.year < 2030; dt = dt.plus({ days: 1 })) days.push(dt.toISODate()!);

  it('addDays, isoWeekday and monthOf agree with Luxon on every day', () => {
    for (const day of days) {
      const dt = DateTime.fromISO(day, { zone: 'UTC' });
      for (const n of [-400, -31, -1, 0, 1, 29, 366]) expect(addDays(day, n)).toBe(dt.plus({ days: n }).toISODate());
      expect(isoWeekday(day)).toBe(dt.weekday);
      expect(monthOf(day)).toEqual({ first: dt.startOf('month').toISODate(), last: dt.endOf('month').toISODate() });
    }
  });

  it('knows leap days and century rules', () => {
    expect(monthOf('2028-02-10').last).toBe('2028-02-29');
    expect(monthOf('2100-02-10').last).toBe('2100-02-28');
    expect(monthOf('2000-02-10').last).toBe('2000-02-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('leaves what is not a real date to Luxon, as before', () => {
    expect(addDays('2026-02-30', 1)).toBe(DateTime.fromISO('2026-02-30', { zone: 'UTC' }).plus({ days: 1 }).toISODate());
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
  });
});
