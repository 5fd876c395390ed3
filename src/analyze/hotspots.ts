/**
 * Allocation hotspots, read the way an expert reads pprof: where the program allocates and grows
 * memory, attributed to the user's own calling line, with the kind of allocation and one line of
 * advice.
 *
 * Two sources, because Go hides different things in each:
 * - allocs/heap profiles: Go's writer trims the leading runtime frames, so the leaf is the
 *   allocating function itself (the user's `append` line, or a growth helper such as
 *   `bytes.growSlice`); helpers and library code are attributed to the first user frame above.
 * - cpu profiles: `runtime.growslice`, `makeslice`, `mallocgc`, `concatstrings`, map growth and GC
 *   work appear by name; their time is attributed to the user frame that called into them.
 * Where the source file is at hand, the line at the site sharpens the kind (`append(`, `+=`,
 * `make(map…` without a size hint, `[]byte(s)`).
 *
 * Sites are compared per function first, then per line: a line that is new while its function
 * barely moved is an allocation that moved within the function, not a new one. In profiles written
 * by `go test -bench`, sites are per benchmark and their amounts per operation (or shares of the
 * benchmark), never totals of time-boxed runs; benchmark code in `_test.go` files is left out.
 */
import type { BenchFile } from '../model/bench.js';
import type { Profile } from '../model/profile.js';
import { rateGrowthP } from './stats/count-test.js';
import {
  type BenchmarkSplit,
  benchmarkTotals,
  isUserFunction,
  sampleEvents,
  packageOf,
  perOpUnits,
  benchmarkSplit,
  totalsOf,
} from './bench-profile.js';
import {
  type ProfileView,
  THIRD_PARTY,
  classifyNames,
  profileView,
  userLines,
} from './profile-view.js';

export { isUserFunction, packageOf };

/** What kind of allocation a hotspot is. */
export type HotspotKind =
  | 'slice-growth'
  | 'string-concat'
  | 'map-growth'
  | 'builder-growth'
  | 'buffer-growth'
  | 'conversion'
  | 'json'
  | 'json-decode'
  | 'fmt'
  | 'make'
  | 'interface-boxing'
  | 'copy'
  | 'gc'
  | 'allocation';

/** The advice an expert gives for each kind. */
export const advice: Record<HotspotKind, string> = {
  'slice-growth':
    'pre-size the slice: `make([]T, 0, n)` when the final length is known or can be estimated',
  'string-concat':
    'build the string with a `strings.Builder` (call `Grow` first) instead of `+=` in a loop',
  'map-growth': 'give the map a size hint: `make(map[K]V, n)`',
  'builder-growth': 'call `Grow` on the builder with the expected size before writing',
  'buffer-growth':
    'size the buffer up front (`bytes.NewBuffer(make([]byte, 0, n))` or `Grow`) or reuse it',
  conversion: 'avoid `[]byte(s)` / `string(b)` copies in hot paths: keep one form, or convert once',
  json: 'reuse a `json.Encoder` on a reused buffer, encode structs rather than `map[string]any`, or use a faster encoder',
  'json-decode':
    'decode into a reused struct rather than `map[string]any`, with one `json.Decoder` over the stream instead of `json.Unmarshal` per value',
  fmt: 'use `strconv` or `append`-style formatting instead of `fmt.Sprintf` on hot paths',
  make: 'reuse the buffer (a field or a `sync.Pool`) instead of making a new one per call',
  'interface-boxing':
    'avoid converting values to interfaces (`any`) on hot paths: each conversion may allocate',
  copy: 'the time goes to copying memory: check for repeated growth or large value copies',
  gc: 'garbage collection work: allocate less (the sites below) or raise GOGC',
  allocation: 'allocate less here: reuse objects, or allocate once outside the loop',
};

/** A source position. */
export interface Site {
  fn: string;
  file: string;
  line: number;
}

/** Amounts at one site in one run. */
export interface HotspotAmounts {
  bytes: number;
  objects: number;
  /** CPU time in allocation and growth routines called from here, in nanoseconds. */
  cpuNs: number;
}

/**
 * What a hotspot's amounts are: totals of the run (programs and services), per operation of its
 * benchmark (the benchmark's share of the profile times its B/op, allocs/op, sec/op), or fractions
 * of the benchmark's profile when the benchmark results are not at hand.
 */
export type HotspotBasis = 'total' | 'per-op' | 'share';

/** One hotspot: a user site, its kind, the amounts in base and head. */
export interface Hotspot {
  site: Site;
  /** The benchmark function the site was measured in, for `go test` profiles. */
  benchmark: string | undefined;
  basis: HotspotBasis;
  kind: HotspotKind;
  advice: string;
  /** What decided the kind: the source line, a growth helper, or a runtime routine in the cpu profile. */
  evidence: string;
  base: HotspotAmounts | undefined;
  head: HotspotAmounts;
  /** The whole function's amounts (all its sites), when compared with base. */
  function: { base: HotspotAmounts; head: HotspotAmounts } | undefined;
  /** True when neither the site nor its function allocated in base. */
  isNew: boolean;
  /** True when the site is new but its function's total barely moved: the allocation moved lines. */
  moved: boolean;
  /**
   * True when the site (its function, when it moved) allocates over 10% more than in base, with
   * enough sampled allocations that a count test finds the growth beyond sampling noise.
   */
  grown: boolean;
}

/** The profiles of one run that hotspots are read from. */
export interface HotspotInputs {
  cpu?: Profile;
  allocs?: Profile;
  /** The benchmark output of the run that wrote the profiles, for per-operation amounts. */
  bench?: BenchFile | undefined;
}

/** Reads a source line (1-based) when the file is at hand. */
export type SourceLookup = (file: string, line: number) => string | undefined;

const runtimeKinds: [RegExp, HotspotKind][] = [
  [/^runtime\.growslice/, 'slice-growth'],
  [/^runtime\.makeslice/, 'make'],
  [/^runtime\.(concatstring|concatbyte)/, 'string-concat'],
  // Map growth only (what a size hint avoids): Go 1.24+ swiss tables and the older buckets.
  // Inserts (`runtime.mapassign*`) and lookups (`runtime.mapaccess*`, `(*Map).Get*`) are neither
  // growth nor allocation by themselves; under an insert, the growth routines below name it.
  [
    /^(runtime\.(hashGrow|growWork|evacuate)|internal\/runtime\/maps\.(\(\*table\)\.(grow|rehash|split|reset)|\(\*Map\)\.(growToSmall|growToTable|installTableSplit)|newTable|newarray|newGroups))/,
    'map-growth',
  ],
  [
    /^runtime\.(slicebytetostring|stringtoslicebyte|rawstring|rawbyteslice|slicerunetostring|stringtoslicerune)/,
    'conversion',
  ],
  [/^runtime\.convT/, 'interface-boxing'],
  [/^runtime\.(newobject|mallocgc|makemap|newarray|malg)/, 'allocation'],
  [/^runtime\.(memmove|memclrNoHeapPointers|typedmemmove)/, 'copy'],
  [/^runtime\.(gcBgMarkWorker|gcDrain|scanobject|gcAssistAlloc|markroot|bgsweep|sweepone)/, 'gc'],
];

const helperKinds: [RegExp, HotspotKind][] = [
  [/^bytes\.growSlice$|^bytes\.\(\*Buffer\)\.(grow|Grow)$/, 'buffer-growth'],
  [/^strings\.\(\*Builder\)\.(grow|Grow)$|^internal\/bytealg\.MakeNoZero$/, 'builder-growth'],
  [
    /^encoding\/json\.(Unmarshal|\(\*Decoder\)|\(\*decodeState\)|\(\*scanner\)|unquote)/,
    'json-decode',
  ],
  [/^encoding\/json\./, 'json'],
  [/^fmt\./, 'fmt'],
];

function kindFrom(table: [RegExp, HotspotKind][], fn: string): HotspotKind | undefined {
  return table.find(([re]) => re.test(fn))?.[1];
}

/** What the source line at a site says about the allocation there. */
export function kindFromSource(text: string): HotspotKind | undefined {
  const code = text.replace(/\/\/.*$/, '');
  if (/\bappend\(/.test(code)) return 'slice-growth';
  if (/\+=/.test(code) && /"|\bstring\(|fmt\.|strconv\./.test(code)) return 'string-concat';
  if (/\bmake\(\s*map\[[^\]]*\][^,()]*\)/.test(code)) return 'map-growth';
  if (/\bmake\(\s*\[\][^,]*,\s*0\s*\)/.test(code)) return 'slice-growth';
  if (/\bjson\.(Unmarshal|NewDecoder)|\.Decode\(/.test(code)) return 'json-decode';
  if (/\bjson\.(Marshal|NewEncoder)|\.Encode\(/.test(code)) return 'json';
  if (/\bfmt\.Sprint/.test(code)) return 'fmt';
  if (/\[\]byte\(|\bstring\(/.test(code)) return 'conversion';
  if (/\w\[[^\]]+\]\s*=[^=]/.test(code)) return 'map-growth';
  if (/\bmake\(/.test(code)) return 'make';
  return undefined;
}

const siteKey = (bench: string, s: Site) => `${bench}\u0000${s.fn}\u0000${s.file}\u0000${s.line}`;
const fnKey = (bench: string, fn: string) => `${bench}\u0000${fn}`;

interface Accum {
  benchmark: string;
  site: Site;
  startLine: number;
  amounts: HotspotAmounts;
  /** Sampled allocation events behind the bytes. */
  events: number;
  kinds: Map<string, HotspotKind>;
}

/** One run's sites, with what it takes to compare them with another run's. */
interface RunSites {
  sites: Map<string, Accum>;
  /** Per benchmark (or '' for the whole profile): factors that turn raw amounts into the basis. */
  scale: Map<string, HotspotAmounts>;
  basis: HotspotBasis;
  /** Share of the cpu profile spent in garbage collection. */
  gcShare: number;
  /** Per benchmark (or ''): what events are counted against, operations or all sampled events. */
  exposure: Map<string, number>;
}

/** Where a line of a view is: the site it stands for and its function's start line. */
function siteOf(view: ProfileView, k: number): { site: Site; startLine: number } {
  const fn = view.lineFn[k];
  return {
    site: { fn: view.names[view.lineName[k]!]!, file: fn?.filename ?? '', line: view.lineNo[k]! },
    startLine: fn?.startLine ?? 0,
  };
}

/**
 * Adds one profile's amounts to a run's sites. Sites are looked up by a number (benchmark and
 * line of the view) and made, keyed by name, file and line, on first use only.
 */
class SiteAdder {
  private readonly byLine = new Map<number, Accum>();
  constructor(
    private readonly run: RunSites,
    private readonly view: ProfileView,
    private readonly split: BenchmarkSplit | undefined,
  ) {}

  add(
    i: number,
    k: number,
    delta: Partial<HotspotAmounts> & { events?: number },
    kind: HotspotKind | undefined,
    evidence: string,
  ): void {
    const b = this.split ? this.split.of[i]! : -1;
    const id = (b + 1) * this.view.lineName.length + k;
    let a = this.byLine.get(id);
    if (!a) {
      const bench = benchOf(this.split, i);
      const { site, startLine } = siteOf(this.view, k);
      const key = siteKey(bench, site);
      a = this.run.sites.get(key);
      if (!a) {
        a = {
          benchmark: bench,
          site,
          startLine,
          amounts: { bytes: 0, objects: 0, cpuNs: 0 },
          events: 0,
          kinds: new Map(),
        };
        this.run.sites.set(key, a);
      }
      this.byLine.set(id, a);
    }
    a.amounts.bytes += delta.bytes ?? 0;
    a.amounts.objects += delta.objects ?? 0;
    a.amounts.cpuNs += delta.cpuNs ?? 0;
    a.events += delta.events ?? 0;
    if (kind && !a.kinds.has(evidence)) a.kinds.set(evidence, kind);
  }
}

function sampleIndex(p: Profile, type: string): number {
  return p.sampleTypes.findIndex((t) => t.type === type);
}

function split(p: Profile | undefined): BenchmarkSplit | undefined {
  return p ? benchmarkSplit(p) : undefined;
}

/** The benchmark of sample i ('' outside benchmarks or in a program's profile). */
function benchOf(sp: BenchmarkSplit | undefined, i: number): string {
  const b = sp ? sp.of[i]! : -1;
  return b >= 0 ? sp!.names[b]! : '';
}

const helperKind = (fn: string) => kindFrom(helperKinds, fn);
/** The runtime's own code, maps included (`runtime.*`, `internal/runtime/*`). */
const isRuntimeName = (fn: string) => /^(runtime|internal\/runtime\/[\w/]+)\./.test(fn);
/** Evidence of an allocation inside a dependency called from the user's line. */
const DEPENDENCY = 'allocated in a dependency: ';
const runtimeKind = (fn: string) => kindFrom(runtimeKinds, fn);
const isTestFile = (f: ProfileView, k: number) =>
  (f.lineFn[k]?.filename ?? '').endsWith('_test.go');

/** Allocation sites of one run, keyed by benchmark and site. */
function collectSites(inputs: HotspotInputs, includeTests: boolean): RunSites {
  const run: RunSites = {
    sites: new Map(),
    scale: new Map(),
    basis: 'total',
    gcShare: 0,
    exposure: new Map(),
  };
  const events = new Map<string, { sum: number }>();
  const raw = new Map<string, HotspotAmounts>();
  // Samples of one benchmark mostly follow each other: the last one's sums are at hand.
  let lastBench: string | undefined;
  let lastRaw: HotspotAmounts | undefined;
  const addRaw = (bench: string, d: Partial<HotspotAmounts>) => {
    let r = bench === lastBench ? lastRaw : raw.get(bench);
    if (!r) raw.set(bench, (r = { bytes: 0, objects: 0, cpuNs: 0 }));
    lastBench = bench;
    lastRaw = r;
    r.bytes += d.bytes ?? 0;
    r.objects += d.objects ?? 0;
    r.cpuNs += d.cpuNs ?? 0;
  };
  let lastEventsBench: string | undefined;
  let lastEvents: { sum: number } | undefined;
  const addEvents = (bench: string, e: number) => {
    let x = bench === lastEventsBench ? lastEvents : events.get(bench);
    if (!x) events.set(bench, (x = { sum: 0 }));
    lastEventsBench = bench;
    lastEvents = x;
    x.sum += e;
  };
  const a = inputs.allocs;
  const as = split(a);
  if (a) {
    const bi = sampleIndex(a, 'alloc_space');
    const oi = sampleIndex(a, 'alloc_objects');
    const { values, width, count, stackStart, stack } = a.samples;
    const ev = sampleEvents(a, 'alloc_space');
    const view = profileView(a);
    const { lineStart, lineName } = view;
    const users = userLines(a, as, includeTests);
    const helpers = classifyNames(view, helperKind);
    const sites = new SiteAdder(run, view, as);
    for (let i = 0; i < count; i++) {
      const bytes = bi >= 0 ? values[i * width + bi]! : 0;
      const objects = oi >= 0 ? values[i * width + oi]! : 0;
      if (bytes === 0 && objects === 0) continue;
      const bench = benchOf(as, i);
      const e = ev?.[i] ?? 0;
      addRaw(bench, { bytes, objects });
      addEvents(bench, e);
      const user = users[i]!;
      if (user < 0 || (!includeTests && isTestFile(view, user))) continue;
      // A growth helper or library function between the user frame and the allocation names the
      // kind, unless a dependency called it.
      let kind: HotspotKind | undefined;
      let evidence = '';
      frames: for (let j = stackStart[i]!; j < stackStart[i + 1]!; j++) {
        const loc = stack[j]!;
        for (let k = lineStart[loc]!; k < lineStart[loc + 1]!; k++) {
          if (k === user) break frames;
          const hk = helpers[lineName[k]!];
          if (hk && !kind) {
            kind = hk;
            evidence = `allocated in ${view.names[lineName[k]!]!}`;
          }
          // The outermost dependency frame below the user's line: what the line called (a
          // growth helper under it is the dependency's own buffer, not the user's).
          if (view.flags[lineName[k]!]! & THIRD_PARTY) {
            kind = 'allocation';
            evidence = `${DEPENDENCY}${view.names[lineName[k]!]!}`;
          }
        }
      }
      sites.add(i, user, { bytes, objects, events: e }, kind, evidence || 'allocs');
    }
  }
  const c = inputs.cpu;
  const cs = split(c);
  if (c) {
    const ci = sampleIndex(c, 'cpu');
    const { values, width, count, stackStart, stack } = c.samples;
    const view = profileView(c);
    const { lineStart, lineName } = view;
    const users = userLines(c, cs, includeTests);
    const routines = classifyNames(view, runtimeKind);
    const sites = new SiteAdder(run, view, cs);
    let gc = 0;
    let all = 0;
    for (let i = 0; i < count; i++) {
      const ns = ci >= 0 ? values[i * width + ci]! : 0;
      if (ns === 0) continue;
      all += ns;
      const bench = benchOf(cs, i);
      addRaw(bench, { cpuNs: ns });
      const user = users[i]!;
      // The runtime routine nearest the user frame (its callee) names the cause.
      let kind: HotspotKind | undefined;
      let routine = -1;
      frames: for (let j = stackStart[i]!; j < stackStart[i + 1]!; j++) {
        const loc = stack[j]!;
        for (let k = lineStart[loc]!; k < lineStart[loc + 1]!; k++) {
          if (k === user) break frames;
          const rk = routines[lineName[k]!];
          if (rk) {
            kind = rk;
            routine = lineName[k]!;
          } else if (kind === 'map-growth' && !isRuntimeName(view.names[lineName[k]!]!)) {
            // A map of the code in between (net/http's Header, a dependency's own map):
            // not the user's to size.
            kind = 'allocation';
          }
        }
      }
      if (kind === 'gc') gc += ns;
      if (!kind || user < 0 || (!includeTests && isTestFile(view, user))) continue;
      sites.add(i, user, { cpuNs: ns }, kind, `cpu: ${view.names[routine]!}`);
    }
    run.gcShare = all > 0 ? gc / all : 0;
  }
  scaleRun(run, raw, inputs, as !== undefined || cs !== undefined);
  const totals = run.basis === 'per-op' && inputs.bench ? benchmarkTotals(inputs.bench) : undefined;
  for (const [bench, e] of events) {
    const ops = totals && bench ? totalsOf(totals, bench)?.ops : undefined;
    run.exposure.set(bench, ops ?? e.sum);
  }
  return run;
}

/**
 * Factors per benchmark: per operation when the benchmark output gives the benchmark's B/op,
 * allocs/op and sec/op (its share of the profile times that), else shares of the benchmark.
 */
function scaleRun(
  run: RunSites,
  raw: Map<string, HotspotAmounts>,
  inputs: HotspotInputs,
  isBenchmark: boolean,
) {
  if (!isBenchmark) {
    run.scale.set('', { bytes: 1, objects: 1, cpuNs: 1 });
    return;
  }
  const totals = inputs.bench ? benchmarkTotals(inputs.bench) : undefined;
  let perOp = totals !== undefined;
  const factor = (bench: string, type: string, rawTotal: number): number => {
    const t = totals && bench ? totalsOf(totals, bench) : undefined;
    const u = perOpUnits[type]!;
    const sum = t?.sums.get(u.unit);
    if (!t || !(t.ops > 0) || sum === undefined) {
      perOp = false;
      return rawTotal > 0 ? 1 / rawTotal : 0;
    }
    return rawTotal > 0 ? ((sum / t.ops) * u.factor) / rawTotal : 0;
  };
  const scales = new Map<string, HotspotAmounts>();
  for (const [bench, r] of raw) {
    if (bench === '') continue;
    scales.set(bench, {
      bytes: factor(bench, 'alloc_space', r.bytes),
      objects: factor(bench, 'alloc_objects', r.objects),
      cpuNs: factor(bench, 'cpu', r.cpuNs),
    });
  }
  // Per operation only when every benchmark has its results; otherwise shares throughout.
  for (const [bench, r] of raw) {
    if (bench === '') continue;
    run.scale.set(
      bench,
      perOp
        ? scales.get(bench)!
        : {
            bytes: r.bytes > 0 ? 1 / r.bytes : 0,
            objects: r.objects > 0 ? 1 / r.objects : 0,
            cpuNs: r.cpuNs > 0 ? 1 / r.cpuNs : 0,
          },
    );
  }
  run.basis = perOp ? 'per-op' : 'share';
}

function scaled(run: RunSites, a: Accum): HotspotAmounts {
  const k = run.scale.get(a.benchmark) ?? { bytes: 0, objects: 0, cpuNs: 0 };
  return {
    bytes: a.amounts.bytes * k.bytes,
    objects: a.amounts.objects * k.objects,
    cpuNs: a.amounts.cpuNs * k.cpuNs,
  };
}

/** A slice that is set to nil (or declared empty) in the function before the append at `line`. */
function resetSlice(a: Accum, source: SourceLookup, text: string): string | undefined {
  const m = /(\w+)\s*=\s*append\(\s*(\w+)/.exec(text);
  const v = m?.[2];
  if (!v || m[1] !== v || !a.startLine) return undefined;
  const decl = new RegExp(
    `\\bvar\\s+${v}\\s+\\[\\]|\\b${v}\\s*:?=\\s*(nil\\b|\\[\\][\\w.*]+(\\{\\}|\\(nil\\)))`,
  );
  for (let l = a.startLine; l < a.site.line; l++) {
    const t = source(a.site.file, l);
    if (t !== undefined && decl.test(t.replace(/\/\/.*$/, ''))) return v;
  }
  return undefined;
}

function decideKind(
  a: Accum,
  source: SourceLookup | undefined,
): { kind: HotspotKind; evidence: string; advice?: string } {
  const text = source && a.site.file ? source(a.site.file, a.site.line) : undefined;
  const grown = [...a.kinds.values()].some((k) => k === 'builder-growth' || k === 'buffer-growth');
  if (text !== undefined && grown && /\.Grow\(/.test(text)) {
    // The up-front Grow is the fix for growth, not a case of it: it allocates once per call.
    return {
      kind: 'make',
      evidence: `source: ${text.trim()}`,
      advice:
        'this is the up-front `Grow`: it sizes the buffer once per call; to allocate less, keep one buffer across calls (a `bytes.Buffer` keeps its memory on `Reset`) or take it from a `sync.Pool`',
    };
  }
  const fromSource = text !== undefined ? kindFromSource(text) : undefined;
  if (fromSource) {
    const reset =
      fromSource === 'slice-growth' && source ? resetSlice(a, source, text!) : undefined;
    return {
      kind: fromSource,
      evidence: `source: ${text!.trim()}`,
      ...(reset
        ? {
            advice: `${advice['slice-growth']}; or reuse the slice across calls (\`${reset} = ${reset}[:0]\`) instead of starting from nil`,
          }
        : {}),
    };
  }
  for (const [evidence, kind] of a.kinds) {
    if (evidence.startsWith(DEPENDENCY)) {
      const dep = evidence.slice(DEPENDENCY.length);
      return {
        kind,
        evidence,
        advice: `the allocations are in \`${dep}\`, a dependency called from this line: call it less often, or keep and reuse what it returns`,
      };
    }
    if (!evidence.startsWith('cpu') && evidence !== 'allocs') return { kind, evidence };
  }
  // The cpu routine with the most specific kind (growth over plain allocation over copying).
  const order: HotspotKind[] = [
    'slice-growth',
    'string-concat',
    'map-growth',
    'conversion',
    'make',
    'interface-boxing',
    'gc',
    'allocation',
    'copy',
  ];
  const cpu = [...a.kinds.entries()].filter(([e]) => e.startsWith('cpu'));
  cpu.sort((x, y) => order.indexOf(x[1]) - order.indexOf(y[1]));
  if (cpu[0]) return { kind: cpu[0][1], evidence: cpu[0][0] };
  return { kind: 'allocation', evidence: 'allocs' };
}

/** Options of hotspot finding. */
export interface HotspotOptions {
  /** Reads source lines of the user's files (the workspace), when available. */
  source?: SourceLookup;
  /** Keep sites with at least this share of head's allocated bytes or cpu time (default 1%). */
  minShare?: number;
  /** Keep sites in `_test.go` files (benchmark set-up and loops are left out by default). */
  includeTests?: boolean;
}

/** A function whose total changed by less than this fraction has not grown: its lines moved. */
const MOVED = 0.25;
/** GC's share of cpu must grow by this much (points) for the GC row to appear. */
const GC_POINTS = 2;

function functionTotals(run: RunSites): Map<string, HotspotAmounts & { events: number }> {
  const out = new Map<string, HotspotAmounts & { events: number }>();
  for (const a of run.sites.values()) {
    const key = fnKey(a.benchmark, a.site.fn);
    const v = scaled(run, a);
    const t = out.get(key) ?? { bytes: 0, objects: 0, cpuNs: 0, events: 0 };
    out.set(key, {
      bytes: t.bytes + v.bytes,
      objects: t.objects + v.objects,
      cpuNs: t.cpuNs + v.cpuNs,
      events: t.events + a.events,
    });
  }
  return out;
}

const amountsOnly = (a: HotspotAmounts): HotspotAmounts => ({
  bytes: a.bytes,
  objects: a.objects,
  cpuNs: a.cpuNs,
});

/** Sampled events a growth needs, and the count test's level, before it is called new or grown. */
const MIN_EVENTS = 20;
const ALPHA = 0.001;

/** Whether head's events grew beyond sampling noise against base's, each over its exposure. */
function grewBeyondNoise(
  eb: number,
  exposureB: number | undefined,
  eh: number,
  exposureH: number | undefined,
): boolean {
  if (eh < MIN_EVENTS || !exposureB || !exposureH) return false;
  return rateGrowthP(eb, exposureB, eh, exposureH) < ALPHA;
}

/**
 * Hotspots of head, compared with base when given: new and grown sites first, then by size.
 */
export function findHotspots(
  head: HotspotInputs,
  base: HotspotInputs | undefined,
  options: HotspotOptions = {},
): Hotspot[] {
  const tests = options.includeTests === true;
  let h = collectSites(head, tests);
  let b = base ? collectSites(base, tests) : undefined;
  // Per operation only when both runs are; otherwise, within benchmarks, as shares.
  if (b && h.basis !== b.basis && h.basis !== 'total' && b.basis !== 'total') {
    h = collectSites({ ...head, bench: undefined }, tests);
    b = collectSites({ ...base!, bench: undefined }, tests);
  }
  const hFns = functionTotals(h);
  const bFns = b ? functionTotals(b) : undefined;
  let totalBytes = 0;
  let totalCpu = 0;
  for (const a of h.sites.values()) {
    const v = scaled(h, a);
    totalBytes += v.bytes;
    totalCpu += v.cpuNs;
  }
  const minShare = options.minShare ?? 0.01;
  const out: Hotspot[] = [];
  for (const [key, a] of h.sites) {
    const amounts = scaled(h, a);
    const bytesShare = totalBytes > 0 ? amounts.bytes / totalBytes : 0;
    const cpuShare = totalCpu > 0 ? amounts.cpuNs / totalCpu : 0;
    if (bytesShare < minShare && cpuShare < minShare) continue;
    if (!isUserFunction(a.site.fn) && !a.benchmark) continue;
    const prev = b?.sites.get(key);
    const prevAmounts = prev && b ? scaled(b, prev) : { bytes: 0, objects: 0, cpuNs: 0 };
    const { kind, evidence, advice: special } = decideKind(a, options.source);
    const fk = fnKey(a.benchmark, a.site.fn);
    const fnBase = bFns?.get(fk) ?? { bytes: 0, objects: 0, cpuNs: 0, events: 0 };
    const fnHead = hFns.get(fk)!;
    const lineNew = b !== undefined && prevAmounts.bytes === 0 && prevAmounts.cpuNs === 0;
    const moved =
      lineNew && fnBase.bytes > 0 && Math.abs(fnHead.bytes - fnBase.bytes) <= MOVED * fnBase.bytes;
    const exposureH = h.exposure.get(a.benchmark);
    const exposureB = b?.exposure.get(a.benchmark);
    // A moved site is judged by its function; others by the site itself.
    const [eb, eh, vb, vh] = moved
      ? [fnBase.events, fnHead.events, fnBase.bytes, fnHead.bytes]
      : [prev?.events ?? 0, a.events, prevAmounts.bytes, amounts.bytes];
    // Per operation, events are counted against operations; otherwise against the rest of the run.
    const rest = (exposure: number | undefined, own: number) =>
      exposure === undefined ? undefined : h.basis === 'per-op' ? exposure : exposure - own;
    // Shares within a benchmark move with b.N (set-up against loop work): never "grown".
    const grown =
      b !== undefined &&
      h.basis !== 'share' &&
      vh > 1.1 * vb &&
      grewBeyondNoise(eb, rest(exposureB, eb), eh, rest(exposureH, eh));
    out.push({
      site: a.site,
      benchmark: a.benchmark || undefined,
      basis: h.basis,
      kind,
      advice: special ?? advice[kind],
      evidence,
      base: b ? prevAmounts : undefined,
      head: amounts,
      function: b ? { base: amountsOnly(fnBase), head: amountsOnly(fnHead) } : undefined,
      isNew:
        lineNew &&
        !moved &&
        fnBase.bytes === 0 &&
        fnBase.cpuNs === 0 &&
        grewBeyondNoise(0, rest(exposureB, 0), a.events, rest(exposureH, a.events)),
      moved,
      grown,
    });
  }
  const growth = (x: Hotspot) =>
    x.moved && x.function
      ? x.function.head.bytes - x.function.base.bytes
      : x.head.bytes - (x.base?.bytes ?? 0);
  out.sort(
    (x, y) =>
      Number(y.isNew) - Number(x.isNew) || growth(y) - growth(x) || y.head.cpuNs - x.head.cpuNs,
  );
  const gc = gcRow(h, b, out);
  return gc ? [...out, gc] : out;
}

/**
 * The garbage collector's row: only when a base is given and GC's share of the cpu profile grew,
 * naming the allocation sites that grew most (the work GC does follows them).
 */
function gcRow(h: RunSites, b: RunSites | undefined, sites: Hotspot[]): Hotspot | undefined {
  if (!b || h.gcShare * 100 < b.gcShare * 100 + GC_POINTS) return undefined;
  const drivers = sites
    .filter((s) => s.head.bytes > (s.base?.bytes ?? 0) && !s.moved)
    .slice(0, 3)
    .map((s) => `\`${s.site.fn}\` (${s.site.file.split('/').pop()}:${s.site.line})`);
  if (drivers.length === 0) return undefined;
  const points = (x: number) => Math.round(x * 1000) / 10;
  return {
    site: { fn: '(garbage collection)', file: '', line: 0 },
    benchmark: undefined,
    basis: 'share',
    kind: 'gc',
    advice: `garbage collection grew from ${points(b.gcShare)}% to ${points(h.gcShare)}% of cpu time: allocate less at ${drivers.join(', ')}, or raise GOGC`,
    evidence: 'cpu: GC',
    base: { bytes: 0, objects: 0, cpuNs: b.gcShare },
    head: { bytes: 0, objects: 0, cpuNs: h.gcShare },
    function: undefined,
    isNew: false,
    moved: false,
    grown: true,
  };
}
