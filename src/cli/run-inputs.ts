/**
 * The run report of `perfgate comment` and `perfgate report`, built once from the same inputs
 * (benchmark outputs, profile folders, goroutine dumps) with the action's report builder, so that
 * the comment and the HTML report show the same verdict, regressions and counts.
 */
import { type ProfileInsights, profileInsights } from '../analyze/profile-insights.js';
import { readBenchFile } from '../collect/bench-files.js';
import { listFiles, readInputFile } from '../collect/files.js';
import { type ReadProfiles, readProfiles } from '../collect/read-profiles.js';
import { sourceLookup } from '../collect/source.js';
import { withSource } from '../errors.js';
import type { BenchFile } from '../model/bench.js';
import { parseGoroutines } from '../parse/goroutine/index.js';
import { buildRunReport, fileBaseline } from '../report/build-run-report.js';
import type { RunReport } from '../report/run-report.js';
import { type GateFlagValues, readGateOptions } from './shared-options.js';

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
  /** Base is the action's `baseline: <file>` (timings do not gate). */
  stored: boolean;
  key: string;
  /** The head commit the report names (a sha), when known. */
  headCommit?: string | undefined;
  /** The workflow run the report links to. */
  runUrl: string | undefined;
  /** The gate's options as given on the command line (--max-regression, --alpha, ...). */
  gateValues: GateFlagValues;
  /** Called once the profiles are read, before they are analysed (the report starts its graphs). */
  onProfiles?: (read: ReadProfiles) => void;
}

/** The run report and the profile pairs it was read from. */
export interface CliRun {
  report: RunReport;
  profiles: ReadProfiles;
}

const readBench = (p: string): Promise<BenchFile> => readBenchFile(p);

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

/** Reads the inputs and builds the run report as the action would. */
export async function cliRun(inputs: CliRunInputs): Promise<CliRun> {
  const base = inputs.benchBase === undefined ? undefined : await readBench(inputs.benchBase);
  const head = inputs.benchHead === undefined ? undefined : await readBench(inputs.benchHead);
  const read = await readAllProfiles(inputs);
  inputs.onProfiles?.(read);
  let profiles: ProfileInsights | undefined;
  if (inputs.headProfiles !== undefined || inputs.headGoroutines !== undefined) {
    profiles = profileInsights({
      pairs: read.pairs,
      goroutines: read.goroutines,
      source: sourceLookup([inputs.source]),
      bench: { base, head },
    });
  }
  const { runUrl } = inputs;
  // Profiles or dumps alone compare with base's profiles or dumps, named like a bench file.
  const baseSide = inputs.benchBase ?? inputs.baseProfiles ?? inputs.baseGoroutines;
  const report = buildRunReport({
    key: inputs.key,
    headCommit: inputs.headCommit ?? inputs.benchHead ?? inputs.headProfiles ?? '',
    head,
    baseline:
      base === undefined && baseSide === undefined
        ? undefined
        : {
            bench: base,
            info: inputs.stored
              ? fileBaseline()
              : {
                  source: 'files',
                  commit: baseSide!,
                  branch: undefined,
                  createdAt: undefined,
                  runUrl: undefined,
                },
          },
    gate: { ...readGateOptions(inputs.gateValues), gateTimings: !inputs.stored },
    profiles,
    headProfiles: read.pairs.length + (read.goroutines ? 1 : 0),
    missingBaseline: 'pass',
    warnings: [...read.warnings],
    links: { run: runUrl, summary: runUrl === undefined ? undefined : `${runUrl}#summary` },
    generatedAt: new Date().toISOString(),
  });
  return { report, profiles: read };
}
