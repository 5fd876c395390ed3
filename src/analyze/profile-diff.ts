/**
 * Function-level differences between two profiles, as `go tool pprof -top -diff_base=base head`
 * computes them: head plus base scaled by −1, percentages of the base's total. With `normalize`,
 * head is first scaled to the base's total per sample type (pprof's `-normalize`); with
 * `perOp`, both sides are divided by their benchmark iteration counts, so a longer head run does
 * not look like a regression.
 */
import { FormatError } from '../errors.js';
import type { Profile } from '../model/profile.js';
import { type FunctionTable, functionTable } from './functions.js';

/** Options of a diff. */
export interface DiffOptions {
  sampleIndex: number;
  /** Scale head to the base's total first (pprof's -normalize). */
  normalize?: boolean;
  /** Divide each side by its operations (benchmark b.N), for per-operation deltas. */
  perOp?: { base: number; head: number };
}

/** Checks two profiles measure the same things; the message names both sides' sample types. */
export function checkComparable(
  base: Profile,
  head: Profile,
  baseName: string,
  headName: string,
): void {
  const kinds = (p: Profile) => p.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(', ');
  if (kinds(base) !== kinds(head)) {
    throw new FormatError(
      `${baseName} and ${headName} are different kinds of profile: ${baseName} has ${kinds(base)}, ${headName} has ${kinds(head)}`,
    );
  }
}

/** Per sample type: the sum of values (pprof's totals for -normalize). */
function sums(p: Profile): number[] {
  const { values, width, count } = p.samples;
  const out = new Array<number>(width).fill(0);
  for (let i = 0; i < count; i++) for (let j = 0; j < width; j++) out[j]! += values[i * width + j]!;
  return out;
}

/** Go's math.Round: half away from zero. */
const goRound = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/** A copy of the profile with every value multiplied (and rounded, as pprof's ScaleN does). */
export function scaleProfile(p: Profile, ratios: number[]): Profile {
  const { values, width } = p.samples;
  const scaled = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const r = ratios[k % width]!;
    scaled[k] = r === 1 ? values[k]! : goRound(values[k]! * r);
  }
  return { ...p, samples: { ...p.samples, values: scaled } };
}

/** The function table of `head − base`. */
export function diffFunctionTable(
  base: Profile,
  head: Profile,
  options: DiffOptions,
): FunctionTable {
  let h = head;
  let b = base;
  if (options.normalize) {
    const bs = sums(base);
    const hs = sums(head);
    h = scaleProfile(
      head,
      bs.map((v, i) => (hs[i] === 0 ? 0 : v / hs[i]!)),
    );
  }
  if (options.perOp) {
    const { base: nb, head: nh } = options.perOp;
    if (!(nb > 0) || !(nh > 0))
      throw new FormatError('per-operation diffs need the operation count of both runs');
    h = scaleProfileExact(h, 1 / nh);
    b = scaleProfileExact(b, 1 / nb);
  }
  return functionTable([
    { profile: h, sampleIndex: options.sampleIndex },
    { profile: b, sampleIndex: options.sampleIndex, scale: -1, base: true },
  ]);
}

function scaleProfileExact(p: Profile, factor: number): Profile {
  const values = p.samples.values.map((v) => v * factor);
  return { ...p, samples: { ...p.samples, values } };
}
