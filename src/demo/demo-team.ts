// The demo's sample team: who is on it, where they work, and how each rep performs week by week.
// Plain data: seed-demo.ts stores it through the app's services, activity-plan.ts turns the
// performance into logged entries.
import type { TeamSettingsInput } from '../services/teams/team-settings.js';

export const DEMO_WORKSPACE_ID = 'T0DEMO';
export const DEMO_CHANNEL_ID = 'C0DEMOSALES';
export const DEMO_TEAM_NAME = 'Sales';
export const DEMO_TIMEZONE = 'America/New_York';
/** The seed's goal plan: $100,000 a month at $10,000 a deal (360 dials, 120 conversations a month). */
export const DEMO_REVENUE_TARGET = 100_000;
export const DEMO_AVERAGE_DEAL = 10_000;
/** Weeks of history, the current week included. */
export const DEMO_WEEKS = 4;
/** Everything random in the demo is drawn from this seed. */
export const DEMO_SEED = 'dialbot-demo-1';

/** The team as its manager sets it up in `/dial team` (the manager is filled in when seeding). */
export const DEMO_SETTINGS: Omit<TeamSettingsInput, 'managerUserIds'> = {
  name: DEMO_TEAM_NAME,
  channelId: DEMO_CHANNEL_ID,
  workDays: [1, 2, 3, 4, 5],
  workdayStart: '09:00',
  workdayEnd: '17:00',
  timezone: DEMO_TIMEZONE,
  holidays: [],
  trackedKinds: ['dial', 'conversation'],
  dailyPostEnabled: true,
  dailyPostTime: '16:30',
  weeklyBoardEnabled: true,
  weeklyBoardTime: '09:00',
};

export type DemoPerson = { slackUserId: string; displayName: string; timezone: string };

export type DemoRep = DemoPerson & {
  /**
   * Share of their own daily target (prorated for ramp-up) the rep does, week by week from the
   * first week of history; the last value holds for any later week.
   */
  weeklyPerformance: readonly number[];
  /** Dial → conversation rate (the plan's is ⅓). */
  conversationRate: number;
  /** Conversation → presentation rate (the plan's is ⅓). */
  presentationRate: number;
  /** Share of entries logged through the modal rather than `/dial`. */
  modalShare: number;
  /** PTO yesterday and today (the demo's date and the workday before). */
  ptoToday?: boolean;
  /** A new hire ramping up: targets at this percentage over the whole history. */
  rampPercent?: number;
  /** The rep the story is about: sliding further behind every week. */
  slidingBehind?: boolean;
};

export const DEMO_MANAGER: DemoPerson = { slackUserId: 'U0DEMOMGR', displayName: 'Dana Whitfield', timezone: 'America/New_York' };

export const DEMO_REPS: readonly DemoRep[] = [
  { slackUserId: 'U0DEMO01', displayName: 'Avery Chen', timezone: 'America/New_York', weeklyPerformance: [1.22, 1.28, 1.24, 1.3], conversationRate: 0.36, presentationRate: 0.36, modalShare: 0.1 },
  { slackUserId: 'U0DEMO02', displayName: 'Jordan Patel', timezone: 'America/New_York', weeklyPerformance: [1.1, 1.06, 1.14, 1.12], conversationRate: 0.34, presentationRate: 0.33, modalShare: 0.3 },
  { slackUserId: 'U0DEMO03', displayName: 'Maria Gonzalez', timezone: 'America/Chicago', weeklyPerformance: [1.0, 1.07, 1.05, 1.02], conversationRate: 0.34, presentationRate: 0.34, modalShare: 0.2 },
  { slackUserId: 'U0DEMO04', displayName: 'Sam Okafor', timezone: 'America/New_York', weeklyPerformance: [0.94, 1.02, 0.97, 1.0], conversationRate: 0.31, presentationRate: 0.32, modalShare: 0 },
  { slackUserId: 'U0DEMO05', displayName: 'Priya Raman', timezone: 'America/Los_Angeles', weeklyPerformance: [1.04, 0.98, 1.03, 1.05], conversationRate: 0.35, presentationRate: 0.33, modalShare: 0.5, ptoToday: true },
  { slackUserId: 'U0DEMO06', displayName: 'Noah Kim', timezone: 'America/Chicago', weeklyPerformance: [0.95, 1.04, 1.1, 1.12], conversationRate: 0.3, presentationRate: 0.3, modalShare: 0.2, rampPercent: 50 },
  { slackUserId: 'U0DEMO07', displayName: 'Lena Fischer', timezone: 'America/New_York', weeklyPerformance: [0.84, 0.78, 0.82, 0.76], conversationRate: 0.31, presentationRate: 0.31, modalShare: 0.1 },
  { slackUserId: 'U0DEMO08', displayName: 'Marcus Reed', timezone: 'America/Denver', weeklyPerformance: [0.98, 0.76, 0.56, 0.4], conversationRate: 0.3, presentationRate: 0.3, modalShare: 0.1, slidingBehind: true },
];

/** Whose App Home the demo shows as "a rep's": the week's top performer. */
export const DEMO_HOME_REP = 'U0DEMO01';
