/**
 * Summaries and comparisons of benchmark samples, with benchstat's numbers, decisions and
 * warnings (golang.org/x/perf/benchmath: AssumeNothing by default, AssumeExact for units declared
 * exact). Warnings are data: callers show them as footnotes.
 */
import { formatGoValue } from '../../units/go-format.js';
import { SamplesEqualError, mannWhitneyU } from './mann-whitney.js';
import { median, medianCiOrders, samplesNeededForCi } from './median.js';

/** A sample's center and confidence interval. */
export interface Summary {
  center: number;
  lo: number;
  hi: number;
  n: number;
  warnings: string[];
}

/** The result of comparing a head sample with a base sample. */
export interface Comparison {
  /** Two-sided p-value; 0 for exact comparisons, which need no test. */
  p: number;
  /** The level p is judged against; 0 for exact comparisons (always decided). */
  alpha: number;
  n1: number;
  n2: number;
  warnings: string[];
}

/** How values of a unit are modelled: benchstat's AssumeNothing, or AssumeExact. */
export type Assumption = 'nothing' | 'exact';

/** Summarizes a sample: the median and its distribution-free CI, or for exact units the mode. */
export function summarize(
  values: readonly number[],
  assume: Assumption,
  confidence = 0.95,
): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (assume === 'exact') return summarizeExact(sorted);
  const center = median(sorted);
  const { lo: loOrder, hi: hiOrder } = medianCiOrders(n, confidence);
  const lo = loOrder < 1 ? -Infinity : sorted[loOrder - 1]!;
  const hi = hiOrder - 1 >= n ? Infinity : sorted[hiOrder - 1]!;
  const warnings: string[] = [];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    warnings.push(
      `need ${samplesNeededForCi(confidence)} samples for confidence interval at level ${formatGoValue(confidence)}`,
    );
  }
  return { center, lo, hi, n, warnings };
}

function summarizeExact(sorted: number[]): Summary {
  let mode = sorted[0] ?? NaN;
  let modeCount = 0;
  // Each group holds at least its first value, so the loop ends even when `===` never holds
  // (NaN is not equal to itself).
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > modeCount) {
      mode = sorted[i]!;
      modeCount = j - i;
    }
    i = j;
  }
  const lo = sorted[0] ?? NaN;
  const hi = sorted[sorted.length - 1] ?? NaN;
  const warnings =
    lo !== hi
      ? [
          `exact distribution expected, but values range from ${formatGoValue(lo)} to ${formatGoValue(hi)}`,
        ]
      : [];
  return { center: mode, lo, hi, n: sorted.length, warnings };
}

/** The smallest p-value a U test can give with n values on each side (benchstat's table). */
const uTestMinP: Record<number, number> = {
  1: 1,
  2: 1 / 3,
  3: 1 / 10,
  4: 1 / 35,
  5: 1 / 126,
  6: 1 / 462,
  7: 1 / 1716,
  8: 1 / 6435,
  9: 1 / 24310,
};

function samplesNeededForAlpha(alpha: number): { op: string; n: number } {
  for (let n = 1; n <= 9; n++) if (uTestMinP[n]! <= alpha) return { op: '>=', n };
  return { op: '>', n: 10 };
}

/** Compares head with base: the two-sided Mann-Whitney U test, or exactly for exact units. */
export function compareSamples(
  base: readonly number[],
  head: readonly number[],
  assume: Assumption,
  alpha = 0.05,
): Comparison {
  const n1 = base.length;
  const n2 = head.length;
  if (assume === 'exact') return { p: 0, alpha: 0, n1, n2, warnings: [] };
  let p: number;
  try {
    p = mannWhitneyU(base, head);
  } catch (err) {
    if (err instanceof SamplesEqualError) return { p: 1, alpha, n1, n2, warnings: [err.message] };
    throw err;
  }
  const warnings: string[] = [];
  const need = samplesNeededForAlpha(alpha);
  if (p > alpha && n1 < need.n && n2 < need.n) {
    warnings.push(
      `need ${need.op} ${need.n} samples to detect a difference at alpha level ${formatGoValue(alpha)}`,
    );
  }
  return { p, alpha, n1, n2, warnings };
}

/** True when the comparison shows a difference (benchstat prints `~` otherwise). */
export function isSignificant(c: Comparison): boolean {
  return !(c.p > c.alpha);
}
