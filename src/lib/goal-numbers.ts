// Reading and writing the numbers of a goal plan: stage ratios ("33⅓%", "1/3", "1 in 3", "0.5"),
// money ("$100,000", "100k") and counts. Every goal number a user reads is formatted here. Pure.
import { KIND_LABELS, type Kind } from './kinds.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const VULGAR: Record<string, [number, number]> = {
  '½': [1, 2],
  '⅓': [1, 3],
  '⅔': [2, 3],
  '¼': [1, 4],
  '¾': [3, 4],
  '⅕': [1, 5],
  '⅙': [1, 6],
  '⅛': [1, 8],
};
const VULGAR_CHARS = Object.keys(VULGAR).join('');

/** An exact rational p/q (integers), so "1/3" and "33⅓%" both end as the double nearest to 1/3. */
type Rational = { p: number; q: number };

const RATIO_EXAMPLES = 'Write it like 33%, 33⅓%, 1/3, 1 in 3 or 0.33.';

/**
 * A number written as digits with optional decimals ("33.3"), a vulgar fraction ("⅓", "33⅓")
 * or a mixed number ("33 1/3"), as an exact rational; undefined when it is none of these.
 */
function readNumber(text: string): Rational | undefined {
  let m = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text);
  if (m) {
    const decimals = m[2] ?? '';
    const q = 10 ** decimals.length;
    return { p: Number(m[1]) * q + Number(decimals || '0'), q };
  }
  m = new RegExp(`^(\\d{0,9})\\s*([${VULGAR_CHARS}])$`).exec(text);
  if (m) {
    const [a, b] = VULGAR[m[2]!]!;
    return { p: Number(m[1] || '0') * b + a, q: b };
  }
  m = /^(\d{1,9})\s+(\d{1,4})\/(\d{1,4})$/.exec(text);
  if (m && Number(m[3]) > 0) {
    const q = Number(m[3]);
    return { p: Number(m[1]) * q + Number(m[2]), q };
  }
  return undefined;
}

/**
 * Parses a stage ratio: "50%", "33.3%", "33⅓%", "1/3", "1 in 3", "1 out of 3", "0.5" or "⅓".
 * The result is in (0, 1]; fractions are exact ("1/3" is exactly 1/3).
 */
export function parseRatio(raw: string): Parsed<number> {
  const text = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (text === '') return { ok: false, error: `Enter a rate. ${RATIO_EXAMPLES}` };
  if (/^[-−–]/.test(text)) return { ok: false, error: 'A rate must be more than 0%.' };

  let rational: Rational | undefined;
  let percent = false;
  let m = /^(.+?) ?(?:%|percent|pct)$/.exec(text);
  if (m) {
    rational = readNumber(m[1]!);
    percent = true;
  } else if ((m = /^(\d{1,9}) ?(?:\/|in|out of|of) ?(\d{1,9})$/.exec(text))) {
    if (Number(m[2]) === 0) return { ok: false, error: `“${raw.trim()}” divides by zero. ${RATIO_EXAMPLES}` };
    rational = { p: Number(m[1]), q: Number(m[2]) };
  } else {
    rational = readNumber(text.replace(/^0?(?=\.)/, '0'));
    if (rational && rational.p > rational.q) {
      const asPercent = formatNumber(rational.p / rational.q, 2);
      return { ok: false, error: `Did you mean ${asPercent}%? Add the % sign. ${RATIO_EXAMPLES}` };
    }
  }
  if (!rational) return { ok: false, error: `I can’t read “${truncateRaw(raw)}” as a rate. ${RATIO_EXAMPLES}` };
  if (percent) rational = { p: rational.p, q: rational.q * 100 };
  if (rational.p === 0) return { ok: false, error: 'A rate must be more than 0%.' };
  if (rational.p > rational.q) return { ok: false, error: 'A rate can’t be more than 100% (no stage turns into more than it started with).' };
  return { ok: true, value: rational.p / rational.q };
}

function truncateRaw(raw: string): string {
  const chars = Array.from(raw.trim());
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
}

const THIRDS: Array<[number, string]> = [
  [1 / 3, '33⅓%'],
  [2 / 3, '66⅔%'],
];

/**
 * A ratio as people read it: "50%", "33⅓%", "8.1%". With `exact`, the shortest text that
 * parses back to the very same number (for pre-filling inputs), e.g. "12.345%" or "1/7".
 */
export function formatRatio(ratio: number, options: { exact?: boolean } = {}): string {
  for (const [value, text] of THIRDS) if (Math.abs(ratio - value) < (options.exact ? 1e-15 : 1e-4)) return text;
  const percent = ratio * 100;
  if (!options.exact) return `${formatNumber(percent, percent < 1 ? 2 : 1)}%`;
  for (let decimals = 0; decimals <= 6; decimals++) {
    const text = `${formatNumber(percent, decimals, false)}%`;
    const back = parseRatio(text);
    if (back.ok && back.value === ratio) return text;
  }
  for (let q = 2; q <= 1000; q++) {
    const p = Math.round(ratio * q);
    if (p > 0 && p / q === ratio) return `${p}/${q}`;
  }
  return String(ratio);
}

/** A count or amount with thousands separators and at most `maxDecimals` decimals: "1,500", "16.4". */
export function formatNumber(value: number, maxDecimals = 0, grouping = true): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: maxDecimals, useGrouping: grouping });
}

/** A count of a kind: "1 close", "1,500 dials". */
export function formatKindCount(kind: Kind, count: number): string {
  return `${formatNumber(count)} ${count === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many}`;
}

/** Money in whole currency units: "$100,000". */
export function formatMoney(amount: number): string {
  return `$${formatNumber(Math.round(amount))}`;
}

export const MAX_AMOUNT = 1_000_000_000;

/** Parses a whole amount of money: "100000", "100,000", "$100,000", "100k", "1.5m". */
export function parseAmount(raw: string, what: string): Parsed<number> {
  const text = raw.trim().toLowerCase().replace(/^\$\s*/, '').replace(/\s+/g, '');
  if (text === '') return { ok: false, error: `Enter the ${what}, e.g. $100,000 or 100k.` };
  if (/^[-−–]/.test(text)) return { ok: false, error: `The ${what} must be more than $0.` };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([km])?$/.exec(text);
  if (!m) return { ok: false, error: `I can’t read “${truncateRaw(raw)}” as an amount. Write it like $100,000 or 100k.` };
  const scale = m[3] === 'k' ? 1_000 : m[3] === 'm' ? 1_000_000 : 1;
  const decimals = m[2] ?? '';
  const digits = `${m[1]!.replace(/,/g, '')}${decimals}`;
  if (digits.replace(/^0+/, '').length > 15) return { ok: false, error: `The ${what} can be at most ${formatMoney(MAX_AMOUNT)}.` };
  // Exact: integer digits × scale ÷ 10^decimals must come out whole.
  const numerator = Number(digits) * scale;
  const denominator = 10 ** decimals.length;
  const value = numerator / denominator;
  if (value > MAX_AMOUNT) return { ok: false, error: `The ${what} can be at most ${formatMoney(MAX_AMOUNT)}.` };
  if (numerator % denominator !== 0) return { ok: false, error: `Give the ${what} in whole currency units (no cents).` };
  if (value === 0) return { ok: false, error: `The ${what} must be more than $0.` };
  return { ok: true, value };
}

export const MAX_TARGET = 1_000_000;

/** Parses a monthly target count: a whole number from 1 to 1,000,000. */
export function parseTargetCount(raw: string, label: string): Parsed<number> {
  const text = raw.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^[-−–]?\d+(\.\d+)?$/.test(text)) return { ok: false, error: `Enter ${label} as a whole number, e.g. 400, or leave it empty.` };
  const value = Number(text);
  if (!Number.isInteger(value)) return { ok: false, error: `Enter ${label} as a whole number, e.g. 400, or leave it empty.` };
  if (value < 1 || value > MAX_TARGET) return { ok: false, error: `A monthly target is from 1 to ${formatNumber(MAX_TARGET)} ${label}; leave it empty to use the computed one.` };
  return { ok: true, value };
}
