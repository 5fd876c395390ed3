/**
 * The differential flame graph's model: every stack of head and base merged into one tree of
 * frames (root first), each frame with its value in head and in base. Width is head's value,
 * colour the change against base. Frames under a fraction of the total are merged into one
 * "small frames" box per parent, so large profiles stay small and usable.
 */
import { type ProfileView, profileView } from '../analyze/profile-view.js';
import type { Profile } from '../model/profile.js';
import { buildKept, type Kept, type KeptSide } from './flame-kept.js';
import { type KeptRequest, keptOffThread } from './flame-thread.js';

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

/** One side of the pair: its arrays for the walk, and the view its lines belong to. */
interface Side extends KeptSide {
  view: ProfileView;
}

/**
 * Graph t's frames from the kept tree: the frames at least its `min` in t (only they are named);
 * the others, kept for another sample type, join their parent's small frames.
 */
function finish(kept: Kept, sides: Side[], names: string[], t: number, min: number): FlameNode {
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
    const fn = c === 0 ? undefined : sides[kept.side[c]!]!.view.lineFn[kept.line[c]!];
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

/** The graphs of a pair, before its tree is built: its sides, totals and thresholds. */
interface FlameJob {
  name: string;
  head: Profile;
  sampleTypes: string[];
  minFraction: number;
  /** Per graph: the index of its sample type in head, or -1. */
  headIndex: number[];
  sides: Side[];
  names: FlameNames;
  totals: [number[], number[]];
  min: number[];
}

function flameJob(
  name: string,
  head: Profile,
  base: Profile | undefined,
  sampleTypes: string[],
  minFraction: number,
): FlameJob {
  const indices = (p: Profile) =>
    sampleTypes.map((type) => p.sampleTypes.findIndex((t) => t.type === type));
  const headIndex = indices(head);
  const names = new FlameNames();
  const side = (profile: Profile, sampleIndex: number[]): Side => {
    const view = profileView(profile);
    const { lineStart } = view;
    const lineSpan = new Int32Array(2 * (lineStart.length - 1));
    for (let l = 0; l + 1 < lineStart.length; l++) {
      const empty = lineStart[l + 1] === lineStart[l];
      lineSpan[2 * l] = empty ? -1 : lineStart[l + 1]! - 1;
      lineSpan[2 * l + 1] = lineStart[l]!;
    }
    const { count, width, values, stackStart, stack } = profile.samples;
    return {
      count,
      width,
      values,
      stackStart,
      stack,
      lineName: view.lineName,
      nameOf: names.of(view),
      lineSpan,
      sampleIndex,
      view,
    };
  };
  const sides = [side(head, headIndex)];
  const headTotals = totalsOf(head, headIndex);
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
  return {
    name,
    head,
    sampleTypes,
    minFraction,
    headIndex,
    sides,
    names,
    totals: [headTotals, baseTotals],
    min,
  };
}

function jobGraphs(job: FlameJob, kept: Kept): (FlameGraph | undefined)[] {
  const { headIndex, totals, min } = job;
  return job.sampleTypes.map((sampleType, t) =>
    headIndex[t]! < 0
      ? undefined
      : {
          profile: job.name,
          sampleType,
          unit: job.head.sampleTypes[headIndex[t]!]!.unit,
          headTotal: totals[0][t]!,
          baseTotal: totals[1][t]!,
          minFraction: job.minFraction,
          root: finish(kept, job.sides, job.names.names, t, min[t]!),
        },
  );
}

/** The arrays of a side the walk reads: shared memory stays shared with a worker thread. */
function keptSide(s: Side): KeptSide {
  const { count, width, values, stackStart, stack, lineName, nameOf, lineSpan, sampleIndex } = s;
  return { count, width, values, stackStart, stack, lineName, nameOf, lineSpan, sampleIndex };
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
  const job = flameJob(name, head, base, sampleTypes, minFraction);
  return jobGraphs(job, buildKept(job.sides.map(keptSide), job.min, job.totals));
}

/** What the flame graph thread is sent for a pair (see flame-thread.ts). */
export function flameRequest(
  head: Profile,
  base: Profile | undefined,
  sampleTypes: string[],
  minFraction = 0.001,
): KeptRequest {
  const job = flameJob('', head, base, sampleTypes, minFraction);
  return { sides: job.sides.map(keptSide), min: job.min, totals: job.totals };
}

/**
 * `flameGraphs`, with the walk on a worker thread when the pair is large (see flame-thread.ts):
 * the main thread goes on with the tables and the analysis meanwhile. The result is the same.
 */
export async function flameGraphsOffThread(
  name: string,
  head: Profile,
  base: Profile | undefined,
  sampleTypes: string[],
  options: { minFraction?: number; minFrames?: number } = {},
): Promise<(FlameGraph | undefined)[]> {
  const job = flameJob(name, head, base, sampleTypes, options.minFraction ?? 0.001);
  const kept = await keptOffThread(job.sides.map(keptSide), job.min, job.totals, options.minFrames);
  return jobGraphs(job, kept);
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
