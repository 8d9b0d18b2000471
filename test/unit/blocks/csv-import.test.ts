import { buildImportPreviewModal, buildImportResultView, readImportMetadata } from '../../../src/blocks/csv-import.js';
import { exportFileName } from '../../../src/blocks/csv-export.js';
import { LIMITS } from '../../../src/blocks/slack-limits.js';
import type { ImportReport } from '../../../src/services/activities/import-activities.js';

const METADATA = { fileId: 'F0123ABCD', sha256: 'a'.repeat(64) };
const report = (over: Partial<ImportReport>): ImportReport => ({ rows: 0, valid: 0, inserted: 0, skippedExisting: 0, flagged: 0, errors: [], dryRun: true, repTotals: [], ...over });
const texts = (view: { blocks?: unknown[] }) => (view.blocks ?? []).map((b) => (b as { text?: { text: string } }).text?.text ?? '');

describe('the import preview', () => {
  it('lists at most 20 reps and 20 bad lines, says how many more, and stays within Slack’s limits', () => {
    const big = report({
      rows: 1260,
      valid: 1000,
      inserted: 1000,
      errors: Array.from({ length: 260 }, (_, i) => ({ line: i + 2, message: `note is 501 characters; at most 500 are allowed ${'x'.repeat(200)}` })),
      repTotals: Array.from({ length: 60 }, (_, i) => ({ workspaceId: 'T1', userId: `U${String(i).padStart(4, '0')}`, counts: { dial: 10, conversation: 2 } })),
    });
    const view = buildImportPreviewModal({ fileName: 'big.csv', report: big, metadata: METADATA, changed: true });
    const sections = texts(view);
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(view.submit?.text).toBe('Import 1,000 rows');
    expect(view.submit!.text.length).toBeLessThanOrEqual(24);
    expect(view.private_metadata).toBe(JSON.stringify(METADATA));

    const reps = sections.find((t) => t.startsWith('*What the import adds*'))!;
    expect(reps.split('\n').filter((l) => l.startsWith('<@'))).toHaveLength(20);
    expect(reps).toMatch(/\n…and 40 more reps$/);
    const bad = sections.find((t) => t.startsWith('*Bad lines*'))!;
    const shown = bad.split('\n').filter((l) => l.startsWith('Line ')).length;
    expect(shown).toBeGreaterThan(5);
    expect(bad.endsWith(`…and ${260 - shown} more bad lines`)).toBe(true);
    expect(sections[0]).toContain('The file changed since it was checked');
  });

  it('has no import button when nothing would be stored, and says why', () => {
    const allBad = buildImportPreviewModal({ fileName: 'x.csv', report: report({ rows: 1, errors: [{ line: 2, message: 'count is required' }] }), metadata: METADATA, changed: false });
    expect(allBad.submit).toBeUndefined();
    expect(texts(allBad).join('\n')).toContain('There is nothing to import: fix the lines below and upload the file again.\n');
    const known = buildImportPreviewModal({ fileName: 'x.csv', report: report({ rows: 1, valid: 1, skippedExisting: 1 }), metadata: METADATA, changed: false });
    expect(known.submit).toBeUndefined();
    expect(texts(known)[0]).toBe('*x.csv*: 1 row checked.\n• *0 rows* would be stored\n• 1 row already there (skipped)\nThere is nothing new to import.');
  });

  it('reports the result in the singular and plural', () => {
    const one = buildImportResultView({ fileName: 'x.csv', report: report({ rows: 3, valid: 2, inserted: 1, skippedExisting: 1, errors: [{ line: 4, message: 'm' }] }) });
    expect(texts(one)[0]).toBe(':white_check_mark: Imported 1 row from *x.csv*. 1 row was already there; 1 bad line was skipped.');
    const flagged = buildImportResultView({ fileName: 'x.csv', report: report({ rows: 4, valid: 4, inserted: 4, flagged: 2 }) });
    expect(texts(flagged)[0]).toBe(':white_check_mark: Imported 4 rows from *x.csv*. 2 entries were flagged for review (App Home → Needs review).');
  });
});

describe('readImportMetadata', () => {
  it('reads what the preview wrote and nothing else', () => {
    expect(readImportMetadata(JSON.stringify(METADATA))).toEqual(METADATA);
    for (const text of ['', '{', '[]', '{"fileId":1,"sha256":"a"}', '{"fileId":"F1"}']) expect(readImportMetadata(text)).toBeUndefined();
  });
});

describe('exportFileName', () => {
  it.each([
    [{ label: 'Sales' }, 'dialbot-sales-start-2026-12-04.csv'],
    [{ label: 'Inside Sales / EMEA', from: '2026-11-01', to: '2026-11-30' }, 'dialbot-inside-sales-emea-2026-11-01-2026-11-30.csv'],
    [{ label: 'Équipe Côte', from: '2026-11-01' }, 'dialbot-equipe-cote-2026-11-01-2026-12-04.csv'],
    [{ label: '東京' }, 'dialbot-team-start-2026-12-04.csv'],
  ])('%j → %s', (request, name) => {
    expect(exportFileName(request, '2026-12-04')).toBe(name);
  });
});
