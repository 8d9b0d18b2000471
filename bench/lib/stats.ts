// Percentiles and timing helpers for the bench scenarios.

/** The p-th percentile (0–100) of `values`, nearest-rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Milliseconds `fn` takes, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: Awaited<T> }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** The median time of `runs` runs of `fn` after one warm-up run, and the last run's result. */
export async function medianOf<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; result: Awaited<T> }> {
  let last = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await timed(fn);
    times.push(run.ms);
    last = run.result;
  }
  return { ms: percentile(times, 50), result: last };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
