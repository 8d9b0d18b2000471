// Flags stored entries that deserve a manager's look (rules in flag-rules.ts), whatever brought
// them in: logActivity runs it after each entry (/dial, the form, the phone system), the CSV import
// after each batch. Entries count in the order they were logged (ties by entry id), so of a burst
// only the entry that crossed the line is flagged. Idempotent: one flag per entry and reason, so
// running it again (a retried request) adds nothing.
import type { Activity, Member, Prisma, PrismaClient, Team } from '../../generated/prisma/client.js';
import type { KindCounts } from '../../lib/kinds.js';
import { addDays, dayInterval, localDate } from '../../lib/time.js';
import { loadTargetContext } from '../progress/rep-progress.js';
import {
  callBurstFinding,
  flagPolicy,
  isPerCall,
  largeFinding,
  lateFinding,
  normalDailyTargets,
  summaryBurstFinding,
  workingMinutesBy,
  type Finding,
} from './flag-rules.js';

type Row = Pick<Activity, 'entryId' | 'kind' | 'count' | 'occurredAt' | 'loggedAt' | 'source'>;

const loggedBefore = (a: Row, b: Row) => a.loggedAt < b.loggedAt || (a.loggedAt.getTime() === b.loggedAt.getTime() && a.entryId < b.entryId);

const dialsOf = (rows: readonly Row[]) => rows.filter((r) => r.kind === 'dial').reduce((n, r) => n + r.count, 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The findings for each of one rep's entries (each entry: its rows). */
async function judgeMember(prisma: PrismaClient, member: Member & { team: Team | null }, entries: Row[][]): Promise<Array<{ entryId: string; finding: Finding }>> {
  const policy = flagPolicy(member.team);
  if (!policy.enabled) return [];
  const zone = member.timezone;
  const hours = { workdayStart: member.team?.workdayStart ?? '09:00', workdayEnd: member.team?.workdayEnd ?? '17:00' };
  const times = entries.map((rows) => rows[0]!.occurredAt.getTime());
  // The rep's dials around these entries: their days, and a minute either side for call bursts.
  const from = dayInterval(addDays(localDate(new Date(Math.min(...times)), zone), -1), zone).start;
  const to = dayInterval(addDays(localDate(new Date(Math.max(...times)), zone), 1), zone).end;
  const [dials, ctx] = await Promise.all([
    prisma.activity.findMany({
      where: { memberId: member.id, kind: 'dial', voidedAt: null, occurredAt: { gte: from, lt: to } },
      select: { entryId: true, kind: true, count: true, occurredAt: true, loggedAt: true, source: true },
    }),
    loadTargetContext(prisma, member),
  ]);
  const dialsByDay = groupBy(dials, (r) => localDate(r.occurredAt, zone));

  const found: Array<{ entryId: string; finding: Finding }> = [];
  for (const rows of entries) {
    const first = rows[0]!;
    const day = localDate(first.occurredAt, zone);
    const counts: KindCounts = Object.fromEntries(rows.map((r) => [r.kind, r.count]));
    const earlier = (r: Row) => r.entryId !== first.entryId && loggedBefore(r, first);
    const findings = isPerCall(first.source)
      ? [
          lateFinding(first, zone, policy),
          callBurstFinding(
            { at: first.occurredAt, count: dialsOf(rows) },
            dials.filter((r) => isPerCall(r.source) && earlier(r)).map((r) => ({ at: r.occurredAt, count: r.count })),
            policy.burstDialsPerMinute,
          ),
        ]
      : [
          // An import is after the fact by nature, and the audit log says who brought it in.
          first.source === 'import' ? undefined : lateFinding(first, zone, policy),
          summaryBurstFinding(
            { day, dials: dialsOf(rows), before: dialsOf((dialsByDay.get(day) ?? []).filter(earlier)), minutes: workingMinutesBy(day, first.loggedAt, zone, hours) },
            policy.burstDialsPerMinute,
          ),
          largeFinding(counts, normalDailyTargets(day, ctx), policy),
        ];
    for (const finding of findings) if (finding) found.push({ entryId: first.entryId, finding });
  }
  return found;
}

/** Flags whichever of these entries deserve it; returns how many new flags were stored. */
export async function flagEntries(prisma: PrismaClient, entryIds: readonly string[], now: Date): Promise<number> {
  if (entryIds.length === 0) return 0;
  const rows = await prisma.activity.findMany({ where: { entryId: { in: [...entryIds] }, voidedAt: null } });
  const data: Prisma.ActivityFlagCreateManyInput[] = [];
  for (const [memberId, memberRows] of groupBy(rows, (r) => r.memberId)) {
    const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId }, include: { team: true } });
    const entries = [...groupBy(memberRows, (r) => r.entryId).values()];
    for (const { entryId, finding } of await judgeMember(prisma, member, entries)) {
      data.push({ workspaceId: member.workspaceId, memberId, entryId, reason: finding.reason, detail: finding.detail, createdAt: now });
    }
  }
  if (data.length === 0) return 0;
  const { count } = await prisma.activityFlag.createMany({ data, skipDuplicates: true });
  return count;
}
