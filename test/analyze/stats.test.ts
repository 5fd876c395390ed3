/**
 * The statistics against reference values printed by fixtures/gostats, which calls the library
 * benchstat uses (github.com/aclements/go-moremath/stats).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mannWhitneyU } from '../../src/analyze/stats/mann-whitney.js';
import { median, medianCiOrders } from '../../src/analyze/stats/median.js';
import { normalCdf } from '../../src/analyze/stats/normal.js';
import { wilcoxonSignedRank } from '../../src/analyze/stats/wilcoxon.js';
import { adjustPValues } from '../../src/analyze/stats/multiple.js';
import { summarize } from '../../src/analyze/stats/index.js';
import { defaultGateOptions, gate } from '../../src/analyze/gate.js';
import type { BenchFile } from '../../src/model/bench.js';

const lines = (file: string) =>
  readFileSync(`fixtures/golden/stats/${file}`, 'utf8').trimEnd().split('\n');
const nums = (s: string) =>
  s
    .trim()
    .split(' ')
    .filter((x) => x !== '')
    .map(Number);

describe('statistics equal go-moremath', () => {
  test('the 95% median CI orders (the table and the algorithm behind it)', () => {
    for (const line of lines('median-ci-95.txt')) {
      const [n, lo, hi] = nums(line) as [number, number, number];
      expect(medianCiOrders(n, 0.95), `n=${n}`).toEqual({ lo, hi });
    }
  });

  test('the standard normal CDF', () => {
    for (const line of lines('normal-cdf.txt')) {
      const [x, p] = nums(line) as [number, number];
      expect(Math.abs(normalCdf(x) - p), `x=${x}`).toBeLessThan(1e-15 + 1e-13 * p);
    }
  });

  test.each(lines('utest.txt').map((l) => l.split(' | ') as [string, string, string]))(
    'U test %s vs %s',
    (xs, ys, p) => {
      if (p.startsWith('error')) {
        expect(() => mannWhitneyU(nums(xs), nums(ys))).toThrow('all samples are equal');
        return;
      }
      const ours = mannWhitneyU(nums(xs), nums(ys));
      expect(Math.abs(ours - Number(p))).toBeLessThan(1e-12);
    },
  );

  test('median of even and odd samples', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([5])).toBe(5);
  });
});

describe('the signed-rank test equals SciPy', () => {
  // fixtures/stats/wilcoxon_ref.py: scipy.stats.wilcoxon, two-sided, method auto.
  test.each(lines('wilcoxon.txt').map((l) => l.split(' | ') as [string, string, string]))(
    'pairs %s',
    (base, head, p) => {
      const ours = wilcoxonSignedRank(nums(base), nums(head));
      expect(Math.abs(ours - Number(p))).toBeLessThan(1e-12);
    },
  );
});

describe('multiple-comparison control equals statsmodels', () => {
  // fixtures/stats/padjust_ref.py: statsmodels multipletests, holm and fdr_bh.
  test.each(lines('padjust.txt').map((l) => l.split(' | ') as [string, string, string]))(
    '%s %s',
    (method, ps, adjusted) => {
      const ours = adjustPValues(nums(ps), method as 'holm' | 'bh');
      nums(adjusted).forEach((want, i) => expect(Math.abs(ours[i]! - want)).toBeLessThan(1e-12));
    },
  );

  test('none leaves p-values as they are', () => {
    expect(adjustPValues([0.2, 0.01], 'none')).toEqual([0.2, 0.01]);
  });
});

describe('values that are not numbers never stall a loop', () => {
  // NaN === NaN is false: loops over tied groups must advance by position, not by equality.
  // The loaders reject NaN; these guard the statistics should one slip through.
  test('the exact summary (mode) of a sample with NaN', () => {
    const s = summarize([NaN, NaN, NaN], 'exact');
    expect(s.n).toBe(3);
    expect(Number.isNaN(s.center)).toBe(true);
    expect(summarize([1, NaN, 1], 'exact').n).toBe(3);
  });

  test('the rank tests over samples with NaN', () => {
    expect(typeof mannWhitneyU([NaN, NaN, 1], [NaN, 2, 3])).toBe('number');
    expect(typeof wilcoxonSignedRank([1, 2, 3, 4, 5], [NaN, NaN, 4, 5, 9])).toBe('number');
  });

  test('the gate over results with NaN', () => {
    const file = (label: string, values: number[]): BenchFile => ({
      label,
      results: values.map((value, i) => ({
        name: 'ReportNaN-2',
        iterations: 1000,
        values: [{ value, unit: 'x' }],
        config: {},
        pos: { file: label, line: i + 1 },
      })),
      failures: [],
      diagnostics: [],
      units: {},
    });
    const nan = [NaN, NaN, NaN, NaN, NaN];
    expect(gate(file('base', nan), file('head', nan), defaultGateOptions)).toBeDefined();
  });
});
