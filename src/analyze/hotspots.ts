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
 */
import type { Location, Profile } from '../model/profile.js';

/** What kind of allocation a hotspot is. */
export type HotspotKind =
  | 'slice-growth'
  | 'string-concat'
  | 'map-growth'
  | 'builder-growth'
  | 'buffer-growth'
  | 'conversion'
  | 'json'
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

/** One hotspot: a user site, its kind, the amounts in base and head. */
export interface Hotspot {
  site: Site;
  kind: HotspotKind;
  advice: string;
  /** What decided the kind: the source line, a growth helper, or a runtime routine in the cpu profile. */
  evidence: string;
  base: HotspotAmounts | undefined;
  head: HotspotAmounts;
  /** True when base has no allocation at this site. */
  isNew: boolean;
}

/** The profiles of one run that hotspots are read from. */
export interface HotspotInputs {
  cpu?: Profile;
  allocs?: Profile;
}

/** Reads a source line (1-based) when the file is at hand. */
export type SourceLookup = (file: string, line: number) => string | undefined;

interface Frame {
  fn: string;
  file: string;
  line: number;
}

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

const runtimeKinds: [RegExp, HotspotKind][] = [
  [/^runtime\.growslice/, 'slice-growth'],
  [/^runtime\.makeslice/, 'make'],
  [/^runtime\.(concatstring|concatbyte)/, 'string-concat'],
  [/^(runtime\.(mapassign|hashGrow|growWork|evacuate)|internal\/runtime\/maps\.)/, 'map-growth'],
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
  if (/\bjson\.(Marshal|NewEncoder|Unmarshal)/.test(code)) return 'json';
  if (/\bfmt\.Sprint/.test(code)) return 'fmt';
  if (/\[\]byte\(|\bstring\(/.test(code)) return 'conversion';
  if (/\w\[[^\]]+\]\s*=[^=]/.test(code)) return 'map-growth';
  if (/\bmake\(/.test(code)) return 'make';
  return undefined;
}

function frames(locs: Location[]): Frame[] {
  const out: Frame[] = [];
  for (const loc of locs) {
    for (const ln of loc.lines)
      out.push({ fn: ln.fn?.name ?? '', file: ln.fn?.filename ?? '', line: ln.line });
  }
  return out;
}

function stackOf(p: Profile, i: number): Location[] {
  const { stackStart, stack } = p.samples;
  const out: Location[] = [];
  for (let j = stackStart[i]!; j < stackStart[i + 1]!; j++) out.push(p.locations[stack[j]!]!);
  return out;
}

const siteKey = (s: Site) => `${s.fn}\u0000${s.file}\u0000${s.line}`;

interface Accum {
  site: Site;
  amounts: HotspotAmounts;
  kinds: Map<string, HotspotKind>;
}

function add(
  map: Map<string, Accum>,
  site: Site,
  delta: Partial<HotspotAmounts>,
  kind: HotspotKind | undefined,
  evidence: string,
) {
  const key = siteKey(site);
  let a = map.get(key);
  if (!a)
    map.set(key, (a = { site, amounts: { bytes: 0, objects: 0, cpuNs: 0 }, kinds: new Map() }));
  a.amounts.bytes += delta.bytes ?? 0;
  a.amounts.objects += delta.objects ?? 0;
  a.amounts.cpuNs += delta.cpuNs ?? 0;
  if (kind && !a.kinds.has(evidence)) a.kinds.set(evidence, kind);
}

function sampleIndex(p: Profile, type: string): number {
  return p.sampleTypes.findIndex((t) => t.type === type);
}

/** Allocation sites of one run, keyed by site. */
function collectSites(inputs: HotspotInputs): Map<string, Accum> {
  const sites = new Map<string, Accum>();
  const a = inputs.allocs;
  if (a) {
    const bi = sampleIndex(a, 'alloc_space');
    const oi = sampleIndex(a, 'alloc_objects');
    const { values, width, count } = a.samples;
    for (let i = 0; i < count; i++) {
      const bytes = bi >= 0 ? values[i * width + bi]! : 0;
      const objects = oi >= 0 ? values[i * width + oi]! : 0;
      if (bytes === 0 && objects === 0) continue;
      const fs = frames(stackOf(a, i));
      const leaf = fs[0];
      if (!leaf) continue;
      const userIndex = fs.findIndex((f) => isUserFunction(f.fn));
      const site = userIndex >= 0 ? fs[userIndex]! : leaf;
      // A growth helper or library function between the user frame and the allocation names the kind.
      let kind: HotspotKind | undefined;
      let evidence = '';
      for (let k = 0; k < (userIndex >= 0 ? userIndex : 1); k++) {
        const hk = kindFrom(helperKinds, fs[k]!.fn);
        if (hk) {
          kind = hk;
          evidence = `allocated in ${fs[k]!.fn}`;
          break;
        }
      }
      add(sites, site, { bytes, objects }, kind, evidence || 'allocs');
    }
  }
  const c = inputs.cpu;
  if (c) {
    const ci = sampleIndex(c, 'cpu');
    const { values, width, count } = c.samples;
    for (let i = 0; i < count; i++) {
      const ns = ci >= 0 ? values[i * width + ci]! : 0;
      if (ns === 0) continue;
      const fs = frames(stackOf(c, i));
      const userIndex = fs.findIndex((f) => isUserFunction(f.fn));
      // The runtime routine nearest the user frame (its callee) names the cause.
      let kind: HotspotKind | undefined;
      let routine = '';
      const end = userIndex >= 0 ? userIndex : fs.length;
      for (let k = end - 1; k >= 0; k--) {
        const rk = kindFrom(runtimeKinds, fs[k]!.fn);
        if (rk) {
          kind = rk;
          routine = fs[k]!.fn;
          break;
        }
      }
      if (!kind) continue;
      if (userIndex < 0) {
        if (kind === 'gc')
          add(
            sites,
            { fn: '(garbage collection)', file: '', line: 0 },
            { cpuNs: ns },
            'gc',
            'cpu: GC',
          );
        continue;
      }
      add(sites, fs[userIndex]!, { cpuNs: ns }, kind, `cpu: ${routine}`);
    }
  }
  return sites;
}

function decideKind(
  a: Accum,
  source: SourceLookup | undefined,
): { kind: HotspotKind; evidence: string } {
  const text = source && a.site.file ? source(a.site.file, a.site.line) : undefined;
  const fromSource = text !== undefined ? kindFromSource(text) : undefined;
  if (fromSource) return { kind: fromSource, evidence: `source: ${text!.trim()}` };
  for (const [evidence, kind] of a.kinds)
    if (!evidence.startsWith('cpu') && evidence !== 'allocs') return { kind, evidence };
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
}

/**
 * Hotspots of head, compared with base when given: new and grown sites first, then by size.
 */
export function findHotspots(
  head: HotspotInputs,
  base: HotspotInputs | undefined,
  options: HotspotOptions = {},
): Hotspot[] {
  const h = collectSites(head);
  const b = base ? collectSites(base) : undefined;
  let totalBytes = 0;
  for (const a of h.values()) totalBytes += a.amounts.bytes;
  const cpuTotal = head.cpu ? sumType(head.cpu, 'cpu') : 0;
  const minShare = options.minShare ?? 0.01;
  const out: Hotspot[] = [];
  for (const [key, a] of h) {
    const bytesShare = totalBytes > 0 ? a.amounts.bytes / totalBytes : 0;
    const cpuShare = cpuTotal > 0 ? a.amounts.cpuNs / cpuTotal : 0;
    if (bytesShare < minShare && cpuShare < minShare) continue;
    if (!isUserFunction(a.site.fn) && a.site.fn !== '(garbage collection)') continue;
    const prev = b?.get(key);
    const { kind, evidence } = decideKind(a, options.source);
    out.push({
      site: a.site,
      kind,
      advice: advice[kind],
      evidence,
      base: b ? (prev?.amounts ?? { bytes: 0, objects: 0, cpuNs: 0 }) : undefined,
      head: a.amounts,
      isNew:
        b !== undefined &&
        (prev === undefined || (prev.amounts.bytes === 0 && prev.amounts.cpuNs === 0)),
    });
  }
  const growth = (x: Hotspot) => x.head.bytes - (x.base?.bytes ?? 0);
  out.sort(
    (x, y) =>
      Number(y.isNew) - Number(x.isNew) || growth(y) - growth(x) || y.head.cpuNs - x.head.cpuNs,
  );
  return out;
}

function sumType(p: Profile, type: string): number {
  const i = sampleIndex(p, type);
  if (i < 0) return 0;
  const { values, width, count } = p.samples;
  let s = 0;
  for (let k = 0; k < count; k++) s += values[k * width + i]!;
  return s;
}
