/**
 * The regression gate over benchmark comparisons. A change is a regression only when it is
 * significant AND beyond its threshold (a percentage and an absolute floor, per unit and per
 * benchmark pattern); an improvement never fails. Units whose samples are all equal on both sides
 * (allocs/op usually, B/op often) are compared exactly, with no test needed; when they vary, the
 * test applies like for any unit. Everything worth telling the reader is kept as a note.
 */
import type { BenchFile } from '../model/bench.js';
import { higherIsBetter } from '../units/bench-units.js';
import { type Summary, summarize } from './stats/index.js';
import { SamplesEqualError, mannWhitneyU } from './stats/mann-whitney.js';
import { type Correction, adjustPValues } from './stats/multiple.js';
import { wilcoxonSignedRank } from './stats/wilcoxon.js';
import { benchmarkVerdict } from './verdict.js';

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
  /**
   * Configuration keys that are part of a benchmark's identity besides its name (default:
   * `pkg`). Every other configuration line (cpu, goos, goarch, ...) describes the machine and
   * never keeps two runs of the same benchmark apart.
   */
  identity?: string[];
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
  /** The benchmark's name as head reports it (base's when head lacks it). */
  name: string;
  unit: string;
  /** The configuration keys that identify the benchmark (by default its package). */
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
  /**
   * The unit this one only restates (B/s from b.SetBytes is sec/op inverted): shown, but not a
   * comparison of its own, so it neither weakens the correction nor counts as a regression.
   */
  restates?: string;
  /** Why, for footnotes: too few samples, values that vary in a usually exact unit, ... */
  notes: string[];
}

/**
 * A unit whose comparisons cannot come out significant whatever the data: with n values per
 * side a rank test has a smallest possible p-value, and the correction demands a smaller one.
 */
export interface PowerNote {
  unit: string;
  /** Comparisons of this unit that cannot be flagged, of all its tested comparisons. */
  blind: number;
  tested: number;
  /** The smallest per-side sample size among the blind comparisons. */
  n: number;
  /** The smallest p-value the test can give with that many values. */
  minP: number;
  /** The p-value a single change must reach: α, or α/m under a correction over m comparisons. */
  threshold: number;
  /** How many comparisons the correction spans. */
  family: number;
  /** Values per side needed to be able to reach the threshold (per side, as -count). */
  countNeeded: number;
}

/** What one side of the comparison held, for messages. */
export interface SideInfo {
  label: string;
  benchmarks: number;
  /** Values of the identity keys (packages), as found. */
  packages: string[];
  /** The first few benchmark names. */
  examples: string[];
}

/** The gate's decision over a whole run. */
export interface GateResult {
  findings: GateFinding[];
  /** `no-comparison`: no benchmark of head met one of base, so nothing was judged. */
  verdict: 'pass' | 'fail' | 'no-comparison';
  /** Gated regressions, one per benchmark and unit. */
  regressions: GateFinding[];
  improvements: GateFinding[];
  /** Counts by benchmark (a benchmark with three regressing units regressed once). */
  benchmarks: {
    compared: number;
    regressed: string[];
    improved: string[];
    /** Only in head, or only in base. */
    added: string[];
    removed: string[];
  };
  /** How the two sides' machines differ, in one line (cpu, GOMAXPROCS, ...), when they do. */
  machines: string | undefined;
  /** Units the gate could not judge at all with the sample sizes at hand. */
  power: PowerNote[];
  /** Why nothing was compared (for `no-comparison`). */
  cause: string | undefined;
  sides: { base: SideInfo; head: SideInfo };
  /** Run-wide notes (e.g. a single run per benchmark). */
  notes: string[];
  options: GateOptions;
}

/** Whether a glob (`*` wildcard) matches the whole name, with or without its `Benchmark` prefix. */
export function globMatches(pattern: string, name: string): boolean {
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

/** The values of one benchmark and unit on both sides, matched by identity. */
interface Pair {
  identity: [string, string][];
  /** The identity as one string, to sort and match by. */
  idKey: string;
  name: string;
  unit: string;
  base: number[];
  head: number[];
  /** Written as MB/s: b.SetBytes's rate, derived from sec/op. */
  fromSetBytes: boolean;
  /** First-seen order of the benchmark. */
  row: number;
}

/** A benchmark name's GOMAXPROCS suffix (`-8`). */
export const PROCS_SUFFIX = /-(\d+)$/;

/**
 * The GOMAXPROCS suffix of a file's names (`Encode-8`) when every result has the same one: it
 * says how many cores the machine had, not which benchmark it is. With `-cpu 1,2,4` the names
 * differ by it, and then it stays part of the name.
 */
export function commonProcs(file: BenchFile): string | undefined {
  let procs: string | undefined;
  for (const r of file.results) {
    const m = PROCS_SUFFIX.exec(r.name);
    if (!m || (procs !== undefined && m[1] !== procs)) return undefined;
    procs = m[1];
  }
  return procs;
}

/** Pairs base's and head's values by benchmark identity: identity keys, name, unit. */
function pairByIdentity(base: BenchFile, head: BenchFile, identity: string[]): Pair[] {
  const pairs = new Map<string, Pair>();
  const unitOrder = new Map<string, number>();
  const rowOrder = new Map<string, number>();
  for (const [side, file] of [
    ['base', base],
    ['head', head],
  ] as const) {
    const procs = commonProcs(file);
    for (const r of file.results) {
      const name = procs === undefined ? r.name : r.name.replace(PROCS_SUFFIX, '');
      const id = identity.map((k) => [k, r.config[k] ?? ''] as [string, string]);
      const idKey = JSON.stringify(id);
      const row = `${idKey}\u0000${name}`;
      if (!rowOrder.has(row)) rowOrder.set(row, rowOrder.size);
      for (const v of r.values) {
        if (!unitOrder.has(v.unit)) unitOrder.set(v.unit, unitOrder.size);
        const key = `${row}\u0000${v.unit}`;
        let p = pairs.get(key);
        if (!p) {
          const order = rowOrder.get(row)!;
          p = {
            identity: id,
            idKey,
            name: r.name,
            unit: v.unit,
            base: [],
            head: [],
            fromSetBytes: false,
            row: order,
          };
          pairs.set(key, p);
        }
        if (side === 'head' && p.head.length === 0) p.name = r.name;
        p[side].push(v.value);
        if (v.orig?.unit === 'MB/s') p.fromSetBytes = true;
      }
    }
  }
  return [...pairs.values()].sort(
    (a, b) =>
      (a.idKey < b.idKey ? -1 : a.idKey > b.idKey ? 1 : 0) ||
      unitOrder.get(a.unit)! - unitOrder.get(b.unit)! ||
      a.row - b.row,
  );
}

/** Runs the gate on a base file and a head file. */
export function gate(
  base: BenchFile,
  head: BenchFile,
  options: GateOptions = defaultGateOptions,
): GateResult {
  const identity = options.identity ?? ['pkg'];
  const pairs = pairByIdentity(base, head, identity);
  const timed = new Set(
    pairs.filter((p) => p.unit === 'sec/op').map((p) => JSON.stringify([p.identity, p.name])),
  );
  const findings = pairs.map((p) => {
    const f = judgePair(p, options, base, head);
    if (p.fromSetBytes && timed.has(JSON.stringify([p.identity, p.name]))) f.restates = 'sec/op';
    return f;
  });

  // One family for the correction: the comparisons that can fail the gate. Timings that only
  // inform, and units that restate another, are corrected among themselves, for display.
  const family = findings.filter((f) => f.rawP !== undefined && f.gated && !f.restates);
  const others = findings.filter((f) => f.rawP !== undefined && !(f.gated && !f.restates));
  for (const group of [family, others]) {
    const adjusted = adjustPValues(
      group.map((f) => f.rawP!),
      options.correction,
    );
    group.forEach((f, i) => (f.p = adjusted[i]));
  }
  for (const f of findings) f.verdict = benchmarkVerdict(f, options.alpha);

  const notes: string[] = [];
  const single = findings.some((f) => f.base?.n === 1 && f.head?.n === 1);
  if (single) {
    notes.push(
      'each benchmark ran once (-count 1): no statistics are possible, so only units whose values are exact were compared; run with -count 10 or more',
    );
  }
  const counted = (f: GateFinding) => f.gated && !f.restates;
  const regressions = findings.filter((f) => f.verdict === 'regression' && counted(f));
  const improvements = findings.filter((f) => f.verdict === 'improvement' && counted(f));
  const benchmarks = countBenchmarks(findings, regressions, improvements);
  const sides = { base: sideInfo(base, identity), head: sideInfo(head, identity) };
  const cause = benchmarks.compared === 0 ? noComparisonCause(sides) : undefined;
  return {
    findings,
    verdict: cause ? 'no-comparison' : regressions.length > 0 ? 'fail' : 'pass',
    regressions,
    improvements,
    benchmarks,
    machines: machineDifference(base, head, identity),
    power: powerNotes(family, options),
    cause,
    sides,
    notes,
    options,
  };
}

const benchKey = (f: GateFinding) => JSON.stringify([f.config, f.name]);

function uniqueNames(fs: GateFinding[]): string[] {
  const seen = new Map<string, string>();
  for (const f of fs) if (!seen.has(benchKey(f))) seen.set(benchKey(f), f.name);
  return [...seen.values()];
}

function countBenchmarks(
  findings: GateFinding[],
  regressions: GateFinding[],
  improvements: GateFinding[],
): GateResult['benchmarks'] {
  const both = findings.filter((f) => f.base && f.head);
  const regressed = new Set(regressions.map(benchKey));
  return {
    compared: uniqueNames(both).length,
    regressed: uniqueNames(regressions),
    // A benchmark that regressed in one unit is not also counted as improved.
    improved: uniqueNames(improvements.filter((f) => !regressed.has(benchKey(f)))),
    added: uniqueNames(findings.filter((f) => f.verdict === 'only-head')),
    removed: uniqueNames(findings.filter((f) => f.verdict === 'only-base')),
  };
}

function sideInfo(file: BenchFile, identity: string[]): SideInfo {
  const names = [...new Set(file.results.map((r) => r.name))];
  const packages = [
    ...new Set(
      file.results.map((r) => identity.map((k) => r.config[k] ?? '').join(' ')).filter(Boolean),
    ),
  ];
  return { label: file.label, benchmarks: names.length, packages, examples: names.slice(0, 3) };
}

function describeSide(s: SideInfo): string {
  if (s.benchmarks === 0) return `${s.label} has no benchmark results`;
  const more = s.benchmarks > s.examples.length ? ', …' : '';
  const where = s.packages.length > 0 ? ` in ${s.packages.slice(0, 3).join(', ')}` : '';
  return `${s.label} has ${s.benchmarks} benchmark${s.benchmarks === 1 ? '' : 's'}${where} (${s.examples.join(', ')}${more})`;
}

function noComparisonCause(sides: GateResult['sides']): string {
  return `nothing to compare: ${describeSide(sides.base)}; ${describeSide(sides.head)}; no benchmark is in both`;
}

/** The configuration lines that differ between the sides, beyond identity: the machines. */
function machineDifference(
  base: BenchFile,
  head: BenchFile,
  identity: string[],
): string | undefined {
  const valuesOf = (f: BenchFile) => {
    const m = new Map<string, Set<string>>();
    for (const r of f.results)
      for (const [k, v] of Object.entries(r.config))
        if (!identity.includes(k)) (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
    const procs = commonProcs(f);
    if (procs !== undefined) m.set('GOMAXPROCS', new Set([procs]));
    return m;
  };
  const b = valuesOf(base);
  const h = valuesOf(head);
  const diffs: string[] = [];
  for (const k of new Set([...b.keys(), ...h.keys()])) {
    const bv = [...(b.get(k) ?? [])].join(', ') || '(none)';
    const hv = [...(h.get(k) ?? [])].join(', ') || '(none)';
    if (bv !== hv) diffs.push(`${k} ${bv} vs ${hv}`);
  }
  return diffs.length > 0 ? diffs.join('; ') : undefined;
}

function judgePair(
  p: Pair,
  options: GateOptions,
  baseFile: BenchFile,
  headFile: BenchFile,
): GateFinding {
  const { unit } = p;
  const baseValues = p.base.length > 0 ? p.base : undefined;
  const headValues = p.head.length > 0 ? p.head : undefined;
  const meta = baseFile.units[unit] ?? headFile.units[unit];
  const finding: GateFinding = {
    name: p.name,
    unit,
    config: p.identity,
    method: 'none',
    limit: limitFor(options, p.name, unit),
    higherIsBetter: higherIsBetter(unit, meta),
    verdict: 'inconclusive',
    gated: options.gateTimings || !isTimingUnit(unit),
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
  const countsAllocations = unit === 'allocs/op' || unit === 'B/op';
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
  if (countsAllocations) {
    finding.notes.push(
      `${unit} varies between runs here, so it is judged by the test rather than exactly`,
    );
  }
  return finding;
}

/** The p-value one change must reach to be flagged among `m` comparisons. */
export function thresholdFor(alpha: number, correction: Correction, m: number): number {
  return correction === 'none' || m <= 1 ? alpha : alpha / m;
}

const minPCache = new Map<string, number>();

/** The smallest p-value the test can give with n1 and n2 values (fully separated samples). */
export function smallestPossibleP(method: TestMethod, n1: number, n2: number): number {
  const key = `${method}:${n1}:${n2}`;
  let p = minPCache.get(key);
  if (p === undefined) {
    const lo = Array.from({ length: n1 }, (_, i) => i);
    const hi = Array.from({ length: n2 }, (_, i) => n1 + i);
    p =
      method === 'wilcoxon'
        ? wilcoxonSignedRank(
            lo,
            lo.map((x, i) => x + n1 + i + 1),
          )
        : mannWhitneyU(lo, hi);
    minPCache.set(key, p);
  }
  return p;
}

/** Per-side count needed for the test to be able to reach the threshold (at most 1000). */
function countNeeded(method: TestMethod, threshold: number): number {
  for (let n = 2; n < 1000; n++) if (smallestPossibleP(method, n, n) <= threshold) return n;
  return 1000;
}

function powerNotes(family: GateFinding[], options: GateOptions): PowerNote[] {
  const threshold = thresholdFor(options.alpha, options.correction, family.length);
  const byUnit = new Map<string, GateFinding[]>();
  for (const f of family) (byUnit.get(f.unit) ?? byUnit.set(f.unit, []).get(f.unit)!).push(f);
  const notes: PowerNote[] = [];
  for (const [unit, fs] of byUnit) {
    let blind = 0;
    let n = Infinity;
    let minP = 0;
    let method: TestMethod = 'mann-whitney';
    for (const f of fs) {
      const m = f.method === 'wilcoxon' ? 'wilcoxon' : 'mann-whitney';
      const p = smallestPossibleP(m, f.base!.n, f.head!.n);
      if (p <= threshold) continue;
      blind++;
      const size = Math.min(f.base!.n, f.head!.n);
      if (size < n) {
        n = size;
        minP = p;
        method = m;
      }
    }
    if (blind === 0) continue;
    notes.push({
      unit,
      blind,
      tested: fs.length,
      n,
      minP,
      threshold,
      family: family.length,
      countNeeded: countNeeded(method, threshold),
    });
  }
  return notes;
}
