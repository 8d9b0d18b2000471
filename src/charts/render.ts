// SVG → PNG without a browser: ECharts renders the chart to an SVG string server-side and resvg
// rasterises it with DejaVu Sans from npm, so text renders the same on every machine (no system
// fonts are read). Charts sit on an opaque light card: readable in Slack's light and dark themes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';

export type ChartOption = echarts.EChartsCoreOption;

/** A rendered chart and what Slack needs to show it. */
export type Chart = {
  png: Buffer;
  /** Pixel size of the PNG (twice the layout size: crisp on high-density screens). */
  width: number;
  height: number;
  /** Shown above the image in Slack. */
  title: string;
  /** Read by screen readers, and shown where images are off: the numbers in words. */
  altText: string;
  filename: string;
};

export const FONT_FAMILY = 'DejaVu Sans';
const SCALE = 2;

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(fontDir, file));

/** Slack-like colours with enough contrast on the light card. */
export const COLORS = {
  background: '#ffffff',
  text: '#1d1c1d',
  muted: '#616061',
  grid: '#e8e8e8',
  target: '#c0392b',
  series: ['#1264a3', '#e8912d', '#2bac76', '#8e44ad', '#616061'],
} as const;

/** The options every chart shares: no animation, the card, the font, a title and subtitle. */
export function baseOption(title: string, subtitle: string): ChartOption {
  return {
    animation: false,
    backgroundColor: COLORS.background,
    color: [...COLORS.series],
    textStyle: { fontFamily: FONT_FAMILY, color: COLORS.text },
    title: {
      text: title,
      subtext: subtitle,
      left: 16,
      top: 12,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 16, fontWeight: 'bold', color: COLORS.text },
      subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: COLORS.muted },
    },
  };
}

/**
 * Renders `option` at width × height layout pixels to a PNG of twice that size. The SVG is drawn
 * here; rasterising it (most of the work) runs on libuv's thread pool, off the event loop that
 * acks Slack's requests.
 */
export async function renderPng(option: ChartOption, width: number, height: number): Promise<{ png: Buffer; width: number; height: number }> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option);
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** Shares above this are drawn at it (labels still say the real figure). */
export const SHARE_CAP = 200;

/** A 0–120%+ value axis for shares of target. */
export function shareAxis(): Record<string, unknown> {
  return {
    type: 'value',
    min: 0,
    max: (extent: { max: number }) => Math.max(120, Math.min(SHARE_CAP, Math.ceil(extent.max / 20) * 20)),
    interval: 20,
    axisLabel: { color: COLORS.muted, formatter: '{value}%' },
    splitLine: { lineStyle: { color: COLORS.grid } },
  };
}

/** The dashed red 100% line, drawn by one series across the share axis ('xAxis' or 'yAxis'). */
export function fullTargetLine(axis: 'xAxis' | 'yAxis'): Record<string, unknown> {
  return { markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: COLORS.target, type: 'dashed', width: 2 }, data: [{ [axis]: 100 }] } };
}
