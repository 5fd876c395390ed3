/**
 * The model of the HTML report: the full report of a run, of which the PR comment is the summary —
 * a differential flame graph and a top table per profile pair and sample type, the benchmark
 * comparison, hotspots and leak warnings.
 */
import type { GateResult } from '../analyze/gate.js';
import type { ProfileInsights } from '../analyze/profile-insights.js';
import type { FlameGraph } from './flame.js';
import type { PageHistory, PageVerdict } from './page-data.js';

/** One row of a top table: flat and cum of a function in head and base. */
export interface HtmlTopRow {
  name: string;
  file: string;
  line: number;
  headFlat: number;
  baseFlat: number;
  headCum: number;
  baseCum: number;
}

/** A top table of one profile pair and sample type. */
export interface HtmlTopTable {
  profile: string;
  sampleType: string;
  unit: string;
  headTotal: number;
  baseTotal: number;
  /** How many functions either run has; `rows` holds the first `TOP_ROWS` by each column. */
  functions: number;
  /** By the change of flat, growth first. */
  rows: HtmlTopRow[];
}

/** Everything the HTML report shows. */
export interface HtmlReportModel {
  title: string;
  generatedAt: string;
  /** Graphs and tables, the same profile/sampleType pairs in the same order. */
  graphs: FlameGraph[];
  tops: HtmlTopTable[];
  gate: GateResult | undefined;
  insights: ProfileInsights | undefined;
  /** Profile pairs that could not be shown, and why (a broken or empty profile). */
  problems: string[];
  /** The run's verdict, counts and profile findings: the same as the comment's. */
  verdict?: PageVerdict;
  /** The base branch's past baselines with head against them. */
  history?: PageHistory;
}
