// What a scenario reports: figures (app vs a baseline measured in the same run, with the goal and
// whether it was met), the counts that must agree, and text to show (query plans).
import os from 'node:os';

export type Figure = {
  scenario: string;
  metric: string;
  unit: string;
  app: number;
  /** Measured in the same run; null when the figure has no baseline (e.g. messages lost). */
  baseline: number | null;
  /** e.g. "p99 ≤ 1.5× bare"; empty when the issue sets none. */
  goal: string;
  met: boolean | null;
  note?: string;
};

export type ScenarioResult = {
  name: string;
  figures: Figure[];
  /** Numbers that must agree (the bench test checks them): e.g. DMs delivered and reps. */
  checks: Record<string, number | boolean>;
  /** Query plans and other text printed after the table. */
  details: Array<{ title: string; text: string }>;
};

export const ratioOf = (f: Figure): number | null => (f.baseline === null || f.baseline === 0 ? null : f.app / f.baseline);

export function machine(postgresVersion: string) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: postgresVersion,
    os: `${os.type()} ${os.release()}`,
  };
}

const fmt = (n: number | null): string => (n === null || Number.isNaN(n) ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(n % 1 === 0 ? 0 : 2));

/** A Markdown table of every figure, then the notes its rows point to (README-ready). */
export function renderTable(figures: readonly Figure[]): string {
  const noted = figures.filter((f) => f.note);
  const mark = (f: Figure) => (f.note ? ` (${noted.indexOf(f) + 1})` : '');
  const header = ['scenario', 'metric', 'app', 'baseline', 'ratio', 'goal', 'met?'];
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    return [
      f.scenario,
      f.metric,
      `${fmt(f.app)} ${f.unit}`,
      f.baseline === null ? '—' : `${fmt(f.baseline)} ${f.unit}`,
      ratio === null ? '—' : `${ratio.toFixed(2)}×`,
      f.goal || '—',
      (f.met === null ? '—' : f.met ? 'yes' : '**no**') + mark(f),
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const notes = noted.map((f, i) => `${i + 1}. ${f.scenario}, ${f.metric}: ${f.note}`);
  return [line(header), line(header.map(() => '---')), ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
