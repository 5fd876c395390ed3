/**
 * benchstat's number scaling (golang.org/x/perf/benchunit): one prefix per group of values,
 * chosen so the smallest non-zero value keeps at least three significant digits.
 */
import { formatFixed } from './go-format.js';

/** Digits after the point, the prefix's value, and the prefix. */
export interface Scaler {
  prec: number;
  factor: number;
  prefix: string;
}

interface Factor {
  factor: number;
  prefix: string;
  t100: number;
  t10: number;
  t1: number;
}

const siFactors: Factor[] = (
  [
    [12, 'T'],
    [9, 'G'],
    [6, 'M'],
    [3, 'k'],
    [0, ''],
    [-3, 'm'],
    [-6, 'µ'],
    [-9, 'n'],
  ] as const
).map(([exp, prefix]) => ({
  factor: Number(`1e${exp}`),
  prefix,
  t100: Number(`99.995e${exp}`),
  t10: Number(`9.9995e${exp}`),
  t1: Number(`.99995e${exp}`),
}));

const iecFactors: Factor[] = (
  [
    [40, 'Ti'],
    [30, 'Gi'],
    [20, 'Mi'],
    [10, 'Ki'],
    [0, ''],
  ] as const
).map(([exp, prefix]) => ({
  factor: 2 ** exp,
  prefix,
  t100: 99.995 * 2 ** exp,
  t10: 9.9995 * 2 ** exp,
  t1: 0.99995 * 2 ** exp,
}));

const sigfigs = [-1, -2, -3, -4, -5, -6, -7, -8].map((e) => Number(`9.9995e${e}`));

/** The scaler for a group of values: SI prefixes for decimal units, IEC for bytes. */
export function commonScale(values: readonly number[], cls: 'decimal' | 'binary'): Scaler {
  let min = 0;
  for (const v of values) {
    const a = Math.abs(v);
    if (a !== 0 && (min === 0 || a < min)) min = a;
  }
  if (min === 0) return { prec: 3, factor: 1, prefix: '' };
  const factors = cls === 'binary' ? iecFactors : siFactors;
  for (const f of factors) {
    if (min >= f.t100) return { prec: 1, factor: f.factor, prefix: f.prefix };
    if (min >= f.t10) return { prec: 2, factor: f.factor, prefix: f.prefix };
    if (min >= f.t1) return { prec: 3, factor: f.factor, prefix: f.prefix };
  }
  const last = factors[factors.length - 1]!;
  const val = min / last.factor;
  for (let i = 0; i < sigfigs.length; i++) {
    if (val >= sigfigs[i]! || i === sigfigs.length - 1) {
      return { prec: i + 3, factor: last.factor, prefix: last.prefix };
    }
  }
  return { prec: 10, factor: last.factor, prefix: last.prefix };
}

/** A value in a scaler's units, e.g. `23.20µ`. */
export function formatScaled(value: number, s: Scaler): string {
  const v = value / s.factor;
  if (Number.isNaN(v)) return `NaN${s.prefix}`;
  if (!Number.isFinite(v)) return `${v > 0 ? '+Inf' : '-Inf'}${s.prefix}`;
  return formatFixed(v, s.prec) + s.prefix;
}

/** One value scaled on its own. */
export function scaleOne(value: number, cls: 'decimal' | 'binary'): string {
  return formatScaled(value, commonScale([value], cls));
}
