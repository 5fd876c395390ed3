/**
 * Flat and cum per function, computed the way `go tool pprof` builds its graph: flat goes to the
 * leaf (the innermost inlined function of the first location), cum to every distinct function on
 * the stack once per sample (recursion counts once), and each inlined frame of a location is a
 * function of its own. Which value is aggregated (cpu, alloc_space, ...) is a parameter; several
 * profiles can be aggregated together with a scale each, which is how a diff is made (head + base
 * scaled by -1).
 */
import type { Location, Profile, ProfileFunction } from '../model/profile.js';
import { displayName } from './function-name.js';

/** One profile's contribution to an aggregation. */
export interface AggregationSource {
  profile: Profile;
  /** Index of the sample type to aggregate. */
  sampleIndex: number;
  /** Multiplier for every value: 1 for a plain profile, -1 for the base of a diff. */
  scale?: number;
}

/** How a function was reached: pprof's `(inline)` / `(partial-inline)` markers. */
export type InlineMarker = '' | 'inline' | 'partial-inline';

/** A function's totals. */
export interface FunctionStat {
  name: string;
  /** Value of samples whose leaf is this function. */
  flat: number;
  /** Value of samples with this function anywhere on the stack. */
  cum: number;
  /** Set when some (partial) or all (inline) calls into it were inlined. */
  inline: InlineMarker;
}

/** Functions with their flat and cum values, in pprof's `-top` order. */
export interface FunctionTable {
  functions: FunctionStat[];
  /** Sum of |value| over all samples, as pprof computes its total (empty stacks included). */
  total: number;
}

/** Fraction of the total under which an edge does not count for inline markers (pprof's edgefraction). */
const EDGE_FRACTION = 0.001;

interface NodeIndex {
  ids: Map<string, number>;
  names: string[];
}

/** Node ids of each location's lines, innermost first, and the nodes that are ever inlined. */
interface LocationNodes {
  start: Uint32Array;
  nodes: Int32Array;
}

/**
 * The graph node a line belongs to. At pprof's default granularity a node is a function name
 * (file, line and address are cleared first); frames without a name are named after their binary.
 */
function nodeKey(
  loc: Location,
  lineIndex: number,
  names: Map<ProfileFunction, string>,
): { key: string; name: string } {
  const fn = loc.lines[lineIndex]?.fn;
  let fnName = fn && names.get(fn);
  if (fn && fnName === undefined) {
    fnName = displayName(fn);
    names.set(fn, fnName);
  }
  if (fnName) return { key: fnName, name: fnName };
  const obj = loc.mapping?.filename ?? '';
  const base = obj.split('/').pop() ?? '';
  const name = base !== '' ? `[${base}]` : '<unknown>';
  // Nameless functions keep their start line in the key; frames with no function do not.
  const key = fn ? `\u0001${obj}\u0000${fn.startLine}` : `\u0001${obj}`;
  return { key, name };
}

function locationNodes(profile: Profile, index: NodeIndex): LocationNodes {
  const locs = profile.locations;
  const start = new Uint32Array(locs.length + 1);
  let total = 0;
  for (let i = 0; i < locs.length; i++) {
    start[i] = total;
    total += Math.max(1, locs[i]!.lines.length);
  }
  start[locs.length] = total;
  const nodes = new Int32Array(total);
  const names = new Map<ProfileFunction, string>();
  for (let i = 0; i < locs.length; i++) {
    const loc = locs[i]!;
    const n = Math.max(1, loc.lines.length);
    for (let j = 0; j < n; j++) {
      const { key, name } = nodeKey(loc, j, names);
      let id = index.ids.get(key);
      if (id === undefined) {
        id = index.names.length;
        index.ids.set(key, id);
        index.names.push(name);
      }
      nodes[start[i]! + j] = id;
    }
  }
  return { start, nodes };
}

/** Aggregates flat and cum per function over one or more profiles. */
export function functionTable(sources: AggregationSource[]): FunctionTable {
  const index: NodeIndex = { ids: new Map(), names: [] };
  const perSource = sources.map((s) => locationNodes(s.profile, index));
  const n = index.names.length;
  const flat = new Float64Array(n);
  const cum = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  // Nodes that appear as an inlined (non-outermost) line somewhere: only their in-edges decide markers.
  const inlinable = new Uint8Array(n);
  for (const ln of perSource) {
    for (let l = 0; l + 1 < ln.start.length; l++) {
      for (let j = ln.start[l]!; j < ln.start[l + 1]! - 1; j++) inlinable[ln.nodes[j]!] = 1;
    }
  }
  const edges = new EdgeTable(n);
  let total = 0;
  let stamp = 0;

  sources.forEach((source, s) => {
    const { profile, sampleIndex } = source;
    const scale = source.scale ?? 1;
    const { values, width, stackStart, stack, count } = profile.samples;
    const { start, nodes } = perSource[s]!;
    for (let i = 0; i < count; i++) {
      const w = values[i * width + sampleIndex]! * scale;
      const first = stackStart[i]!;
      const last = stackStart[i + 1]!;
      total += Math.abs(w);
      if (w === 0 || first === last) continue;
      stamp++;
      edges.nextSample();
      let parent = -1;
      // Root first, so that `parent` is the caller of each frame.
      for (let f = last - 1; f >= first; f--) {
        const loc = stack[f]!;
        const lo = start[loc]!;
        const hi = start[loc + 1]!;
        for (let k = hi - 1; k >= lo; k--) {
          const node = nodes[k]!;
          if (seen[node] !== stamp) {
            seen[node] = stamp;
            cum[node]! += w;
          }
          if (parent >= 0 && parent !== node && inlinable[node] === 1) {
            edges.add(parent, node, w, k !== hi - 1);
          }
          parent = node;
        }
      }
      flat[parent]! += w;
    }
  });

  const markers = edges.markers(Math.abs(Math.trunc(totalFlat(flat) * EDGE_FRACTION)));
  const functions: FunctionStat[] = [];
  for (let i = 0; i < n; i++) {
    if (flat[i] === 0 && cum[i] === 0) continue;
    functions.push({
      name: index.names[i]!,
      flat: flat[i]!,
      cum: cum[i]!,
      inline: markers[i] ?? '',
    });
  }
  functions.sort(byFlatThenName);
  return { functions, total };
}

function totalFlat(flat: Float64Array): number {
  let sum = 0;
  for (const v of flat) sum += v;
  return sum;
}

/** pprof's `-top` order: |flat| descending, then name, then |cum| descending. */
export function byFlatThenName(a: FunctionStat, b: FunctionStat): number {
  const fa = Math.abs(a.flat);
  const fb = Math.abs(b.flat);
  if (fa !== fb) return fb - fa;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const ca = Math.abs(a.cum);
  const cb = Math.abs(b.cum);
  return cb - ca;
}

/**
 * Caller→callee edges into inlinable functions, with their weights and whether every occurrence
 * was an inlined call; counted once per sample, as pprof does.
 */
class EdgeTable {
  private readonly ids = new Map<number, number>();
  private from: number[] = [];
  private to: number[] = [];
  private weight: number[] = [];
  private allInline: boolean[] = [];
  private seenIn: number[] = [];
  private sample = 0;

  constructor(private readonly nodeCount: number) {}

  nextSample(): void {
    this.sample++;
  }

  add(from: number, to: number, w: number, inline: boolean): void {
    const key = from * this.nodeCount + to;
    let e = this.ids.get(key);
    if (e === undefined) {
      e = this.from.length;
      this.ids.set(key, e);
      this.from.push(from);
      this.to.push(to);
      this.weight.push(0);
      this.allInline.push(true);
      this.seenIn.push(0);
    }
    if (this.seenIn[e] === this.sample) return;
    this.seenIn[e] = this.sample;
    this.weight[e]! += w;
    if (!inline) this.allInline[e] = false;
  }

  /** pprof's marker per node, counting only edges whose |weight| reaches the cutoff. */
  markers(cutoff: number): InlineMarker[] {
    const inline: boolean[] = [];
    const direct: boolean[] = [];
    for (let e = 0; e < this.from.length; e++) {
      if (Math.abs(this.weight[e]!) < cutoff) continue;
      const to = this.to[e]!;
      if (this.allInline[e]) inline[to] = true;
      else direct[to] = true;
    }
    const out: InlineMarker[] = [];
    for (let i = 0; i < this.nodeCount; i++) {
      if (inline[i]) out[i] = direct[i] ? 'partial-inline' : 'inline';
    }
    return out;
  }
}
