/**
 * What the profiles of a run say, next to the benchmarks: per profile pair and sample type, the
 * functions that grew (pprof's diff numbers, plus the change of each function's share of the
 * total, which does not depend on how long each run was), allocation hotspots, goroutine leaks.
 * A function's growth in share can fail the gate, per sample type: on by default for
 * allocations, off for cpu (sampling noise) and contention.
 */
import type { Profile } from '../model/profile.js';
import type { GoroutineSnapshot } from '../model/goroutines.js';
import { displayName } from './function-name.js';
import { functionTable } from './functions.js';
import { type Hotspot, type HotspotInputs, type SourceLookup, findHotspots } from './hotspots.js';
import { type LeakOptions, type LeakWarning, defaultLeakOptions, findLeaks } from './leaks.js';
import { diffFunctionTable } from './profile-diff.js';

/** A profile of head, and the same profile of base when there is one. */
export interface ProfilePair {
  name: string;
  base: Profile | undefined;
  head: Profile;
}

/** One function's change in one sample type. */
export interface FunctionChange {
  name: string;
  /** Where the function is: its file and first line, from the head profile (or base). */
  file: string;
  line: number;
  /** Flat values (pprof's -top flat), base and head. */
  base: number;
  head: number;
  /** head − base, as `go tool pprof -diff_base` prints it. */
  delta: number;
  /** Change of the function's share of its profile's total, in percentage points. */
  sharePoints: number;
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
  /** Biggest growths first. */
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
  notes: string[];
}

/** Share limits per sample type in percentage points; absent: reported, never gating. */
export const defaultShareLimits: Record<string, number> = { alloc_space: 5, alloc_objects: 5 };

/** The sample types worth reading per kind of profile. */
const interesting = ['cpu', 'alloc_space', 'alloc_objects', 'inuse_space', 'delay', 'contentions'];

const TOP = 5;
/** Share changes smaller than this (percentage points) are noise, not worth a row. */
const MIN_POINTS = 0.1;

function flatByName(p: Profile, sampleIndex: number): { flat: Map<string, number>; total: number } {
  const t = functionTable([{ profile: p, sampleIndex }]);
  return { flat: new Map(t.functions.map((f) => [f.name, f.flat])), total: t.total };
}

/** Function changes of one pair and sample type. */
export function sampleTypeChanges(
  pair: ProfilePair,
  type: string,
  limits: Record<string, number>,
): SampleTypeChanges | undefined {
  const { base, head } = pair;
  if (!base) return undefined;
  const hi = head.sampleTypes.findIndex((t) => t.type === type);
  const bi = base.sampleTypes.findIndex((t) => t.type === type);
  if (hi < 0 || bi < 0) return undefined;
  const diff = diffFunctionTable(base, head, { sampleIndex: hi });
  const b = flatByName(base, bi);
  const h = flatByName(head, hi);
  const limit = limits[type];
  const where = new Map<string, { file: string; line: number }>();
  for (const p of [base, head]) {
    for (const fn of p.functions)
      where.set(displayName(fn), { file: fn.filename, line: fn.startLine });
  }
  const changes: FunctionChange[] = diff.functions.map((f) => {
    const bv = b.flat.get(f.name) ?? 0;
    const hv = h.flat.get(f.name) ?? 0;
    const share = (v: number, total: number) => (total > 0 ? (100 * v) / total : 0);
    const sharePoints = share(hv, h.total) - share(bv, b.total);
    return {
      name: f.name,
      file: where.get(f.name)?.file ?? '',
      line: where.get(f.name)?.line ?? 0,
      base: bv,
      head: hv,
      delta: f.flat,
      sharePoints,
      regression: limit !== undefined && sharePoints > limit,
    };
  });
  return {
    profile: pair.name,
    sampleType: type,
    unit: head.sampleTypes[hi]!.unit,
    baseTotal: b.total,
    headTotal: h.total,
    grown: changes
      .filter((c) => c.delta > 0 && (c.regression || Math.abs(c.sharePoints) >= MIN_POINTS))
      .sort((x, y) => y.sharePoints - x.sharePoints || y.delta - x.delta)
      .slice(0, TOP),
    shrunk: changes
      .filter((c) => c.delta < 0 && Math.abs(c.sharePoints) >= MIN_POINTS)
      .sort((x, y) => x.sharePoints - y.sharePoints || x.delta - y.delta)
      .slice(0, TOP),
    limitPoints: limit,
  };
}

/** Inputs of profile insights. */
export interface InsightInputs {
  pairs: ProfilePair[];
  goroutines: { base: GoroutineSnapshot | undefined; head: GoroutineSnapshot } | undefined;
  source: SourceLookup | undefined;
  shareLimits?: Record<string, number>;
  leakOptions?: LeakOptions;
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
    for (const type of wanted) {
      if (!types.includes(type)) continue;
      const c = sampleTypeChanges(pair, type, limits);
      if (c) changes.push(c);
    }
  }
  const hotspots =
    head.cpu || head.allocs
      ? findHotspots(head, anyBase ? base : undefined, {
          ...(inputs.source ? { source: inputs.source } : {}),
        })
      : [];
  const g = inputs.goroutines;
  const leaks = g ? findLeaks(g.head, g.base, inputs.leakOptions ?? defaultLeakOptions) : [];
  if (g) notes.push(...g.head.warnings, ...(g.base?.warnings ?? []));
  return { changes, hotspots, leaks, notes };
}
