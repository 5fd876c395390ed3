/**
 * The two-sided Mann-Whitney U test, with benchstat's choices: mid-ranks for ties; the exact
 * null distribution for small samples (up to 50 per side without ties, 25 with ties); otherwise
 * the normal approximation with tie and continuity correction.
 */
import { normalCdf } from './normal.js';

/** Raised when every value in both samples is the same: there is nothing to test. */
export class SamplesEqualError extends Error {
  constructor() {
    super('all samples are equal');
  }
}

const EXACT_LIMIT = 50;
const EXACT_LIMIT_WITH_TIES = 25;

/** The U test's two-sided p-value for two samples (any order). */
export function mannWhitneyU(x1: readonly number[], x2: readonly number[]): number {
  const n1 = x1.length;
  const n2 = x2.length;
  if (n1 === 0 || n2 === 0) throw new Error('Mann-Whitney U test needs two non-empty samples');
  const merged = [...x1.map((v) => ({ v, first: true })), ...x2.map((v) => ({ v, first: false }))];
  merged.sort((a, b) => a.v - b.v);

  // Ranks (mid-ranks for ties), the first sample's rank sum, and the sizes of tied groups.
  let r1 = 0;
  const groups: number[] = [];
  let hasTies = false;
  for (let i = 0; i < merged.length;) {
    const start = i;
    const v = merged[i]!.v;
    // The group's first value always counts, so `i` advances even when `===` never holds (NaN).
    let inFirst = merged[i]!.first ? 1 : 0;
    for (i++; i < merged.length && merged[i]!.v === v; i++) if (merged[i]!.first) inFirst++;
    if (inFirst > 0) r1 += ((start + 1 + i) / 2) * inFirst;
    groups.push(i - start);
    if (i - start > 1) hasTies = true;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const uSmall = Math.min(u1, u2);

  const exact = hasTies
    ? n1 <= EXACT_LIMIT_WITH_TIES && n2 <= EXACT_LIMIT_WITH_TIES
    : n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
  if (exact) {
    if (groups.length === 1) throw new SamplesEqualError();
    if (u1 === u2) return 1;
    return uCdf(uSmall, n1, n2, groups) * 2;
  }

  const t = groups.reduce((s, g) => s + (g * g * g - g), 0);
  const n = n1 + n2;
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt((n1 * n2 * (n + 1 - t / (n * (n - 1)))) / 12);
  if (sigma === 0) throw new SamplesEqualError();
  let numer = u1 - mu;
  numer -= Math.sign(numer) * 0.5;
  const z = numer / sigma;
  return 2 * Math.min(normalCdf(z), 1 - normalCdf(z));
}

/** Exact distributions already computed, by sizes and tied groups (a run repeats them often). */
const distributions = new Map<string, Float64Array>();
const MAX_DISTRIBUTIONS = 4096;

/**
 * P(U ≤ u) under the null hypothesis, exactly: every assignment of the n1 + n2 values to the two
 * samples is equally likely, with the tied groups as they are. Works in doubled U (ties add ½).
 */
function uCdf(u: number, n1: number, n2: number, groups: number[]): number {
  const key = `${n1}:${n2}:${groups.join(',')}`;
  let cdf = distributions.get(key);
  if (!cdf) {
    cdf = uDistribution(n1, n2, groups);
    if (distributions.size >= MAX_DISTRIBUTIONS) distributions.clear();
    distributions.set(key, cdf);
  }
  return cdf[Math.min(Math.round(2 * u), cdf.length - 1)]!;
}

/** P(doubled U ≤ w) for every w, for samples of these sizes and tied groups. */
function uDistribution(n1: number, n2: number, groups: number[]): Float64Array {
  const maxU2 = 2 * n1 * n2;
  // ways[a][w]: arrangements of the groups seen so far with `a` values from the first sample and
  // doubled U equal to w.
  let ways: Float64Array[] = [new Float64Array(maxU2 + 1)];
  ways[0]![0] = 1;
  let placed = 0;
  for (const t of groups) {
    const next: Float64Array[] = [];
    const choose = binomialRow(t);
    for (let a = 0; a < ways.length; a++) {
      const row = ways[a];
      if (!row) continue;
      const second = placed - a; // values from the second sample below this group
      for (let k = 0; k <= t && a + k <= n1; k++) {
        if (t - k > n2 - second) continue;
        const add = 2 * k * second + k * (t - k);
        const target = (next[a + k] ??= new Float64Array(maxU2 + 1));
        const c = choose[k]!;
        for (let w = 0; w + add <= maxU2; w++) {
          const x = row[w]!;
          if (x !== 0) target[w + add]! += c * x;
        }
      }
    }
    ways = next;
    placed += t;
  }
  const final = ways[n1]!;
  let total = 0;
  for (let w = 0; w <= maxU2; w++) total += final[w]!;
  const cdf = new Float64Array(maxU2 + 1);
  let below = 0;
  for (let w = 0; w <= maxU2; w++) {
    below += final[w]!;
    cdf[w] = below / total;
  }
  return cdf;
}

function binomialRow(t: number): number[] {
  const row = [1];
  for (let k = 1; k <= t; k++) row.push((row[k - 1]! * (t - k + 1)) / k);
  return row;
}
