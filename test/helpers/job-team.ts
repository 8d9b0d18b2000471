// A team as scheduled jobs see it, with defaults like a fresh install's (Mon–Fri, 16:30 / Mon 09:00).
import type { JobTeam } from '../../src/jobs/job.js';

export function jobTeam(extra: Partial<JobTeam> = {}): JobTeam {
  return {
    id: 'team1',
    workspaceId: 'T0001',
    name: 'Sales',
    channelId: 'C0SALES',
    timezone: 'America/New_York',
    isDefault: true,
    workDays: [1, 2, 3, 4, 5],
    workdayStart: '09:00',
    workdayEnd: '17:00',
    trackedKinds: ['dial', 'conversation'],
    dailyPostEnabled: true,
    dailyPostTime: '16:30',
    weeklyBoardEnabled: true,
    weeklyBoardTime: '09:00',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    escalationEnabled: true,
    escalatedKinds: ['dial', 'conversation'],
    missThreshold: 1,
    evaluationDay: 5,
    evaluationTime: '18:00',
    consequencePolicy: 'Your lead allocation is reduced by 20% until you are back on target.',
    managerAlertsEnabled: true,
    celebrateHits: true,
    nudgeEnabled: true,
    nudgeThreshold: 0.7,
    nudgeTime: '13:00',
    digestEnabled: false,
    connectedCallSeconds: 60,
    holidays: [],
    members: [],
    ...extra,
  };
}
