/**
 * Flat and cum per function for several sample types in one walk of a profile's stacks, over the
 * view's function ids (functions named alike are one, as in `go tool pprof -top`): flat to the
 * innermost line of the leaf, cum once per sample to every function on the stack. The report's
 * top tables read these; `top` itself, which also marks inlined calls, uses functions.ts.
 */
import type { Profile, ProfileFunction } from '../model/profile.js';
import { profileView } from './profile-view.js';

/** Per function of the view: its values, `flat[fn * types + t]`, and where it is. */
export interface FunctionTotals {
  /** Function names as pprof shows them (the view's), '' for lines without a function. */
  names: string[];
  /** The function of each name, for its file and start line. */
  fns: (ProfileFunction | undefined)[];
  types: number;
  flat: Float64Array;
  cum: Float64Array;
  /** Per sample type: the sum of |value| over every sample (pprof's total). */
  total: number[];
}

/** The totals of the given sample types (indices into `p.sampleTypes`). */
export function functionTotals(p: Profile, sampleIndices: number[]): FunctionTotals {
  const view = profileView(p);
  const { lineStart, lineName } = view;
  const T = sampleIndices.length;
  const n = view.names.length;
  const flat = new Float64Array(n * T);
  const cum = new Float64Array(n * T);
  const total = new Array<number>(T).fill(0);
  const seen = new Int32Array(n).fill(-1);
  const w = new Float64Array(T);
  // Per location: its one line's function, -2 when it has several lines, -1 when none.
  const nLoc = lineStart.length - 1;
  const single = new Int32Array(nLoc);
  for (let l = 0; l < nLoc; l++) {
    const lines = lineStart[l + 1]! - lineStart[l]!;
    single[l] = lines === 1 ? lineName[lineStart[l]!]! : lines === 0 ? -1 : -2;
  }
  const { values, width, stackStart, stack, count } = p.samples;
  for (let i = 0; i < count; i++) {
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = values[i * width + sampleIndices[t]!]!;
      w[t] = v;
      total[t]! += Math.abs(v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    // The hot loop (tens of millions of frames): one or two sample types without a loop.
    const w0 = w[0]!;
    const w1 = T > 1 ? w[1]! : 0;
    let leaf = -1;
    for (let j = stackStart[i]!; j < stackStart[i + 1]!; j++) {
      const loc = stack[j]!;
      const one = single[loc]!;
      if (one >= 0) {
        if (leaf < 0) leaf = one;
        if (seen[one] === i) continue;
        seen[one] = i;
        if (T <= 2) {
          cum[one * T]! += w0;
          if (T === 2) cum[one * T + 1]! += w1;
        } else for (let t = 0; t < T; t++) cum[one * T + t]! += w[t]!;
        continue;
      }
      for (let k = lineStart[loc]!; k < lineStart[loc + 1]!; k++) {
        const fn = lineName[k]!;
        if (leaf < 0) leaf = fn;
        if (seen[fn] === i) continue;
        seen[fn] = i;
        for (let t = 0; t < T; t++) cum[fn * T + t]! += w[t]!;
      }
    }
    if (leaf >= 0) for (let t = 0; t < T; t++) flat[leaf * T + t]! += w[t]!;
  }
  const fns: (ProfileFunction | undefined)[] = new Array(n);
  for (let k = 0; k < lineName.length; k++) fns[lineName[k]!] ??= view.lineFn[k];
  return { names: view.names, fns, types: T, flat, cum, total };
}
