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

/** One side of the pair: a profile, its sample type, and its names in the pair's ids. */
interface Side {
  profile: Profile;
  sampleIndex: number;
  view: ProfileView;
  nameOf: Int32Array;
}

/** The frames that make it into the graph (at least `min`), while the graph is built. */
interface Kept {
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
 * The merged tree, built one depth at a time over integer ids: at each depth, every sample still
 * under a kept frame moves one frame towards its leaf and adds its value to (frame, name); the
 * children under `min` are then merged into their parent's "small frames" and their samples
 * leave. No frame under `min`, nor anything below it, is ever made.
 */
function buildKept(sides: Side[], min: number, totals: [number, number]): Kept {
  const kept: Kept = {
    name: [-1],
    fn: [undefined],
    head: [totals[0]],
    base: [totals[1]],
    children: [[]],
    smallHead: [0],
    smallBase: [0],
  };
  // The samples still in the graph: side, index, frame, and the stack position of the last line.
  let n = 0;
  for (const s of sides) n += s.profile.samples.count;
  const side = new Uint8Array(n);
  const sample = new Int32Array(n);
  const node = new Int32Array(n);
  const pos = new Int32Array(n);
  const line = new Int32Array(n);
  const cand = new Int32Array(n);
  let active = 0;
  sides.forEach((s, si) => {
    const { values, width, count, stackStart } = s.profile.samples;
    for (let i = 0; i < count; i++) {
      if (values[i * width + s.sampleIndex]! === 0) continue;
      side[active] = si;
      sample[active] = i;
      pos[active] = stackStart[i + 1]!;
      line[active] = -1;
      active++;
    }
  });
  let names = 1;
  for (const s of sides) for (const id of s.nameOf) names = Math.max(names, id + 1);
  while (active > 0) {
    const ids = new Map<number, number>();
    const cParent: number[] = [];
    const cName: number[] = [];
    const cFn: (ProfileFunction | undefined)[] = [];
    const cHead: number[] = [];
    const cBase: number[] = [];
    let alive = 0;
    for (let a = 0; a < active; a++) {
      const sd = side[a]!;
      const s = sides[sd]!;
      const i = sample[a]!;
      const { stackStart, stack, values, width } = s.profile.samples;
      const { lineStart } = s.view;
      // The next line towards the leaf: within the location, else the next location with lines.
      let k = line[a]!;
      let j = pos[a]!;
      if (k >= 0 && k > lineStart[stack[j]!]!) k--;
      else {
        k = -1;
        for (j--; j >= stackStart[i]!; j--) {
          const loc = stack[j]!;
          if (lineStart[loc + 1]! > lineStart[loc]!) {
            k = lineStart[loc + 1]! - 1;
            break;
          }
        }
      }
      if (k < 0) continue;
      const nm = s.nameOf[s.view.lineName[k]!]!;
      const at = node[a]!;
      const key = at * names + nm;
      let c = ids.get(key);
      if (c === undefined) {
        c = cParent.length;
        ids.set(key, c);
        cParent.push(at);
        cName.push(nm);
        cFn.push(s.view.lineFn[k]);
        cHead.push(0);
        cBase.push(0);
      }
      const v = values[i * width + s.sampleIndex]!;
      if (sd === 0) cHead[c]! += v;
      else cBase[c]! += v;
      side[alive] = sd;
      sample[alive] = i;
      node[alive] = at;
      pos[alive] = j;
      line[alive] = k;
      cand[alive] = c;
      alive++;
    }
    // Which children are kept; the others become their parent's small frames.
    const keptId = new Int32Array(cParent.length).fill(-1);
    for (let c = 0; c < cParent.length; c++) {
      const p = cParent[c]!;
      if (Math.max(Math.abs(cHead[c]!), Math.abs(cBase[c]!)) >= min) {
        const id = kept.name.length;
        keptId[c] = id;
        kept.name.push(cName[c]!);
        kept.fn.push(cFn[c]);
        kept.head.push(cHead[c]!);
        kept.base.push(cBase[c]!);
        kept.children.push([]);
        kept.smallHead.push(0);
        kept.smallBase.push(0);
        kept.children[p]!.push(id);
      } else {
        kept.smallHead[p]! += cHead[c]!;
        kept.smallBase[p]! += cBase[c]!;
      }
    }
    active = 0;
    for (let a = 0; a < alive; a++) {
      const id = keptId[cand[a]!]!;
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

/** The graph's frames from the kept tree; only they are named. */
function finish(kept: Kept, names: string[]): FlameNode {
  const node = (c: number): FlameNode => {
    const big = kept.children[c]!.map(node);
    big.sort((x, y) => y.head - x.head || x.name.localeCompare(y.name));
    const smallHead = kept.smallHead[c]!;
    const smallBase = kept.smallBase[c]!;
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
      head: kept.head[c]!,
      base: kept.base[c]!,
      children: big,
    };
  };
  return node(0);
}

/** A side's total: the sum of its values. */
function totalOf(p: Profile, sampleIndex: number): number {
  const { values, width, count } = p.samples;
  let total = 0;
  for (let i = 0; i < count; i++) total += values[i * width + sampleIndex]!;
  return total;
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
  const names = new FlameNames();
  const side = (profile: Profile, sampleIndex: number): Side => {
    const view = profileView(profile);
    return { profile, sampleIndex, view, nameOf: names.of(view) };
  };
  const sides = [side(head, hi)];
  const headTotal = totalOf(head, hi);
  let baseTotal = 0;
  if (base) {
    const bi = base.sampleTypes.findIndex((t) => t.type === sampleType);
    if (bi >= 0) {
      sides.push(side(base, bi));
      baseTotal = totalOf(base, bi);
    }
  }
  const min = Math.max(Math.abs(headTotal), Math.abs(baseTotal)) * minFraction;
  const kept = buildKept(sides, min, [headTotal, baseTotal]);
  return {
    profile: name,
    sampleType,
    unit: head.sampleTypes[hi]!.unit,
    headTotal,
    baseTotal,
    minFraction,
    root: finish(kept, names.names),
  };
}
