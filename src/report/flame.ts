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

/**
 * The merged tree while it is built: frames are integers, children are found through an
 * open-addressing table keyed by (parent, name id), and values sit in typed arrays, so that
 * walking tens of millions of frames makes no object and no string.
 */
class FrameTree {
  size = 1;
  parent = new Int32Array(1024);
  name = new Int32Array(1024);
  head = new Float64Array(1024);
  base = new Float64Array(1024);
  /** The function the frame was first seen with, for its file and line. */
  fn: (ProfileFunction | undefined)[] = [undefined];
  private slots = new Int32Array(4096).fill(-1);

  constructor() {
    this.parent[0] = -1;
    this.name[0] = -1;
  }

  /** The child of `at` named `name`, made on first use. */
  child(at: number, name: number, fn: ProfileFunction | undefined): number {
    const mask = this.slots.length - 1;
    let h = (Math.imul(at, 0x9e3779b1) ^ Math.imul(name, 0x85ebca6b)) & mask;
    for (;;) {
      const c = this.slots[h]!;
      if (c < 0) break;
      if (this.parent[c] === at && this.name[c] === name) return c;
      h = (h + 1) & mask;
    }
    const c = this.size++;
    if (c === this.parent.length) this.grow();
    this.parent[c] = at;
    this.name[c] = name;
    this.fn.push(fn);
    this.slots[h] = c;
    if (this.size * 2 > this.slots.length) this.rehash();
    return c;
  }

  private grow(): void {
    const n = this.parent.length * 2;
    const parent = new Int32Array(n);
    parent.set(this.parent);
    this.parent = parent;
    const name = new Int32Array(n);
    name.set(this.name);
    this.name = name;
    const head = new Float64Array(n);
    head.set(this.head);
    this.head = head;
    const base = new Float64Array(n);
    base.set(this.base);
    this.base = base;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let c = 1; c < this.size; c++) {
      let h =
        (Math.imul(this.parent[c]!, 0x9e3779b1) ^ Math.imul(this.name[c]!, 0x85ebca6b)) & mask;
      while (slots[h]! >= 0) h = (h + 1) & mask;
      slots[h] = c;
    }
    this.slots = slots;
  }

  /** Each frame's children, in the order they were made. */
  children(): { start: Int32Array; list: Int32Array } {
    const start = new Int32Array(this.size + 1);
    for (let c = 1; c < this.size; c++) start[this.parent[c]! + 1]!++;
    for (let i = 0; i < this.size; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, this.size);
    const list = new Int32Array(Math.max(0, this.size - 1));
    for (let c = 1; c < this.size; c++) list[fill[this.parent[c]!]!++] = c;
    return { start, list };
  }
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

/** Adds a profile's samples to the tree, root first; returns the profile's total. */
function add(
  p: Profile,
  sampleIndex: number,
  tree: FrameTree,
  names: FlameNames,
  side: 'head' | 'base',
): number {
  const { values, width, count, stackStart, stack } = p.samples;
  const view = profileView(p);
  const { lineStart, lineName, lineFn } = view;
  const nameOf = names.of(view);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i * width + sampleIndex]!;
    if (v === 0) continue;
    total += v;
    let at = 0;
    tree[side][0]! += v;
    for (let j = stackStart[i + 1]! - 1; j >= stackStart[i]!; j--) {
      const loc = stack[j]!;
      for (let k = lineStart[loc + 1]! - 1; k >= lineStart[loc]!; k--) {
        at = tree.child(at, nameOf[lineName[k]!]!, lineFn[k]);
        tree[side][at]! += v;
      }
    }
  }
  return total;
}

/** The graph's frames from the tree: frames under `min` are merged before any is named. */
function finish(tree: FrameTree, names: string[], min: number): FlameNode {
  const { start, list } = tree.children();
  const node = (c: number): FlameNode => {
    const big: FlameNode[] = [];
    let smallHead = 0;
    let smallBase = 0;
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const kid = list[k]!;
      const h = tree.head[kid]!;
      const b = tree.base[kid]!;
      if (Math.max(Math.abs(h), Math.abs(b)) >= min) big.push(node(kid));
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
    const fn = tree.fn[c];
    return {
      name: c === 0 ? 'root' : names[tree.name[c]!]!,
      file: fn?.filename ?? '',
      line: fn?.startLine ?? 0,
      head: tree.head[c]!,
      base: tree.base[c]!,
      children: big,
    };
  };
  return node(0);
}

/** The graph of head against base (base may be absent: then every frame is new). */
export function flameGraph(
  name: string,
  head: Profile,
  base: Profile | undefined,
  sampleType: string,
  minFraction = 0.001,
): FlameGraph | undefined {
  const hi = head.sampleTypes.findIndex((t) => t.type === sampleType);
  if (hi < 0) return undefined;
  const tree = new FrameTree();
  const names = new FlameNames();
  const headTotal = add(head, hi, tree, names, 'head');
  let baseTotal = 0;
  if (base) {
    const bi = base.sampleTypes.findIndex((t) => t.type === sampleType);
    if (bi >= 0) baseTotal = add(base, bi, tree, names, 'base');
  }
  const min = Math.max(Math.abs(headTotal), Math.abs(baseTotal)) * minFraction;
  return {
    profile: name,
    sampleType,
    unit: head.sampleTypes[hi]!.unit,
    headTotal,
    baseTotal,
    minFraction,
    root: finish(tree, names.names, min),
  };
}
