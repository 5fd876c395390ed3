/**
 * The median and its distribution-free confidence interval from order statistics, as benchstat
 * (golang.org/x/perf/benchmath, AssumeNothing) computes them.
 */
import { MEDIAN_CI_95 } from './median-ci-table.js';
import { normalCdf } from './normal.js';

/** The median of sorted values: the R8 quantile at 0.5, computed as benchstat does. */
export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const k = Math.floor(n / 2);
  if (n % 2 === 1) return sorted[k]!;
  const a = sorted[k - 1]!;
  return a + 0.5 * (sorted[k]! - a);
}

/** 1-based order statistics bounding the median's confidence interval: [lo, hi]. */
export interface Orders {
  lo: number;
  hi: number;
}

/**
 * The order statistics of the median's confidence interval for n values: from the Binomial(n, ½)
 * distribution, widening from its mode towards the heavier side (left on ties) until the mass
 * reaches the confidence level. A lo of 0 or a hi of n+1 means that side is unbounded.
 */
export function medianCiOrders(n: number, confidence: number): Orders {
  if (confidence >= 1) return { lo: 0, hi: n + 1 };
  if (confidence === 0.95 && n < MEDIAN_CI_95.length) {
    const [lo, hi] = MEDIAN_CI_95[n]!;
    return { lo, hi };
  }
  return computeMedianCiOrders(n, confidence);
}

/**
 * The same orders computed here rather than looked up: exact for n ≤ 30, a normal approximation
 * above. benchstat's own library breaks near-ties between the two tails on the last bits of its
 * floating-point binomial coefficients, so for the common 95% level the table made with that
 * library is used instead.
 */
export function computeMedianCiOrders(n: number, confidence: number): Orders {
  if (confidence >= 1) return { lo: 0, hi: n + 1 };
  return n <= 30 ? exactOrders(n, confidence) : approximateOrders(n, confidence);
}

function binomialPmfTable(n: number): number[] {
  // C(n, k) / 2^n with exact integer arithmetic, then one rounding.
  const out: number[] = [];
  let c = 1n;
  const denom = 2 ** n;
  for (let k = 0; k <= n; k++) {
    out.push(Number(c) / denom);
    c = (c * BigInt(n - k)) / BigInt(k + 1);
  }
  return out;
}

function exactOrders(n: number, confidence: number): Orders {
  const pmf = binomialPmfTable(n);
  const at = (k: number) => (k < 0 || k > n ? 0 : pmf[k]!);
  const x = Math.ceil((n + 1) * 0.5) - 1;
  let accum = at(x);
  let l = x;
  let r = x + 1;
  let lp = at(l - 1);
  let rp = at(r);
  while (accum < confidence && (lp > 0 || rp > 0)) {
    if (lp >= rp) {
      accum += lp;
      l--;
      lp = at(l - 1);
    } else {
      accum += rp;
      r++;
      rp = at(r);
    }
  }
  return { lo: Math.max(l, 0), hi: Math.min(r, n + 1) };
}

function approximateOrders(n: number, confidence: number): Orders {
  // Normal approximation of Binomial(n, ½) with continuity correction: the band of whole orders
  // around [l1, r1], the symmetric central interval; then one step narrower on the right when
  // that still reaches the confidence level.
  const mu = n / 2;
  const sigma = Math.sqrt(n) / 2;
  const cdf = (x: number) => normalCdf((x - mu) / sigma);
  const l1 = mu + sigma * inverseNormalCdf((1 - confidence) / 2);
  const r1 = 2 * mu - l1;
  const l = Math.floor(Math.floor(l1 - 0.5) + 0.5) + 1;
  let r = Math.floor(Math.ceil(r1 - 0.5) + 0.5) + 1;
  const mass = (lo: number, hi: number) => cdf(hi - 0.5) - cdf(lo - 0.5);
  const narrower = mass(l, r - 1);
  if (narrower >= confidence && narrower < mass(l, r)) r--;
  return { lo: Math.max(l, 0), hi: Math.min(r, n + 1) };
}

/** Φ⁻¹(p) by bisection on normalCdf (only used off the hot path). */
function inverseNormalCdf(p: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The smallest n whose interval at this confidence is bounded on both sides (benchstat's "need >= N"). */
export function samplesNeededForCi(confidence: number): string {
  for (let n = 2; n <= 50; n++) {
    const o = medianCiOrders(n, confidence);
    if (o.lo > 0 && o.hi <= n) return `>= ${n}`;
  }
  return '> 50';
}
