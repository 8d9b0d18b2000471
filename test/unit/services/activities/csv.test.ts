import { openDatabase, type Database } from '../../../../src/db/client.js';
import { deployMigrations } from '../../../../src/db/migrate.js';
import type { ActivityKind, ActivitySource, PrismaClient } from '../../../../src/generated/prisma/client.js';
import { countExportRows, exportActivities, type ExportActivitiesOptions } from '../../../../src/services/activities/export-activities.js';
import { importActivities, type ImportActivitiesOptions } from '../../../../src/services/activities/import-activities.js';

const HEADER = 'id,workspace_id,user_id,kind,count,occurred_at,logged_at,source,note,voided_at';
const NOW = new Date('2026-12-04T12:00:00.000Z');
const OPTIONS: ImportActivitiesOptions = { dryRun: false, now: NOW, defaultTimezone: 'America/Chicago', maxCountPerEntry: 1000 };

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let db: Database;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await openDatabase('pglite://memory://');
  await deployMigrations(db);
  prisma = db.prisma;
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  await prisma.$executeRawUnsafe('TRUNCATE "Activity","Member","Team","Workspace","AuditEvent" CASCADE');
});

async function seedMember(client: PrismaClient, workspaceId: string, slackUserId: string): Promise<string> {
  await client.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId }, update: {} });
  const member = await client.member.create({ data: { workspaceId, slackUserId, displayName: slackUserId, timezone: 'UTC' } });
  return member.id;
}

type Seed = {
  id: string;
  memberId: string;
  workspaceId?: string;
  kind?: ActivityKind;
  count?: number;
  occurredAt: string;
  loggedAt?: string;
  source?: ActivitySource;
  note?: string | null;
  voidedAt?: string | null;
};

async function seedActivity(client: PrismaClient, seed: Seed): Promise<void> {
  await client.activity.create({
    data: {
      id: seed.id,
      entryId: seed.id,
      workspaceId: seed.workspaceId ?? 'T001',
      memberId: seed.memberId,
      kind: seed.kind ?? 'dial',
      count: seed.count ?? 1,
      occurredAt: new Date(seed.occurredAt),
      loggedAt: new Date(seed.loggedAt ?? seed.occurredAt),
      source: seed.source ?? 'slash',
      note: seed.note ?? null,
      voidedAt: seed.voidedAt ? new Date(seed.voidedAt) : null,
    },
  });
}

async function exportAll(client: PrismaClient, options: ExportActivitiesOptions = {}): Promise<string> {
  let out = '';
  for await (const chunk of exportActivities(client, options)) out += chunk;
  return out;
}

const csvOf = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;
const countActivities = () => prisma.activity.count();

describe('exportActivities', () => {
  it('writes only the header when there is nothing', async () => {
    expect(await exportAll(prisma)).toBe(`${HEADER}\n`);
  });

  it('quotes notes with commas, quotes and newlines, keeps unicode, and leaves empty fields empty', async () => {
    const member = await seedMember(prisma, 'T001', 'U001');
    const at = (minute: number) => `2026-12-01T10:0${minute}:00.000Z`;
    await seedActivity(prisma, { id: ID(1), memberId: member, occurredAt: at(1), note: 'left vm, will retry' });
    await seedActivity(prisma, { id: ID(2), memberId: member, occurredAt: at(2), note: 'she said "call me"' });
    await seedActivity(prisma, { id: ID(3), memberId: member, occurredAt: at(3), note: 'first line\nsecond line' });
    await seedActivity(prisma, { id: ID(4), memberId: member, occurredAt: at(4), note: 'Zürich 🎉 déjà vu' });
    await seedActivity(prisma, { id: ID(5), memberId: member, occurredAt: at(5), kind: 'close', count: 2, source: 'modal', loggedAt: '2026-12-02T08:00:00.123Z' });

    expect(await exportAll(prisma)).toBe(
      [
        HEADER,
        `${ID(1)},T001,U001,dial,1,${at(1)},${at(1)},slash,"left vm, will retry",`,
        `${ID(2)},T001,U001,dial,1,${at(2)},${at(2)},slash,"she said ""call me""",`,
        `${ID(3)},T001,U001,dial,1,${at(3)},${at(3)},slash,"first line\nsecond line",`,
        `${ID(4)},T001,U001,dial,1,${at(4)},${at(4)},slash,Zürich 🎉 déjà vu,`,
        `${ID(5)},T001,U001,close,2,${at(5)},2026-12-02T08:00:00.123Z,modal,,`,
        '',
      ].join('\n'),
    );
  });

  it('includes voided rows with their voided_at', async () => {
    const member = await seedMember(prisma, 'T001', 'U001');
    await seedActivity(prisma, { id: ID(1), memberId: member, occurredAt: '2026-12-01T10:00:00.000Z', voidedAt: '2026-12-01T11:00:00.500Z' });
    expect(await exportAll(prisma)).toBe(
      csvOf(`${ID(1)},T001,U001,dial,1,2026-12-01T10:00:00.000Z,2026-12-01T10:00:00.000Z,slash,,2026-12-01T11:00:00.500Z`),
    );
  });

  it('orders by occurredAt then id across batches, one chunk per batch', async () => {
    const member = await seedMember(prisma, 'T001', 'U001');
    // Inserted out of order; ids 3, 5 and 1 share one instant.
    const seeds: [number, string][] = [
      [4, '2026-12-02T09:00:00.000Z'],
      [5, '2026-12-01T09:00:00.000Z'],
      [2, '2026-11-30T09:00:00.000Z'],
      [3, '2026-12-01T09:00:00.000Z'],
      [6, '2026-12-03T09:00:00.000Z'],
      [1, '2026-12-01T09:00:00.000Z'],
      [7, '2026-12-03T09:00:00.000Z'],
    ];
    for (const [n, occurredAt] of seeds) await seedActivity(prisma, { id: ID(n), memberId: member, occurredAt });

    const chunks: string[] = [];
    for await (const chunk of exportActivities(prisma, { batchSize: 2 })) chunks.push(chunk);
    expect(chunks).toHaveLength(1 + 4);
    const ids = chunks.join('').trimEnd().split('\n').slice(1).map((line) => line.split(',')[0]);
    expect(ids).toEqual([2, 1, 3, 5, 4, 6, 7].map(ID));
  });

  it('filters by inclusive UTC days at the boundaries', async () => {
    const member = await seedMember(prisma, 'T001', 'U001');
    const instants = ['2026-11-30T23:59:59.999Z', '2026-12-01T00:00:00.000Z', '2026-12-02T23:59:59.999Z', '2026-12-03T00:00:00.000Z'];
    for (const [i, occurredAt] of instants.entries()) await seedActivity(prisma, { id: ID(i + 1), memberId: member, occurredAt });
    const idsOf = async (options: ExportActivitiesOptions) =>
      (await exportAll(prisma, options)).trimEnd().split('\n').slice(1).map((line) => line.split(',')[0]);

    expect(await idsOf({ from: '2026-12-01', to: '2026-12-02' })).toEqual([ID(2), ID(3)]);
    expect(await idsOf({ from: '2026-12-01' })).toEqual([ID(2), ID(3), ID(4)]);
    expect(await idsOf({ to: '2026-11-30' })).toEqual([ID(1)]);
    expect(await idsOf({ from: '2026-12-03', to: '2026-12-03' })).toEqual([ID(4)]);
    expect(await idsOf({ from: '2026-12-04' })).toEqual([]);
  });

  it('filters by workspace or by several teams, and counts what it would write', async () => {
    const ana = await seedMember(prisma, 'T001', 'U0ANA');
    const bo = await seedMember(prisma, 'T001', 'U0BO');
    const cy = await seedMember(prisma, 'T002', 'U0CY');
    const east = await prisma.team.create({ data: { workspaceId: 'T001', name: 'East' } });
    const west = await prisma.team.create({ data: { workspaceId: 'T001', name: 'West' } });
    await prisma.member.update({ where: { id: ana }, data: { teamId: east.id } });
    await prisma.member.update({ where: { id: bo }, data: { teamId: west.id } });
    await seedActivity(prisma, { id: ID(1), memberId: ana, occurredAt: '2026-12-01T10:00:00.000Z' });
    await seedActivity(prisma, { id: ID(2), memberId: bo, occurredAt: '2026-12-01T11:00:00.000Z' });
    await seedActivity(prisma, { id: ID(3), memberId: cy, workspaceId: 'T002', occurredAt: '2026-12-01T12:00:00.000Z' });
    const idsOf = async (options: ExportActivitiesOptions) =>
      (await exportAll(prisma, options)).trimEnd().split('\n').slice(1).map((line) => line.split(',')[0]);

    expect(await idsOf({ workspaceId: 'T001' })).toEqual([ID(1), ID(2)]);
    expect(await idsOf({ teamIds: [east.id, west.id] })).toEqual([ID(1), ID(2)]);
    expect(await idsOf({ teamIds: [west.id] })).toEqual([ID(2)]);
    expect(await countExportRows(prisma, { workspaceId: 'T001' })).toBe(2);
    expect(await countExportRows(prisma, { teamIds: [east.id], from: '2026-12-02' })).toBe(0);
    expect(await countExportRows(prisma)).toBe(3);
  });

  it('refuses a date that is not a calendar day', async () => {
    await expect(exportAll(prisma, { from: '2026-02-30' })).rejects.toThrow(RangeError);
    await expect(exportAll(prisma, { to: 'yesterday' })).rejects.toThrow(RangeError);
  });
  it('exports one team’s members only, as CSV or as a JSON array with numbers and nulls', async () => {
    const ana = await seedMember(prisma, 'T001', 'U0ANA');
    const bo = await seedMember(prisma, 'T001', 'U0BO');
    const team = await prisma.team.create({ data: { workspaceId: 'T001', name: 'East' } });
    await prisma.member.update({ where: { id: ana }, data: { teamId: team.id } });
    await seedActivity(prisma, { id: ID(1), memberId: ana, count: 12, occurredAt: '2026-12-01T15:00:00.000Z', note: 'a, "b"' });
    await seedActivity(prisma, { id: ID(2), memberId: bo, occurredAt: '2026-12-01T16:00:00.000Z' });
    await seedActivity(prisma, { id: ID(3), memberId: ana, kind: 'conversation', occurredAt: '2026-12-02T15:00:00.000Z', voidedAt: '2026-12-02T16:00:00.000Z' });

    const csv = await exportAll(prisma, { teamIds: [team.id] });
    expect(csv.trimEnd().split('\n').slice(1).map((line) => line.split(',')[0])).toEqual([ID(1), ID(3)]);

    const json = JSON.parse(await exportAll(prisma, { teamIds: [team.id], format: 'json' })) as Array<Record<string, unknown>>;
    expect(json).toEqual([
      {
        id: ID(1),
        workspace_id: 'T001',
        user_id: 'U0ANA',
        kind: 'dial',
        count: 12,
        occurred_at: '2026-12-01T15:00:00.000Z',
        logged_at: '2026-12-01T15:00:00.000Z',
        source: 'slash',
        note: 'a, "b"',
        voided_at: null,
      },
      expect.objectContaining({ id: ID(3), kind: 'conversation', count: 1, note: null, voided_at: '2026-12-02T16:00:00.000Z' }),
    ]);
    // Every row, across batches, in one valid array; and an empty export is an empty array.
    expect(JSON.parse(await exportAll(prisma, { format: 'json', batchSize: 1 })).map((r: { id: string }) => r.id)).toEqual([ID(1), ID(2), ID(3)]);
    expect(await exportAll(prisma, { format: 'json', from: '2027-01-01' })).toBe('[]\n');
  });
});

describe('importActivities', () => {
  it('round-trips byte for byte into an empty database, and re-importing adds nothing', async () => {
    const alice = await seedMember(prisma, 'T001', 'U0ALICE');
    const bob = await seedMember(prisma, 'T001', 'W0BOB');
    const carol = await seedMember(prisma, 'E0GRID', 'U0CAROL');
    await seedActivity(prisma, { id: ID(1), memberId: alice, occurredAt: '2026-12-01T09:00:00.000Z', loggedAt: '2026-12-01T09:00:05.250Z', count: 40, note: 'a, "b"\nc 🎉' });
    await seedActivity(prisma, { id: ID(2), memberId: alice, occurredAt: '2026-12-01T09:00:00.000Z', kind: 'conversation', count: 12, source: 'modal' });
    await seedActivity(prisma, { id: ID(3), memberId: bob, occurredAt: '2026-12-02T15:30:00.001Z', kind: 'presentation', source: 'api', voidedAt: '2026-12-02T16:00:00.000Z' });
    await seedActivity(prisma, { id: ID(4), memberId: carol, workspaceId: 'E0GRID', occurredAt: '2026-11-15T00:00:00.000Z', kind: 'opportunity', source: 'import', note: '  spaced  ' });
    await seedActivity(prisma, { id: ID(5), memberId: carol, workspaceId: 'E0GRID', occurredAt: '2026-12-03T23:59:59.999Z', kind: 'close', count: 3 });
    const original = await exportAll(prisma);

    const other = await openDatabase('pglite://memory://');
    try {
      await deployMigrations(other);
      const report = await importActivities(other.prisma, original, OPTIONS);
      expect(report).toMatchObject({ rows: 5, valid: 5, inserted: 5, skippedExisting: 0, flagged: 0, errors: [], dryRun: false });
      expect(await exportAll(other.prisma)).toBe(original);

      const again = await importActivities(other.prisma, original, OPTIONS);
      expect(again).toEqual({ rows: 5, valid: 5, inserted: 0, skippedExisting: 5, flagged: 0, errors: [], dryRun: false, repTotals: [] });
      expect(await other.prisma.activity.count()).toBe(5);
      expect(await exportAll(other.prisma)).toBe(original);
    } finally {
      await other.close();
    }

    // Into the database it came from: everything is already there.
    const home = await importActivities(prisma, original, OPTIONS);
    expect(home).toMatchObject({ inserted: 0, skippedExisting: 5 });
    expect(await exportAll(prisma)).toBe(original);
  });

  it('creates workspaces, members in the default team, and fills defaults', async () => {
    const report = await importActivities(
      prisma,
      csvOf(
        ',T001,U001,dial,5,2026-12-01T10:00:00Z,,,,',
        `${ID(9)},T001,U002,close,1,2026-12-01T11:00:00+02:00,2026-12-01T12:00:00Z,api,won it,2026-12-02T00:00:00Z`,
      ),
      OPTIONS,
    );
    // The voided row is stored but adds nothing to the rep's totals. An import is never "late".
    expect(report).toEqual({ rows: 2, valid: 2, inserted: 2, skippedExisting: 0, flagged: 0, errors: [], dryRun: false, repTotals: [{ workspaceId: 'T001', userId: 'U001', counts: { dial: 5 } }] });

    const team = await prisma.team.findFirstOrThrow({ where: { workspaceId: 'T001' } });
    expect(team).toMatchObject({ name: 'Sales', isDefault: true });
    const members = await prisma.member.findMany({ orderBy: { slackUserId: 'asc' } });
    expect(members.map((m) => [m.slackUserId, m.displayName, m.timezone, m.profileRefreshedAt, m.teamId])).toEqual([
      ['U001', 'U001', 'America/Chicago', null, team.id],
      ['U002', 'U002', 'America/Chicago', null, team.id],
    ]);

    const [voided, plain] = await prisma.activity.findMany({ orderBy: { occurredAt: 'asc' } });
    expect(voided).toMatchObject({
      id: ID(9),
      entryId: ID(9),
      occurredAt: new Date('2026-12-01T09:00:00Z'),
      loggedAt: new Date('2026-12-01T12:00:00Z'),
      source: 'api',
      note: 'won it',
      voidedAt: new Date('2026-12-02T00:00:00Z'),
      voidReason: 'imported as voided',
      authorUserId: null,
      idempotencyKey: null,
    });
    expect(plain).toMatchObject({ kind: 'dial', count: 5, source: 'import', loggedAt: NOW, note: null, voidedAt: null, voidReason: null, authorUserId: null });
    expect(plain!.entryId).toBe(plain!.id);
    expect(plain!.idempotencyKey).toMatch(/^import:[0-9a-f]{64}$/);

    const audit = await prisma.auditEvent.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'activities.imported', subjectType: 'import', data: { rows: 2, inserted: 2, skippedExisting: 0, errors: 0 } });
  });

  it('puts new members in the existing default team', async () => {
    await prisma.workspace.create({ data: { id: 'T001' } });
    const team = await prisma.team.create({ data: { workspaceId: 'T001', name: 'Hunters', isDefault: true } });
    await importActivities(prisma, csvOf(',T001,U001,dial,5,2026-12-01T10:00:00Z,,,,'), OPTIONS);
    expect(await prisma.team.count()).toBe(1);
    expect(await prisma.member.findFirstOrThrow()).toMatchObject({ teamId: team.id });
  });

  it('keeps identical id-less lines apart and adds nothing when the file is imported again', async () => {
    const file = csvOf(
      ',T001,U001,dial,5,2026-12-01T10:00:00Z,,,,',
      ',T001,U001,dial,5,2026-12-01T10:00:00Z,,,,',
      ',T001,U001,dial,5,2026-12-01T10:00:00Z,,,note,',
      ',T001,U001,conversation,5,2026-12-01T10:00:00Z,,,,',
    );
    expect(await importActivities(prisma, file, OPTIONS)).toMatchObject({ rows: 4, valid: 4, inserted: 4, skippedExisting: 0 });
    const keys = (await prisma.activity.findMany({ select: { idempotencyKey: true } })).map((a) => a.idempotencyKey!);
    expect(new Set(keys).size).toBe(4);
    expect(keys.filter((key) => key.endsWith('#2'))).toHaveLength(1);

    const later = { ...OPTIONS, now: new Date('2026-12-05T00:00:00Z') };
    expect(await importActivities(prisma, file, later)).toMatchObject({ rows: 4, valid: 4, inserted: 0, skippedExisting: 4, errors: [] });
    // The same instant written with an offset is the same row.
    const offset = csvOf(',T001,U001,dial,5,2026-12-01T11:00:00.000+01:00,,,,');
    expect(await importActivities(prisma, offset, later)).toMatchObject({ inserted: 0, skippedExisting: 1 });
    expect(await countActivities()).toBe(4);
  });

  it('reports every bad line by number, stores the good lines and nothing from the bad ones', async () => {
    const good = (n: number, extra = '') => `${ID(n)},T001,U001,dial,${n},2026-12-01T10:00:00Z,,,${extra},`;
    const bad = (fields: Partial<Record<'id' | 'ws' | 'user' | 'kind' | 'count' | 'occurred' | 'logged' | 'source' | 'note' | 'voided', string>>) =>
      [
        fields.id ?? '',
        fields.ws ?? 'T001',
        fields.user ?? 'U001',
        fields.kind ?? 'dial',
        fields.count ?? '1',
        fields.occurred ?? '2026-12-01T10:00:00Z',
        fields.logged ?? '',
        fields.source ?? '',
        fields.note ?? '',
        fields.voided ?? '',
      ].join(',');
    const lines = [
      good(1, '"two\nlines"'), // lines 2-3
      bad({ kind: 'bananas' }), // 4
      bad({ count: '0' }), // 5
      bad({ count: '-1' }), // 6
      bad({ count: '1.5' }), // 7
      bad({ count: '99999999999' }), // 8
      bad({ count: '' }), // 9
      good(2), // 10
      bad({ occurred: '2026-12-01T10:00:00' }), // 11
      bad({ occurred: '2026-12-04T12:00:00.001Z' }), // 12
      bad({ occurred: 'yesterday' }), // 13
      bad({ occurred: '2026-02-30T10:00:00Z' }), // 14
      bad({ logged: 'soon' }), // 15
      bad({ voided: '2026-12-01' }), // 16
      bad({ ws: 'acme' }), // 17
      bad({ user: 'bob' }), // 18
      bad({ id: '123' }), // 19
      bad({ note: 'x'.repeat(501) }), // 20
      bad({ note: 'bell\u0007' }), // 21
      bad({ source: 'email' }), // 22
      bad({ user: '' }), // 23
      'T001,U001,dial', // 24
      good(1), // 25: same id as line 2
      bad({ kind: 'nope', count: 'x' }), // 26
      '', // 27: blank, ignored
      good(3), // 28
      bad({ occurred: '2026-12-04T12:00:00Z' }).replace('1,2026', '7,2026'), // 29: exactly now is fine
    ];
    const report = await importActivities(prisma, csvOf(...lines), OPTIONS);

    expect(report.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);
    const message = (line: number) => report.errors.find((e) => e.line === line)?.message;
    expect(message(4)).toBe('kind "bananas" is not one of dial, conversation, presentation, opportunity, close');
    for (const [line, count] of [[5, '0'], [6, '-1'], [7, '1.5'], [8, '99999999999']] as const) {
      expect(message(line)).toBe(`count "${count}" must be a whole number from 1 to 1000`);
    }
    expect(message(9)).toBe('count is required');
    expect(message(11)).toMatch(/^occurred_at "2026-12-01T10:00:00" is not an ISO-8601 instant with a timezone/);
    expect(message(12)).toBe('occurred_at is in the future (now is 2026-12-04T12:00:00.000Z)');
    expect(message(13)).toMatch(/^occurred_at "yesterday" is not an ISO-8601 instant/);
    expect(message(14)).toMatch(/^occurred_at "2026-02-30T10:00:00Z" is not an ISO-8601 instant/);
    expect(message(15)).toMatch(/^logged_at "soon" is not an ISO-8601 instant/);
    expect(message(16)).toMatch(/^voided_at "2026-12-01" is not an ISO-8601 instant/);
    expect(message(17)).toBe('workspace_id "acme" is not a Slack id like T0123ABCD');
    expect(message(18)).toBe('user_id "bob" is not a Slack id like U0123ABCD');
    expect(message(19)).toBe('id "123" is not a UUID');
    expect(message(20)).toBe('note is 501 characters; at most 500 are allowed');
    expect(message(21)).toBe('note contains control characters');
    expect(message(22)).toBe('source "email" is not one of slash, modal, import, api');
    expect(message(23)).toBe('user_id is required');
    expect(message(24)).toBe('has 3 fields; the header has 10');
    expect(message(25)).toBe(`id ${ID(1)} already appears on line 2`);
    expect(message(26)).toBe('kind "nope" is not one of dial, conversation, presentation, opportunity, close; count "x" must be a whole number from 1 to 1000');

    expect(report).toMatchObject({ rows: 26, valid: 4, inserted: 4, skippedExisting: 0, dryRun: false });
    const stored = await prisma.activity.findMany({ orderBy: { count: 'asc' } });
    expect(stored.map((a) => [a.count, a.note])).toEqual([[1, 'two\nlines'], [2, null], [3, null], [7, null]]);
    expect(await prisma.member.count()).toBe(1);
  });

  it('stores nothing in a dry run but reports what would happen', async () => {
    const member = await seedMember(prisma, 'T001', 'U001');
    await seedActivity(prisma, { id: ID(1), memberId: member, occurredAt: '2026-12-01T10:00:00.000Z' });
    const file = csvOf(
      `${ID(1)},T001,U001,dial,1,2026-12-01T10:00:00Z,,,,`,
      `${ID(2)},T002,U009,dial,1,2026-12-01T10:00:00Z,,,,`,
      ',T002,U009,dial,0,2026-12-01T10:00:00Z,,,,',
    );
    const report = await importActivities(prisma, file, { ...OPTIONS, dryRun: true });
    expect(report).toEqual({
      rows: 3,
      valid: 2,
      inserted: 1,
      skippedExisting: 1,
      flagged: 0,
      errors: [{ line: 4, message: 'count "0" must be a whole number from 1 to 1000' }],
      dryRun: true,
      repTotals: [{ workspaceId: 'T002', userId: 'U009', counts: { dial: 1 } }],
    });
    expect(await countActivities()).toBe(1);
    expect(await prisma.workspace.count()).toBe(1);
    expect(await prisma.member.count()).toBe(1);
    expect(await prisma.team.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);

    // The real run does what the dry run said.
    expect(await importActivities(prisma, file, OPTIONS)).toEqual({ ...report, dryRun: false });
  });

  it('refuses a header with unknown or missing columns with one error on line 1', async () => {
    const unknown = await importActivities(prisma, `${HEADER},colour\n${ID(1)},T001,U001,dial,1,2026-12-01T10:00:00Z,,,,,red\n`, OPTIONS);
    expect(unknown.errors).toEqual([{ line: 1, message: expect.stringMatching(/^unknown column "colour"\. Expected columns: id, workspace_id/) }]);
    expect(unknown).toMatchObject({ rows: 1, valid: 0, inserted: 0 });

    const missing = await importActivities(prisma, 'workspace_id,user_id,count\nT001,U001,1\n', OPTIONS);
    expect(missing.errors).toEqual([{ line: 1, message: expect.stringMatching(/^missing required columns kind, occurred_at\./) }]);
    expect(await countActivities()).toBe(0);
    expect(await prisma.member.count()).toBe(0);
  });

  it('accepts the required columns alone, in any order', async () => {
    const report = await importActivities(prisma, 'occurred_at,kind,count,user_id,workspace_id\n2026-12-01T10:00:00Z,dial,3,U001,T001\n', OPTIONS);
    expect(report).toMatchObject({ rows: 1, valid: 1, inserted: 1, errors: [] });
    expect(await prisma.activity.findFirstOrThrow()).toMatchObject({ kind: 'dial', count: 3, source: 'import' });
  });

  it('refuses malformed CSV with the line the parser reports and stores nothing', async () => {
    const file = csvOf(`${ID(1)},T001,U001,dial,1,2026-12-01T10:00:00Z,,,,`, `${ID(2)},T001,U001,dial,1,2026-12-01T10:00:00Z,,,"open quote,`, `${ID(3)},T001,U001,dial,1,2026-12-01T10:00:00Z,,,,`);
    const report = await importActivities(prisma, file, OPTIONS);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toMatch(/not valid CSV: Quote Not Closed/);
    expect(report.errors[0]!.line).toBeGreaterThanOrEqual(3);
    expect(report).toMatchObject({ rows: 0, valid: 0, inserted: 0 });

    const stray = await importActivities(prisma, csvOf(`${ID(1)},T001,U001,dial,1,2026-12-01T10:00:00Z,,,"a"b,`), OPTIONS);
    expect(stray.errors).toEqual([{ line: 2, message: expect.stringMatching(/not valid CSV: Invalid Closing Quote/) }]);
    expect(await countActivities()).toBe(0);
  });

  it('reports 0 rows for an empty file or a header alone', async () => {
    const empty = { rows: 0, valid: 0, inserted: 0, skippedExisting: 0, flagged: 0, errors: [], dryRun: false, repTotals: [] };
    expect(await importActivities(prisma, '', OPTIONS)).toEqual(empty);
    expect(await importActivities(prisma, `${HEADER}\n`, OPTIONS)).toEqual(empty);
    expect(await importActivities(prisma, `\ufeff${HEADER}\r\n\r\n`, OPTIONS)).toEqual(empty);
  });

  it('numbers lines in CRLF files with multi-line notes', async () => {
    const file = [HEADER, `${ID(1)},T001,U001,dial,1,2026-12-01T10:00:00Z,,,"a\r\nb\r\nc",`, `${ID(2)},T001,U001,dial,0,2026-12-01T10:00:00Z,,,,`, ''].join('\r\n');
    const report = await importActivities(prisma, file, OPTIONS);
    expect(report.errors).toEqual([{ line: 5, message: 'count "0" must be a whole number from 1 to 1000' }]);
    expect((await prisma.activity.findFirstOrThrow()).note).toBe('a\r\nb\r\nc');
  });

  it('imports ten thousand lines in batches', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      return `,T001,U${String(i % 25).padStart(3, '0')},dial,${(i % 50) + 1},${at},,,,`;
    });
    const file = csvOf(...lines);
    expect(await importActivities(prisma, file, OPTIONS)).toMatchObject({ rows: 10_000, inserted: 10_000, errors: [] });
    expect(await importActivities(prisma, file, OPTIONS)).toMatchObject({ inserted: 0, skippedExisting: 10_000 });
    expect(await countActivities()).toBe(10_000);
    expect(await prisma.member.count()).toBe(25);
  });

  describe('from Slack (a scope and an importer)', () => {
    const importer = { workspaceId: 'T001', userId: 'U0MGR', fileName: 'week.csv', requestKey: 'csv-import:T001:V1:abc' };

    it('turns rows for other workspaces or for reps outside the scope into bad lines, and stores only the rest', async () => {
      const file = csvOf(
        ',T001,U0ANA,dial,5,2026-12-01T10:00:00Z,,,,', // 2
        ',T002,U0ANA,dial,5,2026-12-01T10:00:00Z,,,,', // 3
        ',T001,U0ZED,dial,5,2026-12-01T10:00:00Z,,,,', // 4
        ',T001,U0BO,conversation,2,2026-12-01T10:00:00Z,,,,', // 5
      );
      const scope = { workspaceId: 'T001', userIds: new Set(['U0ANA', 'U0BO']) };
      const report = await importActivities(prisma, file, { ...OPTIONS, scope });
      expect(report.errors).toEqual([
        { line: 3, message: 'workspace_id T002 is not this workspace (T001)' },
        { line: 4, message: 'user_id U0ZED is not on a team you manage' },
      ]);
      expect(report.repTotals).toEqual([
        { workspaceId: 'T001', userId: 'U0ANA', counts: { dial: 5 } },
        { workspaceId: 'T001', userId: 'U0BO', counts: { conversation: 2 } },
      ]);
      expect((await prisma.member.findMany({ orderBy: { slackUserId: 'asc' } })).map((m) => m.slackUserId)).toEqual(['U0ANA', 'U0BO']);

      // A workspace-wide scope (an admin) takes anyone in the workspace, no one outside it.
      const admin = await importActivities(prisma, file, { ...OPTIONS, scope: { workspaceId: 'T001' } });
      expect(admin).toMatchObject({ inserted: 1, skippedExisting: 2, errors: [{ line: 3 }] });
    });

    it('stores source import with the importer as author, whatever the file says, and audits who and which file', async () => {
      const file = csvOf(`${ID(1)},T001,U0ANA,dial,5,2026-12-01T10:00:00Z,,slash,,`);
      const report = await importActivities(prisma, file, { ...OPTIONS, scope: { workspaceId: 'T001' }, importer });
      expect(report).toMatchObject({ inserted: 1 });
      expect(await prisma.activity.findUniqueOrThrow({ where: { id: ID(1) } })).toMatchObject({ source: 'import', authorUserId: 'U0MGR' });
      expect(await prisma.auditEvent.findMany()).toEqual([
        expect.objectContaining({
          action: 'activities.imported',
          workspaceId: 'T001',
          actorUserId: 'U0MGR',
          requestKey: importer.requestKey,
          data: { rows: 1, inserted: 1, skippedExisting: 0, flagged: 0, errors: 0, fileName: 'week.csv' },
        }),
      ]);

      // The same request again stores nothing and keeps the one audit event.
      expect(await importActivities(prisma, file, { ...OPTIONS, importer })).toMatchObject({ inserted: 0, skippedExisting: 1 });
      expect(await prisma.auditEvent.count()).toBe(1);
      expect(await countActivities()).toBe(1);
    });
  });
});
