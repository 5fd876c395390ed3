/**
 * The Wilcoxon signed-rank test on paired differences (two-sided), for benchmarks run in
 * interleaved rounds: round i of base and round i of head ran side by side, so their difference
 * cancels most of the machine's drift. Zero differences are dropped; ties get mid-ranks. The
 * p-value is exact (all 2^n sign flips of these ranks) up to 50 pairs without ties or 13 with
 * ties, and from the normal approximation with tie and continuity correction above: the choices
 * of SciPy's `wilcoxon`, which the tests compare against.
 */
import { SamplesEqualError } from './mann-whitney.js';
import { normalCdf } from './normal.js';

const EXACT_LIMIT = 50;
const EXACT_LIMIT_WITH_TIES = 13;

/** Two-sided p-value of the signed-rank test for pairs (base[i], head[i]). */
export function wilcoxonSignedRank(base: readonly number[], head: readonly number[]): number {
  if (base.length !== head.length) throw new Error('the signed-rank test needs paired samples');
  const diffs = base.map((b, i) => head[i]! - b).filter((d) => d !== 0);
  const n = diffs.length;
  if (n === 0) throw new SamplesEqualError();
  const sorted = diffs.map((d) => ({ d, a: Math.abs(d) })).sort((x, y) => x.a - y.a);
  // Doubled ranks keep mid-ranks integral.
  const rank2 = new Array<number>(n);
  const groups: number[] = [];
  for (let i = 0; i < n;) {
    let j = i + 1; // at least one: NaN is not equal to itself
    while (j < n && sorted[j]!.a === sorted[i]!.a) j++;
    for (let k = i; k < j; k++) rank2[k] = i + 1 + j; // 2 × (i+1 + j)/2
    groups.push(j - i);
    i = j;
  }
  let wPlus2 = 0;
  for (let k = 0; k < n; k++) if (sorted[k]!.d > 0) wPlus2 += rank2[k]!;
  const total2 = n * (n + 1); // 2 × n(n+1)/2
  const ties = groups.length < n;
  if (n <= (ties ? EXACT_LIMIT_WITH_TIES : EXACT_LIMIT)) {
    // Distribution of doubled W+ over the 2^n sign assignments of these (mid-)ranks.
    const counts = new Float64Array(total2 + 1);
    counts[0] = 1;
    let reach = 0;
    for (let k = 0; k < n; k++) {
      const r = rank2[k]!;
      for (let w = reach; w >= 0; w--) if (counts[w] !== 0) counts[w + r]! += counts[w]!;
      reach += r;
    }
    const small = Math.min(wPlus2, total2 - wPlus2);
    let tail = 0;
    for (let w = 0; w <= small; w++) tail += counts[w]!;
    return Math.min(1, (2 * tail) / 2 ** n);
  }
  const tie = groups.reduce((s, t) => s + (t * t * t - t), 0);
  const mean = (n * (n + 1)) / 4;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tie / 48);
  if (sd === 0) throw new SamplesEqualError();
  let numer = wPlus2 / 2 - mean;
  numer -= Math.sign(numer) * 0.5;
  const z = numer / sd;
  return Math.min(1, 2 * Math.min(normalCdf(z), 1 - normalCdf(z)));
}
