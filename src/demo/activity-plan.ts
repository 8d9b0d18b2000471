// The demo's history: every rep's logged entries over the weeks of history, as the rows
// logActivity stores (one row per kind, rows of an entry sharing its entry id, the request key
// `#kind` as idempotency key). Each workday a rep does their week's share of their own target
// (so ramp-up and time off show through: a day away has no target and no entries), give or take
// a fifth, in one to four calling blocks spread over their working hours in their own timezone,
// each logged as one entry; the funnel below dials follows each rep's conversion rates. Pure:
// the generator is seeded.
import type { ActivitySource } from '../generated/prisma/client.js';
import { KINDS, type Kind } from '../lib/kinds.js';
import { daysBetween, eachDay, formatClockTime, instantAt, parseClockTime, type LocalDate } from '../lib/time.js';
import type { KindTargets } from '../services/goals/targets.js';
import type { Random } from './random.js';

/** The plan's later stages: half of presentations become opportunities, half of those close. */
const OPPORTUNITY_RATE = 0.5;
const CLOSE_RATE = 0.5;
/** A day's dials vary this much either side of the week's performance. */
const DAY_SPREAD = 0.2;
/** A day's conversations vary this much either side of the rep's rate. */
const RATE_SPREAD = 0.12;

export type ActivityPlanRep = {
  memberId: string;
  slackUserId: string;
  timezone: string;
  /** Share of the day's own target done, per week of history (index 0 = the first week). */
  weeklyPerformance: readonly number[];
  conversationRate: number;
  presentationRate: number;
  modalShare: number;
  /** The rep's own target for a day: the app's dailyTargets (0 on days off, ramp-scaled). */
  targetOn(date: LocalDate): KindTargets;
};

export type ActivityPlanInput = {
  workspaceId: string;
  reps: readonly ActivityPlanRep[];
  /** History from this date to `lastDay`, both included, in each rep's own timezone. */
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** The team's working hours ("HH:MM"), in each rep's timezone. */
  workdayStart: string;
  workdayEnd: string;
  /** Nothing after this instant is logged yet. */
  until: Date;
  random: Random;
};

/** One stored row, with the fields logActivity writes. */
export type ActivityRow = {
  id: string;
  entryId: string;
  workspaceId: string;
  memberId: string;
  kind: Kind;
  count: number;
  occurredAt: Date;
  loggedAt: Date;
  source: ActivitySource;
  authorUserId: string;
  note: null;
  idempotencyKey: string;
};


/** The week's performance, the last week's holding after the list ends. */
export function performanceIn(rep: Pick<ActivityPlanRep, 'weeklyPerformance'>, week: number): number {
  const list = rep.weeklyPerformance;
  return list[Math.min(Math.max(0, week), list.length - 1)] ?? 1;
}

/**
 * Shares `total` out in proportion to `weights`, in whole units (largest remainder; ties to the
 * earlier share), so the shares always add up to `total`. All-zero weights share evenly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const shares = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = total - shares.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++) shares[order[k % order.length]!.i]!++;
  return shares;
}

/** A day's funnel from its dials: conversations near the rep's rate, the later stages by chance. */
function dayCounts(dials: number, rep: ActivityPlanRep, random: Random): Record<Kind, number> {
  const conversation = Math.min(dials, Math.round(dials * rep.conversationRate * random.between(1 - RATE_SPREAD, 1 + RATE_SPREAD)));
  const presentation = random.binomial(conversation, rep.presentationRate);
  const opportunity = random.binomial(presentation, OPPORTUNITY_RATE);
  const close = random.binomial(opportunity, CLOSE_RATE);
  return { dial: dials, conversation, presentation, opportunity, close };
}

export function planActivity(input: ActivityPlanInput): ActivityRow[] {
  const { random } = input;
  const start = parseClockTime(input.workdayStart);
  const end = parseClockTime(input.workdayEnd);
  if (start === null || end === null || end <= start) throw new RangeError(`bad working hours ${input.workdayStart}–${input.workdayEnd}`);
  const rows: ActivityRow[] = [];
  for (const rep of input.reps) {
    for (const date of eachDay(input.firstDay, input.lastDay)) {
      const target = rep.targetOn(date).dial;
      if (target <= 0) continue;
      const performance = performanceIn(rep, Math.floor(daysBetween(input.firstDay, date) / 7));
      const dials = Math.max(0, Math.round(target * performance * random.between(1 - DAY_SPREAD, 1 + DAY_SPREAD)));
      if (dials === 0) continue;
      const blocks = dials >= 12 ? random.int(2, 4) : random.int(1, 2);
      const slot = (end - start) / blocks;
      // Calling blocks of uneven length; each logs its share of the day's funnel.
      const weights = Array.from({ length: blocks }, () => random.between(0.6, 1.4));
      const day = dayCounts(dials, rep, random);
      const shares = Object.fromEntries(KINDS.map((k) => [k, apportion(day[k], weights)])) as Record<Kind, number[]>;
      for (let i = 0; i < blocks; i++) {
        const minute = Math.floor(start + slot * i + slot * random.between(0.15, 0.85));
        const occurredAt = instantAt(date, formatClockTime(minute), rep.timezone);
        const modal = random.chance(rep.modalShare);
        const entryId = random.uuid();
        if (occurredAt > input.until) continue;
        const requestKey = modal ? `view:${input.workspaceId}:V${entryId.slice(0, 8).toUpperCase()}` : `slash:${input.workspaceId}:demo.${entryId}`;
        for (const kind of KINDS) {
          const count = shares[kind][i]!;
          if (count <= 0) continue;
          rows.push({
            id: random.uuid(),
            entryId,
            workspaceId: input.workspaceId,
            memberId: rep.memberId,
            kind,
            count,
            occurredAt,
            loggedAt: occurredAt,
            source: modal ? 'modal' : 'slash',
            authorUserId: rep.slackUserId,
            note: null,
            idempotencyKey: `${requestKey}#${kind}`,
          });
        }
      }
    }
  }
  return rows;
}
