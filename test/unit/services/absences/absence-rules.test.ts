import { isUserError } from '../../../../src/lib/errors.js';
import {
  checkAbsenceRange,
  covers,
  describeRanges,
  intersection,
  MAX_ABSENCE_DAYS,
  mergeWith,
  overlaps,
  remainingAfterCancel,
  touches,
  type DateRange,
} from '../../../../src/services/absences/absence-rules.js';
import { planCancel } from '../../../../src/services/absences/cancel-absence.js';

const r = (startDate: string, endDate = startDate): DateRange => ({ startDate, endDate });
const TODAY = '2026-12-04';

function problem(range: DateRange, today = TODAY): { code: string; message: string } | undefined {
  try {
    checkAbsenceRange(range, today);
    return undefined;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('checkAbsenceRange', () => {
  it('accepts one day, a range, the first of this month and exactly a year ahead', () => {
    expect(problem(r('2026-12-04'))).toBeUndefined();
    expect(problem(r('2026-12-24', '2026-12-31'))).toBeUndefined();
    expect(problem(r('2026-12-01', '2026-12-02'))).toBeUndefined();
    expect(problem(r('2027-12-04'))).toBeUndefined();
  });

  it('refuses a last day before the first', () => {
    expect(problem(r('2026-12-31', '2026-12-24'))).toEqual({
      code: 'invalid_input',
      message: 'The last day (Thu 24 Dec) is before the first (Thu 31 Dec). Give the first day, then the last.',
    });
  });

  it(`refuses more than ${MAX_ABSENCE_DAYS} days, and accepts exactly that many`, () => {
    expect(problem(r('2026-12-01', '2027-12-01'))).toBeUndefined(); // 366 days
    expect(problem(r('2026-12-01', '2027-12-02'))).toEqual({ code: 'too_large', message: 'That’s 367 days; one absence covers at most 366. Record it in parts.' });
  });

  it('refuses days before this month (earlier months are closed), even on the 1st', () => {
    expect(problem(r('2026-11-30'))).toEqual({
      code: 'out_of_window',
      message: 'Mon 30 Nov is in a past month. Absences can be changed back to the start of this month (Tue 1 Dec) only; earlier months are closed.',
    });
    expect(problem(r('2026-11-30'), '2026-12-01')?.code).toBe('out_of_window');
    expect(problem(r('2026-12-01'), '2026-12-31')).toBeUndefined();
  });

  it('refuses days more than a year ahead', () => {
    expect(problem(r('2027-12-05'))).toEqual({
      code: 'out_of_window',
      message: 'Sun 5 Dec 2027 is more than a year ahead. Absences can be recorded up to Sat 4 Dec 2027.',
    });
    expect(problem(r('2026-12-20', '2027-12-05'))?.code).toBe('out_of_window');
  });
});

describe('range relations', () => {
  it('overlaps: at least one shared day', () => {
    expect(overlaps(r('2026-12-01', '2026-12-05'), r('2026-12-05', '2026-12-09'))).toBe(true);
    expect(overlaps(r('2026-12-01', '2026-12-05'), r('2026-12-06', '2026-12-09'))).toBe(false);
  });
  it('touches: overlapping or back to back', () => {
    expect(touches(r('2026-12-01', '2026-12-05'), r('2026-12-06', '2026-12-09'))).toBe(true);
    expect(touches(r('2026-12-06', '2026-12-09'), r('2026-12-01', '2026-12-05'))).toBe(true);
    expect(touches(r('2026-12-01', '2026-12-05'), r('2026-12-07', '2026-12-09'))).toBe(false);
    expect(touches(r('2026-12-31'), r('2027-01-01'))).toBe(true);
  });
  it('covers and intersection', () => {
    expect(covers(r('2026-12-01', '2026-12-31'), r('2026-12-24'))).toBe(true);
    expect(covers(r('2026-12-01', '2026-12-24'), r('2026-12-24', '2026-12-25'))).toBe(false);
    expect(intersection(r('2026-12-01', '2026-12-10'), r('2026-12-08', '2026-12-20'))).toEqual(r('2026-12-08', '2026-12-10'));
    expect(intersection(r('2026-12-01'), r('2026-12-02'))).toBeUndefined();
  });
});

describe('mergeWith', () => {
  it('absorbs every range that overlaps or touches, transitively, earliest first', () => {
    const a = { id: 'a', ...r('2026-12-01', '2026-12-03') };
    const b = { id: 'b', ...r('2026-12-05', '2026-12-07') };
    const far = { id: 'far', ...r('2026-12-20', '2026-12-21') };
    const { union, absorbed } = mergeWith(r('2026-12-04'), [b, far, a]);
    expect(union).toEqual(r('2026-12-01', '2026-12-07'));
    expect(absorbed.map((x) => x.id)).toEqual(['a', 'b']);
  });
  it('leaves the range alone when nothing touches it', () => {
    expect(mergeWith(r('2026-12-10'), [{ id: 'x', ...r('2026-12-01', '2026-12-08') }])).toEqual({ union: r('2026-12-10'), absorbed: [] });
  });
});

describe('remainingAfterCancel (splitting on a partial cancel)', () => {
  const absence = r('2026-12-21', '2026-12-31');
  it('splits in two when the cancel is in the middle', () => {
    expect(remainingAfterCancel(absence, r('2026-12-24', '2026-12-25'))).toEqual([r('2026-12-21', '2026-12-23'), r('2026-12-26', '2026-12-31')]);
  });
  it('trims the start or the end', () => {
    expect(remainingAfterCancel(absence, r('2026-12-15', '2026-12-21'))).toEqual([r('2026-12-22', '2026-12-31')]);
    expect(remainingAfterCancel(absence, r('2026-12-31', '2027-01-05'))).toEqual([r('2026-12-21', '2026-12-30')]);
  });
  it('leaves nothing when the cancel covers it, and everything when it misses', () => {
    expect(remainingAfterCancel(absence, r('2026-12-01', '2026-12-31'))).toEqual([]);
    expect(remainingAfterCancel(absence, r('2026-12-01', '2026-12-20'))).toEqual([absence]);
  });
  it('splits a one-day cancel inside a month into the days either side, across a year end', () => {
    expect(remainingAfterCancel(r('2026-12-30', '2027-01-02'), r('2026-12-31', '2027-01-01'))).toEqual([r('2026-12-30'), r('2027-01-02')]);
  });
});

describe('planCancel', () => {
  it('cancels what overlaps, frees the days inside the range, keeps the rest as new rows of the same kind and share', () => {
    let n = 0;
    const rows = [
      { id: 'a', kind: 'ramp' as const, ...r('2026-12-01', '2026-12-10'), rampPercent: 50 },
      { id: 'b', kind: 'ramp' as const, ...r('2026-12-14', '2026-12-31'), rampPercent: 50 },
      { id: 'c', kind: 'ramp' as const, ...r('2027-01-04', '2027-01-08'), rampPercent: 50 },
    ];
    const plan = planCancel(rows, r('2026-12-08', '2026-12-15'), () => `new${++n}`);
    expect(plan.cancelled.map((a) => a.id)).toEqual(['a', 'b']);
    expect(plan.freed).toEqual([r('2026-12-08', '2026-12-10'), r('2026-12-14', '2026-12-15')]);
    expect(plan.kept).toEqual([
      { id: 'new1', kind: 'ramp', ...r('2026-12-01', '2026-12-07'), rampPercent: 50 },
      { id: 'new2', kind: 'ramp', ...r('2026-12-16', '2026-12-31'), rampPercent: 50 },
    ]);
  });
});

describe('describeRanges', () => {
  it('lists ranges the way a reply reads them', () => {
    expect(describeRanges([r('2026-12-21', '2026-12-23')], TODAY)).toBe('Mon 21 Dec – Wed 23 Dec');
    expect(describeRanges([r('2026-12-21', '2026-12-23'), r('2026-12-26', '2026-12-31'), r('2027-01-04')], TODAY)).toBe(
      'Mon 21 Dec – Wed 23 Dec, Sat 26 Dec – Thu 31 Dec and Mon 4 Jan 2027',
    );
  });
});
