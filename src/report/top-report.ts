/**
 * The report model of a `top` table: rows in pprof's order with everything a renderer needs,
 * including the display unit pprof would choose for the whole table.
 */
import type { FunctionStat, FunctionTable } from '../analyze/functions.js';
import type { Profile, ValueType } from '../model/profile.js';
import { scaleValue } from '../units/pprof-units.js';

/** One row of a top table. */
export interface TopRow extends FunctionStat {
  /** Running sum of flat over this and the rows above it. */
  sumFlat: number;
}

/** A top table ready to render. */
export interface TopReport {
  /** Where the profile came from (a file name). */
  source: string;
  sampleType: ValueType;
  /** Unit every value is shown in (pprof picks one per table). */
  displayUnit: string;
  total: number;
  /** Sum of flat over the rows shown. */
  shownFlat: number;
  rows: TopRow[];
  /** Functions with a non-zero value in all (rows may be fewer with a node count). */
  functionCount: number;
  /** Header facts from the profile. */
  header: {
    file?: string;
    buildId?: string;
    comments: string[];
    docUrl?: string;
    timeNanos?: number;
    durationNanos?: number;
  };
}

/** Options for topReport. */
export interface TopReportOptions {
  source: string;
  sampleIndex: number;
  /** Show at most this many rows (0 or undefined: all). */
  nodeCount?: number;
  /** Profiles the table merges (a diff's base and head): their time and duration as pprof merges them. */
  merged?: Profile[];
}

/**
 * The time and duration of profiles merged as pprof merges them (a diff is head merged with base):
 * the earliest time (a profile without one makes it none), the durations summed.
 */
export function mergedTimes(profiles: Profile[]): { timeNanos: number; durationNanos: number } {
  let timeNanos = 0;
  let durationNanos = 0;
  for (const p of profiles) {
    if (timeNanos === 0 || p.timeNanos < timeNanos) timeNanos = p.timeNanos;
    durationNanos += p.durationNanos;
  }
  return { timeNanos, durationNanos };
}

/** Builds the report model of a top table from a profile and its function table. */
export function topReport(
  profile: Profile,
  table: FunctionTable,
  options: TopReportOptions,
): TopReport {
  const sampleType = profile.sampleTypes[options.sampleIndex]!;
  const limit = options.nodeCount && options.nodeCount > 0 ? options.nodeCount : Infinity;
  const shown = table.functions.slice(0, limit);
  let sum = 0;
  const rows = shown.map((f) => {
    sum += f.flat;
    return { ...f, sumFlat: sum };
  });
  const mapping = profile.mappings[0];
  const { timeNanos, durationNanos } = options.merged
    ? mergedTimes(options.merged)
    : { timeNanos: profile.timeNanos, durationNanos: profile.durationNanos };
  return {
    source: options.source,
    sampleType,
    displayUnit: displayUnit(rows, table.total, sampleType.unit),
    total: table.total,
    shownFlat: sum,
    rows,
    functionCount: table.functions.length,
    header: {
      ...(mapping?.filename ? { file: mapping.filename.split('/').pop()! } : {}),
      ...(mapping?.buildId ? { buildId: mapping.buildId } : {}),
      comments: profile.comments.filter((c) => !c.startsWith('#')),
      ...(profile.docUrl ? { docUrl: profile.docUrl } : {}),
      ...(timeNanos ? { timeNanos } : {}),
      ...(durationNanos ? { durationNanos } : {}),
    },
  };
}

/**
 * pprof's choice of one unit for a whole table: the unit of the smallest non-zero row value,
 * unless the total is over 100 times larger and in a bigger unit, then the unit of 100× that value.
 */
export function displayUnit(rows: FunctionStat[], total: number, sampleUnit: string): string {
  let min = Infinity;
  for (const r of rows) {
    const v = r.flat !== 0 ? Math.abs(r.flat) : Math.abs(r.cum);
    if (v !== 0 && v < min) min = v;
  }
  if (min === Infinity) min = total;
  const [, minUnit] = scaleValue(min, sampleUnit);
  const [, maxUnit] = scaleValue(total, sampleUnit);
  let unit = minUnit;
  if (minUnit !== maxUnit && min * 100 < total) [, unit] = scaleValue(100 * min, sampleUnit);
  return unit === '' ? sampleUnit : unit;
}
