/**
 * Every rule that turns findings into pass or fail, in one place: when a benchmark × unit is a
 * regression (significant AND beyond its limit, in the worse direction), when a profile function's
 * growth fails (beyond its points limit AND beyond sampling noise, and never from a share within a
 * benchmark whose operation counts are unknown), and how a run's verdict follows from both, its
 * failures and its baseline. The analyses measure; this module decides.
 */
import type { GateFinding, Verdict } from './gate.js';
import type { ProfileInsights } from './profile-insights.js';

/**
 * The verdict of a whole run. `incomplete`: a run spread over a job matrix lacks a leg (missing
 * or failed), so what was not measured cannot pass.
 */
export type RunVerdict = 'pass' | 'fail' | 'no-baseline' | 'no-comparison' | 'incomplete';

/** A leg of a matrix run that is missing or failed, and why. */
export interface MissingShard {
  shard: string;
  why: string;
}

/** Beyond the limit in the worse (or, for improvements, better) direction. */
function beyond(f: GateFinding, worse: boolean): boolean {
  const delta = f.head!.center - f.base!.center;
  const signed = f.higherIsBetter ? -delta : delta; // > 0 means worse
  if (worse ? signed <= 0 : signed >= 0) return false;
  const abs = Math.abs(delta);
  const rel = Math.abs(f.change!);
  return abs > f.limit.floor && rel > f.limit.pct / 100;
}

/**
 * A benchmark × unit: a regression only when significant (an exact comparison, or p ≤ α after
 * the run's correction) and beyond its limit; an improvement likewise; otherwise unchanged.
 * One-sided and untestable findings keep the verdict the gate gave them.
 */
export function benchmarkVerdict(f: GateFinding, alpha: number): Verdict {
  if (f.verdict === 'only-base' || f.verdict === 'only-head') return f.verdict;
  if (f.method === 'none') return f.verdict; // inconclusive: too few values to test
  const significant = f.method === 'exact' || !(f.p! > alpha);
  if (f.method === 'exact' && f.base!.center === f.head!.center) return 'unchanged';
  if (significant && beyond(f, true)) return 'regression';
  if (significant && beyond(f, false)) return 'improvement';
  return 'unchanged';
}

/** What a profile function's growth rests on. */
export interface ProfileGrowth {
  /** Points limit of its sample type (undefined: reported only). */
  limit: number | undefined;
  /** `benchmark`: a share within one benchmark, without operation counts. */
  basis: string;
  /** Beyond sampling noise (enough sampled events, and the count test). */
  significant: boolean;
  /** Growth in points (of share, or of the per-operation value). */
  points: number;
}

/**
 * A profile function fails the gate only when its sample type gates, its growth is beyond the
 * limit and beyond sampling noise. A share within a benchmark moves with b.N (set-up work against
 * loop work) on identical code, so without operation counts it is reported, never gating.
 */
export function profileGrowthFails(g: ProfileGrowth): boolean {
  return g.limit !== undefined && g.basis !== 'benchmark' && g.significant && g.points > g.limit;
}

/**
 * Functions that grew beyond the profile limits: each function once per benchmark, however many
 * sample types (bytes and objects) it grew in.
 */
export function profileRegressionCount(p: ProfileInsights | undefined): number {
  const grew = (p?.changes ?? []).flatMap((c) =>
    c.grown.filter((f) => f.regression).map((f) => `${f.benchmark ?? ''}\u0000${f.name}`),
  );
  return new Set(grew).size;
}

/** The gate's result as far as the run's verdict needs it. */
interface GateOutcome {
  verdict: 'pass' | 'fail' | 'no-comparison';
  cause: string | undefined;
  benchmarks: { regressed: string[] };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** `shard linux (why); shard macos (why)`. */
function describeShards(incomplete: MissingShard[]): string {
  return incomplete.map((m) => `shard ${m.shard} ${m.why}`).join('; ');
}

/**
 * The run's verdict and one line saying why: failures first; then regressions of benchmarks and
 * of profiles; then legs of a matrix run that are missing or failed (named, never dropped);
 * nothing compared is never a pass; no baseline follows `missing-baseline` only in the message
 * (the step's outcome is the action's to decide).
 */
export function decideVerdict(
  gate: GateOutcome | undefined,
  failures: string[],
  missingBaseline: 'pass' | 'fail',
  profiles?: ProfileInsights,
  incomplete: MissingShard[] = [],
): { verdict: RunVerdict; reason: string } {
  if (failures.length > 0) return { verdict: 'fail', reason: 'the benchmark run has failures' };
  const shards =
    incomplete.length > 0
      ? `incomplete: ${plural(incomplete.length, 'shard')} missing or failed: ${describeShards(incomplete)}`
      : undefined;
  const profileRegressions = profileRegressionCount(profiles);
  const comparedProfiles = (profiles?.changes.length ?? 0) > 0;
  if (!gate && !comparedProfiles) {
    if (shards) return { verdict: 'incomplete', reason: shards };
    return {
      verdict: 'no-baseline',
      reason:
        missingBaseline === 'fail'
          ? 'no baseline to compare with (missing-baseline: fail)'
          : 'no baseline to compare with yet: head measured and reported alone',
    };
  }
  const benchmarks = gate?.benchmarks.regressed.length ?? 0;
  const parts: string[] = [];
  if (benchmarks > 0) parts.push(`${plural(benchmarks, 'benchmark')} regressed beyond the limits`);
  if (profileRegressions > 0)
    parts.push(`${plural(profileRegressions, 'function')} grew beyond the profile limits`);
  if (parts.length > 0) {
    if (shards) parts.push(shards);
    return { verdict: 'fail', reason: parts.join('; ') };
  }
  if (shards) return { verdict: 'incomplete', reason: shards };
  if (gate?.verdict === 'no-comparison')
    return { verdict: 'no-comparison', reason: gate.cause ?? 'nothing to compare' };
  return { verdict: 'pass', reason: 'no regression beyond the limits' };
}

/**
 * Whether the action's step fails: a failed or uncompared run unless `fail-on: never`; no
 * baseline only with `missing-baseline: fail`; a matrix run missing a leg unless
 * `missing-shards: warn`.
 */
export function stepFails(
  verdict: RunVerdict,
  failOn: 'regression' | 'never',
  missingBaseline: 'pass' | 'fail',
  missingShards: 'fail' | 'warn' = 'fail',
): boolean {
  if (verdict === 'fail' || verdict === 'no-comparison') return failOn === 'regression';
  if (verdict === 'incomplete') return failOn === 'regression' && missingShards === 'fail';
  return verdict === 'no-baseline' && missingBaseline === 'fail';
}

/**
 * The CLI's exit code for a verdict: 1 fail or incomplete (a leg is missing), 2 nothing compared
 * (never read as a pass), else 0.
 */
export function exitCodeFor(verdict: RunVerdict): number {
  return verdict === 'fail' || verdict === 'incomplete' ? 1 : verdict === 'no-comparison' ? 2 : 0;
}
