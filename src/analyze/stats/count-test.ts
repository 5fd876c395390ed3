/**
 * A count test for sampled profiles: did a rate of sampling events grow? Two Poisson counts, base
 * `n1` over exposure `e1` and head `n2` over exposure `e2`, compared by the conditional test:
 * given n1 + n2 events, under equal rates head's count is Binomial(n1 + n2, e2 / (e1 + e2)).
 * The p-value is the binomial upper tail P(X ≥ n2), exact for up to a million events.
 */

const smallLogFactorials: number[] = [0];
for (let n = 1; n <= 256; n++) smallLogFactorials.push(smallLogFactorials[n - 1]! + Math.log(n));

/** ln(n!) for a whole n ≥ 0: summed up to 256, Stirling's series (error < 1e-16) above. */
export function logFactorial(n: number): number {
  if (n <= 256) return smallLogFactorials[n]!;
  const r = 1 / n;
  const r2 = r * r;
  return (
    n * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI * n) +
    r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)))
  );
}

/** P(X ≥ k) for X ~ Binomial(n, p); n and k are rounded to whole numbers. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  k = Math.round(k);
  n = Math.round(n);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logPmf = (j: number) =>
    logFactorial(n) -
    logFactorial(j) -
    logFactorial(n - j) +
    j * Math.log(p) +
    (n - j) * Math.log1p(-p);
  const ratio = p / (1 - p);
  if (k > n * p) {
    // Above the mean: sum the upper tail from k up, each term the previous · (n − j)/(j + 1) · p/(1 − p).
    let term = Math.exp(logPmf(k));
    let sum = term;
    for (let j = k; j < n && term >= sum * 1e-17; j++) {
      term *= ((n - j) / (j + 1)) * ratio;
      sum += term;
    }
    return Math.min(1, sum);
  }
  // At or below the mean: one minus the lower tail, summed from k − 1 down.
  let term = Math.exp(logPmf(k - 1));
  let sum = term;
  for (let j = k - 1; j > 0 && term >= sum * 1e-17; j--) {
    term *= j / (n - j + 1) / ratio;
    sum += term;
  }
  return Math.max(0, 1 - sum);
}

/** One-sided p-value that head's rate (n2 / e2) exceeds base's (n1 / e1). */
export function rateGrowthP(n1: number, e1: number, n2: number, e2: number): number {
  if (!(e1 > 0) || !(e2 > 0)) return 1;
  return binomialUpperTail(n2, n1 + n2, e2 / (e1 + e2));
}
