/**
 * The run report from what a run measured: the one function the action and `perfgate comment`
 * both use, so the comment the CLI prints is the comment the action posts for the same inputs.
 * Pure: failures are collected from both sides, the gate runs only on a complete pair, and the
 * verdict is decided once.
 */
import { type GateOptions, gate } from '../analyze/gate.js';
import type { ProfileInsights } from '../analyze/profile-insights.js';
import type { BenchFile } from '../model/bench.js';
import { parseBenchText } from '../parse/benchfmt/index.js';
import { failureMessage } from '../parse/benchfmt/load.js';
import { decideVerdict } from '../analyze/verdict.js';
import { type BaselineHistory, historyView } from './history.js';
import type { BaselineInfo, RunReport } from './run-report.js';
import type { ShardsInfo } from './shards.js';

/** What a run measured and how it is to be judged. */
export interface RunFacts {
  key: string;
  headCommit: string;
  /** Head's benchmark results (undefined when no benchmarks ran). */
  head: BenchFile | undefined;
  /** The baseline found, with its benchmark results when it has any. */
  baseline: { bench: BenchFile | undefined; info: BaselineInfo } | undefined;
  /** The gate's options; `gateTimings` says whether timings may fail it. */
  gate: GateOptions;
  /** What the profiles say, when there were profiles. */
  profiles: ProfileInsights | undefined;
  /** How many profiles head has (told when there is nothing to compare with). */
  headProfiles: number;
  missingBaseline: 'pass' | 'fail';
  /**
   * Runs that failed, as the collector told them (the command, its exit status and output): shown
   * instead of the failures parsed from the sides' output, which are the same failures without
   * the command and the output around them.
   */
  runFailures?: string[];
  warnings: string[];
  links: RunReport['links'];
  generatedAt: string;
  /** The legs of a merged matrix run: the ones missing or failed decide `incomplete`. */
  shards?: ShardsInfo;
  /** The base branch's past baselines, when the baseline carried them. */
  history?: { data: BaselineHistory; branch: string };
  /** The pull request's accept label and who applied it, when it carries the label. */
  accept?: { label: string; by: string | undefined; patterns: string[] };
}

/** The baseline read from a benchmark output file (`baseline: <file>` with no manifest). */
export function fileBaseline(): BaselineInfo {
  return {
    source: 'path',
    commit: 'unknown',
    branch: undefined,
    createdAt: undefined,
    runUrl: undefined,
  };
}

/** Builds the report: failures, the gate's result, the verdict and what it rests on. */
export function buildRunReport(f: RunFacts): RunReport {
  const failures = (f.head?.failures ?? []).map(failureMessage);
  const base = f.baseline?.bench;
  if (base) failures.push(...base.failures.map((x) => `baseline: ${failureMessage(x)}`));
  if (f.runFailures?.length) failures.splice(0, failures.length, ...f.runFailures);
  // A baseline without benchmark results still meets head's: the gate then says that nothing
  // was compared, rather than the run passing as if there had been no baseline.
  const result =
    f.baseline && f.head && failures.length === 0
      ? gate(base ?? parseBenchText('', 'baseline'), f.head, f.gate)
      : undefined;
  const { verdict, reason, accepted } = decideVerdict(
    result,
    failures,
    f.missingBaseline,
    f.profiles,
    f.shards?.incomplete,
    f.accept,
  );
  return {
    verdict,
    reason,
    key: f.key,
    headCommit: f.headCommit,
    gate: result,
    profiles: f.profiles,
    baseline: f.baseline?.info,
    timingsGated: f.gate.gateTimings,
    headOnly: result
      ? undefined
      : { benchmarks: f.head?.results.length ?? 0, profiles: f.headProfiles },
    failures,
    warnings: f.warnings,
    links: f.links,
    generatedAt: f.generatedAt,
    ...(f.shards ? { shards: f.shards } : {}),
    ...(f.accept ? { acceptance: { ...f.accept, excused: accepted ?? [] } } : {}),
    ...(f.history && result
      ? { history: historyView(f.history.data, f.history.branch, result.regressions) }
      : {}),
  };
}
