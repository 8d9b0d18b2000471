// A rep's month day by day for one kind: what they did each day (in their own timezone) and each
// day's target — the data behind their App Home chart. Voided activity never counts.
import type { Member, PrismaClient } from '../../generated/prisma/client.js';
import type { Kind } from '../../lib/kinds.js';
import { dayInterval, eachDay, formatLocalMonth, localDate, monthOf, type LocalDate } from '../../lib/time.js';
import { dailyTargets, type TargetContext } from '../goals/targets.js';
import { loadTargetContext } from './rep-progress.js';

export type MonthSeries = {
  kind: Kind;
  /** e.g. "December 2026". */
  monthLabel: string;
  today: LocalDate;
  days: Array<{ date: LocalDate; actual: number; target: number }>;
};

/** Pure: the month around `now` in `zone`, given each day's actual count. */
export function composeMonthSeries(ctx: TargetContext, zone: string, now: Date, kind: Kind, actualOn: ReadonlyMap<LocalDate, number>): MonthSeries {
  const today = localDate(now, zone);
  const { first, last } = monthOf(today);
  return {
    kind,
    monthLabel: formatLocalMonth(today),
    today,
    days: eachDay(first, last).map((date) => ({ date, actual: actualOn.get(date) ?? 0, target: dailyTargets(date, ctx)[kind] })),
  };
}

export async function monthSeries(prisma: PrismaClient, member: Member, now: Date, kind: Kind): Promise<MonthSeries> {
  const zone = member.timezone;
  const { first, last } = monthOf(localDate(now, zone));
  const [ctx, rows] = await Promise.all([
    loadTargetContext(prisma, member),
    prisma.activity.findMany({
      where: { memberId: member.id, kind, voidedAt: null, occurredAt: { gte: dayInterval(first, zone).start, lt: dayInterval(last, zone).end } },
      select: { occurredAt: true, count: true },
    }),
  ]);
  const actualOn = new Map<LocalDate, number>();
  for (const row of rows) {
    const date = localDate(row.occurredAt, zone);
    actualOn.set(date, (actualOn.get(date) ?? 0) + row.count);
  }
  return composeMonthSeries(ctx, zone, now, kind, actualOn);
}
