// "Compare two salespeople": each rep's (or the team average's) share of their own weekly target
// over the last weeks, side by side per week, with the 100% line. Shares, not raw counts, so a
// part-timer and a full-timer compare fairly; the counts go in each bar's label.
import { formatCount, KIND_LABELS } from '../lib/kinds.js';
import { formatLocalDate } from '../lib/time.js';
import type { Comparison } from '../services/boards/compare-reps.js';
import { baseOption, COLORS, fullTargetLine, renderPng, shareAxis, SHARE_CAP, type Chart } from './render.js';

export type CompareWeek = { label: string; percent: number | null; caption: string };

export type CompareInput = {
  title: string;
  subtitle: string;
  series: ReadonlyArray<{ name: string; weeks: readonly CompareWeek[] }>;
  filename: string;
};

const WIDTH = 720;
const HEIGHT = 340;

export async function compareChart(input: CompareInput): Promise<Chart> {
  const weeks = input.series[0]?.weeks.map((w) => w.label) ?? [];
  const option = {
    ...baseOption(input.title, input.subtitle),
    legend: { right: 16, top: 16, textStyle: { color: COLORS.text }, data: input.series.map((s) => s.name) },
    grid: { left: 56, right: 24, top: 80, bottom: 32 },
    xAxis: { type: 'category', data: weeks, axisLabel: { color: COLORS.text }, axisLine: { lineStyle: { color: COLORS.muted } } },
    yAxis: shareAxis(),
    series: input.series.map((s, i) => ({
      name: s.name,
      type: 'bar',
      barMaxWidth: 36,
      label: {
        show: true,
        position: 'top',
        color: COLORS.text,
        fontSize: 10,
        formatter: (p: { dataIndex: number }) => {
          const week = s.weeks[p.dataIndex];
          return week?.percent === null || week === undefined ? 'off' : `${week.percent}%`;
        },
      },
      data: s.weeks.map((w) => Math.min(SHARE_CAP, w.percent ?? 0)),
      ...(i === 0 ? fullTargetLine('yAxis') : {}),
    })),
  };
  const png = await renderPng(option, WIDTH, HEIGHT);
  const alt = input.series.map((s) => `${s.name}: ${s.weeks.map((w) => `${w.label} ${w.caption}`).join(', ')}`).join('; ');
  return { ...png, title: input.title, altText: `${input.title}. ${alt}.`, filename: input.filename };
}

/** The chart of a `/dial compare` answer. */
export async function comparisonChart(comparison: Comparison): Promise<Chart> {
  const names = comparison.series.map((s) => s.name);
  return compareChart({
    title: names.join(' vs '),
    subtitle: `Share of each one’s own weekly target (${comparison.kinds.map((k) => KIND_LABELS[k].many).join(' and ')}), last ${comparison.weeks.length} weeks`,
    series: comparison.series.map((s) => ({
      name: s.name,
      weeks: s.weeks.map((w) => ({
        label: formatLocalDate(w.from),
        percent: w.percent,
        caption: w.percent === null ? 'no target' : `${w.percent}% (${comparison.kinds.map((k) => formatCount(k, w.actual[k])).join(', ')})`,
      })),
    })),
    filename: 'compare.png',
  });
}
