/**
 * Reading profiles written by `go test -bench`: which benchmark each sample was taken in, how many
 * operations each benchmark ran (from the benchmark output of the same run), how many sampling
 * events stand behind a value, and which function of the user's code a sample belongs to.
 *
 * A benchmark profile spans every benchmark of the run, each time-boxed by `-benchtime`: how much
 * of the whole profile one benchmark takes depends on how many iterations each happened to get,
 * so shares of the whole profile move on identical code. Each benchmark's own subtree, per
 * operation when the operation counts are known, is what stays put.
 */
import type { BenchFile } from '../model/bench.js';
import type { Profile } from '../model/profile.js';

export {
  type BenchmarkSplit,
  benchmarkFunction,
  benchmarkSplit,
  isHarnessFunction,
  isUserFunction,
  packageOf,
  splitByBenchmark,
} from './profile-view.js';
import { packageOf } from './profile-view.js';

/** One benchmark function's results in a benchmark output, summed over its result lines. */
export interface BenchTotals {
  /** Iterations of every result line (every `-count` run and every sub-benchmark). */
  ops: number;
  /** Σ iterations × value per unit (`B/op`, `allocs/op`, `sec/op`), where every line has the unit. */
  sums: Map<string, number>;
}

/**
 * Results per benchmark function in a benchmark output, keyed by `pkg.BenchmarkX` and, for files
 * without a `pkg:` line, by `BenchmarkX`.
 */
export function benchmarkTotals(file: BenchFile | undefined): Map<string, BenchTotals> {
  const out = new Map<string, BenchTotals>();
  const lines = new Map<string, number>();
  const unitLines = new Map<string, Map<string, number>>();
  for (const r of file?.results ?? []) {
    const top = (r.name.split('/')[0] ?? '').replace(/-\d+$/, '');
    const pkg = r.config.pkg;
    const key = pkg ? `${pkg}.Benchmark${top}` : `Benchmark${top}`;
    let t = out.get(key);
    if (!t) out.set(key, (t = { ops: 0, sums: new Map() }));
    t.ops += r.iterations;
    lines.set(key, (lines.get(key) ?? 0) + 1);
    const seen = unitLines.get(key) ?? new Map<string, number>();
    unitLines.set(key, seen);
    for (const v of r.values) {
      t.sums.set(v.unit, (t.sums.get(v.unit) ?? 0) + v.value * r.iterations);
      seen.set(v.unit, (seen.get(v.unit) ?? 0) + 1);
    }
  }
  // A unit some lines lack has no meaningful sum.
  for (const [key, t] of out) {
    for (const unit of [...t.sums.keys()])
      if (unitLines.get(key)?.get(unit) !== lines.get(key)) t.sums.delete(unit);
  }
  return out;
}

/** The results of a benchmark function, matched by package and name, or by name alone. */
export function totalsOf(totals: Map<string, BenchTotals>, bench: string): BenchTotals | undefined {
  return totals.get(bench) ?? totals.get(bench.slice(packageOf(bench).length + 1));
}

/** The benchmark output's per-operation unit that measures a profile sample type, with its factor. */
export const perOpUnits: Record<string, { unit: string; factor: number }> = {
  alloc_space: { unit: 'B/op', factor: 1 },
  alloc_objects: { unit: 'allocs/op', factor: 1 },
  cpu: { unit: 'sec/op', factor: 1e9 },
};

/**
 * How many sampling events stand behind each sample's value of one sample type: what a count
 * test needs. Allocation profiles store values already scaled up from sampled allocations (one
 * per `period` bytes on average); an allocation of `size` bytes was sampled with probability
 * 1 − e^(−size/period), so a record of `objects` objects stands for objects·(1 − e^(−size/period))
 * events. CPU profiles count samples; contention profiles count contentions.
 */
export function sampleEvents(p: Profile, type: string): Float64Array | undefined {
  let memo = eventsMemo.get(p.samples.values);
  if (!memo) eventsMemo.set(p.samples.values, (memo = new Map()));
  // The sample types counting the same events share one array.
  const key = sameEvents[type] ?? type;
  if (!memo.has(key)) memo.set(key, computeEvents(p, type));
  return memo.get(key);
}

const sameEvents: Record<string, string> = {
  alloc_objects: 'alloc_space',
  inuse_objects: 'inuse_space',
  contentions: 'delay',
};

const eventsMemo = new WeakMap<Float64Array, Map<string, Float64Array | undefined>>();

function computeEvents(p: Profile, type: string): Float64Array | undefined {
  const idx = (t: string) => p.sampleTypes.findIndex((s) => s.type === t);
  const { values, width, count } = p.samples;
  const out = new Float64Array(count);
  const heap = (objectsType: string, spaceType: string): boolean => {
    const oi = idx(objectsType);
    const si = idx(spaceType);
    if (oi < 0 || si < 0 || !(p.period > 0)) return false;
    for (let i = 0; i < count; i++) {
      const objects = values[i * width + oi]!;
      const space = values[i * width + si]!;
      if (objects <= 0) continue;
      out[i] = objects * -Math.expm1(-space / objects / p.period);
    }
    return true;
  };
  const direct = (t: string, per = 1): boolean => {
    const k = idx(t);
    if (k < 0) return false;
    for (let i = 0; i < count; i++) out[i] = values[i * width + k]! / per;
    return true;
  };
  switch (type) {
    case 'alloc_space':
    case 'alloc_objects':
      return heap('alloc_objects', 'alloc_space') ? out : undefined;
    case 'inuse_space':
    case 'inuse_objects':
      return heap('inuse_objects', 'inuse_space') ? out : undefined;
    case 'cpu':
      return direct('samples') || (p.period > 0 && direct('cpu', p.period)) ? out : undefined;
    case 'delay':
    case 'contentions':
      return direct('contentions') ? out : undefined;
    default:
      return undefined;
  }
}
