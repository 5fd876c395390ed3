/**
 * The report model of one action run: the verdict and what it rests on (the gate's findings,
 * where the baseline came from and how old it is), warnings and links. The PR comment, the job
 * summary and the JSON output are all renderings of it.
 */
import type { GateResult } from '../analyze/gate.js';
import type { ProfileInsights } from '../analyze/profile-insights.js';
import type { RunVerdict } from '../analyze/verdict.js';
import type { HistoryView } from './history.js';
import type { ShardsInfo } from './shards.js';

/**
 * Where the baseline came from: a stored run (`artifact`), base rerun in this job interleaved with
 * head (`rerun`), the action's `baseline:` folder or file (`path`), or benchmark output files given
 * on the command line (`files`; `commit` is then base's file, and the report's `headCommit` head's).
 */
export interface BaselineInfo {
  source: 'artifact' | 'rerun' | 'path' | 'files';
  commit: string;
  branch: string | undefined;
  /** When it was measured (ISO time), for artifacts and paths with a manifest. */
  createdAt: string | undefined;
  /** The run that measured it, for artifacts. */
  runUrl: string | undefined;
}

/**
 * The pull request's accept label, when it carries it: who applied it, the benchmarks it names
 * (none: every regression), and the regressed benchmarks it excused.
 */
export interface Acceptance {
  label: string;
  /** The login that applied the label, when GitHub said (untrusted text). */
  by: string | undefined;
  patterns: string[];
  excused: string[];
}

/** The whole outcome of a run. */
export interface RunReport {
  /**
   * `no-baseline` when there was nothing to compare with; `no-comparison` when there was a
   * baseline but no benchmark of head met one of it (renamed, other package, empty side).
   */
  verdict: RunVerdict;
  /** One line saying why the verdict is what it is. */
  reason: string;
  key: string;
  headCommit: string;
  gate: GateResult | undefined;
  /** What the profiles say (function changes, hotspots, leaks), when profiles were given. */
  profiles: ProfileInsights | undefined;
  baseline: BaselineInfo | undefined;
  /** Whether timings could fail the gate (not against another run's baseline by default). */
  timingsGated: boolean;
  /** Benchmarks measured in head, when there was no baseline to compare with. */
  headOnly: { benchmarks: number; profiles: number } | undefined;
  /** Failures of the head run (failed benchmarks, build errors), as messages. */
  failures: string[];
  /** Problems that did not stop the run (corrupt baseline, fork PR without comment, ...). */
  warnings: string[];
  links: { run: string | undefined; summary: string | undefined; html?: string };
  /** When the report was made (ISO), for baseline ages. */
  generatedAt: string;
  /** The legs of a run spread over a job matrix (merged reports only). */
  shards?: ShardsInfo;
  /** The accept label, when the pull request carries it. */
  acceptance?: Acceptance;
  /** Head against the base branch's past baselines, when the baseline carried them. */
  history?: HistoryView;
  /** The baseline this run saved (a push to the default branch), told instead of its absence. */
  savedBaseline?: { commit: string; branch: string | undefined };
}

/** How long ago, in words: `3 hours`, `2 days`. */
export function age(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return 'unknown age';
  const minutes = Math.round(ms / 60000);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.round(hours / 24), 'day');
}
