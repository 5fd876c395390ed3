/**
 * Every rule that turns findings into pass or fail, in one place: when a benchmark × unit is a
 * regression (significant AND beyond its limit, in the worse direction), when a profile function's
 * growth fails (beyond its points limit AND beyond sampling noise, and never from a share within a
 * benchmark whose operation counts are unknown), and how a run's verdict follows from both, its
 * failures and its baseline, and which regressions a pull request's accept label excuses. The
 * analyses measure; this module decides.
 */
import { type GateFinding, type Verdict, globMatches } from './gate.js';
import type { ProfileInsights } from './profile-insights.js';

/**
 * The verdict of a whole run. `incomplete`: a run spread over a job matrix lacks a leg (missing
 * or failed), so what was not measured cannot pass. `accepted`: every regression was excused by
 * the pull request's accept label (measured and reported all the same).
 */
export type RunVerdict =
  'pass' | 'fail' | 'no-baseline' | 'no-comparison' | 'incomplete' | 'accepted';

/**
 * A pull request's request to accept its regressions: its accept label, and the benchmark
 * patterns of its `perfgate-accept:` lines (none: every regression).
 */
export interface AcceptRequest {
  label: string;
  patterns: string[];
}

/** Whether the accept request excuses a regression of this benchmark (`pkg.BenchmarkX` or `X-8`). */
export function excuses(accept: AcceptRequest, benchmark: string): boolean {
  if (accept.patterns.length === 0) return true;
  const name = benchmark.slice(benchmark.lastIndexOf('.') + 1).replace(/^Benchmark/, '');
  // `Encode` names `Encode-8` too: the GOMAXPROCS suffix says which machine, not which benchmark.
  const bare = name.replace(/-\d+$/, '');
  return accept.patterns.some((p) => globMatches(p, name) || globMatches(p, bare));
}

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

/** The functions that grew beyond the profile limits, as `[benchmark, function]`, each once. */
function profileRegressions(p: ProfileInsights | undefined): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const c of p?.changes ?? [])
    for (const f of c.grown.filter((g) => g.regression))
      seen.set(`${f.benchmark ?? ''}\u0000${f.name}`, [f.benchmark ?? '', f.name]);
  return [...seen.values()];
}

/**
 * Functions that grew beyond the profile limits: each function once per benchmark, however many
 * sample types (bytes and objects) it grew in.
 */
export function profileRegressionCount(p: ProfileInsights | undefined): number {
  return profileRegressions(p).length;
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

/** What regressed, in words: `2 benchmarks regressed beyond the limits; 1 function grew ...`. */
function describeRegressions(benchmarks: number, functions: number): string[] {
  const parts: string[] = [];
  if (benchmarks > 0) parts.push(`${plural(benchmarks, 'benchmark')} regressed beyond the limits`);
  if (functions > 0) parts.push(`${plural(functions, 'function')} grew beyond the profile limits`);
  return parts;
}

/** The verdict, its reason, and the benchmarks whose regressions the accept label excused. */
export interface VerdictDecision {
  verdict: RunVerdict;
  reason: string;
  /** Regressed benchmarks the accept label excused (present when a label was asked about). */
  accepted?: string[];
}

/**
 * The run's verdict and one line saying why: failures first; then regressions of benchmarks and
 * of profiles (those the pull request's accept label excuses are reported, not failing: when they
 * are all excused the run is `accepted`); then legs of a matrix run that are missing or failed
 * (named, never dropped, never excused); nothing compared is never a pass, label or not; no
 * baseline follows `missing-baseline` only in the message (the step's outcome is the action's to
 * decide).
 */
export function decideVerdict(
  gate: GateOutcome | undefined,
  failures: string[],
  missingBaseline: 'pass' | 'fail',
  profiles?: ProfileInsights,
  incomplete: MissingShard[] = [],
  accept?: AcceptRequest,
): VerdictDecision {
  const decided = (verdict: RunVerdict, reason: string, accepted: string[] = []) =>
    accept ? { verdict, reason, accepted } : { verdict, reason };
  if (failures.length > 0) return decided('fail', 'the benchmark run has failures');
  const shards =
    incomplete.length > 0
      ? `incomplete: ${plural(incomplete.length, 'shard')} missing or failed: ${describeShards(incomplete)}`
      : undefined;
  const comparedProfiles =
    (profiles?.changes.length ?? 0) > 0 || profiles?.goroutinesCompared === true;
  if (!gate && !comparedProfiles) {
    if (shards) return decided('incomplete', shards);
    return decided(
      'no-baseline',
      missingBaseline === 'fail'
        ? 'no baseline to compare with (missing-baseline: fail)'
        : 'no baseline to compare with yet: head measured and reported alone',
    );
  }
  const excused = (benchmark: string) => accept !== undefined && excuses(accept, benchmark);
  const regressed = gate?.benchmarks.regressed ?? [];
  const functions = profileRegressions(profiles);
  const accepted = regressed.filter(excused);
  const failing = describeRegressions(
    regressed.length - accepted.length,
    functions.filter(([b]) => !excused(b)).length,
  );
  const excusedParts = describeRegressions(
    accepted.length,
    functions.filter(([b]) => excused(b)).length,
  );
  const byLabel = accept ? `accepted by label ${JSON.stringify(accept.label)}` : '';
  if (failing.length > 0) {
    if (excusedParts.length > 0) failing.push(`${excusedParts.join(', ')}: ${byLabel}`);
    if (shards) failing.push(shards);
    return decided('fail', failing.join('; '), accepted);
  }
  if (shards) return decided('incomplete', shards, accepted);
  if (excusedParts.length > 0)
    return decided('accepted', `${excusedParts.join('; ')}, ${byLabel}`, accepted);
  if (gate?.verdict === 'no-comparison')
    return decided('no-comparison', gate.cause ?? 'nothing to compare');
  return decided('pass', 'no regression beyond the limits');
}

/**
 * Whether the action's step fails: a failed or uncompared run unless `fail-on: never`; no
 * baseline only with `missing-baseline: fail`; a matrix run missing a leg unless
 * `missing-shards: warn`. An accepted run (every regression excused by the pull request's label)
 * reports its regressions and passes.
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
 * (never read as a pass), else 0 (accepted included).
 */
export function exitCodeFor(verdict: RunVerdict): number {
  return verdict === 'fail' || verdict === 'incomplete' ? 1 : verdict === 'no-comparison' ? 2 : 0;
}
