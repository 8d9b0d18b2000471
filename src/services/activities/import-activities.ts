// `dialbot import`: activities from CSV (the columns `export-activities` writes). Every line is
// validated first and each bad line reported by number; bad lines store nothing, valid lines are
// stored. Idempotent: a row's id (or, without one, a hash of its content) is its key, so
// importing the same file twice adds nothing.
import { createHash, randomUUID } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ActivitySource, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { KINDS, type Kind, type KindCounts } from '../../lib/kinds.js';
import { hasControlCharacters } from '../../lib/text.js';
import { parseInstant } from '../../lib/time.js';
import { MAX_NOTE_LENGTH } from '../../listeners/commands/dial-grammar.js';
import { flagEntries } from '../flags/flag-entry.js';
import { ensureDefaultTeam } from '../members/ensure-default-team.js';
import { ACTIVITY_CSV_COLUMNS, type ActivityCsvColumn } from './export-activities.js';

/** `line` is 1-based and counts the header as line 1; a record spanning lines reports its first. */
export type ImportLineError = { line: number; message: string };

export type ImportReport = {
  /** Data records in the file (blank lines not counted). */
  rows: number;
  /** Records that passed validation (stored, skipped as existing, or — in a dry run — would be). */
  valid: number;
  /** Rows stored; in a dry run, the rows that would be stored. */
  inserted: number;
  /** Valid rows already in the database (same id, or same content for rows without an id). */
  skippedExisting: number;
  /** Entries stored and flagged for a manager's review (logged late, bursts, large); 0 in a dry run. */
  flagged: number;
  errors: ImportLineError[];
  dryRun: boolean;
  /** Per rep, the counts the stored (in a dry run: to be stored) rows add; voided rows add nothing. */
  repTotals: RepTotals[];
};

export type RepTotals = { workspaceId: string; userId: string; counts: KindCounts };

/** Whose rows may be imported; a row for anyone else is a bad line. */
export type ImportScope = {
  workspaceId: string;
  /** Slack user ids allowed (a manager's reps); unset: anyone in the workspace (an admin). */
  userIds?: ReadonlySet<string>;
};

/** Who imports from Slack, and from which file. */
export type Importer = { workspaceId: string; userId: string; fileName: string; requestKey: string };

export type ImportActivitiesOptions = {
  /** Validate and report only; store nothing. */
  dryRun: boolean;
  now: Date;
  /** Timezone of members the import creates (the app refreshes it from Slack later). */
  defaultTimezone: string;
  maxCountPerEntry: number;
  /** Unset (the CLI): any workspace and user. */
  scope?: ImportScope;
  /** Set (an import from Slack): rows are stored as source `import` with the importer as author, and the audit names them and the file. */
  importer?: Importer;
};

export const REQUIRED_COLUMNS: readonly ActivityCsvColumn[] = ['workspace_id', 'user_id', 'kind', 'count', 'occurred_at'];
const SOURCES: readonly ActivitySource[] = ['slash', 'modal', 'import', 'api'];
const IMPORTED_VOID_REASON = 'imported as voided';
/** Rows per id lookup and per insert (well under PostgreSQL's 65,535 bind parameters). */
const BATCH_SIZE = 1000;

const WORKSPACE_ID = /^[TE][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
// Date, time to at least the minute, and a zone designator: Z or an offset.
// C0/C1 control characters other than tab and line breaks, and Unicode bidi overrides (as `/dial` refuses).

type ImportRow = {
  line: number;
  id: string;
  idempotencyKey: string | null;
  workspaceId: string;
  userId: string;
  kind: Kind;
  count: number;
  occurredAt: Date;
  loggedAt: Date | undefined;
  voidedAt: Date | undefined;
  source: ActivitySource;
  note: string | null;
};

const show = (value: unknown) => JSON.stringify(String(value).length > 60 ? `${String(value).slice(0, 60)}…` : String(value));

function instant(column: string) {
  return z.string({ error: `${column} is required` }).transform((text, ctx) => {
    const date = parseInstant(text);
    if (date) return date;
    ctx.addIssue({ code: 'custom', message: `${column} ${show(text)} is not an ISO-8601 instant with a timezone (like 2025-01-31T14:05:00Z)` });
    return z.NEVER;
  });
}

function slackId(column: string, pattern: RegExp, example: string) {
  return z
    .string({ error: `${column} is required` })
    .refine((text) => pattern.test(text), { error: (issue) => `${column} ${show(issue.input)} is not a Slack id like ${example}` });
}

function rowSchema(options: ImportActivitiesOptions) {
  const max = options.maxCountPerEntry;
  return z.object({
    id: z.uuid({ error: (issue) => `id ${show(issue.input)} is not a UUID` }).transform((id) => id.toLowerCase()).optional(),
    workspace_id: slackId('workspace_id', WORKSPACE_ID, 'T0123ABCD'),
    user_id: slackId('user_id', USER_ID, 'U0123ABCD'),
    kind: z.enum(KINDS, {
      error: (issue) => (issue.input === undefined ? 'kind is required' : `kind ${show(issue.input)} is not one of ${KINDS.join(', ')}`),
    }),
    count: z.string({ error: 'count is required' }).transform((text, ctx) => {
      const count = /^\d+$/.test(text) ? Number(text) : NaN;
      if (count >= 1 && count <= max) return count;
      ctx.addIssue({ code: 'custom', message: `count ${show(text)} must be a whole number from 1 to ${max}` });
      return z.NEVER;
    }),
    occurred_at: instant('occurred_at').refine((date) => date.getTime() <= options.now.getTime(), {
      error: `occurred_at is in the future (now is ${options.now.toISOString()})`,
    }),
    logged_at: instant('logged_at').optional(),
    voided_at: instant('voided_at').optional(),
    source: z
      .enum(SOURCES, { error: (issue) => `source ${show(issue.input)} is not one of ${SOURCES.join(', ')}` })
      .optional(),
    note: z
      .string()
      .max(MAX_NOTE_LENGTH, { error: (issue) => `note is ${String(issue.input).length} characters; at most ${MAX_NOTE_LENGTH} are allowed` })
      .refine((note) => !hasControlCharacters(note), { error: 'note contains control characters' })
      .optional(),
  });
}

type CsvRecord = { line: number; fields: string[] };

/** The file's records with the line each starts on, or the parser's error. Blank lines are dropped. */
function readRecords(csv: string): { records: CsvRecord[] } | { error: ImportLineError } {
  let parsed: string[][];
  // The line the last complete record ended on: an unclosed quote is reported where its record starts.
  let completeLines = 0;
  try {
    // Blank lines are kept as records so that every line can be counted.
    parsed = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        completeLines = context.lines;
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        // The parser blames the end of the file; the quote that never closes opened on this line.
        return { error: { line: completeLines + 1, message: 'the file is not valid CSV: Quote Not Closed: a quoted field in the record starting on this line never ends' } };
      }
      const line = typeof error.lines === 'number' && error.lines > 0 ? error.lines : 1;
      return { error: { line, message: `the file is not valid CSV: ${error.message}` } };
    }
    throw error;
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const fields of parsed) {
    if (fields.some((field) => field.trim() !== '')) records.push({ line, fields });
    // A record takes one line plus one per line break inside its (quoted) fields.
    for (const field of fields) line += field.match(/\r\n|\r|\n/g)?.length ?? 0;
    line += 1;
  }
  return { records };
}

/** Column positions by name, or the one error that stops the whole import. */
function readHeader(header: CsvRecord): { columns: Map<ActivityCsvColumn, number> } | { error: ImportLineError } {
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(ACTIVITY_CSV_COLUMNS);
  const problems: string[] = [];
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(show).join(', ')}`);
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (repeated.length > 0) problems.push(`column${repeated.length > 1 ? 's' : ''} ${repeated.map(show).join(', ')} appear more than once`);
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length > 0) {
    return { error: { line: header.line, message: `${problems.join('; ')}. Expected columns: ${ACTIVITY_CSV_COLUMNS.join(', ')}` } };
  }
  return { columns: new Map(names.map((name, i) => [name as ActivityCsvColumn, i])) };
}

function outsideScope(scope: ImportScope | undefined, workspaceId: string, userId: string): string | undefined {
  if (!scope) return undefined;
  if (workspaceId !== scope.workspaceId) return `workspace_id ${workspaceId} is not this workspace (${scope.workspaceId})`;
  if (scope.userIds && !scope.userIds.has(userId)) return `user_id ${userId} is not on a team you manage`;
  return undefined;
}

function contentKey(row: Pick<ImportRow, 'workspaceId' | 'userId' | 'kind' | 'count' | 'occurredAt' | 'note'>): string {
  const content = [row.workspaceId, row.userId, row.kind, String(row.count), row.occurredAt.toISOString(), row.note ?? ''].join('|');
  return `import:${createHash('sha256').update(content).digest('hex')}`;
}

/** Validates every data record; returns the valid rows (with their keys) and one error per bad line. */
function validateRecords(
  records: readonly CsvRecord[],
  columns: Map<ActivityCsvColumn, number>,
  options: ImportActivitiesOptions,
): { rows: ImportRow[]; errors: ImportLineError[] } {
  const schema = rowSchema(options);
  const rows: ImportRow[] = [];
  const errors: ImportLineError[] = [];
  const lineOfId = new Map<string, number>();
  const occurrences = new Map<string, number>();

  for (const { line, fields } of records) {
    if (fields.length !== columns.size) {
      errors.push({ line, message: `has ${fields.length} field${fields.length === 1 ? '' : 's'}; the header has ${columns.size}` });
      continue;
    }
    const input: Partial<Record<ActivityCsvColumn, string>> = {};
    for (const [column, index] of columns) {
      const raw = fields[index] ?? '';
      // Notes are kept exactly as written; other values forgive stray spaces.
      const value = column === 'note' ? raw : raw.trim();
      if (value !== '') input[column] = value;
    }
    const result = schema.safeParse(input);
    if (!result.success) {
      errors.push({ line, message: result.error.issues.map((issue) => issue.message).join('; ') });
      continue;
    }
    const data = result.data;
    const outside = outsideScope(options.scope, data.workspace_id, data.user_id);
    if (outside) {
      errors.push({ line, message: outside });
      continue;
    }
    if (data.id !== undefined) {
      const first = lineOfId.get(data.id);
      if (first !== undefined) {
        errors.push({ line, message: `id ${data.id} already appears on line ${first}` });
        continue;
      }
      lineOfId.set(data.id, line);
    }
    const row: ImportRow = {
      line,
      id: data.id ?? randomUUID(),
      idempotencyKey: null,
      workspaceId: data.workspace_id,
      userId: data.user_id,
      kind: data.kind,
      count: data.count,
      occurredAt: data.occurred_at,
      loggedAt: data.logged_at,
      voidedAt: data.voided_at,
      source: options.importer ? 'import' : (data.source ?? 'import'),
      note: data.note ?? null,
    };
    if (data.id === undefined) {
      // Identical id-less lines are distinct entries: the 2nd gets `#2`, the 3rd `#3`, …
      const key = contentKey(row);
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      row.idempotencyKey = occurrence === 1 ? key : `${key}#${occurrence}`;
    }
    rows.push(row);
  }
  return { rows, errors };
}

function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The rows whose id or idempotency key is already stored. */
async function findExisting(prisma: PrismaClient, rows: readonly ImportRow[]): Promise<Set<ImportRow>> {
  const byId = new Map(rows.filter((row) => row.idempotencyKey === null).map((row) => [row.id, row]));
  const byKey = new Map(rows.flatMap((row) => (row.idempotencyKey === null ? [] : [[row.idempotencyKey, row] as const])));
  const existing = new Set<ImportRow>();
  for (const ids of chunks([...byId.keys()])) {
    const found = await prisma.activity.findMany({ where: { id: { in: ids } }, select: { id: true } });
    for (const { id } of found) existing.add(byId.get(id)!);
  }
  for (const keys of chunks([...byKey.keys()])) {
    const found = await prisma.activity.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } });
    for (const { idempotencyKey } of found) existing.add(byKey.get(idempotencyKey!)!);
  }
  return existing;
}

/**
 * Member ids by `workspaceId|slackUserId`, creating missing workspaces and members (in the
 * workspace's default team, named after their user id, profile to be read from Slack later).
 */
async function ensureMembers(
  prisma: PrismaClient,
  rows: readonly ImportRow[],
  options: ImportActivitiesOptions,
): Promise<Map<string, string>> {
  const usersByWorkspace = new Map<string, Set<string>>();
  for (const row of rows) {
    const users = usersByWorkspace.get(row.workspaceId) ?? new Set<string>();
    users.add(row.userId);
    usersByWorkspace.set(row.workspaceId, users);
  }
  const memberIds = new Map<string, string>();
  const find = async (workspaceId: string, slackUserIds: string[]) => {
    for (const chunk of chunks(slackUserIds)) {
      const found = await prisma.member.findMany({
        where: { workspaceId, slackUserId: { in: chunk } },
        select: { id: true, slackUserId: true },
      });
      for (const member of found) memberIds.set(`${workspaceId}|${member.slackUserId}`, member.id);
    }
  };
  for (const [workspaceId, users] of usersByWorkspace) {
    await find(workspaceId, [...users]);
    const missing = [...users].filter((userId) => !memberIds.has(`${workspaceId}|${userId}`));
    if (missing.length === 0) continue;
    const team = await ensureDefaultTeam(prisma, workspaceId);
    for (const chunk of chunks(missing)) {
      await prisma.member.createMany({
        data: chunk.map((slackUserId) => ({
          workspaceId,
          slackUserId,
          displayName: slackUserId,
          timezone: options.defaultTimezone,
          profileRefreshedAt: null,
          teamId: team.id,
        })),
        skipDuplicates: true,
      });
    }
    await find(workspaceId, missing);
  }
  return memberIds;
}

function activityData(row: ImportRow, memberId: string, options: ImportActivitiesOptions): Prisma.ActivityCreateManyInput {
  return {
    id: row.id,
    entryId: row.id,
    workspaceId: row.workspaceId,
    memberId,
    kind: row.kind,
    count: row.count,
    occurredAt: row.occurredAt,
    loggedAt: row.loggedAt ?? options.now,
    source: row.source,
    authorUserId: options.importer?.userId ?? null,
    note: row.note,
    idempotencyKey: row.idempotencyKey,
    voidedAt: row.voidedAt ?? null,
    voidReason: row.voidedAt ? IMPORTED_VOID_REASON : null,
  };
}

/** The rows actually stored. */
async function storeRows(prisma: PrismaClient, rows: readonly ImportRow[], options: ImportActivitiesOptions): Promise<ImportRow[]> {
  if (rows.length === 0) return [];
  const memberIds = await ensureMembers(prisma, rows, options);
  const stored = new Set<string>();
  for (const batch of chunks(rows)) {
    const data = batch.map((row) => activityData(row, memberIds.get(`${row.workspaceId}|${row.userId}`)!, options));
    // skipDuplicates: a row another import stored since the lookup (a double submit) is skipped, not an error.
    const [created] = await prisma.$transaction([prisma.activity.createManyAndReturn({ data, skipDuplicates: true, select: { id: true } })]);
    for (const { id } of created) stored.add(id);
  }
  return rows.filter((row) => stored.has(row.id));
}

function repTotals(rows: readonly ImportRow[]): RepTotals[] {
  const byRep = new Map<string, RepTotals>();
  for (const row of rows) {
    if (row.voidedAt) continue;
    const key = `${row.workspaceId}|${row.userId}`;
    const totals = byRep.get(key) ?? { workspaceId: row.workspaceId, userId: row.userId, counts: {} };
    totals.counts[row.kind] = (totals.counts[row.kind] ?? 0) + row.count;
    byRep.set(key, totals);
  }
  return [...byRep.values()].sort((a, b) => a.workspaceId.localeCompare(b.workspaceId) || a.userId.localeCompare(b.userId));
}

async function analyse(
  prisma: PrismaClient,
  csv: string,
  options: ImportActivitiesOptions,
): Promise<{ report: ImportReport; toInsert: ImportRow[] }> {
  const report: ImportReport = { rows: 0, valid: 0, inserted: 0, skippedExisting: 0, flagged: 0, errors: [], dryRun: options.dryRun, repTotals: [] };
  const read = readRecords(csv);
  if ('error' in read) return { report: { ...report, errors: [read.error] }, toInsert: [] };
  const [header, ...records] = read.records;
  if (!header) return { report, toInsert: [] };
  report.rows = records.length;
  const head = readHeader(header);
  if ('error' in head) return { report: { ...report, errors: [head.error] }, toInsert: [] };

  const { rows, errors } = validateRecords(records, head.columns, options);
  const existing = await findExisting(prisma, rows);
  const toInsert = rows.filter((row) => !existing.has(row));
  return {
    report: { ...report, valid: rows.length, inserted: toInsert.length, skippedExisting: existing.size, errors, repTotals: repTotals(toInsert) },
    toInsert,
  };
}

export async function importActivities(prisma: PrismaClient, csv: string, options: ImportActivitiesOptions): Promise<ImportReport> {
  const { report, toInsert } = await analyse(prisma, csv, options);
  if (options.dryRun) return report;

  const stored = await storeRows(prisma, toInsert, options);
  // Only the rows this import stored are judged: one stored by an earlier import was judged then.
  let flagged = 0;
  for (const batch of chunks(stored)) flagged += await flagEntries(prisma, batch.map((row) => row.id), options.now);
  const final: ImportReport = { ...report, inserted: stored.length, skippedExisting: report.valid - stored.length, flagged, repTotals: repTotals(stored) };
  const { importer } = options;
  await prisma.auditEvent
    .create({
      data: {
        action: 'activities.imported',
        subjectType: 'import',
        data: {
          rows: final.rows,
          inserted: final.inserted,
          skippedExisting: final.skippedExisting,
          flagged,
          errors: final.errors.length,
          ...(importer && { fileName: importer.fileName }),
        },
        createdAt: options.now,
        ...(importer && { workspaceId: importer.workspaceId, actorUserId: importer.userId, requestKey: importer.requestKey }),
      },
    })
    .catch((error: unknown) => {
      // The same request again (a double submit): its rows were skipped, the first one's audit stands.
      if (!importer || !isUniqueViolation(error)) throw error;
    });
  return final;
}
