// `npm run bench -- --quick --json` end to end: every scenario completes on CI-sized data and its
// numbers agree with each other (the app's board and Home totals with the hand-written SQL, every
// rep DMed exactly once, every request acked). No timing is asserted: benchmarks never fail on time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Figure, ScenarioResult } from '../../bench/lib/report.js';
import { cliEnv, REPO_ROOT } from '../helpers/cli.js';
import { testDatabases } from '../helpers/harness.js';

type BenchOutput = { machine: Record<string, unknown>; size: { reps: number; teams: number; dms: number }; results: ScenarioResult[] };

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench/run.ts'), ...args], { cwd: REPO_ROOT, env: cliEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

// The bench measures the app on PostgreSQL (and the embedded database's cold start).
const describeBench = testDatabases().includes('postgres') ? describe : describe.skip;

describeBench('npm run bench -- --quick', () => {
  let output: BenchOutput;
  const scenario = (name: string) => {
    const found = output.results.find((r) => r.name === name);
    if (!found) throw new Error(`scenario ${name} missing; got ${output.results.map((r) => r.name).join(', ')}`);
    return found;
  };

  beforeAll(async () => {
    const run = await runBench(['--quick', '--json']);
    if (run.code !== 0) throw new Error(`bench exited with ${run.code}:\n${run.stderr}`);
    output = JSON.parse(run.stdout) as BenchOutput;
  }, 240_000);

  test('every scenario completes with a number for every figure, and the machine it ran on', () => {
    expect(output.results.map((r) => r.name)).toEqual(['read paths', '/dial 12 ack', 'DM fan-out', 'cold start']);
    const figures: Figure[] = output.results.flatMap((r) => r.figures);
    for (const f of figures) {
      expect(Number.isFinite(f.app)).toBe(true);
      if (f.baseline !== null) expect(f.baseline).toBeGreaterThan(0);
      // A goal not met always says why.
      if (f.met === false) expect(f.note).toEqual(expect.any(String));
    }
    expect(output.machine).toEqual(expect.objectContaining({ cpu: expect.any(String), node: process.version, postgres: expect.stringMatching(/^\d+/) }));
  });

  test('the board and the manager Home show the same per-rep totals as the hand-written SQL, for every rep of the team', () => {
    const { checks, details } = scenario('read paths');
    const repsPerTeam = output.size.reps / output.size.teams;
    expect(checks).toEqual(expect.objectContaining({ repsPerTeam, boardReps: repsPerTeam, homeReps: repsPerTeam, boardMismatches: 0, homeMismatches: 0 }));
    expect(checks.boardTotal).toBeGreaterThan(0);
    expect(checks.boardTotal).toBe(checks.baselineBoardTotal);
    expect(details.map((d) => d.title)).toHaveLength(4);
    for (const d of details) expect(d.text).toMatch(/Execution Time/);
  });

  test('every /dial 12 is acked, by the app and the bare Bolt app alike', () => {
    const { checks } = scenario('/dial 12 ack');
    expect(checks['sent@20']).toBe(40);
    expect(checks['acked@20']).toBe(40);
    expect(checks['failed@20']).toBe(0);
  });

  test('the fan-out DMs every rep exactly once through the rate tier, and records each delivery', () => {
    const { checks, figures } = scenario('DM fan-out');
    expect(checks).toEqual(expect.objectContaining({ reps: output.size.dms, delivered: output.size.dms, recorded: output.size.dms, lost: 0, duplicated: 0 }));
    expect(figures.filter((f) => f.metric.startsWith('messages')).map((f) => [f.metric, f.app, f.met])).toEqual([
      ['messages lost', 0, true],
      ['messages duplicated', 0, true],
    ]);
  });

  test('the app gets ready on a new embedded database and on a new PostgreSQL schema', () => {
    expect(scenario('cold start').checks).toEqual({ embeddedReady: true, postgresReady: true });
  });
});
