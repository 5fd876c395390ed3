/**
 * Multiple-comparison control across all comparisons of a run: with dozens of benchmark × unit
 * comparisons, some p-values fall under α by chance alone.
 */

/** Which correction to apply to a run's p-values. */
export type Correction = 'none' | 'holm' | 'bh';

/**
 * Adjusted p-values, in the input's order: Holm's step-down (controls the chance of any false
 * alarm) or Benjamini-Hochberg's step-up (controls the share of false alarms among alarms).
 */
export function adjustPValues(ps: readonly number[], method: Correction): number[] {
  const m = ps.length;
  if (method === 'none' || m === 0) return [...ps];
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(m);
  if (method === 'holm') {
    let running = 0;
    order.forEach(({ p, i }, k) => {
      running = Math.max(running, Math.min(1, (m - k) * p));
      out[i] = running;
    });
  } else {
    let running = 1;
    for (let k = m - 1; k >= 0; k--) {
      const { p, i } = order[k]!;
      running = Math.min(running, Math.min(1, (m / (k + 1)) * p));
      out[i] = running;
    }
  }
  return out;
}
