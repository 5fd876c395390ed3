/**
 * The data the HTML report's page draws from, as it is embedded in the page (JSON). The builder
 * (`pageData` in html-build.ts) writes it and the page's script (src/render/html/page) reads it,
 * both against these types. Function names and file paths repeat across frames, graphs and
 * tables, so they are sent once, in `strings`, and referred to by index; frames and rows are sent
 * as columns of numbers rather than one object each (the report of two large profiles stays
 * within a few hundred kilobytes and is parsed in milliseconds).
 *
 * This module imports nothing: the page's script is type-checked against the DOM alone.
 */

/**
 * The frames of a flame graph as columns, one entry per frame, depth first with the root at 0 and
 * each frame's children in drawing order: a graph of 20,000 frames is six arrays of numbers, not
 * 20,000 objects.
 */
export interface PageFrames {
  /** The index of the frame's parent; -1 for the root. */
  parent: number[];
  /** Index into `PageData.strings`; -1 for a box of merged small frames. */
  name: number[];
  /** Index into `PageData.strings` ('' when unknown). */
  file: number[];
  line: number[];
  head: number[];
  base: number[];
}

/** The differential flame graph of one profile pair and sample type. */
export interface PageGraph {
  profile: string;
  sampleType: string;
  unit: string;
  headTotal: number;
  baseTotal: number;
  /** Frames under this fraction of the larger total were merged into "small frames" boxes. */
  minFraction: number;
  frames: PageFrames;
}

/** The rows of a top table as columns: `name` and `file` index `PageData.strings`. */
export interface PageTopRows {
  name: number[];
  file: number[];
  line: number[];
  headFlat: number[];
  baseFlat: number[];
  headCum: number[];
  baseCum: number[];
}

/** The top table of one profile pair and sample type. */
export interface PageTopTable {
  profile: string;
  sampleType: string;
  unit: string;
  headTotal: number;
  baseTotal: number;
  /** How many functions either run has; `rows` may hold only the first of them by each column. */
  functions: number;
  rows: PageTopRows;
}

/** Everything the page's script draws: graphs and tables, the same pairs in the same order. */
export interface PageData {
  strings: string[];
  graphs: PageGraph[];
  tops: PageTopTable[];
  /** The verdict of the run, when the report was made from one (benchmarks or base profiles). */
  verdict?: PageVerdict;
  /** The base branch's past baselines with head against them, when the baseline kept them. */
  history?: PageHistory;
}

/** A branch's past baselines, oldest first, and the benchmarks × units to chart. */
export interface PageHistory {
  branch: string;
  /** Each past commit: its id, when it was measured, and its CPU model (a runner change). */
  commits: { commit: string; date: string; cpu: string }[];
  series: PageHistorySeries[];
  /** Series left out (the page draws a bounded number). */
  omitted: number;
}

/** One benchmark × unit over the past commits (null: not measured then), and head. */
export interface PageHistorySeries {
  pkg: string;
  name: string;
  unit: string;
  /** True when head regressed in it. */
  regression: boolean;
  centers: (number | null)[];
  lo: (number | null)[];
  hi: (number | null)[];
  head: { center: number; lo: number | null; hi: number | null } | null;
}

/** One profile finding of the verdict: a function that grew in one sample type (and benchmark). */
export interface PageProfileRow {
  profile: string;
  sampleType: string;
  unit: string;
  function: string;
  /** The benchmark function (`pkg.BenchmarkX`), for `go test` profiles, else ''. */
  benchmark: string;
  file: string;
  line: number;
  /** The runtime or library callee most of the value was spent in, or ''. */
  leaf: string;
  /** `per-op`: base and head are per operation; `benchmark` / `total`: totals. */
  basis: 'total' | 'benchmark' | 'per-op';
  base: number;
  head: number;
  /** The change in percentage points (see the comment's legend). */
  points: number;
  /** The gate's limit of this sample type in points, or null when it does not gate. */
  limit: number | null;
  /** True when this row fails the gate. */
  regression: boolean;
}

/** The run's verdict with its counts, as the PR comment's headline states them. */
export interface PageVerdict {
  verdict: 'pass' | 'fail' | 'no-baseline' | 'no-comparison' | 'incomplete' | 'accepted';
  reason: string;
  /** The accept label and who applied it (null: unknown), when the verdict is `accepted`. */
  accepted?: { label: string; by: string | null };
  /** Benchmarks regressed and improved; null when no benchmarks were compared. */
  benchmarksRegressed: number | null;
  benchmarksImproved: number | null;
  /** True when some units could not be judged (too few runs). */
  unitsNotJudged: boolean;
  /** Functions that grew beyond the profile limits; null when no profiles were compared. */
  profileRegressions: number | null;
  /**
   * Goroutine leaks found (sites whose count grew), else sites with many parked goroutines in a
   * single snapshot; absent when no goroutine dump was read or nothing was found.
   */
  goroutines?: { leaks: number; parked: number };
  /** The profile findings worth showing: regressions first. */
  profileRows: PageProfileRow[];
}
