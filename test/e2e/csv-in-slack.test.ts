// CSV in Slack end to end: `/dial import` opens the upload modal, the file goes through the fake's
// files API (files.info, then the download with the bot token), the dry run's preview replaces the
// modal, and confirming imports exactly what was checked. `/dial export` sends the team's CSV to
// the manager's DMs through files.uploadV2.
import { parse } from 'csv-parse/sync';
import { CALLBACK, IMPORT_MODAL } from '../../src/blocks/ids.js';
import type { FakeFile } from '../helpers/fake-slack.js';
import { eventually, slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const WS = 'T0001';
const MGR = 'U0MGR'; // manages Sales (not an admin)
const ANA = 'U0ANA'; // rep on Sales
const BO = 'U0BO'; // rep on Sales
const WES = 'U0WES'; // manages West
const CY = 'U0CY'; // rep on West
const BOSS = 'U0BOSS'; // workspace admin
const NOW = '2026-12-04T15:00:00Z';

const HEADER = 'workspace_id,user_id,kind,count,occurred_at,note';
const csv = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;
const GOOD = csv(
  `${WS},${ANA},dial,40,2026-12-01T15:00:00Z,`,
  `${WS},${ANA},conversation,12,2026-12-01T15:00:00Z,`,
  `${WS},${BO},dial,25,2026-12-02T15:00:00Z,"left voicemails, lots"`,
);

type ModalView = { callback_id?: string; private_metadata?: string; submit?: { text: string }; blocks: unknown[] };

describe.each(testDatabases())('CSV in Slack on %s', (database) => {
  let h: Harness;
  let salesId: string;
  let viewCounter = 0;

  beforeAll(async () => {
    h = await startHarness({ database, now: NOW });
    for (const [id, name] of [[MGR, 'morgan'], [ANA, 'ana'], [BO, 'bo'], [WES, 'wes'], [CY, 'cy']] as const) h.slack.setUser({ id, name, tz: 'America/New_York' });
    h.slack.setUser({ id: BOSS, name: 'boss', tz: 'America/New_York', is_admin: true });
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    await h.reset(NOW);
    await h.prisma.workspace.create({ data: { id: WS } });
    const sales = await h.prisma.team.create({ data: { workspaceId: WS, name: 'Sales', isDefault: true } });
    const west = await h.prisma.team.create({ data: { workspaceId: WS, name: 'West' } });
    salesId = sales.id;
    const member = (slackUserId: string, teamId: string) =>
      h.prisma.member.create({ data: { workspaceId: WS, slackUserId, displayName: slackUserId, timezone: 'America/New_York', teamId } });
    const mgr = await member(MGR, sales.id);
    await member(ANA, sales.id);
    await member(BO, sales.id);
    const wes = await member(WES, west.id);
    await member(CY, west.id);
    await h.prisma.teamManager.createMany({ data: [{ teamId: sales.id, memberId: mgr.id }, { teamId: west.id, memberId: wes.id }] });
  });

  const activities = () => h.prisma.activity.findMany({ include: { member: true }, orderBy: [{ occurredAt: 'asc' }, { kind: 'asc' }] });

  /** `/dial import` by `user`: the modal it opened (with a fresh view id), or the ephemeral refusal. */
  const openImport = async (user: string) => {
    const trigger = `888.${++viewCounter}`;
    const sent = await slash(h, user, 'import', { trigger_id: trigger });
    expect(sent.ack.status).toBe(200);
    return {
      view: async () => (await h.slack.waitFor('views.open', (c) => c.args.trigger_id === trigger)).args.view as ModalView,
      reply: sent.reply,
      viewId: `VIMPORT${viewCounter}`,
    };
  };
  /** The `index`th views.update of a view (the preview is the first, the result the second). */
  const viewUpdate = (viewId: string, index: number) =>
    eventually(() => {
      const calls = h.slack.callsTo('views.update').filter((c) => c.args.view_id === viewId);
      if (calls.length <= index) throw new Error(`views.update #${index} of ${viewId} not seen yet`);
      return calls[index]!.args.view as ModalView;
    });
  const submitFile = (user: string, viewId: string, files: FakeFile[]) =>
    h.requester.viewSubmission({
      userId: user,
      callbackId: CALLBACK.csvImportUpload,
      viewId,
      values: { [IMPORT_MODAL.fileBlock]: { [IMPORT_MODAL.action]: { type: 'file_input', files } } },
    });
  /** Uploads `content` as `name` through the modal and returns the preview that replaces it. */
  const preview = async (user: string, content: string, name = 'week.csv') => {
    const { viewId } = await openImport(user);
    const res = await submitFile(user, viewId, [h.slack.addFile({ name, content })]);
    expect(res.json).toMatchObject({ response_action: 'update', view: { blocks: [expect.anything()] } });
    expect(visibleText((res.json as { view: ModalView }).view)).toContain(`Checking *${name}*`);
    return { viewId, view: await viewUpdate(viewId, 0) };
  };
  const confirm = async (user: string, viewId: string, view: ModalView) => {
    const res = await h.requester.viewSubmission({ userId: user, callbackId: CALLBACK.csvImportConfirm, viewId, privateMetadata: view.private_metadata, values: {} });
    expect(res.json).toMatchObject({ response_action: 'update' });
    return viewUpdate(viewId, 1);
  };
  const fieldError = async (res: Awaited<ReturnType<typeof submitFile>>) => {
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    return body.errors[IMPORT_MODAL.fileBlock];
  };

  describe('import', () => {
    it('opens the upload modal for a manager: one CSV file, with the columns explained', async () => {
      const view = await (await openImport(MGR)).view();
      expect(view.callback_id).toBe(CALLBACK.csvImportUpload);
      expect(view.blocks).toContainEqual(
        expect.objectContaining({ type: 'input', block_id: IMPORT_MODAL.fileBlock, element: { type: 'file_input', action_id: IMPORT_MODAL.action, filetypes: ['csv'], max_files: 1 } }),
      );
      expect(visibleText(view)).toContain('`workspace_id`, `user_id`, `kind`, `count`, `occurred_at` (required)');
    });

    it('previews a good file, imports it on confirm with source import, audits it, DMs a summary and refreshes the reps’ Homes', async () => {
      const { viewId, view } = await preview(MGR, GOOD);
      expect(view.callback_id).toBe(CALLBACK.csvImportConfirm);
      expect(view.submit?.text).toBe('Import 3 rows');
      const shown = visibleText(view);
      expect(shown).toContain('*week.csv*: 3 rows checked.\n• *3 rows* would be stored');
      expect(shown).toContain(`<@${ANA}>: 40 dials and 12 conversations\n<@${BO}>: 25 dials`);
      // The preview keeps the file reference, not its content; the dry run stored nothing.
      expect(JSON.parse(view.private_metadata!)).toEqual({ fileId: expect.stringMatching(/^F/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(await h.prisma.activity.count()).toBe(0);
      // The file was read with the bot token.
      expect(h.slack.callsTo('file_download').map((c) => c.token)).toEqual(['xoxb-test-bot-token-0000']);

      const result = await confirm(MGR, viewId, view);
      expect(visibleText(result)).toContain(':white_check_mark: Imported 3 rows from *week.csv*.');
      expect(result.submit).toBeUndefined();
      const stored = await activities();
      expect(stored.map((a) => [a.member.slackUserId, a.kind, a.count, a.source, a.authorUserId, a.note])).toEqual([
        [ANA, 'dial', 40, 'import', MGR, null],
        [ANA, 'conversation', 12, 'import', MGR, null],
        [BO, 'dial', 25, 'import', MGR, 'left voicemails, lots'],
      ]);
      expect(await h.prisma.auditEvent.findMany({ where: { action: 'activities.imported' } })).toEqual([
        expect.objectContaining({ workspaceId: WS, actorUserId: MGR, data: { rows: 3, inserted: 3, skippedExisting: 0, flagged: 0, errors: 0, fileName: 'week.csv' } }),
      ]);
      const dm = await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === MGR);
      expect(dm.args.text).toBe(':white_check_mark: Imported 3 rows from *week.csv*.');
      for (const rep of [ANA, BO]) await h.slack.waitFor('views.publish', (c) => c.args.user_id === rep);
    });

    it('lists each bad line by number, imports only the good lines, and nothing from the bad ones', async () => {
      const file = csv(
        `${WS},${ANA},dial,10,2026-12-01T15:00:00Z,ok`, // 2
        `${WS},${ANA},dail,10,2026-12-01T15:00:00Z,`, // 3: bad kind
        `${WS},${ANA},dial,10,2026-13-01T15:00:00Z,`, // 4: bad date
        `${WS},${ANA},dial,ten,2026-12-01T15:00:00Z,`, // 5: bad count
        `${WS},${BO},conversation,3,2026-12-02T15:00:00Z,"two\nlines"`, // 6–7: a quoted newline
        `${WS},${BO},dial,-4,2026-12-02T15:00:00Z,`, // 8: bad count
        `${WS},${CY},dial,5,2026-12-02T15:00:00Z,`, // 9: West's rep
        `T0002,${ANA},dial,5,2026-12-02T15:00:00Z,`, // 10: another workspace
      );
      const { viewId, view } = await preview(MGR, file);
      const shown = visibleText(view);
      expect(shown).toContain('• *2 rows* would be stored\n• 6 bad lines');
      expect(shown).toContain(
        [
          '*Bad lines* — nothing from them is stored:',
          'Line 3: kind "dail" is not one of dial, conversation, presentation, opportunity, close',
          'Line 4: occurred_at "2026-13-01T15:00:00Z" is not an ISO-8601 instant with a timezone (like 2025-01-31T14:05:00Z)',
          'Line 5: count "ten" must be a whole number from 1 to 1000',
          'Line 8: count "-4" must be a whole number from 1 to 1000',
          `Line 9: user_id ${CY} is not on a team you manage`,
          `Line 10: workspace_id T0002 is not this workspace (${WS})`,
        ].join('\n'),
      );
      expect(view.submit?.text).toBe('Import 2 rows');

      const result = await confirm(MGR, viewId, view);
      expect(visibleText(result)).toContain('Imported 2 rows from *week.csv*. 6 bad lines were skipped.');
      expect((await activities()).map((a) => [a.member.slackUserId, a.kind, a.count, a.note])).toEqual([
        [ANA, 'dial', 10, 'ok'],
        [BO, 'conversation', 3, 'two\nlines'],
      ]);
      expect(await h.prisma.member.count({ where: { slackUserId: CY } })).toBe(1);
    });

    it('lets a workspace admin import for any rep of the workspace', async () => {
      const { viewId, view } = await preview(BOSS, csv(`${WS},${CY},dial,5,2026-12-02T15:00:00Z,`, `T0002,${CY},dial,5,2026-12-02T15:00:00Z,`));
      expect(visibleText(view)).toContain(`Line 3: workspace_id T0002 is not this workspace (${WS})`);
      await confirm(BOSS, viewId, view);
      expect((await activities()).map((a) => [a.member.slackUserId, a.authorUserId])).toEqual([[CY, BOSS]]);
    });

    it.each([
      ['an unknown column', `${HEADER},colour\n${WS},${ANA},dial,1,2026-12-01T15:00:00Z,,red\n`, 'Line 1: unknown column "colour". Expected columns: id, workspace_id'],
      ['a missing required column', `workspace_id,user_id,count,occurred_at\n${WS},${ANA},1,2026-12-01T15:00:00Z\n`, 'Line 1: missing required column kind.'],
      ['only bad lines', csv(`${WS},${ANA},dial,0,2026-12-01T15:00:00Z,`, `${WS},${ANA},nap,1,2026-12-01T15:00:00Z,`), 'Line 3: kind "nap"'],
    ])('offers no import button for a file with %s', async (_case, content, error) => {
      const { view } = await preview(MGR, content);
      expect(view.submit).toBeUndefined();
      const shown = visibleText(view);
      expect(shown).toContain('There is nothing to import: fix the lines below and upload the file again.');
      expect(shown).toContain(error);
      expect(await h.prisma.activity.count()).toBe(0);
    });

    it('adds nothing when the same rows are imported again, and a double confirm stores and audits once', async () => {
      const first = await preview(MGR, GOOD);
      await Promise.all([confirm(MGR, first.viewId, first.view), h.requester.viewSubmission({ userId: MGR, callbackId: CALLBACK.csvImportConfirm, viewId: first.viewId, privateMetadata: first.view.private_metadata, values: {} })]);
      const results = await eventually(() => {
        const updates = h.slack.callsTo('views.update').filter((c) => c.args.view_id === first.viewId);
        expect(updates).toHaveLength(3);
        return updates.slice(1).map((c) => visibleText(c.args.view as ModalView)).sort();
      });
      // One stored the rows; the other found them there and claims nothing for itself.
      expect(results).toEqual([
        expect.stringMatching(/^:white_check_mark: Imported 0 rows from \*week\.csv\*\. 3 rows were already there\.$/),
        expect.stringMatching(/^:white_check_mark: Imported 3 rows from \*week\.csv\*\.\n\*Added\*, per rep:/),
      ]);
      expect(await h.prisma.activity.count()).toBe(3);
      expect(await h.prisma.auditEvent.count({ where: { action: 'activities.imported' } })).toBe(1);

      const again = await preview(MGR, GOOD, 'week-again.csv');
      expect(again.view.submit).toBeUndefined();
      expect(visibleText(again.view)).toContain('• *0 rows* would be stored\n• 3 rows already there (skipped)\nThere is nothing new to import.');
      expect(await h.prisma.activity.count()).toBe(3);
    });

    it('imports what was checked: a file that changed after the preview gets a new preview, not an import', async () => {
      const { viewId, view } = await preview(MGR, GOOD);
      const fileId = (JSON.parse(view.private_metadata!) as { fileId: string }).fileId;
      h.slack.replaceFileContent(fileId, csv(`${WS},${ANA},dial,7,2026-12-01T15:00:00Z,`));
      const changed = await confirm(MGR, viewId, view);
      expect(visibleText(changed)).toContain('The file changed since it was checked; these are its new numbers. Nothing was imported yet.');
      expect(changed.submit?.text).toBe('Import 1 row');
      expect(await h.prisma.activity.count()).toBe(0);

      await h.requester.viewSubmission({ userId: MGR, callbackId: CALLBACK.csvImportConfirm, viewId, privateMetadata: changed.private_metadata, values: {} });
      expect(visibleText(await viewUpdate(viewId, 2))).toContain('Imported 1 row from *week.csv*.');
      expect((await activities()).map((a) => a.count)).toEqual([7]);
    });

    it('refuses a rep: no modal from `/dial import`, and a forged upload stores nothing', async () => {
      const { reply } = await openImport(ANA);
      expect((await reply()).text).toBe(':warning: Only managers and workspace admins can import activity. Log yours with `/dial`, or ask your manager to import the file.');
      expect(h.slack.callsTo('views.open')).toHaveLength(0);

      const forged = await submitFile(ANA, 'VFORGED', [h.slack.addFile({ name: 'mine.csv', content: GOOD })]);
      expect(await fieldError(forged)).toMatch(/^Only managers and workspace admins can import activity\./);
      expect(h.slack.callsTo('file_download')).toHaveLength(0);
      expect(await h.prisma.activity.count()).toBe(0);
    });

    it('turns every unreadable upload into a field error on the file, and reads nothing it should not', async () => {
      const { viewId } = await openImport(MGR);
      const errorFor = async (file: FakeFile | undefined) => fieldError(await submitFile(MGR, viewId, file ? [file] : []));

      expect(await errorFor(undefined)).toBe('Choose one CSV file.');
      expect(await errorFor(h.slack.addFile({ name: 'deck.pdf', content: '%PDF-1.7', filetype: 'pdf', mimetype: 'application/pdf' }))).toBe(
        '“deck.pdf” is not a CSV file (Slack reads it as PDF). Save your sheet as CSV (comma-separated values) and upload that.',
      );
      // Too big by what Slack reports: not even downloaded.
      expect(await errorFor(h.slack.addFile({ name: 'huge.csv', content: GOOD, size: 6 * 1024 * 1024 }))).toBe(
        '“huge.csv” is 6.0 MB; files up to 5.0 MB can be imported. Split it and import each part.',
      );
      expect(h.slack.callsTo('file_download')).toHaveLength(0);
      // Too big by its bytes, whatever Slack reported.
      const bytes = `${HEADER}\n${`${WS},${ANA},dial,1,2026-12-01T15:00:00Z,${'x'.repeat(400)}\n`.repeat(13_500)}`;
      expect(await errorFor(h.slack.addFile({ name: 'sneaky.csv', content: bytes, size: 1000 }))).toBe(
        '“sneaky.csv” is over 5.0 MB, the most that can be imported. Split it and import each part.',
      );
      expect(await errorFor(h.slack.addFile({ name: 'latin1.csv', content: Buffer.from([0x6e, 0x6f, 0x74, 0x65, 0xe9, 0x0a]) }))).toBe(
        '“latin1.csv” is not UTF-8 text. Export it again as “CSV UTF-8” and upload that.',
      );
      const failing = h.slack.addFile({ name: 'flaky.csv', content: GOOD });
      h.slack.failNext('file_download', { status: 500 });
      expect(await errorFor(failing)).toBe('Slack would not hand over “flaky.csv” (HTTP 500). Try again; if it keeps failing, ask your admin to reinstall dialbot with the files:read scope.');
      h.slack.failNext('files.info', { error: 'file_deleted' });
      expect(await errorFor(failing)).toBe('Slack could not find the uploaded file (file_deleted). Upload it again.');

      expect(h.slack.callsTo('views.update')).toHaveLength(0);
      expect(await h.prisma.activity.count()).toBe(0);
    });
  });

  describe('export', () => {
    const seedActivity = async () => {
      const members = new Map((await h.prisma.member.findMany()).map((m) => [m.slackUserId, m.id]));
      const rows = [
        [ANA, 'dial', 40, '2026-12-01T15:00:00Z', 'a, "quoted"\nnote'],
        [BO, 'conversation', 3, '2026-12-02T15:00:00Z', null],
        [MGR, 'dial', 5, '2026-12-03T15:00:00Z', null],
        [CY, 'dial', 9, '2026-12-02T16:00:00Z', null],
      ] as const;
      for (const [user, kind, count, at, note] of rows) {
        await h.prisma.activity.create({
          data: { entryId: `e-${user}-${kind}`, workspaceId: WS, memberId: members.get(user)!, kind, count, occurredAt: new Date(at), loggedAt: new Date(at), source: 'slash', authorUserId: user, note },
        });
      }
    };
    /** The CSV the app uploaded to `channel` and its completion call. */
    const uploadedTo = async (channel: string) => {
      const complete = await h.slack.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === channel);
      const [file] = complete.args.files as { id: string; title: string }[];
      return { complete, records: parse(h.slack.uploads.get(file!.id)!.toString('utf8'), { columns: true }) as Record<string, string>[] };
    };

    it('DMs a manager their team’s activity as a CSV that matches the database', async () => {
      await seedActivity();
      const sent = await slash(h, MGR, 'export');
      const replies = await eventually(() => {
        const texts = h.slack.callsTo('response_url').filter((c) => c.args._path === new URL(sent.responseUrl).pathname).map((c) => c.args.text);
        if (texts.length < 2) throw new Error('waiting for both replies');
        return texts;
      });
      expect(replies).toEqual([
        ':hourglass_flowing_sand: Preparing your export of 3 entries for Sales, all time…',
        ':inbox_tray: Sent to your DMs: *dialbot-sales-start-2026-12-04.csv*.',
      ]);
      expect((await h.slack.waitFor('conversations.open')).args.users).toBe(MGR);
      const { complete, records } = await uploadedTo(`D${MGR}`);
      expect(complete.args.initial_comment).toContain('3 entries for Sales, all time');
      expect(h.slack.callsTo('files.getUploadURLExternal')[0]!.args.filename).toBe('dialbot-sales-start-2026-12-04.csv');

      const stored = (await activities()).filter((a) => a.member.teamId === salesId);
      expect(records).toEqual(
        stored.map((a) => ({
          id: a.id,
          workspace_id: WS,
          user_id: a.member.slackUserId,
          kind: a.kind,
          count: String(a.count),
          occurred_at: a.occurredAt.toISOString(),
          logged_at: a.loggedAt.toISOString(),
          source: 'slash',
          note: a.note ?? '',
          voided_at: '',
        })),
      );
      expect(records.map((r) => r.user_id)).not.toContain(CY);
      // Data leaving dialbot is on the record.
      expect(await h.prisma.auditEvent.findMany({ where: { action: 'activities.exported' }, select: { workspaceId: true, actorUserId: true, data: true } })).toEqual([
        { workspaceId: WS, actorUserId: MGR, data: { label: 'Sales', rows: 3, filename: 'dialbot-sales-start-2026-12-04.csv' } },
      ]);
    });

    it('takes dates and a team name, and refuses a team the manager does not manage', async () => {
      await seedActivity();
      const { reply } = await slash(h, MGR, 'export from 2026-12-02 to 2026-12-02 sales');
      expect((await reply()).text).toContain('Preparing your export of 1 entry for Sales, from 2026-12-02 to 2026-12-02');
      const { records } = await uploadedTo(`D${MGR}`);
      expect(records.map((r) => [r.user_id, r.kind, r.count])).toEqual([[BO, 'conversation', '3']]);
      expect(h.slack.callsTo('files.getUploadURLExternal')[0]!.args.filename).toBe('dialbot-sales-2026-12-02-2026-12-02.csv');

      const west = await slash(h, MGR, 'export West');
      expect((await west.reply()).text).toBe(':warning: You don’t manage a team called “West”. Yours: *Sales*.');
      expect(h.slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
    });

    it('says so when there is nothing to export, and uploads nothing', async () => {
      const { reply } = await slash(h, MGR, 'export from 2026-11-01 to 2026-11-30');
      expect((await reply()).text).toBe('There is no activity for Sales from 2026-11-01 to 2026-11-30, so there is nothing to export.');
      expect(h.slack.callsTo('conversations.open')).toHaveLength(0);
      expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    });

    it('refuses a rep', async () => {
      await seedActivity();
      const { reply } = await slash(h, ANA, 'export');
      expect((await reply()).text).toBe(':warning: Only managers and workspace admins can export activity. Your own numbers are in `/dial stats` and App Home.');
      expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    });

    it('gives a workspace admin the whole workspace', async () => {
      await seedActivity();
      await (await slash(h, BOSS, 'export')).reply();
      const { records } = await uploadedTo(`D${BOSS}`);
      expect(records.map((r) => r.user_id).sort()).toEqual([ANA, BO, CY, MGR].sort());
    });
  });
});
