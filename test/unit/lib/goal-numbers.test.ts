import { formatMoney, formatNumber, formatRatio, parseAmount, parseRatio, parseTargetCount } from '../../../src/lib/goal-numbers.js';

const value = (text: string) => {
  const result = parseRatio(text);
  if (!result.ok) throw new Error(`${text}: ${result.error}`);
  return result.value;
};
const error = (text: string) => {
  const result = parseRatio(text);
  if (result.ok) throw new Error(`${text} parsed as ${result.value}`);
  return result.error;
};

describe('parseRatio', () => {
  it.each<[string, number]>([
    ['50%', 0.5],
    ['50 %', 0.5],
    ['33.3%', 0.333],
    ['8%', 0.08],
    ['100%', 1],
    ['0.5%', 0.005],
    ['0.5', 0.5],
    ['.25', 0.25],
    ['1', 1],
    ['1/2', 0.5],
    ['2/5', 0.4],
    ['1 in 4', 0.25],
    ['1 out of 8', 0.125],
    ['12.5 percent', 0.125],
    ['½', 0.5],
  ])('reads %s as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('reads thirds exactly, whichever way they are written', () => {
    for (const text of ['1/3', ' 1 / 3 ', '1 in 3', '1 IN 3', '33⅓%', '33 ⅓ %', '33 1/3%', '⅓']) expect(value(text)).toBe(1 / 3);
    for (const text of ['2/3', '66⅔%', '2 in 3']) expect(value(text)).toBe(2 / 3);
  });

  it('is exact where it matters: 40 presentations ÷ (1/3) is 120 conversations', () => {
    expect(40 / value('1/3')).toBe(120);
    expect(40 / value('33⅓%')).toBe(120);
  });

  it.each<[string, RegExp]>([
    ['abc', /can’t read “abc” as a rate.*33%, 33⅓%, 1\/3, 1 in 3 or 0\.33/],
    ['', /Enter a rate/],
    ['0', /more than 0%/],
    ['0%', /more than 0%/],
    ['0/3', /more than 0%/],
    ['150%', /can’t be more than 100%/],
    ['3/2', /can’t be more than 100%/],
    ['-5%', /more than 0%/],
    ['-0.5', /more than 0%/],
    ['1/0', /divides by zero/],
    ['5', /Did you mean 5%\? Add the % sign/],
    ['33.3', /Did you mean 33\.3%\?/],
    ['50%%', /can’t read/],
    ['1e-3', /can’t read/],
    ['NaN', /can’t read/],
    ['Infinity', /can’t read/],
  ])('rejects %p', (text, message) => {
    expect(error(text)).toMatch(message);
  });
});

describe('formatRatio', () => {
  it('shows ratios as people read them, thirds as fractions of a percent', () => {
    expect(formatRatio(0.5)).toBe('50%');
    expect(formatRatio(1 / 3)).toBe('33⅓%');
    expect(formatRatio(2 / 3)).toBe('66⅔%');
    expect(formatRatio(0.08)).toBe('8%');
    expect(formatRatio(20 / 250)).toBe('8%');
    expect(formatRatio(0.0812)).toBe('8.1%');
    expect(formatRatio(0.333)).toBe('33.3%');
    expect(formatRatio(0.005)).toBe('0.5%');
    expect(formatRatio(1)).toBe('100%');
  });

  it('in exact mode, writes text that reads back to the very same number', () => {
    for (const ratio of [0.5, 1 / 3, 2 / 3, 0.333, 0.12345, 1 / 7, 0.08, 1, 3 / 11]) {
      const text = formatRatio(ratio, { exact: true });
      expect(value(text)).toBe(ratio);
    }
    expect(formatRatio(1 / 3, { exact: true })).toBe('33⅓%');
    expect(formatRatio(0.12345, { exact: true })).toBe('12.345%');
    expect(formatRatio(1 / 7, { exact: true })).toBe('1/7');
  });
});

describe('money and counts', () => {
  it('formats money like $100,000 and numbers with separators and at most the decimals asked for', () => {
    expect(formatMoney(100000)).toBe('$100,000');
    expect(formatMoney(1_000_000_000)).toBe('$1,000,000,000');
    expect(formatNumber(1500)).toBe('1,500');
    expect(formatNumber(360 / 22, 1)).toBe('16.4');
    expect(formatNumber(18, 1)).toBe('18');
  });

  it.each<[string, number]>([
    ['100000', 100000],
    ['100,000', 100000],
    ['$100,000', 100000],
    ['$ 100000', 100000],
    ['100k', 100000],
    ['100K', 100000],
    ['1.5m', 1500000],
    ['2.5k', 2500],
    ['100000.00', 100000],
    ['1,000,000,000', 1_000_000_000],
  ])('reads the amount %s', (text, expected) => {
    expect(parseAmount(text, 'monthly revenue target')).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RegExp]>([
    ['0', /must be more than \$0/],
    ['$0', /must be more than \$0/],
    ['-5000', /must be more than \$0/],
    ['lots', /can’t read “lots” as an amount/],
    ['1e6', /can’t read/],
    ['100,00', /can’t read/],
    ['1,000,000,001', /at most \$1,000,000,000/],
    ['2000m', /at most \$1,000,000,000/],
    ['99999999999999999999999', /at most \$1,000,000,000/],
    ['100000.50', /whole currency units/],
    ['', /Enter the monthly revenue target/],
  ])('rejects the amount %p', (text, message) => {
    const result = parseAmount(text, 'monthly revenue target');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('reads target counts as whole numbers from 1 to 1,000,000', () => {
    expect(parseTargetCount('400', 'dials')).toEqual({ ok: true, value: 400 });
    expect(parseTargetCount('1,000,000', 'dials')).toEqual({ ok: true, value: 1_000_000 });
    for (const text of ['0', '-3', '1000001']) expect(parseTargetCount(text, 'dials')).toEqual({ ok: false, error: expect.stringMatching(/from 1 to 1,000,000 dials/) });
    for (const text of ['2.5', 'many']) expect(parseTargetCount(text, 'dials')).toEqual({ ok: false, error: expect.stringMatching(/whole number/) });
  });
});
