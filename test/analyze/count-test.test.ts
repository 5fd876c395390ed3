import { describe, expect, test } from 'vitest';
import {
  binomialUpperTail,
  logFactorial,
  rateGrowthP,
} from '../../src/analyze/stats/count-test.js';

/** P(X ≥ k) for X ~ Binomial(n, p), summed from Pascal's triangle (exact to double precision). */
function tailByPascal(k: number, n: number, p: number): number {
  let row = [1];
  for (let i = 0; i < n; i++) row = [1, ...row.slice(1).map((v, j) => v + row[j]!), 1];
  let sum = 0;
  for (let j = k; j <= n; j++) sum += row[j]! * p ** j * (1 - p) ** (n - j);
  return sum;
}

describe('the count test', () => {
  test('ln(n!) by summing logs and by Stirling agree across the switch', () => {
    let sum = 0;
    for (let n = 1; n <= 400; n++) {
      sum += Math.log(n);
      expect(Math.abs(logFactorial(n) - sum)).toBeLessThan(1e-14 * Math.max(1, sum));
    }
  });

  test.each([
    [7, 10, 0.5],
    [3, 10, 0.5],
    [0, 10, 0.3],
    [11, 10, 0.3],
    [40, 60, 0.5],
    [5, 60, 0.2],
    [30, 60, 0.2],
    [59, 60, 0.9],
  ])('P(X ≥ %i) for Binomial(%i, %f)', (k, n, p) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(tailByPascal(k, n, p), 9);
  });

  test('equal rates are not significant; a doubled rate over thousands of events is', () => {
    expect(rateGrowthP(1000, 1e6, 1000, 1e6)).toBeGreaterThan(0.4);
    expect(rateGrowthP(1000, 1e6, 2000, 1e6)).toBeLessThan(1e-12);
    // The same counts over twice the exposure: the rate did not grow.
    expect(rateGrowthP(1000, 1e6, 2000, 2e6)).toBeGreaterThan(0.4);
    // One sample against none proves nothing.
    expect(rateGrowthP(0, 1, 1, 1)).toBe(0.5);
    expect(rateGrowthP(5, 0, 10, 1)).toBe(1);
  });
});
