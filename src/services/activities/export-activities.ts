// `dialbot export`: every activity as CSV, streamed in keyset-paginated batches so a million
// rows never sit in memory. Voided rows are included (with voided_at): the record is never hidden.
import { stringify } from 'csv-stringify/sync';
import type { PrismaClient } from '../../generated/prisma/client.js';
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
  /** Rows fetched per query (default 1000). */
  batchSize?: number;
};

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

/** Yields the header line, then one CSV chunk per batch of rows, ordered by occurredAt then id. */
export async function* exportActivities(
  prisma: PrismaClient,
  options: ExportActivitiesOptions = {},
): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const range = {
    ...(options.from !== undefined && { gte: dayInterval(utcDay(options.from, 'from'), 'UTC').start }),
    ...(options.to !== undefined && { lt: dayInterval(utcDay(options.to, 'to'), 'UTC').end }),
  };

  yield toCsv([ACTIVITY_CSV_COLUMNS]);

  let after: { occurredAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await prisma.activity.findMany({
      where: {
        occurredAt: range,
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
    yield toCsv(
      rows.map((row) => [
        row.id,
        row.workspaceId,
        row.member.slackUserId,
        row.kind,
        String(row.count),
        row.occurredAt.toISOString(),
        row.loggedAt.toISOString(),
        row.source,
        row.note ?? '',
        row.voidedAt?.toISOString() ?? '',
      ]),
    );
    if (rows.length < batchSize) return;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}
