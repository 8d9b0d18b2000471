// `dialbot demo` end to end: the real bin/dialbot.js in a fresh temp directory, with its own
// in-memory database. It must write the daily post, the weekly board and two App Homes as Block
// Kit JSON within Slack's limits, their charts as PNGs, and a summary whose Block Kit Builder
// links open exactly that JSON; and the same --at must give the same files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_HOME_REP, DEMO_MANAGER, DEMO_REPS, DEMO_TEAM_NAME } from '../../src/demo/demo-team.js';
import { killChildren, removeTempDirs, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { countColor, decodePng, isPng, pngSize } from '../helpers/png.js';

type Block = { type: string; text?: { type: string; text: string }; elements?: Array<{ text?: string }> };
type Message = { text: string; blocks: Block[] };
type View = { type: string; blocks: Block[] };

// Fri 4 Dec 2026, 17:00 in New York: the day's post (16:30) has gone out.
const AT = '2026-12-04T22:00:00Z';
const MESSAGE_FILES = ['daily-progress.json', 'weekly-board.json'] as const;
const VIEW_FILES = ['home-rep.json', 'home-manager.json'] as const;
const TEAM_SLUG = DEMO_TEAM_NAME.toLowerCase();
const PNG_FILES = ['daily-progress.png', 'weekly-board.png', 'home-rep.png', `home-manager-${TEAM_SLUG}.png`];
const BUILDER = 'https://app.slack.com/block-kit-builder/#';

const sliding = DEMO_REPS.find((r) => r.slidingBehind)!;
const onPto = DEMO_REPS.find((r) => r.ptoToday)!;
const shown = (r: CliResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout\n${r.stdout.slice(0, 4000)}--- stderr\n${r.stderr}`;
const expectExit = (result: CliResult, code: number) => {
  if (result.code !== code) throw new Error(`expected exit ${code}, got ${shown(result)}`);
};

/** Every text a reader sees in the blocks, in order. */
function texts(blocks: readonly Block[]): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  walk(blocks);
  return found;
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;

afterAll(() => killChildren());
afterAll(() => removeTempDirs());

describe('dialbot demo', () => {
  const first = tempDir('dialbot-demo-');
  const second = tempDir('dialbot-demo-');
  const out = join(first, 'out');
  const runs: Record<string, Promise<CliResult>> = {};

  beforeAll(() => {
    // Started together (each takes a few seconds), each test awaits the run it needs.
    runs.first = runCli(['demo', '--out', out, '--at', AT], { cwd: first });
    // The default --out (./demo), and a DATABASE_URL it must never touch.
    runs.second = runCli(['demo', '--at', AT], { cwd: second, env: { DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:9/none' } });
    runs.badAt = runCli(['demo', '--at', 'yesterday'], { cwd: first });
    runs.badFlag = runCli(['demo', '--bogus'], { cwd: first });
    runs.extra = runCli(['demo', 'now'], { cwd: first });
    writeFileSync(join(first, 'a-file'), 'not a directory');
    runs.outFile = runCli(['demo', '--out', 'a-file'], { cwd: first });
  });

  it('writes every file and exits 0', async () => {
    const result = await runs.first!;
    expectExit(result, 0);
    expect(readdirSync(out).sort()).toEqual([...MESSAGE_FILES, ...VIEW_FILES, ...PNG_FILES].sort());
  });

  it('keeps every message within 50 blocks and every Home within 100', async () => {
    expectExit(await runs.first!, 0);
    for (const file of MESSAGE_FILES) {
      const messages = readJson<Message[]>(out, file);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(typeof message.text).toBe('string');
        expect(message.blocks.length).toBeGreaterThan(0);
        expect(message.blocks.length).toBeLessThanOrEqual(50);
        // Offline there is no uploaded file to show: no image blocks.
        expect(message.blocks.some((b) => b.type === 'image')).toBe(false);
      }
    }
    for (const file of VIEW_FILES) {
      const view = readJson<View>(out, file);
      expect(view.type).toBe('home');
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(view.blocks.some((b) => b.type === 'image')).toBe(false);
    }
  });

  it('posts the day’s progress for every rep, the one on PTO marked off today', async () => {
    expectExit(await runs.first!, 0);
    const [post, ...more] = readJson<Message[]>(out, 'daily-progress.json');
    expect(more).toEqual([]);
    expect(post!.text).toBe(`Daily progress · ${DEMO_TEAM_NAME} · Fri 4 Dec`);
    const shownText = texts(post!.blocks).join('\n');
    for (const rep of DEMO_REPS) expect(shownText).toContain(`*${rep.displayName}*`);
    expect(shownText).toContain(`*${onPto.displayName}* · :palm_tree: off today (PTO)`);
    expect(shownText).toContain(`(${DEMO_REPS.length} reps, 1 off today)`);
    expect(shownText).not.toContain(DEMO_MANAGER.displayName);
  });

  it('ranks last week’s board with the sliding rep at the bottom and the leader recognised', async () => {
    expectExit(await runs.first!, 0);
    const [board, ...more] = readJson<Message[]>(out, 'weekly-board.json');
    expect(more).toEqual([]);
    expect(board!.text).toBe(`${DEMO_TEAM_NAME} board · Last week (Mon 23 Nov – Sun 29 Nov)`);
    const lines = texts(board!.blocks);
    const rows = lines.map((t) => /^\*(\d+)\.\* <@(\w+)>/.exec(t)).filter((m) => m !== null);
    const noTarget = lines.find((t) => t.startsWith('*No target this period:*')) ?? '';
    const ranked = rows.map((m) => m[2]);
    // Everyone ranked, or all but the rep on PTO when a whole week was off.
    if (ranked.length === DEMO_REPS.length - 1) expect(noTarget).toContain(`<@${onPto.slackUserId}>`);
    else expect(ranked.sort()).toEqual(DEMO_REPS.map((r) => r.slackUserId).sort());
    const slidingRank = Number(rows.find((m) => m[2] === sliding.slackUserId)![1]);
    expect(slidingRank).toBeGreaterThanOrEqual(ranked.length - 1);
    const leader = rows.find((m) => m[1] === '1')![2];
    const recognition = lines.find((t) => t.includes('% of target —'))!;
    expect(recognition).toContain(`<@${leader}>`);
    expect(recognition).not.toContain(`<@${sliding.slackUserId}>`);
  });

  it('shows a rep’s App Home and the manager’s, with every rep side by side', async () => {
    expectExit(await runs.first!, 0);
    const rep = DEMO_REPS.find((r) => r.slackUserId === DEMO_HOME_REP)!;
    const repHome = texts(readJson<View>(out, 'home-rep.json').blocks).join('\n');
    expect(repHome).toContain(`${rep.displayName}’s prospecting`);
    expect(repHome).toMatch(/\*#\d of \d\* on this week’s board/);
    expect(repHome).not.toContain(`${DEMO_TEAM_NAME} · this week`);

    const manager = readJson<View>(out, 'home-manager.json');
    const headerAt = manager.blocks.findIndex((b) => b.type === 'header' && b.text?.text === `${DEMO_TEAM_NAME} · this week`);
    expect(headerAt).toBeGreaterThan(0);
    const sideBySide = texts(manager.blocks.slice(headerAt)).join('\n');
    expect(sideBySide).toContain(`${DEMO_REPS.length} reps`);
    for (const r of DEMO_REPS) expect(sideBySide).toContain(`<@${r.slackUserId}> ·`);
    expect(sideBySide).not.toContain(`<@${DEMO_MANAGER.slackUserId}> ·`);
    // The manager is not measured: no numbers of their own above the team.
    expect(texts(manager.blocks.slice(0, headerAt)).join('\n')).toContain('You manage this team, so you aren’t measured as a rep');
  });

  it('renders the charts as PNGs of the sizes the summary gives', async () => {
    const result = await runs.first!;
    expectExit(result, 0);
    for (const file of PNG_FILES) {
      const bytes = readFileSync(join(out, file));
      expect(isPng(bytes)).toBe(true);
      const { width, height } = pngSize(bytes);
      expect(width).toBe(1440); // 720 layout pixels, drawn at twice the size
      expect(height).toBeGreaterThanOrEqual(440);
      expect(result.stdout).toMatch(new RegExp(`${file.replace('.', '\\.')} .*\\(${width}×${height}\\)`));
    }
    // Something is drawn: the dials' blue bars (one chart decoded: it takes a while in JavaScript).
    expect(countColor(decodePng(readFileSync(join(out, 'daily-progress.png'))), '#1264a3')).toBeGreaterThan(1000);
  });

  it('prints one line per file and Block Kit Builder links that open the JSON', async () => {
    const result = await runs.first!;
    expectExit(result, 0);
    for (const file of [...MESSAGE_FILES, ...VIEW_FILES, ...PNG_FILES]) expect(result.stdout).toMatch(new RegExp(`^  ${file.replace('.', '\\.')} `, 'm'));
    const links = [...result.stdout.matchAll(/https:\/\/app\.slack\.com\/block-kit-builder\/#(\S+)/g)].map((m) => JSON.parse(decodeURIComponent(m[1]!)) as unknown);
    const expected = [
      ...MESSAGE_FILES.flatMap((file) => readJson<Message[]>(out, file).map((m) => ({ blocks: m.blocks }))),
      ...VIEW_FILES.map((file) => ({ type: 'home', blocks: readJson<View>(out, file).blocks })),
    ];
    expect(links).toEqual(expected);
    expect(result.stdout).toContain(BUILDER);
    // What goes with what.
    expect(result.stdout).toMatch(/daily-progress\.png +the chart for daily-progress\.json/);
    expect(result.stdout).toMatch(new RegExp(`home-manager-${TEAM_SLUG}\\.png +the chart for home-manager\\.json`));
  });

  it('gives the same files for the same --at, in ./demo by default, never touching DATABASE_URL or ./data', async () => {
    const [a, b] = await Promise.all([runs.first!, runs.second!]);
    expectExit(a, 0);
    expectExit(b, 0);
    const dir = join(second, 'demo');
    for (const file of [...MESSAGE_FILES, ...VIEW_FILES]) expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(out, file), 'utf8'));
    for (const file of PNG_FILES) expect(readFileSync(join(dir, file)).equals(readFileSync(join(out, file)))).toBe(true);
    expect(existsSync(join(second, 'data'))).toBe(false);
    expect(existsSync(join(first, 'data'))).toBe(false);
  });

  it('refuses bad flags with a usage error (exit 2)', async () => {
    const [badAt, badFlag, extra, outFile] = await Promise.all([runs.badAt!, runs.badFlag!, runs.extra!, runs.outFile!]);
    expectExit(badAt, 2);
    expect(badAt.stderr).toContain('--at must be an ISO-8601 instant');
    expectExit(badFlag, 2);
    expect(badFlag.stderr).toMatch(/bogus/);
    expectExit(extra, 2);
    expect(extra.stderr).toContain('usage: dialbot demo');
    expectExit(outFile, 2);
    expect(outFile.stderr).toContain('--out a-file is a file, not a directory');
  });
});
