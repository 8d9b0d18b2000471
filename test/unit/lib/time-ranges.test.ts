import { addYears, daysInRange, formatDateRange } from '../../../src/lib/time.js';

describe('addYears', () => {
  it('gives the same calendar date a year on', () => {
    expect(addYears('2026-12-04', 1)).toBe('2027-12-04');
    expect(addYears('2026-01-31', 1)).toBe('2027-01-31');
  });
  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});

describe('daysInRange', () => {
  it('counts both ends', () => {
    expect(daysInRange('2026-12-24', '2026-12-31')).toBe(8);
    expect(daysInRange('2026-12-24', '2026-12-24')).toBe(1);
    expect(daysInRange('2026-12-01', '2027-12-04')).toBe(369);
  });
  it('is 0 when the range is backwards', () => {
    expect(daysInRange('2026-12-31', '2026-12-24')).toBe(0);
  });
  it('counts whole calendar days across a DST change', () => {
    expect(daysInRange('2026-03-07', '2026-03-09')).toBe(3); // US clocks go forward on 8 March
  });
});

describe('formatDateRange', () => {
  const today = '2026-12-04';
  it('reads a single day like a reply does', () => {
    expect(formatDateRange('2026-12-04', '2026-12-04', today)).toBe('today');
    expect(formatDateRange('2026-12-03', '2026-12-03', today)).toBe('yesterday');
    expect(formatDateRange('2026-12-24', '2026-12-24', today)).toBe('Thu 24 Dec');
  });
  it('joins a range with an en dash', () => {
    expect(formatDateRange('2026-12-24', '2026-12-31', today)).toBe('Thu 24 Dec – Thu 31 Dec');
  });
  it('adds the year to dates outside today’s year', () => {
    expect(formatDateRange('2026-12-28', '2027-01-04', today)).toBe('Mon 28 Dec – Mon 4 Jan 2027');
    expect(formatDateRange('2027-12-04', '2027-12-04', today)).toBe('Sat 4 Dec 2027');
  });
});
