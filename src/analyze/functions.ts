/**
 * Flat and cum per function, computed the way `go tool pprof` builds its graph: flat goes to the
 * leaf (the innermost inlined function of the first location), cum to every distinct function on
 * the stack once per sample (recursion counts once), and each inlined frame of a location is a
 * function of its own. Which value is aggregated (cpu, alloc_space, ...) is a parameter; several
 * profiles can be aggregated together with a scale each, which is how a diff is made (head + base
 * scaled by -1).
 */
import type { Location, Profile } from '../model/profile.js';
import { type ProfileView, profileView } from './profile-view.js';

/** Location kinds for the hot loop: its outer line's node is inlined elsewhere. */
const INLINABLE = 1;
/** Location kinds for the hot loop: lines are inlined into it. */
const INLINED = 2;
/** A location's node and kind share one number in the hot loop: the kind above this bit. */
const KIND_SHIFT = 29;
const NODE_MASK = (1 << KIND_SHIFT) - 1;

/** One profile's contribution to an aggregation. */
export interface AggregationSource {
  profile: Profile;
  /** Index of the sample type to aggregate. */
  sampleIndex: number;
  /** Multiplier for every value: 1 for a plain profile, -1 for the base of a diff. */
  scale?: number;
  /** Marks the base of a diff: percentages are then of the base's total, as in pprof. */
  base?: boolean;
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
  /**
   * pprof's total: the sum of |value| over all samples (empty stacks included), or, in a diff,
   * over the base's samples only (a `base` source, or samples labelled `pprof::base=true`).
   */
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

/** A profile's own graph nodes: their keys and names, and each location's lines' node ids. */
interface LocalNodes extends LocationNodes {
  keys: string[];
  names: string[];
}

/**
 * The graph node a line belongs to. At pprof's default granularity a node is a function name
 * (file, line and address are cleared first); frames without a name are named after their binary.
 */
function nodeKey(loc: Location, lineIndex: number, view: ProfileView, k: number) {
  const fn = loc.lines[lineIndex]?.fn;
  const fnName = fn ? view.names[view.lineName[k]!]! : undefined;
  if (fnName) return { key: fnName, name: fnName };
  const obj = loc.mapping?.filename ?? '';
  const base = obj.split('/').pop() ?? '';
  const name = base !== '' ? `[${base}]` : '<unknown>';
  // pprof keys these by binary and start line (0 for frames with no function).
  const key = `\u0001${obj}\u0000${fn?.startLine ?? 0}`;
  return { key, name };
}

const localNodes = new WeakMap<Location[], LocalNodes>();

/** A profile's graph nodes, made once per profile (its view gives the names). */
function localNodesOf(profile: Profile): LocalNodes {
  const locs = profile.locations;
  let out = localNodes.get(locs);
  if (out) return out;
  const view = profileView(profile);
  const start = new Uint32Array(locs.length + 1);
  let total = 0;
  for (let i = 0; i < locs.length; i++) {
    start[i] = total;
    total += Math.max(1, locs[i]!.lines.length);
  }
  start[locs.length] = total;
  const nodes = new Int32Array(total);
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < locs.length; i++) {
    const loc = locs[i]!;
    const n = Math.max(1, loc.lines.length);
    for (let j = 0; j < n; j++) {
      const { key, name } = nodeKey(loc, j, view, view.lineStart[i]! + j);
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        names.push(name);
      }
      nodes[start[i]! + j] = id;
    }
  }
  localNodes.set(locs, (out = { start, nodes, keys, names }));
  return out;
}

/** A profile's nodes in the ids of an aggregation over several profiles. */
function locationNodes(profile: Profile, index: NodeIndex): LocationNodes {
  const local = localNodesOf(profile);
  const remap = new Int32Array(local.keys.length);
  const same = index.names.length === 0;
  for (let i = 0; i < local.keys.length; i++) {
    const key = local.keys[i]!;
    let id = index.ids.get(key);
    if (id === undefined) {
      id = index.names.length;
      index.ids.set(key, id);
      index.names.push(local.names[i]!);
    }
    remap[i] = id;
  }
  if (same) return local;
  const nodes = new Int32Array(local.nodes.length);
  for (let k = 0; k < nodes.length; k++) nodes[k] = remap[local.nodes[k]!]!;
  return { start: local.start, nodes };
}

const tables = new WeakMap<Profile, Map<number, FunctionTable>>();

/** The function table of one profile and sample type, computed once (callers must not change it). */
export function profileFunctionTable(profile: Profile, sampleIndex: number): FunctionTable {
  let m = tables.get(profile);
  if (!m) tables.set(profile, (m = new Map()));
  let t = m.get(sampleIndex);
  if (!t) m.set(sampleIndex, (t = functionTable([{ profile, sampleIndex }])));
  return t;
}

/** Aggregates flat and cum per function over one or more profiles. */
export function functionTable(sources: AggregationSource[]): FunctionTable {
  const index: NodeIndex = { ids: new Map(), names: [] };
  const perSource = sources.map((s) => locationNodes(s.profile, index));
  const n = index.names.length;
  // Nodes that appear as an inlined (non-outermost) line somewhere: only their in-edges decide markers.
  const inlinable = new Uint8Array(n);
  for (const ln of perSource) {
    for (let l = 0; l + 1 < ln.start.length; l++) {
      for (let j = ln.start[l]!; j < ln.start[l + 1]! - 1; j++) inlinable[ln.nodes[j]!] = 1;
    }
  }
  const acc: Accumulator = {
    flat: new Float64Array(n),
    cum: new Float64Array(n),
    seen: new Int32Array(n).fill(-1),
    stamp: 0,
    total: 0,
    baseTotal: 0,
    inlinable,
    edges: new EdgeTable(n, inlinable),
  };
  sources.forEach((source, s) => {
    const ln = perSource[s]!;
    accumulate(source, ln, acc.edges.intraLocationEdges(ln), acc);
  });

  const { flat, cum } = acc;
  const markers = acc.edges.markers(Math.abs(Math.trunc(totalFlat(flat) * EDGE_FRACTION)));
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
  return { functions, total: acc.baseTotal > 0 ? acc.baseTotal : acc.total };
}

interface Accumulator {
  flat: Float64Array;
  cum: Float64Array;
  /** seen[node] === stamp when the node already got this sample's cum. */
  seen: Int32Array;
  stamp: number;
  total: number;
  baseTotal: number;
  inlinable: Uint8Array;
  edges: EdgeTable;
}

/**
 * Adds one profile's samples: the hot loop (tens of millions of frames in a large profile).
 * `intra[k]` is the edge into line k from the line it is inlined into, or -1.
 */
function accumulate(
  source: AggregationSource,
  ln: LocationNodes,
  intra: Int32Array,
  acc: Accumulator,
): void {
  const { profile, sampleIndex } = source;
  const scale = source.scale ?? 1;
  const { values, width, stackStart, stack, count } = profile.samples;
  const { start, nodes } = ln;
  const { flat, cum, seen, inlinable, edges } = acc;
  let { seenIn: edgeSeen, weight: edgeWeight } = edges;
  let stamp = acc.stamp;
  let total = acc.total;
  const baseMask = source.base ? undefined : baseSamples(profile);
  // Per location: its outermost line's node, and what else to do for it (INLINABLE: its outer
  // node is inlined elsewhere, so its edge counts; INLINED: it has lines inlined into it). Most
  // frames need neither, and their loop reads one array.
  const nLoc = start.length - 1;
  const outerOf = new Int32Array(nLoc);
  for (let l = 0; l < nLoc; l++) {
    const outer = nodes[start[l + 1]! - 1]!;
    const kind =
      (inlinable[outer] === 1 ? INLINABLE : 0) | (start[l + 1]! - start[l]! > 1 ? INLINED : 0);
    outerOf[l] = outer | (kind << KIND_SHIFT);
  }
  for (let i = 0; i < count; i++) {
    const w = values[i * width + sampleIndex]! * scale;
    const first = stackStart[i]!;
    const last = stackStart[i + 1]!;
    total += Math.abs(w);
    if (source.base || baseMask?.[i]) acc.baseTotal += Math.abs(w);
    if (w === 0 || first === last) continue;
    stamp++;
    const sample = edges.nextSample();
    let parent = -1;
    // Root first, so that `parent` is the caller of each frame.
    for (let f = last - 1; f >= first; f--) {
      const loc = stack[f]!;
      // The location's outermost line: called directly by the previous frame.
      const packed = outerOf[loc]!;
      const outer = packed & NODE_MASK;
      if (seen[outer] !== stamp) {
        seen[outer] = stamp;
        cum[outer]! += w;
      }
      if (packed === outer) {
        parent = outer;
        continue;
      }
      const k0 = packed >>> KIND_SHIFT;
      if (k0 & INLINABLE && parent >= 0 && parent !== outer) {
        edges.hit(edges.id(parent, outer), w, false);
        ({ seenIn: edgeSeen, weight: edgeWeight } = edges);
      }
      parent = outer;
      if (!(k0 & INLINED)) continue;
      // Lines inlined into it, innermost last. This runs millions of times: no method calls.
      const lo = start[loc]!;
      for (let k = start[loc + 1]! - 2; k >= lo; k--) {
        const node = nodes[k]!;
        if (seen[node] !== stamp) {
          seen[node] = stamp;
          cum[node]! += w;
        }
        const e = intra[k]!;
        if (e >= 0 && edgeSeen[e] !== sample) {
          edgeSeen[e] = sample;
          edgeWeight[e]! += w;
        }
        parent = node;
      }
    }
    flat[parent]! += w;
  }
  acc.stamp = stamp;
  acc.total = total;
}

/** Which samples carry pprof's `pprof::base=true` label (saved diffs), or undefined if none do. */
function baseSamples(profile: Profile): Uint8Array | undefined {
  const t = profile.samples.labels;
  const key = t.strings.indexOf('pprof::base');
  if (key < 0 || t.key.length === 0) return undefined;
  const yes = t.strings.indexOf('true');
  const mask = new Uint8Array(profile.samples.count);
  for (let i = 0; i < profile.samples.count; i++) {
    for (let j = t.start[i]!; j < t.start[i + 1]!; j++) {
      if (t.key[j] === key && t.str[j] === yes) mask[i] = 1;
    }
  }
  return mask;
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
 * was an inlined call; counted once per sample, as pprof does. Edges live in a dense
 * (inlinable callee × caller) table when that is small enough, else in a map.
 */
class EdgeTable {
  private readonly slotOf: Int32Array;
  private readonly dense: Int32Array | undefined;
  private readonly sparse = new Map<number, number>();
  private count = 0;
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  /** Per edge: summed weight, and the last sample that counted it (read by the hot loop). */
  weight = new Float64Array(64);
  seenIn = new Int32Array(64);
  private allInline = new Uint8Array(64);
  private sample = 0;

  constructor(
    private readonly nodeCount: number,
    inlinable: Uint8Array,
  ) {
    this.slotOf = new Int32Array(nodeCount).fill(-1);
    let slots = 0;
    for (let i = 0; i < nodeCount; i++) if (inlinable[i]) this.slotOf[i] = slots++;
    if (slots * nodeCount <= 1 << 22) this.dense = new Int32Array(slots * nodeCount).fill(-1);
  }

  /** Starts a sample; returns its number (edges are counted once per sample). */
  nextSample(): number {
    return ++this.sample;
  }

  /** The id of the edge from → to (to must be inlinable), created on first use. */
  id(from: number, to: number): number {
    const cell = this.dense ? this.slotOf[to]! * this.nodeCount + from : from * this.nodeCount + to;
    const known = this.dense ? this.dense[cell]! : (this.sparse.get(cell) ?? -1);
    if (known >= 0) return known;
    const e = this.count++;
    if (e === this.from.length) this.grow();
    if (this.dense) this.dense[cell] = e;
    else this.sparse.set(cell, e);
    this.from[e] = from;
    this.to[e] = to;
    this.allInline[e] = 1;
    this.seenIn[e] = 0;
    return e;
  }

  /** Ids of the edges inside each location: from each line into the line inlined in it. */
  intraLocationEdges(ln: LocationNodes): Int32Array {
    const out = new Int32Array(ln.nodes.length).fill(-1);
    for (let l = 0; l + 1 < ln.start.length; l++) {
      for (let k = ln.start[l]!; k < ln.start[l + 1]! - 1; k++) {
        const to = ln.nodes[k]!;
        const from = ln.nodes[k + 1]!;
        if (from !== to) out[k] = this.id(from, to);
      }
    }
    return out;
  }

  /** Counts edge e for the current sample (once per sample); any direct call makes it direct. */
  hit(e: number, w: number, inline: boolean): void {
    if (this.seenIn[e] === this.sample) return;
    this.seenIn[e] = this.sample;
    this.weight[e]! += w;
    if (!inline) this.allInline[e] = 0;
  }

  private grow(): void {
    const n = this.from.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.from = grown(this.from);
    this.to = grown(this.to);
    this.weight = grown(this.weight);
    this.allInline = grown(this.allInline);
    this.seenIn = grown(this.seenIn);
  }

  /** pprof's marker per node, counting only edges whose |weight| reaches the cutoff. */
  markers(cutoff: number): InlineMarker[] {
    const inline: boolean[] = [];
    const direct: boolean[] = [];
    for (let e = 0; e < this.count; e++) {
      if (this.weight[e] === 0 && this.seenIn[e] === 0) continue; // never seen in a sample
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
