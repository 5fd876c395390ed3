/**
 * One profile, read once for every analysis: functions interned by the name pprof shows, each
 * with its package and whether it is the user's code, and every location's source lines as
 * integer ids. `top`, `diff`, hotspots, insights and the flame graph walk samples over these ids,
 * so per-name string work (display name, package, user-code test, benchmark function) happens once
 * per function, never once per frame of a sample.
 *
 * Views are memoised on the profile's location table and stacks, which a scaled copy of a profile
 * (a normalised diff) shares with the original; function tables, on the profile and sample type.
 */
import type { Location, Profile, ProfileFunction } from '../model/profile.js';
import { displayName } from './function-name.js';

/** A Go function's package path: `a.b/c/d.F` → `a.b/c/d`, `main.f` → `main`. */
export function packageOf(fn: string): string {
  const slash = fn.lastIndexOf('/');
  const dot = fn.indexOf('.', slash + 1);
  return dot < 0 ? fn : fn.slice(0, dot);
}

/**
 * A source file of another module: in the module cache (`…/pkg/mod/…`, or `module@version/…` as
 * `-trimpath` names it) or vendored (`vendor/…`). Its functions are dependencies, whose costs
 * belong to the user's line that calls them.
 */
export function isThirdPartyFile(file: string): boolean {
  return /(^|\/)pkg\/mod\/|@v\d[^/]*\/|(^|\/)vendor\//.test(file.replace(/\\/g, '/'));
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

/** Per-function flags of a view. */
export const USER = 1;
/** `isHarnessFunction`. */
export const HARNESS = 2;
/** In package testing or runtime/pprof (the harness, benchmark functions aside). */
export const TESTING = 4;
/** A method of testing.B: the profile ran benchmarks. */
export const TESTING_B = 8;
/** Defined in another module's file (isThirdPartyFile): never the user's own line. */
export const THIRD_PARTY = 16;

/** The source lines of a profile's locations, with their functions interned. */
export interface ProfileView {
  /** Function names as pprof shows them; index = function id. `''` stands for lines without one. */
  names: string[];
  /** Per function id: index into `packages`. */
  pkg: Int32Array;
  packages: string[];
  /** Per function id: `USER | HARNESS | TESTING | TESTING_B | THIRD_PARTY`. */
  flags: Uint8Array;
  /** Per function id: the benchmark function it belongs to (index into `benchmarks`), or -1. */
  bench: Int32Array;
  benchmarks: string[];
  /** Location l's lines are `lineStart[l] .. lineStart[l + 1]`, innermost inlined first. */
  lineStart: Uint32Array;
  /** Per line: function id. */
  lineName: Int32Array;
  /** Per line: line number. */
  lineNo: Float64Array;
  /** Per line: the function, for its file and start line. */
  lineFn: (ProfileFunction | undefined)[];
}

const views = new WeakMap<Location[], ProfileView>();

/** The view of a profile's locations, built once. */
export function profileView(p: Profile): ProfileView {
  let v = views.get(p.locations);
  if (!v) views.set(p.locations, (v = buildView(p.locations)));
  return v;
}

function buildView(locs: Location[]): ProfileView {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const byFn = new Map<ProfileFunction, number>();
  // Per function id: the file of the first function of that name (for THIRD_PARTY).
  const files: string[] = [];
  const lineStart = new Uint32Array(locs.length + 1);
  let total = 0;
  for (let l = 0; l < locs.length; l++) {
    lineStart[l] = total;
    total += locs[l]!.lines.length;
  }
  lineStart[locs.length] = total;
  const lineName = new Int32Array(total);
  const lineNo = new Float64Array(total);
  const lineFn: (ProfileFunction | undefined)[] = new Array(total);
  const intern = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  let k = 0;
  for (const loc of locs) {
    for (const ln of loc.lines) {
      const fn = ln.fn;
      let id = fn ? byFn.get(fn) : undefined;
      if (id === undefined) {
        id = intern(fn ? displayName(fn) : '');
        files[id] ??= fn?.filename ?? '';
        if (fn) byFn.set(fn, id);
      }
      lineName[k] = id;
      lineNo[k] = ln.line;
      lineFn[k] = fn;
      k++;
    }
  }
  const packages: string[] = [];
  const pkgIds = new Map<string, number>();
  const benchmarks: string[] = [];
  const benchIds = new Map<string, number>();
  const pkg = new Int32Array(names.length);
  const flags = new Uint8Array(names.length);
  const bench = new Int32Array(names.length).fill(-1);
  names.forEach((name, id) => {
    const p = packageOf(name);
    let pi = pkgIds.get(p);
    if (pi === undefined) {
      pi = packages.length;
      pkgIds.set(p, pi);
      packages.push(p);
    }
    pkg[id] = pi;
    const b = benchmarkFunction(name);
    if (b !== undefined) {
      let bi = benchIds.get(b);
      if (bi === undefined) {
        bi = benchmarks.length;
        benchIds.set(b, bi);
        benchmarks.push(b);
      }
      bench[id] = bi;
    }
    const thirdParty = isThirdPartyFile(files[id] ?? '');
    flags[id] =
      (isUserFunction(name) && !thirdParty ? USER : 0) |
      (thirdParty ? THIRD_PARTY : 0) |
      (isHarnessFunction(name) ? HARNESS : 0) |
      (p === 'testing' || p === 'runtime/pprof' ? TESTING : 0) |
      (name.startsWith('testing.(*B).') ? TESTING_B : 0);
  });
  return { names, pkg, packages, flags, bench, benchmarks, lineStart, lineName, lineNo, lineFn };
}

const perName = new WeakMap<ProfileView, Map<unknown, unknown[]>>();

/** `classify` of every function name of a view, computed once per view and classifier. */
export function classifyNames<T>(view: ProfileView, classify: (name: string) => T): T[] {
  let m = perName.get(view);
  if (!m) perName.set(view, (m = new Map()));
  let out = m.get(classify) as T[] | undefined;
  if (!out) m.set(classify, (out = view.names.map(classify)));
  return out;
}

/** The first line of sample i's stack (its leaf frame), or -1 when no location has lines. */
export function leafLine(p: Profile, view: ProfileView, i: number): number {
  const { stackStart, stack } = p.samples;
  const { lineStart } = view;
  for (let j = stackStart[i]!; j < stackStart[i + 1]!; j++) {
    const loc = stack[j]!;
    if (lineStart[loc + 1]! > lineStart[loc]!) return lineStart[loc]!;
  }
  return -1;
}

/** Which benchmark each sample of a `go test` profile was taken in. */
export interface BenchmarkSplit {
  /** Benchmark functions (`pkg.BenchmarkX`), in order of first appearance. */
  names: string[];
  /** Per sample: index into `names`, or -1 outside any benchmark (harness, GC workers, init). */
  of: Int32Array;
}

const splits = new WeakMap<Uint32Array, BenchmarkSplit | null>();

/**
 * Splits a profile's samples by benchmark: the root-most benchmark function on each stack (under
 * `testing.(*B).runN` or `RunParallel`). Undefined unless the profile is of a test binary (its
 * mapping is `pkg.test`, or a stack runs in the testing package's benchmark code): a profile of a
 * service or program, not of `go test -bench`. (A benchmark that allocates nothing leaves only
 * the harness in the allocs profile: split, with no benchmark.) Computed once per profile.
 */
export function benchmarkSplit(p: Profile): BenchmarkSplit | undefined {
  let s = splits.get(p.samples.stackStart);
  if (s === undefined) splits.set(p.samples.stackStart, (s = splitByBenchmark(p) ?? null));
  return s ?? undefined;
}

export function splitByBenchmark(p: Profile): BenchmarkSplit | undefined {
  const view = profileView(p);
  const { lineStart, lineName, bench, flags } = view;
  const nLoc = lineStart.length - 1;
  // Per location: its outermost line's benchmark, and whether a line runs testing.B's code.
  const locBench = new Int32Array(nLoc).fill(-1);
  const locTestingB = new Uint8Array(nLoc);
  for (let l = 0; l < nLoc; l++) {
    for (let k = lineStart[l + 1]! - 1; k >= lineStart[l]!; k--) {
      const b = bench[lineName[k]!]!;
      if (b >= 0 && locBench[l] === -1) locBench[l] = b;
      if (flags[lineName[k]!]! & TESTING_B) locTestingB[l] = 1;
    }
  }
  const names: string[] = [];
  const local = new Int32Array(view.benchmarks.length).fill(-1);
  const of = new Int32Array(p.samples.count).fill(-1);
  let underTesting = p.mappings.some((m) => /\.test(\.exe)?$/.test(m.filename));
  const { stackStart, stack, count } = p.samples;
  if (view.benchmarks.length === 0) {
    // No benchmark function anywhere: no stack needs reading unless to learn whether the
    // testing package's benchmark code ran.
    if (!underTesting && locTestingB.includes(1)) {
      for (let j = 0; j < stackStart[count]! && !underTesting; j++) {
        if (locTestingB[stack[j]!]) underTesting = true;
      }
    }
    return underTesting ? { names, of } : undefined;
  }
  for (let i = 0; i < count; i++) {
    const first = stackStart[i]!;
    const last = stackStart[i + 1]!;
    if (!underTesting) {
      for (let j = first; j < last; j++) if (locTestingB[stack[j]!]) underTesting = true;
    }
    for (let j = last - 1; j >= first; j--) {
      const b = locBench[stack[j]!]!;
      if (b < 0) continue;
      if (local[b] === -1) {
        local[b] = names.length;
        names.push(view.benchmarks[b]!);
      }
      of[i] = local[b]!;
      break;
    }
  }
  return underTesting ? { names, of } : undefined;
}

const userLineMemo = new WeakMap<Uint32Array, Map<string, Int32Array>>();

/**
 * Per sample: the line of the user's code it belongs to (an index into the view's lines), or -1:
 * the first line from the leaf that is the user's (a module path or main, or the package under
 * test when the sample is in a benchmark of `split`) and not the benchmark harness. With
 * `benchmarks`, the benchmark functions themselves count as the user's. Computed once per profile
 * and options.
 */
export function userLines(
  p: Profile,
  split: BenchmarkSplit | undefined,
  benchmarks: boolean,
): Int32Array {
  let memo = userLineMemo.get(p.samples.stackStart);
  if (!memo) userLineMemo.set(p.samples.stackStart, (memo = new Map()));
  const key = `${split ? 1 : 0}${benchmarks ? 1 : 0}`;
  let out = memo.get(key);
  if (!out) memo.set(key, (out = computeUserLines(p, split, benchmarks)));
  return out;
}

function computeUserLines(
  p: Profile,
  split: BenchmarkSplit | undefined,
  benchmarks: boolean,
): Int32Array {
  const view = profileView(p);
  const { lineStart, lineName, flags, pkg, names } = view;
  const nLoc = lineStart.length - 1;
  const harness = benchmarks ? TESTING : HARNESS;
  // Per location: its first line from the leaf that is the user's, or -1, when the sample is in
  // a benchmark of package `benchPkg` (-1: in none).
  const firstUserLines = (benchPkg: number): Int32Array => {
    const table = new Int32Array(nLoc).fill(-1);
    for (let l = 0; l < nLoc; l++) {
      for (let k = lineStart[l]!; k < lineStart[l + 1]!; k++) {
        const n = lineName[k]!;
        const f = flags[n]!;
        if (names[n] === '' || f & harness) continue;
        if (f & USER || (benchPkg >= 0 && pkg[n] === benchPkg)) {
          table[l] = k;
          break;
        }
      }
    }
    return table;
  };
  // The view's package id of each benchmark's package (-1 when no function is in it).
  const pkgIds = new Map(view.packages.map((name, i) => [name, i]));
  const benchPkgs = (split?.names ?? []).map((b) => pkgIds.get(packageOf(b)) ?? -1);
  // Per benchmark package (and -1): its table, and whether any location has a user line at all.
  const tables = new Map<number, { table: Int32Array; any: boolean }>();
  for (const bp of [-1, ...benchPkgs]) {
    if (tables.has(bp)) continue;
    const table = firstUserLines(bp);
    tables.set(bp, { table, any: table.some((r) => r >= 0) });
  }
  const outside = tables.get(-1)!;
  const inBench = benchPkgs.map((bp) => tables.get(bp)!);
  const { stackStart, stack, count } = p.samples;
  const out = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const b = split ? split.of[i]! : -1;
    const { table, any } = b >= 0 ? inBench[b]! : outside;
    if (!any) continue;
    const last = stackStart[i + 1]!;
    for (let j = stackStart[i]!; j < last; j++) {
      const r = table[stack[j]!]!;
      if (r >= 0) {
        out[i] = r;
        break;
      }
    }
  }
  return out;
}
