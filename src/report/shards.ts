/**
 * A run spread over a job matrix: each leg (a shard) measured part of the benchmarks against its
 * part of the baseline; the merge puts the parts together into one pair of sides, so the gate
 * judges the whole run at once (one multiple-comparison family). Every result is tagged with its
 * shard, which the gate takes as part of a benchmark's identity: the same benchmark measured on
 * two legs (per operating system) stays two benchmarks. Which legs are missing or failed is
 * worked out here too, so the verdict can name them.
 */
import type { MissingShard } from '../analyze/verdict.js';
import type { BenchFile } from '../model/bench.js';
import { SHARD_KEY, SHARD_NAME } from '../model/shard.js';
import { failureMessage, mergeBenchFiles } from '../parse/benchfmt/load.js';
import type { GateOptions } from '../analyze/gate.js';
import { type RunFacts, buildRunReport } from './build-run-report.js';
import type { BaselineInfo, RunReport } from './run-report.js';

export { SHARD_KEY, SHARD_NAME };

/** One leg's results as the merge reads them. */
export interface ShardPart {
  name: string;
  /** Head's results (undefined when the leg measured nothing). */
  head: BenchFile | undefined;
  /** The base the leg compared against (its part of the stored baseline, or its rerun). */
  base: BenchFile | undefined;
  /** Where that base came from. */
  baseline: BaselineInfo | undefined;
}

/** A leg the merge cannot count on, and why. */
export type ShardProblem = MissingShard;

/** The legs of a merged run: which there were and which are missing or failed. */
export interface ShardsInfo {
  names: string[];
  incomplete: ShardProblem[];
}

/** A side's results, each tagged with its shard. */
function tagged(file: BenchFile, shard: string): BenchFile {
  return {
    ...file,
    label: `${shard}: ${file.label}`,
    results: file.results.map((r) => ({ ...r, config: { ...r.config, [SHARD_KEY]: shard } })),
  };
}

/** Every part's side, tagged and merged into one file (undefined when no part has that side). */
function mergeSide(parts: ShardPart[], side: 'head' | 'base', label: string) {
  const files = parts.flatMap((p) => (p[side] ? [tagged(p[side], p.name)] : []));
  return files.length > 0 ? mergeBenchFiles(label, files) : undefined;
}

/** The merged run: head and base of every complete leg, and the baseline they came from. */
export function mergeShards(parts: ShardPart[]): {
  head: BenchFile | undefined;
  base: BenchFile | undefined;
  baseline: BaselineInfo | undefined;
} {
  const sorted = [...parts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    head: mergeSide(sorted, 'head', 'head'),
    base: mergeSide(sorted, 'base', 'baseline'),
    baseline: sorted.find((p) => p.baseline)?.baseline,
  };
}

/** Why a leg's own run failed (its first failure, in one line), or undefined when it did not. */
export function shardFailure(part: ShardPart): string | undefined {
  const first = part.head?.failures[0] ?? part.base?.failures[0];
  if (!first) return undefined;
  const n = (part.head?.failures.length ?? 0) + (part.base?.failures.length ?? 0);
  const line = failureMessage(first).split('\n')[0]!.replace(/:$/, '');
  return `its benchmark run failed (${line}${n > 1 ? ` and ${n - 1} more` : ''})`;
}

/**
 * The legs that cannot be counted on: expected but not found, or found but failed. Legs found
 * beyond those expected are merged like the others (a matrix may grow).
 */
export function shardProblems(
  expected: string[],
  found: string[],
  failed: ShardProblem[],
): ShardProblem[] {
  const have = new Set(found);
  const missing = expected
    .filter((s) => !have.has(s))
    .map((shard) => ({ shard, why: 'no results were uploaded (the leg failed or was cancelled)' }));
  return [...missing, ...failed].sort((a, b) =>
    a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : 0,
  );
}

/** What the merge of a job matrix's legs knows, besides the legs themselves. */
export interface MergeFacts {
  key: string;
  headCommit: string;
  /** The legs read (failed ones included: they are named, their results left out). */
  parts: ShardPart[];
  /** The legs expected (from `shards`, or the stored baseline's shards). */
  expected: string[];
  /** Legs whose results were there but could not be read. */
  unreadable: ShardProblem[];
  /** The gate's options; the shard is added to a benchmark's identity. */
  gate: GateOptions;
  /** Whether timings may fail the gate; undefined: only when every leg reran its base. */
  gateTimings: boolean | undefined;
  headProfiles: number;
  missingBaseline: 'pass' | 'fail';
  links: RunReport['links'];
  generatedAt: string;
  /** The pull request's accept label and who applied it, when it carries the label. */
  accept?: RunFacts['accept'];
  /** The base branch's past baselines (each benchmark keyed by its shard too). */
  history?: RunFacts['history'];
}

/**
 * The run report of a merged job matrix: the complete legs' results judged together (one
 * multiple-comparison family over the whole run, each benchmark keyed by its shard too), and the
 * legs that are missing or failed named in the verdict. Also returns the complete legs (a merged
 * baseline holds exactly these).
 */
export function buildMergedReport(f: MergeFacts): { report: RunReport; complete: ShardPart[] } {
  const failed = f.parts.flatMap((p) => {
    const why = shardFailure(p);
    return why ? [{ shard: p.name, why }] : [];
  });
  const incomplete = shardProblems(
    f.expected,
    [...f.parts.map((p) => p.name), ...f.unreadable.map((u) => u.shard)],
    [...failed, ...f.unreadable],
  );
  const dropped = new Set(incomplete.map((m) => m.shard));
  const complete = f.parts.filter((p) => !dropped.has(p.name));
  const merged = mergeShards(complete);
  const allRerun = complete.length > 0 && complete.every((p) => p.baseline?.source === 'rerun');
  const report = buildRunReport({
    key: f.key,
    headCommit: f.headCommit,
    head: merged.head,
    baseline: merged.baseline && { bench: merged.base, info: merged.baseline },
    gate: {
      ...f.gate,
      identity: [...(f.gate.identity ?? ['pkg']), SHARD_KEY],
      gateTimings: f.gateTimings ?? allRerun,
    },
    profiles: undefined,
    headProfiles: f.headProfiles,
    missingBaseline: f.missingBaseline,
    warnings: [],
    links: f.links,
    generatedAt: f.generatedAt,
    shards: { names: f.parts.map((p) => p.name).sort(), incomplete },
    ...(f.accept ? { accept: f.accept } : {}),
    ...(f.history ? { history: f.history } : {}),
  });
  return { report, complete };
}
