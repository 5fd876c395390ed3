/**
 * Benchmark units as data: how a unit is tidied for display and comparison (benchstat's rules),
 * whether bigger is better, and whether its values scale by 1000 or 1024.
 */

/** Per-unit facts declared in the input (`Unit ns/op assume=exact better=lower`). */
export interface UnitMetadata {
  assume?: 'exact' | 'nothing';
  better?: 'higher' | 'lower';
}

/** A unit rewritten to base units, and the factor its values are multiplied by. */
export interface TidyUnit {
  unit: string;
  factor: number;
}

/**
 * benchstat's tidying: `ns/op` → `sec/op` (×1e-9), `MB/s` → `B/s` (×1e6); in other units a
 * numerator `ns` becomes `sec` and `MB` becomes `B` (e.g. `x-ns/op` → `x-sec/op`).
 */
export function tidyUnit(unit: string): TidyUnit {
  switch (unit) {
    case 'ns/op':
      return { unit: 'sec/op', factor: 1e-9 };
    case 'MB/s':
      return { unit: 'B/s', factor: 1e6 };
    case 'B/op':
    case 'allocs/op':
      return { unit, factor: 1 };
  }
  if (!unit.includes('ns') && !unit.includes('MB')) return { unit, factor: 1 };
  let factor = 1;
  let denominator = false;
  const out = unit.replace(/[^*/\-\s]+|[*/\-\s]/g, (token) => {
    if (token === '/') denominator = true;
    else if (token === '*') denominator = false;
    else if (!denominator && token === 'ns') {
      factor /= 1e9;
      return 'sec';
    } else if (!denominator && token === 'MB') {
      factor *= 1e6;
      return 'B';
    }
    return token;
  });
  return { unit: out, factor };
}

/** Whether values of a unit scale in powers of 1024 (bytes) or 1000. */
export function unitClass(tidied: string): 'binary' | 'decimal' {
  let denominator = false;
  for (const token of tidied.split(/([*/\-\s])/)) {
    if (token === '/') denominator = true;
    else if (token === '*') denominator = false;
    else if (!denominator && (token === 'B' || token === 'MB' || token === 'bytes'))
      return 'binary';
  }
  return 'decimal';
}

/**
 * Whether a higher value is better: declared by `Unit x better=higher|lower`, else rates
 * (`B/s`, `ops/s`, anything per second) are higher-is-better and everything else
 * (`sec/op`, `B/op`, `allocs/op`, custom per-op units) lower-is-better.
 */
export function higherIsBetter(tidied: string, meta?: UnitMetadata): boolean {
  if (meta?.better) return meta.better === 'higher';
  return /\/(s|sec|second)$/.test(tidied);
}

/**
 * Whether values of a unit can never be below zero: time, bytes or allocations per something
 * (`sec/op`, `B/op`, `allocs/op`, `B/s`, and `ns/op`, `MB/s` before tidying). Other units, e.g.
 * a custom `delta/op` from b.ReportMetric, may legitimately be negative.
 */
export function isNonNegativeUnit(unit: string): boolean {
  return /^(sec|B|allocs)\/\w+$/.test(tidyUnit(unit).unit);
}
