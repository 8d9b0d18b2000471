// A rep's totals per kind for today and this week, in the rep's own timezone. Voided rows never count.
import type { ActivitySource, PrismaClient } from '../../generated/prisma/client.js';
import type { KindCounts } from '../../lib/kinds.js';
import { dayInterval, localDate, weekInterval, type Interval } from '../../lib/time.js';

export type ActivityTotals = { today: KindCounts; week: KindCounts };

/** A rep's non-voided totals per kind over an interval. */
export async function totalsIn(prisma: PrismaClient, memberId: string, interval: Interval): Promise<KindCounts> {
  const groups = await prisma.activity.groupBy({
    by: ['kind'],
    where: { memberId, voidedAt: null, occurredAt: { gte: interval.start, lt: interval.end } },
    _sum: { count: true },
  });
  const totals: KindCounts = {};
  for (const group of groups) totals[group.kind] = group._sum.count ?? 0;
  return totals;
}

/** A rep's non-voided totals per kind over an interval, per source (typed, form, CSV, phone system). */
export async function totalsBySource(prisma: PrismaClient, memberId: string, interval: Interval): Promise<Partial<Record<ActivitySource, KindCounts>>> {
  const groups = await prisma.activity.groupBy({
    by: ['source', 'kind'],
    where: { memberId, voidedAt: null, occurredAt: { gte: interval.start, lt: interval.end } },
    _sum: { count: true },
  });
  const totals: Partial<Record<ActivitySource, KindCounts>> = {};
  for (const group of groups) (totals[group.source] ??= {})[group.kind] = group._sum.count ?? 0;
  return totals;
}

export async function activityTotals(prisma: PrismaClient, memberId: string, timezone: string, now: Date): Promise<ActivityTotals> {
  const [today, week] = await Promise.all([
    totalsIn(prisma, memberId, dayInterval(localDate(now, timezone), timezone)),
    totalsIn(prisma, memberId, weekInterval(now, timezone)),
  ]);
  return { today, week };
}
