// When the behind-pace check is due: 13:00 in each rep's own zone, on workdays, within working hours.
import { paceNudgeJob } from '../../../src/jobs/pace-nudge.js';
import { jobTeam } from '../../helpers/job-team.js';

const team = (extra = {}) => jobTeam({ members: [{ timezone: 'America/New_York' }, { timezone: 'Asia/Tokyo' }, { timezone: 'America/New_York' }], ...extra });
const slots = (at: string, t = team()) => paceNudgeJob.slotsFor(t, new Date(at));

describe('pace-nudge slots', () => {
  it('one per rep timezone, due from 13:00 there until the workday ends', () => {
    // Wed 2 Dec 18:30Z: 13:30 in New York; 03:30 Thursday in Tokyo.
    expect(slots('2026-12-02T18:30:00Z')).toEqual([
      { due: true, slot: 'pace-nudge:team1:2026-12-02:America/New_York', date: '2026-12-02', zone: 'America/New_York' },
      { due: false, reason: 'not yet 13:00 (Asia/Tokyo)' },
    ]);
    expect(slots('2026-12-02T22:00:00Z')[0]).toEqual({ due: false, reason: 'the workday is over (America/New_York): quiet hours' });
  });

  it('skips weekends and holidays, and waits for the workday when the check time is before it', () => {
    expect(slots('2026-12-05T18:30:00Z')[0]).toEqual({ due: false, reason: '2026-12-05 is not a workday (America/New_York)' });
    expect(slots('2026-12-25T18:30:00Z', team({ holidays: [{ id: 'h', teamId: 'team1', date: '2026-12-25', name: 'Christmas', createdAt: new Date() }] }))[0]).toEqual({
      due: false,
      reason: '2026-12-25 is not a workday (America/New_York)',
    });
    expect(slots('2026-12-02T12:30:00Z', team({ nudgeTime: '07:00' }))[0]).toEqual({ due: false, reason: 'the workday has not started (America/New_York): quiet hours' });
  });

  it('is off when the team turned nudges off', () => {
    expect(slots('2026-12-02T18:30:00Z', team({ nudgeEnabled: false }))).toEqual([{ due: false, reason: 'nudges are off' }]);
  });
});
