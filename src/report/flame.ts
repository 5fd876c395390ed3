/**
 * The differential flame graph's model: every stack of head and base merged into one tree of
 * frames (root first), each frame with its value in head and in base. Width is head's value,
 * colour the change against base. Frames under a fraction of the total are merged into one
 * "small frames" box per parent, so large profiles stay small and usable.
 */
import { type ProfileView, profileView } from '../analyze/profile-view.js';
import type { Profile, ProfileFunction } from '../model/profile.js';

/** One frame of the graph. */
export interface FlameNode {
  name: string;
  file: string;
  line: number;
  head: number;
  base: number;
  /** True for the box that stands for merged small frames. */
  small?: true;
  children: FlameNode[];
}

/** A graph of one profile pair and sample type. */
export interface FlameGraph {
  /** e.g. `allocs.pb.gz` */
  profile: string;
  sampleType: string;
  unit: string;
  headTotal: number;
  baseTotal: number;
  /** Frames under this fraction of the larger total were merged into "small frames" boxes. */
  minFraction: number;
  root: FlameNode;
}

/** Flame names ('<unknown>' for frames without one) interned across both profiles of a pair. */
class FlameNames {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** Per function id of a view: the pair's name id. */
  of(view: ProfileView): Int32Array {
    const out = new Int32Array(view.names.length);
    view.names.forEach((n, i) => {
      const name = n || '<unknown>';
      let id = this.ids.get(name);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(name, id);
        this.names.push(name);
      }
      out[i] = id;
    });
    return out;
  }
}

/** One side of the pair: a profile, its sample types' indices, and its names in the pair's ids. */
interface Side {
  profile: Profile;
  /** Per graph: the index of its sample type in this profile, or -1. */
  sampleIndex: number[];
  view: ProfileView;
  nameOf: Int32Array;
}

/**
 * The frames that make it into some graph (at least its `min` in one sample type), while the
 * graphs are built. Values are per frame and graph: `head[frame * types + t]`.
 */
interface Kept {
  types: number;
  name: number[];
  fn: (ProfileFunction | undefined)[];
  head: number[];
  base: number[];
  /** Per frame: kept children, in the order they were first reached. */
  children: number[][];
  smallHead: number[];
  smallBase: number[];
}

/**
 * The frames reached in one pass, found by (parent, name) in an open-addressing table held in
 * one typed array (parent, name, frame, stamp per slot): tens of millions of lookups on a large
 * profile, where a Map of numbers costs ten times as much.
 */
class ChildTable {
  private size = 1 << 12;
  private slots = new Int32Array(this.size * 4);
  private now = 1;
  private used = 0;

  /** Forgets every entry (in constant time). */
  clear(): void {
    this.now++;
    this.used = 0;
  }

  /** The frame of (at, name), or -1. */
  find(at: number, name: number): number {
    const mask = this.size - 1;
    const slots = this.slots;
    let h = (Math.imul(at, 0x9e3779b1) ^ Math.imul(name, 0x85ebca77)) & mask;
    while (slots[h * 4 + 3] === this.now) {
      if (slots[h * 4] === at && slots[h * 4 + 1] === name) return slots[h * 4 + 2]!;
      h = (h + 1) & mask;
    }
    return -1;
  }

  /** Stores the frame of (at, name), which is not in the table. */
  add(at: number, name: number, frame: number): void {
    if (2 * (this.used + 1) > this.size) this.grow();
    const mask = this.size - 1;
    const slots = this.slots;
    let h = (Math.imul(at, 0x9e3779b1) ^ Math.imul(name, 0x85ebca77)) & mask;
    while (slots[h * 4 + 3] === this.now) h = (h + 1) & mask;
    slots[h * 4] = at;
    slots[h * 4 + 1] = name;
    slots[h * 4 + 2] = frame;
    slots[h * 4 + 3] = this.now;
    this.used++;
  }

  private grow(): void {
    const { slots, now } = this;
    this.size *= 2;
    this.slots = new Int32Array(this.size * 4);
    this.now = 1;
    this.used = 0;
    for (let h = 0; h < slots.length; h += 4) {
      if (slots[h + 3] === now) this.add(slots[h]!, slots[h + 1]!, slots[h + 2]!);
    }
  }
}

/** Depths walked per pass over the samples: each pass reads a sample's next frames together. */
const WINDOW = 8;

/** A growable column of numbers. */
class Column<A extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: A) {}
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => A)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
}

/**
 * The merged tree of every graph of a pair, over integer ids, a few depths at a time. Each pass
 * moves every sample still under a kept frame up to `WINDOW` frames towards its leaf (reading its
 * stack while it is in cache), adding its values to the paths it takes below that frame; then
 * the paths' frames are kept or merged into their parent's "small frames" top down, and the
 * samples under a merged frame leave. No frame under every graph's `min` is ever kept or named,
 * and each sample's stack is read once for all the pair's sample types.
 */
function buildKept(sides: Side[], min: number[], totals: [number[], number[]]): Kept {
  const T = min.length;
  const kept: Kept = {
    types: T,
    name: [-1],
    fn: [undefined],
    head: [...totals[0]],
    base: [...totals[1]],
    children: [[]],
    smallHead: new Array<number>(T).fill(0),
    smallBase: new Array<number>(T).fill(0),
  };
  // The samples still in the graph: side, index, kept frame, and where their walk stands (the
  // stack position and the line within its location, -1 before the first).
  let n = 0;
  for (const s of sides) n += s.profile.samples.count;
  const side = new Uint8Array(n);
  const sample = new Int32Array(n);
  const node = new Int32Array(n);
  const pos = new Int32Array(n);
  const line = new Int32Array(n);
  const last = new Int32Array(n);
  let active = 0;
  sides.forEach((s, si) => {
    const { values, width, count, stackStart } = s.profile.samples;
    for (let i = 0; i < count; i++) {
      let any = false;
      for (const x of s.sampleIndex) if (x >= 0 && values[i * width + x]! !== 0) any = true;
      if (!any) continue;
      side[active] = si;
      sample[active] = i;
      node[active] = 0;
      pos[active] = stackStart[i + 1]!;
      line[active] = -1;
      active++;
    }
  });
  const table = new ChildTable();
  while (active > 0) {
    // The pass's paths: per path frame its parent (a path frame, or -1 - kept frame), name,
    // function and values (`head[f * T + t]`).
    table.clear();
    const wParent = new Column(new Int32Array(1024));
    const wName = new Column(new Int32Array(1024));
    const wFn: (ProfileFunction | undefined)[] = [];
    const wHead = new Column(new Float64Array(1024 * T));
    const wBase = new Column(new Float64Array(1024 * T));
    let alive = 0;
    for (let a = 0; a < active; a++) {
      const sd = side[a]!;
      const s = sides[sd]!;
      const i = sample[a]!;
      const { stackStart, stack, values, width } = s.profile.samples;
      const { lineStart, lineName, lineFn } = s.view;
      const nameOf = s.nameOf;
      const first = stackStart[i]!;
      let k = line[a]!;
      let j = pos[a]!;
      let at = -1 - node[a]!;
      let depth = 0;
      for (; depth < WINDOW; depth++) {
        // The next line towards the leaf: within the location, else the next location with lines.
        if (k >= 0 && k > lineStart[stack[j]!]!) k--;
        else {
          k = -1;
          for (j--; j >= first; j--) {
            const loc = stack[j]!;
            if (lineStart[loc + 1]! > lineStart[loc]!) {
              k = lineStart[loc + 1]! - 1;
              break;
            }
          }
        }
        if (k < 0) break;
        const nm = nameOf[lineName[k]!]!;
        let c = table.find(at, nm);
        if (c < 0) {
          c = wParent.push(at);
          table.add(at, nm, c);
          wName.push(nm);
          wFn.push(lineFn[k]);
          for (let t = 0; t < T; t++) {
            wHead.push(0);
            wBase.push(0);
          }
        }
        at = c;
      }
      // The values go to the path's last frame here, and to its ancestors below.
      if (at >= 0) {
        const into = sd === 0 ? wHead.data : wBase.data;
        for (let t = 0; t < T; t++) {
          const x = s.sampleIndex[t]!;
          if (x >= 0) into[at * T + t]! += values[i * width + x]!;
        }
      }
      // A sample that reached its leaf is done; the others go on from where they stand.
      if (depth < WINDOW) continue;
      side[alive] = sd;
      sample[alive] = i;
      pos[alive] = j;
      line[alive] = k;
      last[alive] = at;
      alive++;
    }
    // Each path frame's values include its children's (a child comes after its parent).
    for (let c = wParent.length - 1; c >= 0; c--) {
      const up = wParent.data[c]!;
      if (up < 0) continue;
      for (let t = 0; t < T; t++) {
        wHead.data[up * T + t]! += wHead.data[c * T + t]!;
        wBase.data[up * T + t]! += wBase.data[c * T + t]!;
      }
    }
    // Top down: keep the big ones under kept frames.
    const keptOf = new Int32Array(wParent.length);
    for (let c = 0; c < wParent.length; c++) {
      const up = wParent.data[c]!;
      const p = up < 0 ? -1 - up : keptOf[up]!;
      keptOf[c] = -1;
      if (p < 0) continue;
      let big = false;
      for (let t = 0; t < T; t++) {
        const v = Math.max(Math.abs(wHead.data[c * T + t]!), Math.abs(wBase.data[c * T + t]!));
        if (v > 0 && v >= min[t]!) big = true;
      }
      if (big) {
        const id = kept.name.length;
        keptOf[c] = id;
        kept.name.push(wName.data[c]!);
        kept.fn.push(wFn[c]);
        kept.children.push([]);
        for (let t = 0; t < T; t++) {
          kept.head.push(wHead.data[c * T + t]!);
          kept.base.push(wBase.data[c * T + t]!);
          kept.smallHead.push(0);
          kept.smallBase.push(0);
        }
        kept.children[p]!.push(id);
      } else {
        for (let t = 0; t < T; t++) {
          kept.smallHead[p * T + t]! += wHead.data[c * T + t]!;
          kept.smallBase[p * T + t]! += wBase.data[c * T + t]!;
        }
      }
    }
    active = 0;
    for (let a = 0; a < alive; a++) {
      const id = keptOf[last[a]!]!;
      if (id < 0) continue;
      side[active] = side[a]!;
      sample[active] = sample[a]!;
      node[active] = id;
      pos[active] = pos[a]!;
      line[active] = line[a]!;
      active++;
    }
  }
  return kept;
}

/**
 * Graph t's frames from the kept tree: the frames at least its `min` in t (only they are named);
 * the others, kept for another sample type, join their parent's small frames.
 */
function finish(kept: Kept, names: string[], t: number, min: number): FlameNode {
  const T = kept.types;
  const node = (c: number): FlameNode => {
    let smallHead = kept.smallHead[c * T + t]!;
    let smallBase = kept.smallBase[c * T + t]!;
    const big: FlameNode[] = [];
    for (const k of kept.children[c]!) {
      const h = kept.head[k * T + t]!;
      const b = kept.base[k * T + t]!;
      const v = Math.max(Math.abs(h), Math.abs(b));
      if (v > 0 && v >= min) big.push(node(k));
      else {
        smallHead += h;
        smallBase += b;
      }
    }
    big.sort((x, y) => y.head - x.head || x.name.localeCompare(y.name));
    if (smallHead !== 0 || smallBase !== 0) {
      big.push({
        name: 'small frames',
        file: '',
        line: 0,
        head: smallHead,
        base: smallBase,
        small: true,
        children: [],
      });
    }
    const fn = kept.fn[c];
    return {
      name: c === 0 ? 'root' : names[kept.name[c]!]!,
      file: fn?.filename ?? '',
      line: fn?.startLine ?? 0,
      head: kept.head[c * T + t]!,
      base: kept.base[c * T + t]!,
      children: big,
    };
  };
  return node(0);
}

/** A side's totals per sample type index (0 for -1): the sums of its values. */
function totalsOf(p: Profile, sampleIndex: number[]): number[] {
  const { values, width, count } = p.samples;
  return sampleIndex.map((x) => {
    if (x < 0) return 0;
    let total = 0;
    for (let i = 0; i < count; i++) total += values[i * width + x]!;
    return total;
  });
}

/**
 * The graphs of head against base for several sample types, built in one walk of each profile
 * (base may be absent: then every frame is new). A type head lacks gives no graph (undefined).
 */
export function flameGraphs(
  name: string,
  head: Profile,
  base: Profile | undefined,
  sampleTypes: string[],
  minFraction = 0.001,
): (FlameGraph | undefined)[] {
  const indices = (p: Profile) =>
    sampleTypes.map((type) => p.sampleTypes.findIndex((t) => t.type === type));
  const hi = indices(head);
  const names = new FlameNames();
  const side = (profile: Profile, sampleIndex: number[]): Side => {
    const view = profileView(profile);
    return { profile, sampleIndex, view, nameOf: names.of(view) };
  };
  const sides = [side(head, hi)];
  const headTotals = totalsOf(head, hi);
  let baseTotals = sampleTypes.map(() => 0);
  if (base) {
    const bi = indices(base);
    if (bi.some((x) => x >= 0)) {
      sides.push(side(base, bi));
      baseTotals = totalsOf(base, bi);
    }
  }
  const min = sampleTypes.map(
    (_, t) => Math.max(Math.abs(headTotals[t]!), Math.abs(baseTotals[t]!)) * minFraction,
  );
  const kept = buildKept(sides, min, [headTotals, baseTotals]);
  return sampleTypes.map((sampleType, t) =>
    hi[t]! < 0
      ? undefined
      : {
          profile: name,
          sampleType,
          unit: head.sampleTypes[hi[t]!]!.unit,
          headTotal: headTotals[t]!,
          baseTotal: baseTotals[t]!,
          minFraction,
          root: finish(kept, names.names, t, min[t]!),
        },
  );
}

/** The graph of head against base for one sample type (base may be absent: every frame is new). */
export function flameGraph(
  name: string,
  head: Profile,
  base: Profile | undefined,
  sampleType: string,
  minFraction = 0.001,
): FlameGraph | undefined {
  return flameGraphs(name, head, base, [sampleType], minFraction)[0];
}
