// How fractional numbers (targets are fractional internally) are shown to people.

/**
 * Rounds half up (2.5 → 3) to `decimals` places, ignoring floating-point dust: a target summed
 * from fractional days (e.g. 2.4999999999 for 2.5) still rounds the way the exact value would.
 * Meant for the non-negative numbers targets, due and pace are.
 */
export function roundHalfUp(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  const rounded = Math.floor(scaled + 0.5 + 1e-9 * Math.max(1, Math.abs(scaled)));
  // `+ 0` turns -0 into 0.
  return rounded / factor + 0;
}
