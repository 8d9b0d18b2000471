// A team side by side: one row per rep, one bar per tracked kind, each as a share of what the rep
// should have by now (their own prorated target, so part-timers and ramping reps compare fairly),
// with the 100% line and the raw count on every bar. Long teams show their first MAX_REPS rows.
import { KIND_LABELS, type Kind } from '../lib/kinds.js';
import type { PeriodProgress } from '../services/progress/pace.js';
import { baseOption, COLORS, fullTargetLine, renderPng, shareAxis, SHARE_CAP, type Chart } from './render.js';

export type TeamChartRow = { name: string; values: Partial<Record<Kind, { actual: number; expected: number }>> };

export type TeamChartInput = {
  title: string;
  /** What "expected" is, for the subtitle: e.g. "what was due by now" or "their target". */
  expectedLabel: string;
  kinds: readonly Kind[];
  /** In the order to show, top first. */
  rows: readonly TeamChartRow[];
  filename: string;
};

export const MAX_REPS = 30;
const WIDTH = 720;
const ROW_HEIGHT = 22;

const percent = (v: { actual: number; expected: number } | undefined) =>
  v === undefined || v.expected <= 0 ? null : Math.round((v.actual / v.expected) * 100);

export async function teamChart(input: TeamChartInput): Promise<Chart> {
  const rows = input.rows.slice(0, MAX_REPS);
  const hidden = input.rows.length - rows.length;
  const kinds = input.kinds.slice(0, 3);
  const names = rows.map((r) => (r.name.length > 18 ? `${r.name.slice(0, 17)}…` : r.name)).reverse();
  const height = Math.max(220, 96 + rows.length * ROW_HEIGHT * Math.max(1, kinds.length * 0.75));
  const subtitle = `Each rep’s share of ${input.expectedLabel} · the red line is 100%${hidden > 0 ? ` · first ${rows.length} of ${input.rows.length} reps` : ''}`;
  const option = {
    ...baseOption(input.title, subtitle),
    legend: { right: 16, top: 16, textStyle: { color: COLORS.text }, data: kinds.map((k) => KIND_LABELS[k].title) },
    grid: { left: 140, right: 96, top: 72, bottom: 28 },
    xAxis: shareAxis(),
    yAxis: { type: 'category', data: names, axisLabel: { color: COLORS.text }, axisLine: { lineStyle: { color: COLORS.muted } } },
    series: kinds.map((kind, i) => ({
      name: KIND_LABELS[kind].title,
      type: 'bar',
      barMaxWidth: 12,
      label: { show: true, position: 'right', color: COLORS.text, fontSize: 10, formatter: (p: { dataIndex: number }) => barLabel(rows, kind, p.dataIndex) },
      data: [...rows].reverse().map((r) => Math.min(SHARE_CAP, percent(r.values[kind]) ?? 0)),
      ...(i === 0 ? fullTargetLine('xAxis') : {}),
    })),
  };
  const png = await renderPng(option, WIDTH, Math.round(height));
  const alt = rows.map((r) => `${r.name} ${kinds.map((k) => `${percent(r.values[k]) ?? 0}% of ${KIND_LABELS[k].many}`).join(', ')}`).join('; ');
  return { ...png, title: input.title, altText: `${input.title}: ${alt}${hidden > 0 ? `; and ${hidden} more` : ''}.`, filename: input.filename };
}

/** "82% · 41" for a bar, with rows drawn bottom-up. */
function barLabel(rows: readonly TeamChartRow[], kind: Kind, index: number): string {
  const value = rows[rows.length - 1 - index]?.values[kind];
  const share = percent(value);
  return value === undefined || share === null ? 'no target' : `${share}% · ${value.actual.toLocaleString('en-US')}`;
}

/** Rows for a running period: each rep against what was due by now (their pace). */
export function paceRows(reps: ReadonlyArray<{ name: string; period: PeriodProgress }>, kinds: readonly Kind[]): TeamChartRow[] {
  return reps.map((r) => ({ name: r.name, values: Object.fromEntries(kinds.map((k) => [k, { actual: r.period[k].actual, expected: r.period[k].due }])) }));
}
