// Calendar helpers behind targets: weekdays, months, weeks, working hours across DST.
import { eachDay, elapsedShareOfDay, instantAt, isoWeekday, monthOf, parseClockTime, weekOf } from '../../../src/lib/time.js';

describe('calendar helpers', () => {
  it('isoWeekday counts Monday as 1 and Sunday as 7', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-04')).toBe(5);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });

  it('eachDay lists both ends, across month and year ends, and nothing when reversed', () => {
    expect(eachDay('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(eachDay('2026-12-05', '2026-12-05')).toEqual(['2026-12-05']);
    expect(eachDay('2026-12-05', '2026-12-04')).toEqual([]);
  });

  it('monthOf knows month lengths, leap years included', () => {
    expect(monthOf('2026-12-04')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthOf('2028-02-10')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthOf('2027-02-28')).toEqual({ first: '2027-02-01', last: '2027-02-28' });
  });

  it('weekOf gives the Monday-to-Sunday week, crossing month ends', () => {
    expect(weekOf('2026-12-02')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weekOf('2026-11-30')[0]).toBe('2026-11-30');
    expect(weekOf('2026-12-06')[0]).toBe('2026-11-30');
    expect(weekOf('2026-12-06', 7)[0]).toBe('2026-12-06'); // Sunday-start weeks
  });

  it('parseClockTime reads 24-hour HH:MM only', () => {
    expect(parseClockTime('09:00')).toBe(540);
    expect(parseClockTime('9:30')).toBe(570);
    expect(parseClockTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '12:60', '9', 'noon', '09:00pm', '']) expect(parseClockTime(bad)).toBeNull();
  });

  it('instantAt places local times on DST days correctly', () => {
    expect(instantAt('2026-03-08', '09:00', 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z'); // EDT
    expect(instantAt('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z'); // EST
    expect(instantAt('2026-12-04', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-12-04T03:30:00.000Z');
  });

  it('elapsedShareOfDay is 0 before hours, 1 after, and linear between — in the given zone', () => {
    const zone = 'America/Los_Angeles';
    expect(elapsedShareOfDay(new Date('2026-12-04T16:00:00Z'), zone, '09:00', '17:00')).toBe(0); // 08:00 PST
    expect(elapsedShareOfDay(new Date('2026-12-04T21:00:00Z'), zone, '09:00', '17:00')).toBe(0.5); // 13:00
    expect(elapsedShareOfDay(new Date('2026-12-05T02:00:00Z'), zone, '09:00', '17:00')).toBe(1); // 18:00
    // Spring-forward morning in Berlin: 09:00–17:00 is still 8 hours of work.
    expect(elapsedShareOfDay(new Date('2026-03-29T11:00:00Z'), 'Europe/Berlin', '09:00', '17:00')).toBe(0.5); // 13:00 CEST
  });
});
