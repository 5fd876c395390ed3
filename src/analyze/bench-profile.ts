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
import type { Location, Profile } from '../model/profile.js';
import { displayName } from './function-name.js';

/** A Go function's package path: `a.b/c/d.F` → `a.b/c/d`, `main.f` → `main`. */
export function packageOf(fn: string): string {
  const slash = fn.lastIndexOf('/');
  const dot = fn.indexOf('.', slash + 1);
  return dot < 0 ? fn : fn.slice(0, dot);
}

/** The user's own code: package main, or a module path (its first element has a dot). */
export function isUserFunction(fn: string): boolean {
  const pkg = packageOf(fn);
  if (pkg === 'main') return true;
  const first = pkg.split('/')[0] ?? '';
  return first.includes('.');
}

/**
 * The benchmark function a frame belongs to (`pkg.BenchmarkX` for `pkg.BenchmarkX` and its
 * closures `pkg.BenchmarkX.func1`), or undefined.
 */
export function benchmarkFunction(fn: string): string | undefined {
  const pkg = packageOf(fn);
  if (pkg === 'testing' || pkg === fn) return undefined;
  const rest = fn.slice(pkg.length + 1);
  const first = rest.split('.')[0] ?? '';
  // Go's rule: Benchmark followed by nothing or by a character that is not a lower-case letter.
  if (!/^Benchmark($|[^a-z])/.test(first)) return undefined;
  return `${pkg}.${first}`;
}

/** Frames of the benchmark harness: they never gate and are not the user's code to fix. */
export function isHarnessFunction(fn: string): boolean {
  const pkg = packageOf(fn);
  return pkg === 'testing' || pkg === 'runtime/pprof' || benchmarkFunction(fn) !== undefined;
}

/** One frame of a sample's stack, inlined lines expanded, leaf first. */
export interface StackFrame {
  fn: string;
  file: string;
  line: number;
  /** The line the function starts at. */
  startLine: number;
}

const locationFrames = new WeakMap<Location, StackFrame[]>();

/** A location's frames, innermost first, made once per location. */
function framesOf(loc: Location): StackFrame[] {
  let fs = locationFrames.get(loc);
  if (!fs) {
    fs = loc.lines.map((ln) => ({
      fn: ln.fn ? displayName(ln.fn) : '',
      file: ln.fn?.filename ?? '',
      line: ln.line,
      startLine: ln.fn?.startLine ?? 0,
    }));
    locationFrames.set(loc, fs);
  }
  return fs;
}

/** The frames of sample `i`, leaf first, each inlined line a frame of its own. */
export function stackFrames(p: Profile, i: number): StackFrame[] {
  const { stackStart, stack } = p.samples;
  const out: StackFrame[] = [];
  for (let j = stackStart[i]!; j < stackStart[i + 1]!; j++)
    for (const f of framesOf(p.locations[stack[j]!]!)) out.push(f);
  return out;
}

/** Which benchmark each sample of a `go test` profile was taken in. */
export interface BenchmarkSplit {
  /** Benchmark functions (`pkg.BenchmarkX`), in order of first appearance. */
  names: string[];
  /** Per sample: index into `names`, or -1 outside any benchmark (harness, GC workers, init). */
  of: Int32Array;
}

/**
 * Splits a profile's samples by benchmark: the root-most benchmark function on each stack (under
 * `testing.(*B).runN` or `RunParallel`). Undefined unless the profile is of a test binary (its
 * mapping is `pkg.test`, or a stack runs in the testing package's benchmark code): a profile of a
 * service or program, not of `go test -bench`. (A benchmark that
 * allocates nothing leaves only the harness in the allocs profile: split, with no benchmark.)
 */
export function splitByBenchmark(p: Profile): BenchmarkSplit | undefined {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const of = new Int32Array(p.samples.count).fill(-1);
  // A test binary (`pkg.test`), or stacks in the testing package's benchmark code.
  let underTesting = p.mappings.some((m) => /\.test(\.exe)?$/.test(m.filename));
  for (let i = 0; i < p.samples.count; i++) {
    const fs = stackFrames(p, i);
    if (!underTesting && fs.some((f) => f.fn.startsWith('testing.(*B).'))) underTesting = true;
    for (let k = fs.length - 1; k >= 0; k--) {
      const bench = benchmarkFunction(fs[k]!.fn);
      if (bench === undefined) continue;
      let id = ids.get(bench);
      if (id === undefined) {
        id = names.length;
        ids.set(bench, id);
        names.push(bench);
      }
      of[i] = id;
      break;
    }
  }
  return underTesting ? { names, of } : undefined;
}

const splits = new WeakMap<Profile, BenchmarkSplit | null>();

/** The benchmark split of a profile (see `splitByBenchmark`), computed once per profile. */
export function benchmarkSplit(p: Profile): BenchmarkSplit | undefined {
  let s = splits.get(p);
  if (s === undefined) splits.set(p, (s = splitByBenchmark(p) ?? null));
  return s ?? undefined;
}

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

/**
 * The frame of the user's code a sample belongs to: the first frame from the leaf that is the
 * user's (a module path or main, or the package under test when the benchmarks are the standard
 * library's) and not the benchmark harness. Runtime and library frames below it are its callees.
 * -1 when the stack has no such frame. With `benchmarks`, the benchmark functions themselves
 * count as the user's (their set-up and loop lines, in `_test.go` files).
 */
export function userFrameIndex(
  fs: StackFrame[],
  benchPackage: string | undefined,
  options: { benchmarks?: boolean } = {},
): number {
  const harness = (fn: string) =>
    options.benchmarks
      ? packageOf(fn) === 'testing' || packageOf(fn) === 'runtime/pprof'
      : isHarnessFunction(fn);
  return fs.findIndex(
    (f) =>
      f.fn !== '' &&
      !harness(f.fn) &&
      (isUserFunction(f.fn) || (benchPackage !== undefined && packageOf(f.fn) === benchPackage)),
  );
}
