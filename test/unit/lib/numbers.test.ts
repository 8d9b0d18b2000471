import { roundHalfUp } from '../../../src/lib/numbers.js';

describe('roundHalfUp', () => {
  it('rounds to whole numbers, halves up', () => {
    expect([0, 0.49, 0.5, 1.5, 2.5, 7.826, 15.652, 71.925].map((n) => roundHalfUp(n))).toEqual([0, 0, 1, 2, 3, 8, 16, 72]);
  });

  it('ignores floating-point dust: a sum that should be x.5 still goes up', () => {
    const sum = 0.1 + 0.2 + 0.2; // 0.5000000000000001 or 0.49999… depending on order
    expect(roundHalfUp(sum)).toBe(1);
    expect(roundHalfUp(2.4999999999999996)).toBe(3);
    expect(roundHalfUp(2.4999)).toBe(2);
  });

  it('rounds to decimals where asked (1.005 → 1.01, where toFixed says 1.00)', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(71.925466, 2)).toBe(71.93);
    expect(roundHalfUp(15.652173913, 2)).toBe(15.65);
    expect(roundHalfUp(0.904, 2)).toBe(0.9);
    expect(roundHalfUp(0, 2)).toBe(0);
  });

  it('never gives -0', () => {
    expect(Object.is(roundHalfUp(-0), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0.0001, 2), 0)).toBe(true);
  });
});
