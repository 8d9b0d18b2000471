// `dialbot export`: every activity (or one team's) as CSV or JSON, streamed in keyset-paginated
// batches so a million rows never sit in memory. Voided rows are included (with voided_at): the
// record is never hidden.
import { stringify } from 'csv-stringify/sync';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { dayInterval, parseLocalDate, type LocalDate } from '../../lib/time.js';

/** The CSV columns, in order; `import-activities` reads the same ones. */
export const ACTIVITY_CSV_COLUMNS = [
  'id',
  'workspace_id',
  'user_id',
  'kind',
  'count',
  'occurred_at',
  'logged_at',
  'source',
  'note',
  'voided_at',
] as const;

export type ActivityCsvColumn = (typeof ACTIVITY_CSV_COLUMNS)[number];

export type ExportActivitiesOptions = {
  /** First calendar day included, in UTC. */
  from?: LocalDate;
  /** Last calendar day included, in UTC. */
  to?: LocalDate;
  /** Only the activity of these teams' current members. */
  teamIds?: readonly string[];
  /** Only this workspace's activity. */
  workspaceId?: string;
  /** `csv` (default; what `dialbot import` reads) or `json` (one array of objects, same fields). */
  format?: 'csv' | 'json';
  /** Rows fetched per query (default 1000). */
  batchSize?: number;
};

/** One exported activity: the CSV's columns, with numbers as numbers and empty as null in JSON. */
type ExportRow = Record<ActivityCsvColumn, string>;

const DEFAULT_BATCH_SIZE = 1000;

/** Records as CSV text: RFC 4180 quoting, `\n` after every record. */
function toCsv(records: readonly (readonly string[])[]): string {
  return stringify(records as string[][], { record_delimiter: '\n' });
}

function utcDay(date: LocalDate, option: 'from' | 'to'): LocalDate {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new RangeError(`${option} must be a date like 2025-01-31, got "${date}"`);
  return parsed;
}

/** Yields the export in chunks: CSV (header, then a chunk per batch) or a JSON array. */
export async function* exportActivities(prisma: PrismaClient, options: ExportActivitiesOptions = {}): AsyncGenerator<string> {
  if (options.format === 'json') {
    let first = true;
    yield '[';
    for await (const batch of rowBatches(prisma, options)) {
      for (const row of batch) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(jsonRow(row))}`;
        first = false;
      }
    }
    yield first ? ']\n' : '\n]\n';
    return;
  }
  yield toCsv([ACTIVITY_CSV_COLUMNS]);
  for await (const batch of rowBatches(prisma, options)) yield toCsv(batch.map((row) => ACTIVITY_CSV_COLUMNS.map((column) => row[column])));
}

function jsonRow(row: ExportRow): Record<ActivityCsvColumn, string | number | null> {
  return { ...row, count: Number(row.count), note: row.note === '' ? null : row.note, voided_at: row.voided_at === '' ? null : row.voided_at };
}

/** The activities an export with these options holds. */
function exported(options: ExportActivitiesOptions): Prisma.ActivityWhereInput {
  return {
    occurredAt: {
      ...(options.from !== undefined && { gte: dayInterval(utcDay(options.from, 'from'), 'UTC').start }),
      ...(options.to !== undefined && { lt: dayInterval(utcDay(options.to, 'to'), 'UTC').end }),
    },
    ...(options.workspaceId !== undefined && { workspaceId: options.workspaceId }),
    ...(options.teamIds !== undefined && { member: { teamId: { in: [...options.teamIds] } } }),
  };
}

/** How many rows an export with these options writes (voided ones included). */
export function countExportRows(prisma: PrismaClient, options: ExportActivitiesOptions = {}): Promise<number> {
  return prisma.activity.count({ where: exported(options) });
}

/** Batches of rows, ordered by occurredAt then id. */
async function* rowBatches(prisma: PrismaClient, options: ExportActivitiesOptions): AsyncGenerator<ExportRow[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const where = exported(options);

  let after: { occurredAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await prisma.activity.findMany({
      where: {
        ...where,
        // (occurredAt, id) > after; the plain `gte` gives the planner a range to start from.
        ...(after && {
          AND: [
            { occurredAt: { gte: after.occurredAt } },
            { OR: [{ occurredAt: { gt: after.occurredAt } }, { id: { gt: after.id } }] },
          ],
        }),
      },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select: {
        id: true,
        workspaceId: true,
        kind: true,
        count: true,
        occurredAt: true,
        loggedAt: true,
        source: true,
        note: true,
        voidedAt: true,
        member: { select: { slackUserId: true } },
      },
    });
    const last = rows.at(-1);
    if (!last) return;
    yield rows.map((row) => ({
      id: row.id,
      workspace_id: row.workspaceId,
      user_id: row.member.slackUserId,
      kind: row.kind,
      count: String(row.count),
      occurred_at: row.occurredAt.toISOString(),
      logged_at: row.loggedAt.toISOString(),
      source: row.source,
      note: row.note ?? '',
      voided_at: row.voidedAt?.toISOString() ?? '',
    }));
    if (rows.length < batchSize) return;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}
