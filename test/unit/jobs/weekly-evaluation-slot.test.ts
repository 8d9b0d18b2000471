// When a week is judged: the team's evaluation day and time in each rep's own zone; until then
// the slot is the previous week's (so a week missed while dialbot was down is caught up).
import { weeklyEvaluationJob } from '../../../src/jobs/weekly-evaluation.js';
import { jobTeam } from '../../helpers/job-team.js';

const team = (extra = {}) => jobTeam({ members: [{ timezone: 'America/Los_Angeles' }, { timezone: 'Europe/London' }], ...extra });
const slots = (at: string, t = team()) => weeklyEvaluationJob.slotsFor(t, new Date(at)).map((s) => (s.due ? s.slot : s.reason));

describe('weekly-evaluation slots', () => {
  it('judges each zone’s week at Friday 18:00 there', () => {
    // Fri 4 Dec 19:00Z: 18:00 has passed in London, not yet in Los Angeles (11:00).
    expect(slots('2026-12-04T19:00:00Z')).toEqual(['weekly-evaluation:team1:2026-11-23:America/Los_Angeles', 'weekly-evaluation:team1:2026-11-30:Europe/London']);
    // Sat 5 Dec 02:00Z: 18:00 Friday in Los Angeles.
    expect(slots('2026-12-05T02:00:00Z')).toEqual(['weekly-evaluation:team1:2026-11-30:America/Los_Angeles', 'weekly-evaluation:team1:2026-11-30:Europe/London']);
  });

  it('follows the team’s evaluation day and time', () => {
    const thursdayNoon = team({ evaluationDay: 4, evaluationTime: '12:00' });
    expect(slots('2026-12-03T12:30:00Z', thursdayNoon)[1]).toBe('weekly-evaluation:team1:2026-11-30:Europe/London');
    expect(slots('2026-12-03T11:30:00Z', thursdayNoon)[1]).toBe('weekly-evaluation:team1:2026-11-23:Europe/London');
  });

  it('is off when the team turned the ladder off', () => {
    expect(slots('2026-12-05T02:00:00Z', team({ escalationEnabled: false }))).toEqual(['escalation is off']);
  });
});
