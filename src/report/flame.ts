/**
 * The differential flame graph's model: every stack of head and base merged into one tree of
 * frames (root first), each frame with its value in head and in base. Width is head's value,
 * colour the change against base. Frames under a fraction of the total are merged into one
 * "small frames" box per parent, so large profiles stay small and usable.
 */
import { displayName } from '../analyze/function-name.js';
import type { Profile } from '../model/profile.js';

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

interface Builder {
  node: FlameNode;
  kids: Map<string, Builder>;
}

function add(p: Profile, sampleIndex: number, root: Builder, side: 'head' | 'base'): number {
  const { values, width, count, stackStart, stack } = p.samples;
  const names = new Map<number, string>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i * width + sampleIndex]!;
    if (v === 0) continue;
    total += v;
    let at = root;
    at.node[side] += v;
    for (let j = stackStart[i + 1]! - 1; j >= stackStart[i]!; j--) {
      const loc = p.locations[stack[j]!]!;
      for (let k = loc.lines.length - 1; k >= 0; k--) {
        const ln = loc.lines[k]!;
        const fn = ln.fn;
        let name = fn ? names.get(fn.id) : undefined;
        if (fn && name === undefined) {
          name = displayName(fn) || '<unknown>';
          names.set(fn.id, name);
        }
        name ??= '<unknown>';
        let next = at.kids.get(name);
        if (!next) {
          next = {
            node: {
              name,
              file: fn?.filename ?? '',
              line: fn?.startLine ?? 0,
              head: 0,
              base: 0,
              children: [],
            },
            kids: new Map(),
          };
          at.kids.set(name, next);
        }
        next.node[side] += v;
        at = next;
      }
    }
  }
  return total;
}

function finish(b: Builder, min: number): FlameNode {
  const big: FlameNode[] = [];
  let smallHead = 0;
  let smallBase = 0;
  for (const k of b.kids.values()) {
    if (Math.max(Math.abs(k.node.head), Math.abs(k.node.base)) >= min) big.push(finish(k, min));
    else {
      smallHead += k.node.head;
      smallBase += k.node.base;
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
  return { ...b.node, children: big };
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
  const root: Builder = {
    node: { name: 'root', file: '', line: 0, head: 0, base: 0, children: [] },
    kids: new Map(),
  };
  const headTotal = add(head, hi, root, 'head');
  let baseTotal = 0;
  if (base) {
    const bi = base.sampleTypes.findIndex((t) => t.type === sampleType);
    if (bi >= 0) baseTotal = add(base, bi, root, 'base');
  }
  const min = Math.max(Math.abs(headTotal), Math.abs(baseTotal)) * minFraction;
  return {
    profile: name,
    sampleType,
    unit: head.sampleTypes[hi]!.unit,
    headTotal,
    baseTotal,
    minFraction,
    root: finish(root, min),
  };
}
