// When the weekly board is due: the week's first workday, from weeklyBoardTime in the team's zone.
import { weeklyBoardJob } from '../../../src/jobs/weekly-board.js';
import { jobTeam } from '../../helpers/job-team.js';

const slotAt = (at: string, team = jobTeam()) => weeklyBoardJob.slotFor(team, new Date(at), 'UTC');

describe('weekly-board slot', () => {
  it('is due on Monday from 09:00 team time, for the week before', () => {
    expect(slotAt('2026-12-07T13:59:00Z')).toMatchObject({ due: false }); // 08:59 New York
    expect(slotAt('2026-12-07T14:00:00Z')).toEqual({ due: true, slot: 'weekly-board:team1:2026-11-30', date: '2026-12-07', zone: 'America/New_York' });
    expect(slotAt('2026-12-08T03:00:00Z')).toMatchObject({ due: true, slot: 'weekly-board:team1:2026-11-30' }); // Monday 22:00
  });

  it('is not due later in the week or at the weekend', () => {
    for (const at of ['2026-12-08T15:00:00Z', '2026-12-11T15:00:00Z', '2026-12-12T15:00:00Z']) expect(slotAt(at)).toMatchObject({ due: false });
  });

  it('moves to Tuesday when Monday is a holiday', () => {
    const team = jobTeam({ holidays: [{ id: 'h', teamId: 'team1', date: '2026-12-07', name: 'Closed', createdAt: new Date() }] });
    expect(slotAt('2026-12-07T15:00:00Z', team)).toMatchObject({ due: false });
    expect(slotAt('2026-12-08T15:00:00Z', team)).toMatchObject({ due: true, slot: 'weekly-board:team1:2026-11-30' });
  });

  it('follows the team’s own time zone and settings', () => {
    const berlin = jobTeam({ timezone: 'Europe/Berlin', weeklyBoardTime: '08:00' });
    expect(slotAt('2026-12-07T06:59:00Z', berlin)).toMatchObject({ due: false });
    expect(slotAt('2026-12-07T07:00:00Z', berlin)).toMatchObject({ due: true });
    expect(slotAt('2026-12-07T15:00:00Z', jobTeam({ weeklyBoardEnabled: false }))).toEqual({ due: false, reason: 'weekly board is off' });
    expect(slotAt('2026-12-07T15:00:00Z', jobTeam({ channelId: null }))).toEqual({ due: false, reason: 'team has no channel' });
  });
});
