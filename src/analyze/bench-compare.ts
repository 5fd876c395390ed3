/**
 * Benchmark comparison tables, built the way benchstat builds them: one table per file
 * configuration and unit, one row per benchmark (full name, first-seen order), one column per
 * file; each cell summarized, each non-base cell compared with the first column, and a geomean
 * row of centers and of ratios.
 */
import type { BenchFile, UnitMetadata } from '../model/bench.js';
import { type Comparison, type Summary, compareSamples, summarize } from './stats/index.js';

/** Options of a comparison; the defaults are benchstat's. */
export interface CompareOptions {
  alpha: number;
  confidence: number;
}

/** benchstat's defaults: α = 0.05, 95% confidence intervals. */
export const benchstatDefaults: CompareOptions = { alpha: 0.05, confidence: 0.95 };

/** The values of one benchmark and unit in one file, summarized. */
export interface BenchCell {
  values: number[];
  summary: Summary;
  /** Against the first column's cell of the same row, when there is one (not for the first column). */
  comparison?: Comparison;
  /** The first column's center, for the delta. */
  baseCenter?: number;
}

/** One benchmark's cells, one per column (undefined where a file lacks it). */
export interface BenchRow {
  name: string;
  cells: (BenchCell | undefined)[];
}

/** The geomean row's cell for one column. */
export interface ColumnSummary {
  /** Geometric mean of the column's centers (undefined when some center is not > 0). */
  geomean?: number;
  /** Geometric mean of center/base-center ratios (non-base columns; undefined when not computable). */
  ratio?: number;
  warnings: string[];
}

/** A table: one configuration and one unit. */
export interface BenchTable {
  /** Configuration keys and values of this table, in first-seen key order. */
  config: [string, string][];
  unit: string;
  assume: 'nothing' | 'exact';
  /** File labels of the columns present in this table; the first is the baseline. */
  columns: string[];
  rows: BenchRow[];
  summaries: ColumnSummary[];
}

/** Builds the comparison tables of several benchmark files (the first file is the baseline). */
export function compareBenchFiles(
  files: BenchFile[],
  options: CompareOptions = benchstatDefaults,
): BenchTable[] {
  const units = mergeUnitMetadata(files);
  const configKeys: string[] = [];
  const rowOrder = new Map<string, number>();
  const unitOrder = new Map<string, number>();
  for (const f of files) {
    for (const r of f.results) {
      for (const k of Object.keys(r.config)) if (!configKeys.includes(k)) configKeys.push(k);
      if (!rowOrder.has(r.name)) rowOrder.set(r.name, rowOrder.size);
      for (const v of r.values) if (!unitOrder.has(v.unit)) unitOrder.set(v.unit, unitOrder.size);
    }
  }

  // table key → { config, unit, cells: row → column → values }
  const tables = new Map<
    string,
    { config: string[]; unit: string; cells: Map<string, Map<number, number[]>> }
  >();
  files.forEach((f, col) => {
    for (const r of f.results) {
      const config = configKeys.map((k) => r.config[k] ?? '');
      for (const v of r.values) {
        const key = JSON.stringify([config, v.unit]);
        let t = tables.get(key);
        if (!t) tables.set(key, (t = { config, unit: v.unit, cells: new Map() }));
        let row = t.cells.get(r.name);
        if (!row) t.cells.set(r.name, (row = new Map()));
        let values = row.get(col);
        if (!values) row.set(col, (values = []));
        values.push(v.value);
      }
    }
  });

  const sorted = [...tables.values()].sort((a, b) => {
    for (let i = 0; i < configKeys.length; i++) {
      if (a.config[i] !== b.config[i]) return a.config[i]! < b.config[i]! ? -1 : 1;
    }
    return unitOrder.get(a.unit)! - unitOrder.get(b.unit)!;
  });

  return sorted.map((t) => {
    const assume = units[t.unit]?.assume === 'exact' ? 'exact' : 'nothing';
    const present = new Set<number>();
    for (const row of t.cells.values()) for (const col of row.keys()) present.add(col);
    const cols = [...present].sort((a, b) => a - b);
    const baseCol = cols[0]!;
    const names = [...t.cells.keys()].sort((a, b) => rowOrder.get(a)! - rowOrder.get(b)!);
    const rows: BenchRow[] = names.map((name) => {
      const byCol = t.cells.get(name)!;
      const base = byCol.get(baseCol);
      const baseSummary = base && summarize(base, assume, options.confidence);
      return {
        name,
        cells: cols.map((col) => {
          const values = byCol.get(col);
          if (!values) return undefined;
          if (col === baseCol) return { values, summary: baseSummary! };
          const summary = summarize(values, assume, options.confidence);
          if (!base) return { values, summary };
          return {
            values,
            summary,
            comparison: compareSamples(base, values, assume, options.alpha),
            baseCenter: baseSummary!.center,
          };
        }),
      };
    });
    return {
      config: configKeys.map((k, i) => [k, t.config[i]!] as [string, string]),
      unit: t.unit,
      assume,
      columns: cols.map((c) => files[c]!.label),
      rows,
      summaries: cols.map((_, i) => columnSummary(rows, i)),
    };
  });
}

function mergeUnitMetadata(files: BenchFile[]): Record<string, UnitMetadata> {
  const out: Record<string, UnitMetadata> = {};
  for (const f of files) {
    for (const [unit, meta] of Object.entries(f.units)) {
      const m = (out[unit] ??= {});
      m.assume ??= meta.assume;
      m.better ??= meta.better;
    }
  }
  return out;
}

/** benchstat's geometric mean: an incremental mean of logs; NaN when empty or any value ≤ 0. */
export function geomean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let m = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x <= 0) return NaN;
    m += (Math.log(x) - m) / (i + 1);
  }
  return Math.exp(m);
}

function columnSummary(rows: BenchRow[], col: number): ColumnSummary {
  const isBase = col === 0;
  const centers: number[] = [];
  const ratios: number[] = [];
  let badRatio = false;
  let nBase = 0;
  for (const row of rows) {
    if (row.cells[0]) nBase++;
    const cell = row.cells[col];
    if (!cell) continue;
    centers.push(cell.summary.center);
    if (!isBase && cell.baseCenter !== undefined) {
      const a = cell.summary.center;
      const b = cell.baseCenter;
      if (a === b) ratios.push(1);
      else if (b === 0) {
        badRatio = true;
        ratios.push(0);
      } else ratios.push(a / b);
    }
  }
  const s: ColumnSummary = { warnings: [] };
  if (!isBase && nBase !== ratios.length) {
    s.warnings.push('benchmark set differs from baseline; geomeans may not be comparable');
  }
  const gm = geomean(centers);
  if (Number.isNaN(gm)) s.warnings.push('summaries must be >0 to compute geomean');
  else s.geomean = gm;
  if (!isBase && !badRatio) {
    const r = geomean(ratios);
    if (Number.isNaN(r)) s.warnings.push('ratios must be >0 to compute geomean');
    else s.ratio = r;
  }
  return s;
}
