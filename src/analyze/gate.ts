/**
 * The regression gate over benchmark comparisons. A change is a regression only when it is
 * significant AND beyond its threshold (a percentage and an absolute floor, per unit and per
 * benchmark pattern); an improvement never fails. Units whose samples are all equal on both sides
 * (allocs/op usually, B/op often) are compared exactly, with no test needed; when they vary, the
 * test applies like for any unit. Everything worth telling the reader is kept as a note.
 */
import type { BenchFile } from '../model/bench.js';
import { higherIsBetter } from '../model/units.js';
import { type BenchTable, compareBenchFiles } from './bench-compare.js';
import { type Summary, summarize } from './stats/index.js';
import { SamplesEqualError, mannWhitneyU } from './stats/mann-whitney.js';
import { type Correction, adjustPValues } from './stats/multiple.js';
import { wilcoxonSignedRank } from './stats/wilcoxon.js';

/** How much worse a value may get: both a share of the base and an absolute amount. */
export interface Limit {
  /** Percent of the base center (10 = 10%). */
  pct: number;
  /** In the tidied unit (seconds for sec/op, bytes for B/op). */
  floor: number;
}

/** A limit for one unit, optionally only for benchmarks matching a pattern. */
export interface LimitRule {
  unit: string;
  /** Glob over the benchmark's full name (`*` matches anything); undefined: every benchmark. */
  pattern?: string;
  limit: Limit;
}

/** Which test decides significance for varying samples. */
export type TestMethod = 'mann-whitney' | 'wilcoxon';

/** Gate settings. */
export interface GateOptions {
  alpha: number;
  confidence: number;
  correction: Correction;
  /** 'wilcoxon' pairs round i of base with round i of head (interleaved runs only). */
  test: TestMethod;
  /** Rules in order; the last matching rule wins, so user rules go after defaults. */
  rules: LimitRule[];
  /** The limit of units no rule names. */
  fallback: Limit;
  /**
   * Whether timings (sec/op, per-second rates) may fail the gate. Against a baseline measured on
   * another machine at another time they drift by tens of percent on identical code, so they
   * are then reported but not gated.
   */
  gateTimings: boolean;
}

/** The gate's defaults, chosen from measurement (see README: "Choosing the defaults"). */
export const defaultGateOptions: GateOptions = {
  alpha: 0.05,
  confidence: 0.95,
  correction: 'holm',
  test: 'mann-whitney',
  rules: [
    { unit: 'sec/op', limit: { pct: 10, floor: 0 } },
    { unit: 'B/op', limit: { pct: 5, floor: 64 } },
    { unit: 'allocs/op', limit: { pct: 0, floor: 0 } },
  ],
  fallback: { pct: 10, floor: 0 },
  gateTimings: true,
};

/** Timing units: time per op, or anything per second. */
export function isTimingUnit(unit: string): boolean {
  return /(^|[^a-z])(sec|ns)\b/.test(unit) || /\/(s|sec|second)$/.test(unit);
}

/** What the gate concluded about one benchmark and unit. */
export type Verdict =
  'regression' | 'improvement' | 'unchanged' | 'inconclusive' | 'only-base' | 'only-head';

/** One benchmark × unit judged by the gate. */
export interface GateFinding {
  name: string;
  unit: string;
  /** The table's configuration (package, cpu...). */
  config: [string, string][];
  base?: Summary;
  head?: Summary;
  method: 'exact' | TestMethod | 'none';
  /** p-value after the run-wide correction (undefined for exact comparisons). */
  p?: number;
  /** p-value before correction. */
  rawP?: number;
  /** Relative change of the centers (0.12 = +12%); Infinity from a zero base. */
  change?: number;
  limit: Limit;
  higherIsBetter: boolean;
  verdict: Verdict;
  /** False when this unit only informs (timings against another run's baseline). */
  gated: boolean;
  /** Why, for footnotes: too few samples, values that vary in a usually exact unit, ... */
  notes: string[];
}

/** The gate's decision over a whole run. */
export interface GateResult {
  findings: GateFinding[];
  verdict: 'pass' | 'fail';
  regressions: GateFinding[];
  improvements: GateFinding[];
  /** Run-wide notes (e.g. a single run per benchmark). */
  notes: string[];
  options: GateOptions;
}

/** Turns a glob (`*` wildcard) into a whole-name matcher. */
function globMatches(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(name) || re.test(`Benchmark${name}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** The limit that applies to a benchmark and unit. */
export function limitFor(options: GateOptions, name: string, unit: string): Limit {
  let limit = options.fallback;
  for (const r of options.rules) {
    if (r.unit === unit && (r.pattern === undefined || globMatches(r.pattern, name)))
      limit = r.limit;
  }
  return limit;
}

const allEqual = (xs: readonly number[]) => xs.every((x) => x === xs[0]);

/** Runs the gate on a base file and a head file. */
export function gate(
  base: BenchFile,
  head: BenchFile,
  options: GateOptions = defaultGateOptions,
): GateResult {
  const tables = compareBenchFiles([base, head], options);
  const findings: GateFinding[] = [];
  const tested: GateFinding[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      const finding = judgeRow(
        t,
        row.name,
        row.cells[0]?.values,
        row.cells[1]?.values,
        options,
        base,
        head,
      );
      if (finding.rawP !== undefined) tested.push(finding);
      findings.push(finding);
    }
  }
  const adjusted = adjustPValues(
    tested.map((f) => f.rawP!),
    options.correction,
  );
  tested.forEach((f, i) => (f.p = adjusted[i]));
  for (const f of findings) decide(f, options);

  const notes: string[] = [];
  const single = findings.some((f) => f.base?.n === 1 && f.head?.n === 1);
  if (single) {
    notes.push(
      'each benchmark ran once (-count 1): no statistics are possible, so only units whose values are exact were compared; run with -count 10 or more',
    );
  }
  const regressions = findings.filter((f) => f.verdict === 'regression' && f.gated);
  return {
    findings,
    verdict: regressions.length > 0 ? 'fail' : 'pass',
    regressions,
    improvements: findings.filter((f) => f.verdict === 'improvement' && f.gated),
    notes,
    options,
  };
}

function judgeRow(
  t: BenchTable,
  name: string,
  baseValues: number[] | undefined,
  headValues: number[] | undefined,
  options: GateOptions,
  baseFile: BenchFile,
  headFile: BenchFile,
): GateFinding {
  const meta = baseFile.units[t.unit] ?? headFile.units[t.unit];
  const finding: GateFinding = {
    name,
    unit: t.unit,
    config: t.config,
    method: 'none',
    limit: limitFor(options, name, t.unit),
    higherIsBetter: higherIsBetter(t.unit, meta),
    verdict: 'inconclusive',
    gated: options.gateTimings || !isTimingUnit(t.unit),
    notes: [],
  };
  if (baseValues) finding.base = summarize(baseValues, 'nothing', options.confidence);
  if (headValues) finding.head = summarize(headValues, 'nothing', options.confidence);
  if (!baseValues || !headValues) {
    finding.verdict = baseValues ? 'only-base' : 'only-head';
    return finding;
  }
  const b = finding.base!;
  const h = finding.head!;
  finding.change = b.center === 0 ? (h.center === 0 ? 0 : Infinity) : h.center / b.center - 1;

  // Exact only when the data shows it (several runs, all equal), when the input declares it, or,
  // for a single run, for the units that are exact by nature of what they count.
  const declared = meta?.assume === 'exact';
  const single = baseValues.length < 2 || headValues.length < 2;
  const countsAllocations = t.unit === 'allocs/op' || t.unit === 'B/op';
  if (
    declared ||
    (allEqual(baseValues) && allEqual(headValues) && (!single || countsAllocations))
  ) {
    finding.method = 'exact';
    return finding;
  }
  if (single) {
    finding.notes.push(
      `${baseValues.length} and ${headValues.length} runs: too few to tell a change from noise`,
    );
    return finding;
  }
  const paired = options.test === 'wilcoxon' && baseValues.length === headValues.length;
  finding.method = paired ? 'wilcoxon' : 'mann-whitney';
  try {
    finding.rawP = paired
      ? wilcoxonSignedRank(baseValues, headValues)
      : mannWhitneyU(baseValues, headValues);
  } catch (err) {
    if (!(err instanceof SamplesEqualError)) throw err;
    finding.rawP = 1;
  }
  for (const w of [...b.warnings, ...h.warnings])
    if (!finding.notes.includes(w)) finding.notes.push(w);
  if (t.unit === 'allocs/op' || t.unit === 'B/op') {
    finding.notes.push(
      `${t.unit} varies between runs here, so it is judged by the test rather than exactly`,
    );
  }
  return finding;
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

function decide(f: GateFinding, options: GateOptions): void {
  if (f.verdict === 'only-base' || f.verdict === 'only-head') return;
  if (f.method === 'none') return; // inconclusive: too few values to test
  const significant = f.method === 'exact' || !(f.p! > options.alpha);
  if (f.method === 'exact' && f.base!.center === f.head!.center) f.verdict = 'unchanged';
  else if (significant && beyond(f, true)) f.verdict = 'regression';
  else if (significant && beyond(f, false)) f.verdict = 'improvement';
  else f.verdict = 'unchanged';
}
