import { createRequire as __pgRequire } from 'node:module'; const require = __pgRequire(import.meta.url);

// src/report/flame-worker.ts
import { isMainThread, parentPort, workerData } from "node:worker_threads";

// src/report/flame-kept.ts
var ChildTable = class {
  size = 1 << 12;
  slots = new Int32Array(this.size * 4);
  now = 1;
  used = 0;
  /** Forgets every entry (in constant time). */
  clear() {
    this.now++;
    this.used = 0;
  }
  /** The frame of (at, name), or -1. */
  find(at, name) {
    const mask = this.size - 1;
    const slots = this.slots;
    let h = (Math.imul(at, 2654435761) ^ Math.imul(name, 2246822519)) & mask;
    while (slots[h * 4 + 3] === this.now) {
      if (slots[h * 4] === at && slots[h * 4 + 1] === name) return slots[h * 4 + 2];
      h = h + 1 & mask;
    }
    return -1;
  }
  /** Stores the frame of (at, name), which is not in the table. */
  add(at, name, frame) {
    if (2 * (this.used + 1) > this.size) this.grow();
    const mask = this.size - 1;
    const slots = this.slots;
    let h = (Math.imul(at, 2654435761) ^ Math.imul(name, 2246822519)) & mask;
    while (slots[h * 4 + 3] === this.now) h = h + 1 & mask;
    slots[h * 4] = at;
    slots[h * 4 + 1] = name;
    slots[h * 4 + 2] = frame;
    slots[h * 4 + 3] = this.now;
    this.used++;
  }
  grow() {
    const { slots, now } = this;
    this.size *= 2;
    this.slots = new Int32Array(this.size * 4);
    this.now = 1;
    this.used = 0;
    for (let h = 0; h < slots.length; h += 4) {
      if (slots[h + 3] === now) this.add(slots[h], slots[h + 1], slots[h + 2]);
    }
  }
};
var WindowTable = class {
  size = 1 << 12;
  slots = new Int32Array(this.size * 2);
  pool = new Int32Array(1 << 16);
  end = 0;
  now = 1;
  used = 0;
  /** Forgets every entry. */
  clear() {
    this.now++;
    this.used = 0;
    this.end = 0;
  }
  /** The path frame of the window, or -1. */
  find(hash, side, from, steps, depth) {
    const mask = this.size - 1;
    const { slots, pool } = this;
    for (let h = hash & mask; slots[h * 2 + 1] === this.now; h = h + 1 & mask) {
      const o = slots[h * 2];
      if (pool[o] !== hash || pool[o + 1] !== side || pool[o + 2] !== from || pool[o + 3] !== depth)
        continue;
      let d = 0;
      while (d < depth && pool[o + 4 + d] === steps[d]) d++;
      if (d === depth) return pool[o + 4 + depth];
    }
    return -1;
  }
  /** Stores the path frame of a window that is not in the table. */
  add(hash, side, from, steps, depth, at) {
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
    for (let d = 0; d < depth; d++) pool[o + 4 + d] = steps[d];
    pool[o + 4 + depth] = at;
    this.end += depth + 5;
    this.place(hash, o);
  }
  place(hash, o) {
    const mask = this.size - 1;
    const slots = this.slots;
    let h = hash & mask;
    while (slots[h * 2 + 1] === this.now) h = h + 1 & mask;
    slots[h * 2] = o;
    slots[h * 2 + 1] = this.now;
    this.used++;
  }
  grow() {
    const { slots, now } = this;
    this.size *= 2;
    this.slots = new Int32Array(this.size * 2);
    this.now = 1;
    this.used = 0;
    for (let h = 0; h < slots.length; h += 2) {
      if (slots[h + 1] === now) this.place(this.pool[slots[h]], slots[h]);
    }
  }
};
var WINDOW = 8;
var Column = class {
  constructor(data) {
    this.data = data;
  }
  data;
  length = 0;
  push(v) {
    if (this.length === this.data.length) {
      const next = new this.data.constructor(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
};
function buildKept(sides2, min2, totals2) {
  const T = min2.length;
  const kept = {
    types: T,
    name: [-1],
    side: [-1],
    line: [-1],
    head: [...totals2[0]],
    base: [...totals2[1]],
    children: [[]],
    smallHead: new Array(T).fill(0),
    smallBase: new Array(T).fill(0)
  };
  let n = 0;
  for (const s of sides2) n += s.count;
  const side = new Uint8Array(n);
  const sample = new Int32Array(n);
  const node = new Int32Array(n);
  const pos = new Int32Array(n);
  const line = new Int32Array(n);
  const last = new Int32Array(n);
  let active = 0;
  sides2.forEach((s, si) => {
    const { values, width, count, stackStart } = s;
    for (let i = 0; i < count; i++) {
      let any = false;
      for (const x of s.sampleIndex) if (x >= 0 && values[i * width + x] !== 0) any = true;
      if (!any) continue;
      side[active] = si;
      sample[active] = i;
      node[active] = 0;
      pos[active] = stackStart[i + 1];
      line[active] = -1;
      active++;
    }
  });
  const table = new ChildTable();
  const windows = new WindowTable();
  const steps = new Int32Array(WINDOW);
  while (active > 0) {
    table.clear();
    windows.clear();
    const wParent = new Column(new Int32Array(1024));
    const wName = new Column(new Int32Array(1024));
    const wLine = new Column(new Int32Array(1024));
    const wSide = new Column(new Int32Array(1024));
    const wHead = new Column(new Float64Array(1024 * T));
    const wBase = new Column(new Float64Array(1024 * T));
    let alive = 0;
    let sd = 0;
    let s = sides2[0];
    let { stackStart, stack, values, width, lineName, nameOf, lineSpan, sampleIndex } = s;
    let into = wHead;
    for (let a = 0; a < active; a++) {
      if (side[a] !== sd) {
        sd = side[a];
        s = sides2[sd];
        ({ stackStart, stack, values, width, lineName, nameOf, lineSpan, sampleIndex } = s);
        into = sd === 0 ? wHead : wBase;
      }
      const i = sample[a];
      const first = stackStart[i];
      const from = node[a];
      let k = line[a];
      let j = pos[a];
      let kFirst = k >= 0 ? lineSpan[2 * stack[j] + 1] : 2147483647;
      let depth = 0;
      let h = Math.imul(from ^ sd << 24, 2654435761);
      for (; depth < WINDOW; depth++) {
        if (k > kFirst) k--;
        else {
          k = -1;
          for (j--; j >= first; j--) {
            const loc = stack[j];
            const last2 = lineSpan[2 * loc];
            if (last2 >= 0) {
              k = last2;
              kFirst = lineSpan[2 * loc + 1];
              break;
            }
          }
        }
        if (k < 0) break;
        steps[depth] = k;
        h = Math.imul(h ^ k, 2246822519) ^ h >>> 15;
      }
      let at = depth === 0 ? -1 - from : windows.find(h, sd, from, steps, depth);
      if (at === -1 && depth > 0) {
        at = -1 - from;
        for (let d = 0; d < depth; d++) {
          const kd = steps[d];
          const nm = nameOf[lineName[kd]];
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
      if (at >= 0) {
        const data = into.data;
        for (let t = 0; t < T; t++) {
          const x = sampleIndex[t];
          if (x >= 0) data[at * T + t] += values[i * width + x];
        }
      }
      if (depth < WINDOW) continue;
      side[alive] = sd;
      sample[alive] = i;
      pos[alive] = j;
      line[alive] = k;
      last[alive] = at;
      alive++;
    }
    for (let c = wParent.length - 1; c >= 0; c--) {
      const up = wParent.data[c];
      if (up < 0) continue;
      for (let t = 0; t < T; t++) {
        wHead.data[up * T + t] += wHead.data[c * T + t];
        wBase.data[up * T + t] += wBase.data[c * T + t];
      }
    }
    const keptOf = new Int32Array(wParent.length);
    for (let c = 0; c < wParent.length; c++) {
      const up = wParent.data[c];
      const p = up < 0 ? -1 - up : keptOf[up];
      keptOf[c] = -1;
      if (p < 0) continue;
      let big = false;
      for (let t = 0; t < T; t++) {
        const v = Math.max(Math.abs(wHead.data[c * T + t]), Math.abs(wBase.data[c * T + t]));
        if (v > 0 && v >= min2[t]) big = true;
      }
      if (big) {
        const id = kept.name.length;
        keptOf[c] = id;
        kept.name.push(wName.data[c]);
        kept.side.push(wSide.data[c]);
        kept.line.push(wLine.data[c]);
        kept.children.push([]);
        for (let t = 0; t < T; t++) {
          kept.head.push(wHead.data[c * T + t]);
          kept.base.push(wBase.data[c * T + t]);
          kept.smallHead.push(0);
          kept.smallBase.push(0);
        }
        kept.children[p].push(id);
      } else {
        for (let t = 0; t < T; t++) {
          kept.smallHead[p * T + t] += wHead.data[c * T + t];
          kept.smallBase[p * T + t] += wBase.data[c * T + t];
        }
      }
    }
    active = 0;
    for (let a = 0; a < alive; a++) {
      const id = keptOf[last[a]];
      if (id < 0) continue;
      side[active] = side[a];
      sample[active] = sample[a];
      node[active] = id;
      pos[active] = pos[a];
      line[active] = line[a];
      active++;
    }
  }
  return kept;
}

// src/report/flame-worker.ts
if (isMainThread || !parentPort) {
  process.stderr.write("flame-worker.js runs on a worker thread that perfgate starts\n");
  process.exit(2);
}
var { sides, min, totals } = workerData;
var reply;
try {
  reply = { kept: buildKept(sides, min, totals) };
} catch (err) {
  reply = { error: String(err) };
}
parentPort.postMessage(reply);
