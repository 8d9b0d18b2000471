import { renderTable, ratioOf, type Figure } from '../../../bench/lib/report.js';
import { percentile } from '../../../bench/lib/stats.js';

describe('percentile', () => {
  test('nearest rank over unsorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('renderTable', () => {
  const met: Figure = { scenario: 'DM fan-out', metric: 'messages lost', unit: '', app: 0, baseline: null, goal: '0', met: true };
  const missed: Figure = { scenario: 'read paths', metric: 'board', unit: 'ms', app: 300, baseline: 100, goal: '≤ 1.2× SQL', met: false, note: 'one query per week' };

  test('one row per figure with the ratio against its baseline, and numbered notes for missed goals', () => {
    const table = renderTable([met, missed]).split('\n');
    expect(table[0]).toBe('| scenario | metric | app | baseline | ratio | goal | met? |');
    expect(table[2]).toBe('| DM fan-out | messages lost | 0  | — | — | 0 | yes |');
    expect(table[3]).toBe('| read paths | board | 300 ms | 100 ms | 3.00× | ≤ 1.2× SQL | **no** (1) |');
    expect(table.at(-1)).toBe('1. read paths, board: one query per week');
  });

  test('no ratio without a baseline or with a zero one', () => {
    expect(ratioOf(met)).toBeNull();
    expect(ratioOf({ ...missed, baseline: 0 })).toBeNull();
    expect(ratioOf(missed)).toBe(3);
  });
});
