/**
 * The merged tree of a flame graph pair's frames, built over integer ids only: the stacks,
 * values and line ids of each side, and the frames it keeps. It reads no profile object, so it
 * runs as well in a worker thread (flame-worker.ts) as on the main thread, on the same shared
 * arrays.
 */

/** One side of the pair, as arrays: its samples, and its lines in the pair's name ids. */
export interface KeptSide {
  count: number;
  width: number;
  /** `values[i * width + j]` is value j of sample i. */
  values: Float64Array;
  /** Sample i's stack is `stack[stackStart[i] .. stackStart[i + 1])`, leaf first. */
  stackStart: Uint32Array;
  stack: Uint16Array | Uint32Array;
  /** Per line of the side's view: its function id. */
  lineName: Int32Array;
  /** Per function id of the side's view: the pair's name id. */
  nameOf: Int32Array;
  /** Per location l: its last line at `2l` (-1 when it has none) and its first at `2l + 1`. */
  lineSpan: Int32Array;
  /** Per graph: the index of its sample type in this profile, or -1. */
  sampleIndex: number[];
}

/**
 * The frames that make it into some graph (at least its `min` in one sample type), while the
 * graphs are built. Values are per frame and graph: `head[frame * types + t]`.
 */
export interface Kept {
  types: number;
  name: number[];
  /** Per frame: the side and the line of that side's view it was first reached by (-1: root). */
  side: number[];
  line: number[];
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

/**
 * The path frame each window of a pass ended at, found by its side, its kept frame and its lines
 * (an entry of `pool` is hash, side, frame, depth, the lines, and the path frame).
 */
class WindowTable {
  private size = 1 << 12;
  private slots = new Int32Array(this.size * 2);
  private pool = new Int32Array(1 << 16);
  private end = 0;
  private now = 1;
  private used = 0;

  /** Forgets every entry. */
  clear(): void {
    this.now++;
    this.used = 0;
    this.end = 0;
  }

  /** The path frame of the window, or -1. */
  find(hash: number, side: number, from: number, steps: Int32Array, depth: number): number {
    const mask = this.size - 1;
    const { slots, pool } = this;
    for (let h = hash & mask; slots[h * 2 + 1] === this.now; h = (h + 1) & mask) {
      const o = slots[h * 2]!;
      if (pool[o] !== hash || pool[o + 1] !== side || pool[o + 2] !== from || pool[o + 3] !== depth)
        continue;
      let d = 0;
      while (d < depth && pool[o + 4 + d] === steps[d]) d++;
      if (d === depth) return pool[o + 4 + depth]!;
    }
    return -1;
  }

  /** Stores the path frame of a window that is not in the table. */
  add(
    hash: number,
    side: number,
    from: number,
    steps: Int32Array,
    depth: number,
    at: number,
  ): void {
    if (2 * (this.used + 1) > this.size) this.grow();
    if (this.end + depth + 5 > this.pool.length) {
      const next = new Int32Array(this.pool.length * 2);
      next.set(this.pool);
      this.pool = next;
    }
    const o = this.end;
    const pool = this.pool;
    pool[o] = hash;
    pool[o + 1] = side;
    pool[o + 2] = from;
    pool[o + 3] = depth;
    for (let d = 0; d < depth; d++) pool[o + 4 + d] = steps[d]!;
    pool[o + 4 + depth] = at;
    this.end += depth + 5;
    this.place(hash, o);
  }

  private place(hash: number, o: number): void {
    const mask = this.size - 1;
    const slots = this.slots;
    let h = hash & mask;
    while (slots[h * 2 + 1] === this.now) h = (h + 1) & mask;
    slots[h * 2] = o;
    slots[h * 2 + 1] = this.now;
    this.used++;
  }

  private grow(): void {
    const { slots, now } = this;
    this.size *= 2;
    this.slots = new Int32Array(this.size * 2);
    this.now = 1;
    this.used = 0;
    for (let h = 0; h < slots.length; h += 2) {
      if (slots[h + 1] === now) this.place(this.pool[slots[h]!]!, slots[h]!);
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
export function buildKept(sides: KeptSide[], min: number[], totals: [number[], number[]]): Kept {
  const T = min.length;
  const kept: Kept = {
    types: T,
    name: [-1],
    side: [-1],
    line: [-1],
    head: [...totals[0]],
    base: [...totals[1]],
    children: [[]],
    smallHead: new Array<number>(T).fill(0),
    smallBase: new Array<number>(T).fill(0),
  };
  // The samples still in the graph: side, index, kept frame, and where their walk stands (the
  // stack position and the line within its location, -1 before the first).
  let n = 0;
  for (const s of sides) n += s.count;
  const side = new Uint8Array(n);
  const sample = new Int32Array(n);
  const node = new Int32Array(n);
  const pos = new Int32Array(n);
  const line = new Int32Array(n);
  const last = new Int32Array(n);
  let active = 0;
  sides.forEach((s, si) => {
    const { values, width, count, stackStart } = s;
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
  const windows = new WindowTable();
  const steps = new Int32Array(WINDOW);
  while (active > 0) {
    // The pass's paths: per path frame its parent (a path frame, or -1 - kept frame), name,
    // function and values (`head[f * T + t]`).
    table.clear();
    windows.clear();
    const wParent = new Column(new Int32Array(1024));
    const wName = new Column(new Int32Array(1024));
    const wLine = new Column(new Int32Array(1024));
    const wSide = new Column(new Int32Array(1024));
    const wHead = new Column(new Float64Array(1024 * T));
    const wBase = new Column(new Float64Array(1024 * T));
    let alive = 0;
    // The samples of a side are together (head's first): its arrays are read once per run of them.
    let sd = 0;
    let s = sides[0]!;
    let { stackStart, stack, values, width, lineName, nameOf, lineSpan, sampleIndex } = s;
    let into = wHead;
    for (let a = 0; a < active; a++) {
      if (side[a] !== sd) {
        sd = side[a]!;
        s = sides[sd]!;
        ({ stackStart, stack, values, width, lineName, nameOf, lineSpan, sampleIndex } = s);
        into = sd === 0 ? wHead : wBase;
      }
      const i = sample[a]!;
      const first = stackStart[i]!;
      const from = node[a]!;
      let k = line[a]!;
      let j = pos[a]!;
      // The first line of the location k is in (none before the walk starts).
      let kFirst = k >= 0 ? lineSpan[2 * stack[j]! + 1]! : 0x7fffffff;
      let depth = 0;
      let h = Math.imul(from ^ (sd << 24), 0x9e3779b1);
      for (; depth < WINDOW; depth++) {
        // The next line towards the leaf: within the location, else the next location with lines.
        if (k > kFirst) k--;
        else {
          k = -1;
          for (j--; j >= first; j--) {
            const loc = stack[j]!;
            const last = lineSpan[2 * loc]!;
            if (last >= 0) {
              k = last;
              kFirst = lineSpan[2 * loc + 1]!;
              break;
            }
          }
        }
        if (k < 0) break;
        steps[depth] = k;
        h = Math.imul(h ^ k, 0x85ebca77) ^ (h >>> 15);
      }
      // The same lines from the same frame end at the same path frame: most windows of a pass
      // were walked before by another sample, and are found with one lookup instead of one each.
      let at = depth === 0 ? -1 - from : windows.find(h, sd, from, steps, depth);
      if (at === -1 && depth > 0) {
        at = -1 - from;
        for (let d = 0; d < depth; d++) {
          const kd = steps[d]!;
          const nm = nameOf[lineName[kd]!]!;
          let c = table.find(at, nm);
          if (c < 0) {
            c = wParent.push(at);
            table.add(at, nm, c);
            wName.push(nm);
            wLine.push(kd);
            wSide.push(sd);
            for (let t = 0; t < T; t++) {
              wHead.push(0);
              wBase.push(0);
            }
          }
          at = c;
        }
        windows.add(h, sd, from, steps, depth, at);
      }
      // The values go to the path's last frame here, and to its ancestors below.
      if (at >= 0) {
        const data = into.data;
        for (let t = 0; t < T; t++) {
          const x = sampleIndex[t]!;
          if (x >= 0) data[at * T + t]! += values[i * width + x]!;
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
        kept.side.push(wSide.data[c]!);
        kept.line.push(wLine.data[c]!);
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
