// When the daily progress post is due: the team's workday at dailyPostTime in the team's zone.
import { dailyProgressJob } from '../../../src/jobs/daily-progress.js';
import { jobTeam as team } from '../../helpers/job-team.js';


const slotAt = (at: string, t = team(), fallback = 'UTC') => dailyProgressJob.slotFor(t, new Date(at), fallback);

describe('daily-progress slot', () => {
  it('is due from 16:30 in the team’s zone on a workday, keyed by the team’s date', () => {
    // Fri 4 Dec 2026: 16:30 in New York (EST) is 21:30 UTC.
    expect(slotAt('2026-12-04T21:29:59Z')).toEqual({ due: false, reason: 'not yet 16:30 (America/New_York)' });
    expect(slotAt('2026-12-04T21:30:00Z')).toEqual({ due: true, slot: 'daily-progress:team1:2026-12-04', date: '2026-12-04', zone: 'America/New_York' });
    // Still due (catching up after downtime) until midnight in New York, which is 05:00 UTC on the 5th.
    expect(slotAt('2026-12-05T04:59:00Z')).toMatchObject({ due: true, slot: 'daily-progress:team1:2026-12-04' });
    // Past midnight it is Saturday in New York: nothing due.
    expect(slotAt('2026-12-05T05:00:00Z')).toEqual({ due: false, reason: '2026-12-05 is not a workday' });
  });

  it('uses the default timezone when the team has none', () => {
    const berlin = team({ timezone: null });
    expect(slotAt('2026-12-04T15:29:00Z', berlin, 'Europe/Berlin')).toMatchObject({ due: false });
    expect(slotAt('2026-12-04T15:30:00Z', berlin, 'Europe/Berlin')).toMatchObject({ due: true, zone: 'Europe/Berlin' });
    expect(slotAt('2026-12-04T16:29:00Z', berlin, 'UTC')).toMatchObject({ due: false });
  });

  it('follows DST: 16:30 New York is 20:30 UTC in summer, 21:30 UTC in winter, and on the change day', () => {
    expect(slotAt('2026-07-01T20:29:00Z')).toMatchObject({ due: false });
    expect(slotAt('2026-07-01T20:30:00Z')).toMatchObject({ due: true, slot: 'daily-progress:team1:2026-07-01' });
    // Mon 2 Nov 2026 is the first weekday after clocks go back (Sun 1 Nov): EST.
    expect(slotAt('2026-11-02T21:29:00Z')).toMatchObject({ due: false });
    expect(slotAt('2026-11-02T21:30:00Z')).toMatchObject({ due: true });
    // Mon 9 Mar 2026, after clocks went forward on Sun 8 Mar: EDT again.
    expect(slotAt('2026-03-09T20:30:00Z')).toMatchObject({ due: true, slot: 'daily-progress:team1:2026-03-09' });
  });

  it('skips non-workdays, holidays, a team without a channel and a team with the post off', () => {
    expect(slotAt('2026-12-05T22:00:00Z')).toEqual({ due: false, reason: '2026-12-05 is not a workday' }); // Saturday
    const fourDays = team({ workDays: [1, 2, 3, 4] });
    expect(slotAt('2026-12-04T22:00:00Z', fourDays)).toEqual({ due: false, reason: '2026-12-04 is not a workday' }); // Friday off
    const christmas = team({ holidays: [{ id: 'h', teamId: 'team1', date: '2026-12-25', name: 'Christmas Day', createdAt: new Date() }] });
    expect(slotAt('2026-12-25T22:00:00Z', christmas)).toEqual({ due: false, reason: '2026-12-25 is not a workday' });
    expect(slotAt('2026-12-24T22:00:00Z', christmas)).toMatchObject({ due: true });
    expect(slotAt('2026-12-04T22:00:00Z', team({ channelId: null }))).toEqual({ due: false, reason: 'team has no channel' });
    expect(slotAt('2026-12-04T22:00:00Z', team({ dailyPostEnabled: false }))).toEqual({ due: false, reason: 'daily post is off' });
  });

  it('honours the team’s own post time', () => {
    const early = team({ dailyPostTime: '08:00', timezone: 'Asia/Kolkata' });
    // 08:00 in Kolkata (UTC+5:30) on Fri 4 Dec is 02:30 UTC.
    expect(slotAt('2026-12-04T02:29:00Z', early)).toMatchObject({ due: false });
    expect(slotAt('2026-12-04T02:30:00Z', early)).toMatchObject({ due: true, slot: 'daily-progress:team1:2026-12-04' });
  });
});
