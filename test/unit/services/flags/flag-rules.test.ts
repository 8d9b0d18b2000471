import {
  callBurstFinding,
  DEFAULT_FLAG_POLICY,
  largeFinding,
  lateFinding,
  normalDailyTargets,
  summaryBurstFinding,
  workingMinutesBy,
} from '../../../../src/services/flags/flag-rules.js';
import { teamCalendar } from '../../../../src/services/goals/targets.js';

const policy = DEFAULT_FLAG_POLICY; // late after 2 days, 10 dials a minute, 3 days of target

describe('lateFinding', () => {
  const at = (iso: string) => new Date(iso);

  it('flags an entry logged more than the allowed days after its day, counting the rep’s calendar days', () => {
    // Happened Mon 30 Nov in New York; logged Thu 3 Dec 23:30 New York (Fri 04:30Z): 3 days.
    expect(lateFinding({ occurredAt: at('2026-11-30T17:00:00Z'), loggedAt: at('2026-12-04T04:30:00Z') }, 'America/New_York', policy)).toEqual({
      reason: 'late',
      detail: { days: 3, limit: 2 },
    });
    // The same instants in London are 4 days apart (Fri 4 Dec there).
    expect(lateFinding({ occurredAt: at('2026-11-30T17:00:00Z'), loggedAt: at('2026-12-04T04:30:00Z') }, 'Europe/London', policy)?.detail).toEqual({ days: 4, limit: 2 });
  });

  it('lets the window’s last day pass (2 days late is fine at limit 2, and 0 days at limit 0)', () => {
    expect(lateFinding({ occurredAt: at('2026-12-01T12:00:00Z'), loggedAt: at('2026-12-03T23:59:00Z') }, 'UTC', policy)).toBeUndefined();
    expect(lateFinding({ occurredAt: at('2026-12-03T08:00:00Z'), loggedAt: at('2026-12-03T23:00:00Z') }, 'UTC', { ...policy, lateAfterDays: 0 })).toBeUndefined();
    expect(lateFinding({ occurredAt: at('2026-12-02T23:00:00Z'), loggedAt: at('2026-12-03T00:30:00Z') }, 'UTC', { ...policy, lateAfterDays: 0 })?.detail).toEqual({ days: 1, limit: 0 });
  });

  it('counts calendar days across a DST change, not 24-hour spans', () => {
    // Europe/Berlin leaves summer time on Sun 25 Oct 2026: Sat noon → Tue 00:30 is 3 days though under 61 hours.
    const finding = lateFinding({ occurredAt: at('2026-10-24T10:00:00Z'), loggedAt: at('2026-10-26T23:30:00Z') }, 'Europe/Berlin', policy);
    expect(finding?.detail).toEqual({ days: 3, limit: 2 });
  });
});

describe('callBurstFinding', () => {
  const t0 = Date.parse('2026-12-03T15:00:00Z');
  const call = (seconds: number, count = 1) => ({ at: new Date(t0 + seconds * 1000), count });
  const calls = (n: number, every: number) => Array.from({ length: n }, (_, i) => call(i * every));

  it('flags the call that takes a minute over the limit', () => {
    // Ten calls 5 s apart (0–45 s), then the eleventh at 50 s.
    expect(callBurstFinding(call(50), calls(10, 5), 10)).toEqual({ reason: 'burst', detail: { per: 'call', dials: 11, limit: 10 } });
  });

  it('does not flag the limit itself, nor calls already inside a flagged burst', () => {
    expect(callBurstFinding(call(45), calls(9, 5), 10)).toBeUndefined(); // the 10th call: 10 is allowed
    expect(callBurstFinding(call(55), calls(11, 5), 10)).toBeUndefined(); // the 12th: the minute was over already
  });

  it('uses a window of exactly 60 seconds', () => {
    // Ten calls in the first 9 s; one at 69 s has only the later of them within its minute...
    const early = calls(10, 1);
    expect(callBurstFinding(call(69), early, 10)).toBeUndefined();
    // ...and one at 59.999 s shares a minute with all ten.
    expect(callBurstFinding({ at: new Date(t0 + 59_999), count: 1 }, early, 10)?.detail).toEqual({ per: 'call', dials: 11, limit: 10 });
    // A call 60 s after the first shares no minute with it: the busiest minute holding it has 10.
    expect(callBurstFinding(call(60), calls(10, 6.5), 10)).toBeUndefined();
  });

  it('counts calls after the entry too (a report that arrives late)', () => {
    expect(callBurstFinding(call(0), [call(10), call(20), call(30, 8)], 10)?.detail).toEqual({ per: 'call', dials: 11, limit: 10 });
  });
});

describe('summaryBurstFinding and workingMinutesBy', () => {
  const hours = { workdayStart: '09:00', workdayEnd: '17:00' };
  const zone = 'America/New_York';

  it('counts the working time that had passed when the entry was logged, all of it for an earlier day', () => {
    expect(workingMinutesBy('2026-12-03', new Date('2026-12-03T15:30:00Z'), zone, hours)).toBe(90); // 10:30 New York
    expect(workingMinutesBy('2026-12-03', new Date('2026-12-03T13:00:00Z'), zone, hours)).toBe(0); // 08:00, before the day starts
    expect(workingMinutesBy('2026-12-03', new Date('2026-12-04T15:00:00Z'), zone, hours)).toBe(480); // the next day
    // 1 Nov 2026 is the day New York leaves summer time: 09:00–17:00 is still 8 hours of work.
    expect(workingMinutesBy('2026-11-01', new Date('2026-11-02T12:00:00Z'), zone, hours)).toBe(480);
  });

  it('does not flag a normal end-of-day summary', () => {
    // `/dial 40` at 17:00 after a full day: 40 ≤ 10 × 480.
    expect(summaryBurstFinding({ day: '2026-12-03', dials: 40, before: 0, minutes: 480 }, 10)).toBeUndefined();
    // An early starter's first entry at 08:30 counts an hour of work: 60 dials are fine.
    expect(summaryBurstFinding({ day: '2026-12-03', dials: 60, before: 0, minutes: 0 }, 1)).toBeUndefined();
  });

  it('flags the entry that takes the day past the limit over the time so far, and not the next one', () => {
    // 09:30 with a limit of 2 a minute: the first hour allows 120.
    expect(summaryBurstFinding({ day: '2026-12-03', dials: 100, before: 20, minutes: 30 }, 2)).toBeUndefined();
    expect(summaryBurstFinding({ day: '2026-12-03', dials: 101, before: 20, minutes: 30 }, 2)).toEqual({
      reason: 'burst',
      detail: { per: 'summary', dials: 121, limit: 2, day: '2026-12-03', minutes: 60 },
    });
    expect(summaryBurstFinding({ day: '2026-12-03', dials: 5, before: 121, minutes: 35 }, 2)).toBeUndefined();
    // An entry with no dials never is a dial burst.
    expect(summaryBurstFinding({ day: '2026-12-03', dials: 0, before: 500, minutes: 0 }, 2)).toBeUndefined();
  });
});

describe('largeFinding and normalDailyTargets', () => {
  const plan = { effectiveFrom: '2026-11-01', monthly: { dial: 360, conversation: 120, presentation: 40, opportunity: 20, close: 10 } };
  const ctx = { calendar: teamCalendar(null), teamPlans: [plan], repPlans: [] };

  it('takes a normal workday’s target from the plan in force and the month’s workdays', () => {
    const targets = normalDailyTargets('2026-12-05', ctx); // a Saturday: still a December workday's share
    expect(targets.dial).toBeCloseTo(360 / 23);
    expect(targets.close).toBeCloseTo(10 / 23);
    expect(normalDailyTargets('2026-10-30', ctx)).toEqual({}); // before any plan
  });

  it('flags the kind furthest over the multiple of its daily target', () => {
    const targets = normalDailyTargets('2026-12-03', ctx); // 15.65 dials, 5.2 conversations a day
    expect(largeFinding({ dial: 46 }, targets, policy)).toBeUndefined(); // under 3 × 15.65 = 46.96
    expect(largeFinding({ dial: 47 }, targets, policy)?.detail).toEqual({ kind: 'dial', count: 47, dailyTarget: targets.dial, limitDays: 3 });
    expect(largeFinding({ dial: 400, conversation: 200 }, targets, policy)?.detail).toMatchObject({ kind: 'conversation' }); // 38× beats 26×
  });

  it('needs more than the floor for kinds with tiny targets, and a target at all', () => {
    const targets = normalDailyTargets('2026-12-03', ctx);
    expect(largeFinding({ close: 10 }, targets, policy)).toBeUndefined(); // 23× a 0.43 target, but only 10
    expect(largeFinding({ close: 11 }, targets, policy)?.detail).toMatchObject({ kind: 'close', count: 11 });
    expect(largeFinding({ dial: 999 }, {}, policy)).toBeUndefined();
  });
});
