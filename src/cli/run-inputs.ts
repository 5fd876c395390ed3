/**
 * The run report of `perfgate comment` and `perfgate report`, built once from the same inputs
 * (benchmark outputs, profile folders, goroutine dumps), so that both show the same verdict,
 * regressions and counts.
 */
import { type ReadProfiles, readProfiles } from '../action/read-profiles.js';
import { type GateResult, gate } from '../analyze/gate.js';
import { type ProfileInsights, profileInsights } from '../analyze/profile-insights.js';
import { listFiles, readInputFile } from '../collect/files.js';
import { sourceLookup } from '../collect/source.js';
import { withSource } from '../errors.js';
import type { BenchFile } from '../model/bench.js';
import { parseGoroutines } from '../parse/goroutine/index.js';
import { failureMessage, parseBenchOutput } from '../parse/benchfmt/load.js';
import { decideVerdict, type RunReport } from '../report/run-report.js';
import { readGateOptions } from './commands/compare.js';

/** What a comparison on the command line reads. */
export interface CliRunInputs {
  benchBase: string | undefined;
  benchHead: string | undefined;
  baseProfiles: string | undefined;
  headProfiles: string | undefined;
  baseGoroutines: string | undefined;
  headGoroutines: string | undefined;
  /** Where the Go sources are. */
  source: string;
  /** Base is a stored baseline from another run: timings do not gate. */
  stored: boolean;
  key: string;
  /** The gate's options as given on the command line (--max-regression, --alpha, ...). */
  gateValues: Record<string, unknown>;
}

/** The run report and the profile pairs it was read from. */
export interface CliRun {
  report: RunReport;
  profiles: ReadProfiles;
}

async function readBench(p: string): Promise<BenchFile> {
  return parseBenchOutput(new TextDecoder().decode(await readInputFile(p)), p);
}

async function readAllProfiles(inputs: CliRunInputs): Promise<ReadProfiles> {
  const { headProfiles: headDir, baseProfiles: baseDir } = inputs;
  const read: ReadProfiles =
    headDir === undefined
      ? { pairs: [], goroutines: undefined, warnings: [] }
      : await readProfiles(
          { dir: headDir, files: await listFiles(headDir, 'a folder of profiles') },
          baseDir === undefined
            ? undefined
            : { dir: baseDir, files: await listFiles(baseDir, 'a folder of profiles') },
        );
  if (inputs.headGoroutines !== undefined) {
    const load = async (f: string) => {
      try {
        return parseGoroutines(await readInputFile(f), f);
      } catch (err) {
        throw withSource(f, err);
      }
    };
    read.goroutines = {
      head: await load(inputs.headGoroutines),
      base: inputs.baseGoroutines === undefined ? undefined : await load(inputs.baseGoroutines),
    };
  }
  return read;
}

/** Reads the inputs, gates the benchmarks, reads the profiles and decides the verdict. */
export async function cliRun(inputs: CliRunInputs): Promise<CliRun> {
  const base = inputs.benchBase === undefined ? undefined : await readBench(inputs.benchBase);
  const head = inputs.benchHead === undefined ? undefined : await readBench(inputs.benchHead);
  const failures = [...(base?.failures ?? []), ...(head?.failures ?? [])].map(failureMessage);
  const result: GateResult | undefined =
    base && head && failures.length === 0
      ? gate(base, head, { ...readGateOptions(inputs.gateValues), gateTimings: !inputs.stored })
      : undefined;
  const read = await readAllProfiles(inputs);
  let insights: ProfileInsights | undefined;
  if (inputs.headProfiles !== undefined || inputs.headGoroutines !== undefined) {
    insights = profileInsights({
      pairs: read.pairs,
      goroutines: read.goroutines,
      source: sourceLookup([inputs.source]),
      bench: { base, head },
    });
    insights.notes.unshift(...read.warnings);
  }
  const { verdict, reason } = decideVerdict(result, failures, 'pass', insights);
  const report: RunReport = {
    verdict,
    reason,
    key: inputs.key,
    headCommit: inputs.benchHead ?? inputs.headProfiles ?? '',
    gate: result,
    profiles: insights,
    baseline:
      inputs.benchBase === undefined && inputs.baseProfiles === undefined
        ? undefined
        : {
            source: inputs.stored ? 'path' : 'rerun',
            commit: inputs.benchBase ?? inputs.baseProfiles ?? '',
            branch: undefined,
            createdAt: undefined,
            runUrl: undefined,
          },
    timingsGated: !inputs.stored,
    headOnly: undefined,
    failures,
    warnings: [],
    links: { run: undefined, summary: undefined },
    generatedAt: new Date().toISOString(),
  };
  return { report, profiles: read };
}
