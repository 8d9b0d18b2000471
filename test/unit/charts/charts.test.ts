// Charts are real pictures: decoded back to pixels, they must show the data's bars and the red
// target line on the light card, at the size Slack is told. Each test also writes its PNG to
// test/output/charts/ (git-ignored) so a person can look at it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareChart } from '../../../src/charts/compare-chart.js';
import { COLORS, type Chart } from '../../../src/charts/render.js';
import { repMonthChart, type DayPoint } from '../../../src/charts/rep-month-chart.js';
import { MAX_REPS, teamChart, type TeamChartRow } from '../../../src/charts/team-chart.js';
import { eachDay, isoWeekday } from '../../../src/lib/time.js';
import { countColor, decodePng, isPng } from '../../helpers/png.js';

const OUT = join(import.meta.dirname, '../../output/charts');
mkdirSync(OUT, { recursive: true });
const keep = (chart: Chart, name: string) => writeFileSync(join(OUT, name), chart.png);

const BAR = COLORS.series[0];
const SECOND = COLORS.series[1];
const TARGET = COLORS.target;

/** December 2026: 360 dials over its 23 workdays; the rep does 20 on each workday so far. */
function december(today: string, perDay = 20): DayPoint[] {
  return eachDay('2026-12-01', '2026-12-31').map((date) => {
    const workday = isoWeekday(date) <= 5;
    return { date, target: workday ? 360 / 23 : 0, actual: workday && date <= today ? perDay : 0 };
  });
}

const month = (today: string, perDay?: number) =>
  repMonthChart({ repName: 'Dana Reyes', kind: 'dial', monthLabel: 'December 2026', days: december(today, perDay), today });

describe('rep month chart', () => {
  it('is a 1440×640 PNG on a white card with the day bars and the dashed target line', async () => {
    const chart = await month('2026-12-18');
    keep(chart, 'rep-month.png');
    expect(isPng(chart.png)).toBe(true);
    const pixels = decodePng(chart.png);
    expect([pixels.width, pixels.height]).toEqual([1440, 640]);
    expect([chart.width, chart.height]).toEqual([1440, 640]);
    const total = pixels.width * pixels.height;
    expect(countColor(pixels, COLORS.background)).toBeGreaterThan(total * 0.5);
    expect(countColor(pixels, BAR)).toBeGreaterThan(total * 0.02);
    expect(countColor(pixels, TARGET)).toBeGreaterThan(1000);
  });

  it('draws more bar the more days have happened, and none when nothing was logged', async () => {
    const early = countColor(decodePng((await month('2026-12-04')).png), BAR);
    const late = countColor(decodePng((await month('2026-12-31')).png), BAR);
    expect(late).toBeGreaterThan(early * 3);
    // The legend swatch is the only blue left when every day is zero.
    expect(countColor(decodePng((await month('2026-12-31', 0)).png), BAR)).toBeLessThan(early / 4);
  });

  it('says the month’s numbers in its title and alt text', async () => {
    const chart = await month('2026-12-18');
    expect(chart.title).toBe('Dana Reyes — dials, December 2026');
    // 14 workdays up to the 18th, 20 a day; 14 × 360 ÷ 23 = 219.1 due.
    expect(chart.altText).toBe('Dana Reyes — dials, December 2026: 280 dials of 360 this month · 219 due by today.');
    expect(chart.filename).toBe('dial-2026-12.png');
  });
});

const rep = (name: string, dials: number, convos: number): TeamChartRow => ({
  name,
  values: { dial: { actual: dials, expected: 80 }, conversation: { actual: convos, expected: 20 } },
});

describe('team chart', () => {
  it('puts each rep’s kinds side by side as a share of what was due, with the 100% line', async () => {
    const chart = await teamChart({
      title: 'Sales — this week',
      expectedLabel: 'what was due by now',
      kinds: ['dial', 'conversation'],
      rows: [rep('Ana', 96, 25), rep('Ben', 60, 10), rep('Chloé Martin-Delacroix', 20, 2)],
      filename: 'team-week.png',
    });
    keep(chart, 'team.png');
    const pixels = decodePng(chart.png);
    expect(pixels.width).toBe(1440);
    expect(countColor(pixels, BAR)).toBeGreaterThan(5000);
    expect(countColor(pixels, SECOND)).toBeGreaterThan(2000);
    expect(countColor(pixels, TARGET)).toBeGreaterThan(300);
    expect(chart.altText).toBe('Sales — this week: Ana 120% of dials, 125% of conversations; Ben 75% of dials, 50% of conversations; Chloé Martin-Delacroix 25% of dials, 10% of conversations.');
  });

  it('grows with the team and shows the first 30 reps of a longer one', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => rep(`Rep ${i + 1}`, 40 + i, 10));
    const small = await teamChart({ title: 'T', expectedLabel: 'their target', kinds: ['dial'], rows: rows(5), filename: 'a.png' });
    const large = await teamChart({ title: 'T', expectedLabel: 'their target', kinds: ['dial'], rows: rows(40), filename: 'b.png' });
    const capped = await teamChart({ title: 'T', expectedLabel: 'their target', kinds: ['dial'], rows: rows(MAX_REPS), filename: 'c.png' });
    keep(large, 'team-40.png');
    expect(large.height).toBeGreaterThan(small.height);
    expect(large.height).toBe(capped.height);
    expect(large.altText).toContain('Rep 30 86% of dials; and 10 more.');
    expect(large.altText).not.toContain('Rep 31 ');
  });
});

describe('compare chart', () => {
  it('shows both series per week against the 100% line', async () => {
    const weeks = (percents: Array<number | null>) => percents.map((percent, i) => ({ label: `Nov ${9 + 7 * i}`, percent, caption: `${percent ?? 'off'}` }));
    const chart = await compareChart({
      title: 'Dana vs Sam',
      subtitle: 'Share of weekly target, last 4 weeks',
      series: [
        { name: 'Dana', weeks: weeks([110, 95, null, 130]) },
        { name: 'Sam', weeks: weeks([80, 60, 70, 90]) },
      ],
      filename: 'compare.png',
    });
    keep(chart, 'compare.png');
    const pixels = decodePng(chart.png);
    expect([pixels.width, pixels.height]).toEqual([1440, 680]);
    expect(countColor(pixels, BAR)).toBeGreaterThan(5000);
    expect(countColor(pixels, SECOND)).toBeGreaterThan(5000);
    expect(countColor(pixels, TARGET)).toBeGreaterThan(500);
    expect(chart.altText).toBe('Dana vs Sam. Dana: Nov 9 110, Nov 16 95, Nov 23 off, Nov 30 130; Sam: Nov 9 80, Nov 16 60, Nov 23 70, Nov 30 90.');
  });
});
