/**
 * What the profiles of a run say, next to the benchmarks: per profile pair and sample type, the
 * functions of the user's code that grew (each with the runtime and library work it called), and
 * by how many points: of its share of the profile for programs and services, or, for profiles
 * written by `go test -bench`, benchmark by benchmark, per operation where the benchmark output is
 * at hand (a share of the whole profile moves with how many iterations each time-boxed benchmark
 * got). Also allocation hotspots and goroutine leaks.
 *
 * A growth can fail the gate, per sample type (on by default for allocations, off for cpu and
 * contention), only with evidence: enough sampled events behind it and a count test that finds
 * it beyond sampling noise. Benchmark harness frames never gate.
 */
import { profileGrowthFails } from './verdict.js';
import type { Profile } from '../model/profile.js';
import type { GoroutineSnapshot } from '../model/goroutines.js';
import type { BenchFile } from '../model/bench.js';
import {
  type BenchTotals,
  type BenchmarkSplit,
  benchmarkTotals,
  perOpUnits,
  sampleEvents,
  benchmarkSplit,
  totalsOf,
} from './bench-profile.js';
import { leafLine, profileView, userLines } from './profile-view.js';
import { type Hotspot, type HotspotInputs, type SourceLookup, findHotspots } from './hotspots.js';
import {
  type LeakOptions,
  type LeakWarning,
  defaultLeakOptions,
  findLeaks,
  mixedFormsNote,
} from './leaks.js';
import { rateGrowthP } from './stats/count-test.js';

/** A profile of head, and the same profile of base when there is one. */
export interface ProfilePair {
  name: string;
  base: Profile | undefined;
  head: Profile;
}

/**
 * What a change's base and head values are: totals of the whole profile (programs and services),
 * totals within one benchmark of a `go test` profile, or per operation of that benchmark (its share
 * of the benchmark's profile times the benchmark's own per-operation result, e.g. B/op).
 */
export type ChangeBasis = 'total' | 'benchmark' | 'per-op';

/** One function's change in one sample type (and benchmark). */
export interface FunctionChange {
  /** The user's function the values are attributed to (its own and its runtime/library callees'). */
  name: string;
  /** The benchmark function the change was measured in (`pkg.BenchmarkX`), for `go test` profiles. */
  benchmark: string | undefined;
  /** Where: the function's file and the line whose share grew most (else its hottest line). */
  file: string;
  line: number;
  /** The runtime or library function most of the value was spent in, when not the function itself. */
  leaf: string | undefined;
  basis: ChangeBasis;
  /** Values in the basis: totals, or per operation. */
  base: number;
  head: number;
  /** head − base. */
  delta: number;
  /**
   * The change in percentage points: of the function's share of the profile (`total`) or of the
   * benchmark (`benchmark`), or, per operation, of the benchmark's base value per operation.
   */
  sharePoints: number;
  /** Sampling events behind the values (allocations sampled, cpu samples, contentions). */
  events: { base: number; head: number };
  /** One-sided p-value of the count test that head's rate is higher; 1 when not tested. */
  p: number;
  /** True when the events are enough and the count test finds the growth significant. */
  significant: boolean;
  /** True when the share grew beyond the limit of this sample type and the gate is on for it. */
  regression: boolean;
}

/** One sample type of one pair. */
export interface SampleTypeChanges {
  profile: string;
  sampleType: string;
  unit: string;
  baseTotal: number;
  headTotal: number;
  /** True when the profile was written by `go test -bench` and compared benchmark by benchmark. */
  perBenchmark: boolean;
  /** Regressions, then the biggest growths. */
  grown: FunctionChange[];
  /** Biggest shrinks first. */
  shrunk: FunctionChange[];
  /** The gate's limit in percentage points, or undefined when this sample type does not gate. */
  limitPoints: number | undefined;
}

/** Everything the profiles say. */
export interface ProfileInsights {
  changes: SampleTypeChanges[];
  hotspots: Hotspot[];
  leaks: LeakWarning[];
  /** Base and head goroutine snapshots were both read and compared (no leak is then a finding). */
  goroutinesCompared?: boolean;
  notes: string[];
}

/** Share limits per sample type in percentage points; absent: reported, never gating. */
export const defaultShareLimits: Record<string, number> = { alloc_space: 5, alloc_objects: 5 };

/** How much evidence a profile finding needs before it can fail the gate. */
export interface EvidenceOptions {
  /** Sampling events behind head's value, at least (default 20). */
  minEvents: number;
  /** The count test's level (default 0.001: many functions are tested at once). */
  alpha: number;
}

/** Default evidence: 20 sampled events and p < 0.001. */
export const defaultEvidence: EvidenceOptions = { minEvents: 20, alpha: 0.001 };

/** The sample types worth reading per kind of profile. */
const interesting = ['cpu', 'alloc_space', 'alloc_objects', 'inuse_space', 'delay', 'contentions'];

const TOP = 5;
/** Share changes smaller than this (percentage points) are noise, not worth a row. */
const MIN_POINTS = 0.1;
/** Samples outside any benchmark (harness, GC workers): never rows of a benchmark profile. */
const OUTSIDE = '\u0000outside';

interface FunctionAgg {
  value: number;
  events: number;
  file: string;
  startLine: number;
  lines: Map<number, number>;
  leaves: Map<string, number>;
}

interface ScopeAgg {
  total: number;
  events: number;
  fns: Map<string, FunctionAgg>;
}

/** One side's values of one sample type, per scope (benchmark, or '' for the whole profile). */
function attribute(p: Profile, type: string, split: BenchmarkSplit | undefined) {
  const idx = p.sampleTypes.findIndex((t) => t.type === type);
  const events = sampleEvents(p, type);
  const scopes = new Map<string, ScopeAgg>();
  const { values, width, count } = p.samples;
  const view = profileView(p);
  const users = userLines(p, split, false);
  let lastScope: string | undefined;
  let last: ScopeAgg | undefined;
  for (let i = 0; i < count; i++) {
    const v = values[i * width + idx]!;
    const e = events?.[i] ?? 0;
    if (v === 0) continue;
    const b = split ? split.of[i]! : -1;
    const scope = split ? (b >= 0 ? split.names[b]! : OUTSIDE) : '';
    // Samples of one scope mostly follow each other: the last scope is at hand.
    let s = scope === lastScope ? last : scopes.get(scope);
    if (!s) scopes.set(scope, (s = { total: 0, events: 0, fns: new Map() }));
    lastScope = scope;
    last = s;
    s.total += v;
    s.events += e;
    if (scope === OUTSIDE) continue;
    const u = users[i]!;
    if (u < 0) continue;
    const name = view.names[view.lineName[u]!]!;
    const line = view.lineNo[u]!;
    let f = s.fns.get(name);
    if (!f) {
      const fn = view.lineFn[u];
      f = {
        value: 0,
        events: 0,
        file: fn?.filename ?? '',
        startLine: fn?.startLine ?? 0,
        lines: new Map(),
        leaves: new Map(),
      };
      s.fns.set(name, f);
    }
    f.value += v;
    f.events += e;
    f.lines.set(line, (f.lines.get(line) ?? 0) + v);
    const leaf = leafLine(p, view, i);
    if (leaf !== u) {
      const leafName = view.names[view.lineName[leaf]!]!;
      f.leaves.set(leafName, (f.leaves.get(leafName) ?? 0) + v);
    }
  }
  return scopes;
}

/** Per-operation totals of a benchmark in one sample type, from the benchmark output. */
function perOpTotal(
  totals: Map<string, BenchTotals> | undefined,
  bench: string,
  type: string,
): number | undefined {
  const u = perOpUnits[type];
  const t = totals && totalsOf(totals, bench);
  if (!u || !t || !(t.ops > 0)) return undefined;
  const sum = t.sums.get(u.unit);
  return sum === undefined ? undefined : (sum / t.ops) * u.factor;
}

const share = (v: number, total: number) => (total > 0 ? (100 * v) / total : 0);

function hotLine(b: FunctionAgg | undefined, bt: number, h: FunctionAgg | undefined, ht: number) {
  let best: { line: number; grow: number; head: number } | undefined;
  for (const line of new Set([...(b?.lines.keys() ?? []), ...(h?.lines.keys() ?? [])])) {
    const hv = h?.lines.get(line) ?? 0;
    const grow = share(hv, ht) - share(b?.lines.get(line) ?? 0, bt);
    if (!best || grow > best.grow || (grow === best.grow && hv > best.head))
      best = { line, grow, head: hv };
  }
  return best?.line;
}

function topLeaf(f: FunctionAgg | undefined): string | undefined {
  let best: [string, number] | undefined;
  for (const e of f?.leaves ?? []) if (!best || e[1] > best[1]) best = e;
  // The leaf names a callee only when it holds most of the function's value.
  return best && f && best[1] > f.value / 2 ? best[0] : undefined;
}

/** Options of one comparison. */
export interface ChangeOptions {
  limits: Record<string, number>;
  evidence?: EvidenceOptions;
  /** Benchmark results of the runs that wrote base's and head's profiles. */
  bench?: { base: BenchFile | undefined; head: BenchFile | undefined };
}

/** Function changes of one pair and sample type. */
export function sampleTypeChanges(
  pair: ProfilePair,
  type: string,
  options: ChangeOptions,
): SampleTypeChanges | undefined {
  const evidence = options.evidence ?? defaultEvidence;
  const { base, head } = pair;
  if (!base) return undefined;
  const hi = head.sampleTypes.findIndex((t) => t.type === type);
  const bi = base.sampleTypes.findIndex((t) => t.type === type);
  if (hi < 0 || bi < 0) return undefined;
  const hs = benchmarkSplit(head);
  const bs = benchmarkSplit(base);
  const perBenchmark = hs !== undefined && bs !== undefined;
  const b = attribute(base, type, perBenchmark ? bs : undefined);
  const h = attribute(head, type, perBenchmark ? hs : undefined);
  const limit = options.limits[type];
  const bTotals = options.bench?.base ? benchmarkTotals(options.bench.base) : undefined;
  const hTotals = options.bench?.head ? benchmarkTotals(options.bench.head) : undefined;
  const changes: FunctionChange[] = [];
  for (const [scope, hScope] of h) {
    const bScope = b.get(scope);
    if (scope === OUTSIDE || !bScope) continue;
    const bench = scope === '' ? undefined : scope;
    const bPer = bench ? perOpTotal(bTotals, bench, type) : undefined;
    const hPer = bench ? perOpTotal(hTotals, bench, type) : undefined;
    const bOps = bench && bTotals ? totalsOf(bTotals, bench)?.ops : undefined;
    const hOps = bench && hTotals ? totalsOf(hTotals, bench)?.ops : undefined;
    const perOp = bPer !== undefined && hPer !== undefined && bOps && hOps;
    for (const name of new Set([...hScope.fns.keys(), ...bScope.fns.keys()])) {
      const bf = bScope.fns.get(name);
      const hf = hScope.fns.get(name);
      const bv = bf?.value ?? 0;
      const hv = hf?.value ?? 0;
      const bShare = share(bv, bScope.total);
      const hShare = share(hv, hScope.total);
      let basis: ChangeBasis;
      let baseValue: number;
      let headValue: number;
      let points: number;
      let p: number;
      const eb = bf?.events ?? 0;
      const eh = hf?.events ?? 0;
      if (perOp) {
        basis = 'per-op';
        baseValue = (bShare / 100) * bPer;
        headValue = (hShare / 100) * hPer;
        points = share(headValue - baseValue, bPer > 0 ? bPer : hPer);
        p = rateGrowthP(eb, bOps, eh, hOps);
      } else {
        basis = bench ? 'benchmark' : 'total';
        baseValue = bv;
        headValue = hv;
        points = hShare - bShare;
        // A share is the function against the rest of its scope: a 2×2 count test.
        p = rateGrowthP(eb, bScope.events - eb, eh, hScope.events - eh);
      }
      const significant = eh >= evidence.minEvents && p < evidence.alpha;
      changes.push({
        name,
        benchmark: bench,
        file: hf?.file ?? bf?.file ?? '',
        line: hotLine(bf, bScope.total, hf, hScope.total) ?? hf?.startLine ?? bf?.startLine ?? 0,
        leaf: topLeaf(hf ?? bf),
        basis,
        base: baseValue,
        head: headValue,
        delta: headValue - baseValue,
        sharePoints: points,
        events: { base: eb, head: eh },
        p,
        significant,
        regression: profileGrowthFails({ limit, basis, significant, points }),
      });
    }
  }
  const grown = changes
    .filter((c) => c.delta > 0 && (c.regression || Math.abs(c.sharePoints) >= MIN_POINTS))
    .sort(
      (x, y) =>
        Number(y.regression) - Number(x.regression) ||
        y.sharePoints - x.sharePoints ||
        y.delta - x.delta,
    );
  const regressions = grown.filter((c) => c.regression).length;
  return {
    profile: pair.name,
    sampleType: type,
    unit: head.sampleTypes[hi]!.unit,
    baseTotal: sumOf(b),
    headTotal: sumOf(h),
    perBenchmark,
    grown: grown.slice(0, Math.max(TOP, regressions)),
    shrunk: changes
      .filter((c) => c.delta < 0 && Math.abs(c.sharePoints) >= MIN_POINTS)
      .sort((x, y) => x.sharePoints - y.sharePoints || x.delta - y.delta)
      .slice(0, TOP),
    limitPoints: limit,
  };
}

function sumOf(scopes: Map<string, ScopeAgg>): number {
  let t = 0;
  for (const s of scopes.values()) t += s.total;
  return t;
}

/** Inputs of profile insights. */
export interface InsightInputs {
  pairs: ProfilePair[];
  goroutines: { base: GoroutineSnapshot | undefined; head: GoroutineSnapshot } | undefined;
  source: SourceLookup | undefined;
  shareLimits?: Record<string, number>;
  leakOptions?: LeakOptions;
  evidence?: EvidenceOptions;
  /**
   * Benchmark output of the runs that wrote the profiles (`go test -bench -cpuprofile ...`): its
   * per-operation results make benchmark profiles comparable per operation.
   */
  bench?: { base: BenchFile | undefined; head: BenchFile | undefined };
  /** Hotspots in `_test.go` files too (left out by default: benchmark set-up, not the code). */
  hotspotsInTests?: boolean;
}

/** Reads the profiles of a run. */
export function profileInsights(inputs: InsightInputs): ProfileInsights {
  const limits = inputs.shareLimits ?? defaultShareLimits;
  const changes: SampleTypeChanges[] = [];
  const notes: string[] = [];
  const head: HotspotInputs = {};
  const base: HotspotInputs = {};
  let anyBase = false;
  for (const pair of inputs.pairs) {
    if (pair.head.samples.count === 0) notes.push(`${pair.name}: the profile has no samples`);
    const types = pair.head.sampleTypes.map((t) => t.type);
    if (types.includes('cpu')) {
      head.cpu ??= pair.head;
      if (pair.base) base.cpu ??= pair.base;
    }
    if (types.includes('alloc_space') && !pair.name.includes('heap')) {
      head.allocs ??= pair.head;
      if (pair.base) base.allocs ??= pair.base;
    }
    if (pair.base) anyBase = true;
    // A heap profile holds the same allocation counts as the allocs profile: read only what is in use.
    const wanted = pair.name.includes('heap')
      ? ['inuse_space']
      : interesting.filter((t) => t !== 'inuse_space');
    if (
      pair.base &&
      limits !== undefined &&
      wanted.some((t) => limits[t] !== undefined && types.includes(t)) &&
      benchmarkSplit(pair.head)?.names.length &&
      !(inputs.bench?.base && inputs.bench.head)
    ) {
      notes.push(
        `${pair.name}: a go test -bench profile without the benchmark output of its runs: compared as shares within each benchmark, which move with b.N, so it does not gate; give the benchmark output to compare per operation`,
      );
    }
    for (const type of wanted) {
      if (!types.includes(type)) continue;
      const c = sampleTypeChanges(pair, type, {
        limits,
        ...(inputs.evidence ? { evidence: inputs.evidence } : {}),
        ...(inputs.bench ? { bench: inputs.bench } : {}),
      });
      if (c) changes.push(c);
    }
  }
  const hotspots =
    head.cpu || head.allocs
      ? findHotspots(
          { ...head, bench: inputs.bench?.head },
          anyBase ? { ...base, bench: inputs.bench?.base } : undefined,
          {
            ...(inputs.source ? { source: inputs.source } : {}),
            ...(inputs.hotspotsInTests ? { includeTests: true } : {}),
          },
        )
      : [];
  const g = inputs.goroutines;
  const leaks = g ? findLeaks(g.head, g.base, inputs.leakOptions ?? defaultLeakOptions) : [];
  if (g) notes.push(...g.head.warnings, ...(g.base?.warnings ?? []));
  const mixed = g && mixedFormsNote(g.head, g.base);
  if (mixed) notes.push(mixed);
  return { changes, hotspots, leaks, ...(g?.base ? { goroutinesCompared: true } : {}), notes };
}
