// A rep's month for one kind: what they did each day (bars) against each day's target (dashed
// line; zero on weekends, holidays and days off), with the month's running total in the subtitle.
import { formatCount, KIND_LABELS, type Kind } from '../lib/kinds.js';
import type { LocalDate } from '../lib/time.js';
import { baseOption, COLORS, renderPng, type Chart } from './render.js';

export type DayPoint = { date: LocalDate; actual: number; target: number };

export type RepMonthInput = {
  repName: string;
  kind: Kind;
  /** e.g. "December 2026". */
  monthLabel: string;
  /** Every day of the month, in order. */
  days: readonly DayPoint[];
  /** Days after today have no bar (they have not happened yet). */
  today: LocalDate;
};

const WIDTH = 720;
const HEIGHT = 320;
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function repMonthChart(input: RepMonthInput): Promise<Chart> {
  const label = KIND_LABELS[input.kind];
  const done = input.days.filter((d) => d.date <= input.today);
  const actual = done.reduce((sum, d) => sum + d.actual, 0);
  const target = Math.round(input.days.reduce((sum, d) => sum + d.target, 0));
  const dueSoFar = Math.round(done.reduce((sum, d) => sum + d.target, 0));
  const title = `${input.repName} — ${label.many}, ${input.monthLabel}`;
  const subtitle = `${formatCount(input.kind, actual)} of ${target.toLocaleString('en-US')} this month · ${dueSoFar.toLocaleString('en-US')} due by today`;
  const option = {
    ...baseOption(title, subtitle),
    legend: { right: 16, top: 16, textStyle: { color: COLORS.text }, data: [label.title, 'Daily target'] },
    grid: { left: 48, right: 24, top: 72, bottom: 32 },
    xAxis: {
      type: 'category',
      data: input.days.map((d) => String(Number(d.date.slice(8)))),
      axisLabel: { color: COLORS.muted, interval: 1 },
      axisLine: { lineStyle: { color: COLORS.muted } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: COLORS.muted }, splitLine: { lineStyle: { color: COLORS.grid } } },
    series: [
      { name: label.title, type: 'bar', barMaxWidth: 14, data: input.days.map((d) => (d.date <= input.today ? d.actual : null)) },
      {
        name: 'Daily target',
        type: 'line',
        step: 'middle',
        symbol: 'none',
        color: COLORS.target,
        lineStyle: { type: 'dashed', width: 2, color: COLORS.target },
        data: input.days.map((d) => round1(d.target)),
      },
    ],
  };
  const { png, width, height } = await renderPng(option, WIDTH, HEIGHT);
  return {
    png,
    width,
    height,
    title,
    altText: `${title}: ${subtitle}.`,
    filename: `${input.kind}-${input.days[0]?.date.slice(0, 7) ?? 'month'}.png`,
  };
}
