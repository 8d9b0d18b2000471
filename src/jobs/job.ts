// What a scheduled job is: a name, a rule saying whether a team's slot is due at an instant (and
// its period key), and a handler that sends the slot's messages through deliver().
import type { WebClient } from '@slack/web-api';
import type { Holiday, JobRun, PrismaClient, Team } from '../generated/prisma/client.js';
import type { Logger } from '../lib/logger.js';
import type { BotTokens } from '../slack/bot-tokens.js';
import type { Clock, LocalDate } from '../lib/time.js';

/** A team as jobs see it: its holidays, and its members' timezones (jobs that run per rep zone). */
export type JobTeam = Team & { holidays: Holiday[]; members: Array<{ timezone: string }> };

export type JobDeps = {
  prisma: PrismaClient;
  /** Sends to Slack: Bolt's client in the app, a WebClient of its own in the CLI. */
  client: WebClient;
  /** Each workspace's bot token (Bolt's client holds none of its own); none: the app is not installed there. */
  botTokens: BotTokens;
  logger: Logger;
  /** The process's real clock: claim times and leases (the slot's instant may be simulated). */
  clock: Clock;
  /** A team without a timezone of its own works in this one. */
  defaultTimezone: string;
  /** Who claims slots (host:pid). */
  claimedBy: string;
  leaseMs?: number;
  /** Pause between messages to one channel (chat.postMessage allows about one a second); default 1100. */
  postIntervalMs?: number;
};

/** What a slot's run sends with: the job's deps and the bot token of the team's workspace. */
export type SlotDeps = JobDeps & { botToken: string };

export type SlotDecision =
  | { due: true; slot: string; date: LocalDate; zone: string }
  | { due: false; reason: string };

export type JobContext = { run: JobRun; team: JobTeam; slot: Extract<SlotDecision, { due: true }>; at: Date };

export type JobDefinition = {
  name: string;
  /** Whether `team`'s slot is due at `now`, and its key; or why not. */
  slotFor?(team: JobTeam, now: Date, defaultTimezone: string): SlotDecision;
  /** For jobs with several slots per team at a time (one per rep timezone): each one's decision. */
  slotsFor?(team: JobTeam, now: Date, defaultTimezone: string): SlotDecision[];
  /** Builds and sends the slot's messages (each through deliver()); resolves with how many were sent now. */
  run(deps: SlotDeps, context: JobContext): Promise<{ messages: number }>;
};

/** Every slot decision of `job` for `team` at `now`. */
export function slotDecisions(job: JobDefinition, team: JobTeam, now: Date, defaultTimezone: string): SlotDecision[] {
  if (job.slotsFor) return job.slotsFor(team, now, defaultTimezone);
  return job.slotFor ? [job.slotFor(team, now, defaultTimezone)] : [];
}
