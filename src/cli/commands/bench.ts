/**
 * `perfgate bench`: runs Go benchmarks (optionally against a base commit, interleaved) or a
 * JavaScript tinybench suite, keeps the outputs, and with a base compares and gates them.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type GateOptions, gate } from '../../analyze/gate.js';
import {
  type GoBenchSettings,
  type InterleavedRun,
  runGoBench,
  runGoBenchInterleaved,
} from '../../collect/go-bench.js';
import { runJsBench, runJsBenchInterleaved } from '../../collect/js-bench.js';
import { processRunner } from '../../collect/runner.js';
import { UserError } from '../../errors.js';
import type { BenchFile } from '../../model/bench.js';
import { failureMessage, parseBenchOutput } from '../../parse/benchfmt/load.js';
import { renderGateText } from '../../render/gate-text.js';
import {
  readBenchRegex,
  readBenchtime,
  readCpuList,
  readPackagePatterns,
} from '../../settings/go-flags.js';
import { readInteger } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { gateExitCode, gateFlags, readGateOptions } from '../shared-options.js';

export const benchUsage = `Usage: perfgate bench --go <packages> [options]
       perfgate bench --js <suite.mjs> [options]

Runs benchmarks and writes their output (Go benchmark format) to --out. With --base-ref, the
base commit is checked out in a temporary git worktree, both sides are built once, and their
benchmarks run in alternating rounds (base, head, then head, base, ...) so machine drift hits
both alike; then the gate compares them (exit 1 when it fails).

Go: the flags, and whether any benchmark matches --bench (go test -list, on both sides with
--base-ref), are checked before any round. A build failure, panic or failed benchmark stops
the run and is reported once (exit 2), as are results that are not measurements (NaN, ±Inf).
Test binaries are built in a temporary folder, never in your tree.

Options:
  --go PATTERNS        Go packages, e.g. ./... (space- or comma-separated)
  --bench REGEX        -bench regular expression (default .)
  --count N            runs (rounds) per benchmark (default 10)
  --benchtime D        -benchtime, e.g. 200ms or 1000x
  --cpu LIST           -cpu list, e.g. 1,2,4
  --base-ref REF       compare with this commit, interleaved
  --profiles           also write a cpu and mem profile per package (Go): into --out, or with
                       --base-ref from one extra profiled run per side after the rounds, into
                       OUT/base-profiles and OUT/head-profiles
  --js MODULE          a tinybench 6 suite: exports a Bench (default or "bench"), or an
                       object of task functions (default or "tasks")
  --rounds N           rounds of the JS suite, each in a fresh node process (samples per
                       task; default 10, at least 5)
  --time MS            time per task per round when the module exports task functions
                       (default 100)
  --dir DIR            where to run (default: the current directory)
  --out DIR            where to write head.txt (and base.txt) (default: perfgate-out)
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;

export async function runBench(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('bench', argv, {
    go: { type: 'string' },
    js: { type: 'string' },
    bench: { type: 'string' },
    count: { type: 'string' },
    benchtime: { type: 'string' },
    cpu: { type: 'string' },
    'base-ref': { type: 'string' },
    profiles: { type: 'boolean' },
    rounds: { type: 'string' },
    time: { type: 'string' },
    dir: { type: 'string' },
    out: { type: 'string' },
    ...gateFlags,
  });
  if ((values.go === undefined) === (values.js === undefined)) {
    throw new UserError(
      `perfgate bench: give either --go <packages> or --js <suite>\n\n${benchUsage}`,
    );
  }
  checkFlagsOfOtherTool(values);
  const gateOptions = readGateOptions(values);
  const out = values.out ?? 'perfgate-out';
  const dir = values.dir ?? '.';
  const log = (line: string) => io.stderr(`${line}\n`);
  // Bad flags fail before any work.
  const go = values.js === undefined ? readGoSettings(values, dir) : undefined;
  await mkdir(out, { recursive: true });

  if (values.js !== undefined || go === undefined) {
    const js = {
      module: values.js ?? '',
      rounds: values.rounds === undefined ? 10 : readInteger('--rounds', values.rounds, 1),
      time: values.time === undefined ? 100 : readInteger('--time', values.time, 1),
      cwd: dir,
    };
    const baseRef = values['base-ref'];
    if (baseRef === undefined) {
      const head = await keepOutput(out, 'head.txt', await runJsBench(js, processRunner, log));
      io.stdout(`wrote ${path.join(out, 'head.txt')}: ${head.results.length} results\n`);
      return 0;
    }
    const run = await runJsBenchInterleaved(
      { ...js, baseRef, requireBase: true },
      processRunner,
      log,
    );
    return gateSides(run, out, gateOptions, io);
  }

  if (values['base-ref'] === undefined) {
    const profilesDir = values.profiles ? path.resolve(out) : undefined;
    const { text, profiles } = await runGoBench(
      { ...go, ...(profilesDir ? { profilesDir } : {}) },
      processRunner,
      log,
    );
    const head = await keepOutput(out, 'head.txt', text);
    for (const f of head.failures) io.stderr(`${failureMessage(f)}\n`);
    io.stdout(`wrote ${path.join(out, 'head.txt')}: ${head.results.length} results\n`);
    if (profiles.length > 0) io.stdout(`wrote ${profiles.length} profiles in ${out}\n`);
    return head.failures.length > 0 ? 1 : 0;
  }
  const profileDirs = values.profiles
    ? { base: path.join(out, 'base-profiles'), head: path.join(out, 'head-profiles') }
    : undefined;
  if (profileDirs) {
    await mkdir(profileDirs.base, { recursive: true });
    await mkdir(profileDirs.head, { recursive: true });
  }
  const run = await runGoBenchInterleaved(
    {
      ...go,
      baseRef: values['base-ref'],
      requireBaseBenchmarks: true,
      ...(profileDirs ? { profiles: profileDirs } : {}),
    },
    processRunner,
    log,
  );
  const notes = profileDirs
    ? [
        `wrote ${run.profiles.base.length + run.profiles.head.length} profiles in ${profileDirs.base} and ${profileDirs.head}`,
      ]
    : [];
  return gateSides(run, out, gateOptions, io, notes);
}

/** Options that belong to the other kind of suite: refused rather than silently ignored. */
function checkFlagsOfOtherTool(values: Record<string, unknown>): void {
  const goOnly = ['bench', 'count', 'benchtime', 'cpu', 'profiles'];
  const jsOnly = ['rounds', 'time'];
  const [given, wrong, other] =
    values.js !== undefined ? ['--js', goOnly, '--go'] : ['--go', jsOnly, '--js'];
  const flag = wrong.find((f) => values[f] !== undefined);
  if (flag !== undefined) {
    const hint = flag === 'count' ? ' (with --js, --rounds sets the rounds)' : '';
    throw new UserError(`--${flag} is an option of ${other}, not of ${given}${hint}`);
  }
}

/**
 * Keeps base.txt and head.txt of an interleaved run (Go or JS) and gates them; `notes` are
 * printed under the run's header line.
 */
async function gateSides(
  run: Pick<InterleavedRun, 'base' | 'head' | 'baseSha' | 'rounds'>,
  out: string,
  gateOptions: GateOptions,
  io: CliIO,
  notes: string[] = [],
): Promise<number> {
  const base = await keepOutput(out, 'base.txt', run.base);
  const head = await keepOutput(out, 'head.txt', run.head);
  const failures = [...base.failures, ...head.failures].map(failureMessage);
  if (failures.length > 0) {
    io.stdout(`FAIL: the benchmark runs have failures\n${failures.join('\n')}\n`);
    return 1;
  }
  const result = gate(base, head, gateOptions);
  io.stdout(`base ${run.baseSha.slice(0, 12)} vs head, ${run.rounds} interleaved rounds\n`);
  for (const n of notes) io.stdout(`${n}\n`);
  io.stdout(renderGateText(result));
  return gateExitCode(result, io, 'bench');
}

/**
 * Writes one side's output as OUT/NAME when it parses. Output the loader refuses (NaN results)
 * goes to OUT/NAME with `.invalid.txt` instead, which the error's line numbers refer to, so it
 * is never mistaken for a usable baseline.
 */
async function keepOutput(out: string, name: string, text: string): Promise<BenchFile> {
  const file = path.join(out, name);
  const invalid = file.replace(/\.txt$/, '.invalid.txt');
  try {
    parseBenchOutput(text, invalid);
  } catch (err) {
    await rm(file, { force: true });
    await writeFile(invalid, text);
    throw err;
  }
  await rm(invalid, { force: true });
  await writeFile(file, text);
  return parseBenchOutput(text, file);
}

/** The Go run's flags, each checked before anything runs. */
function readGoSettings(values: GoFlagValues, dir: string): GoBenchSettings {
  const { go = '', bench, count, benchtime, cpu } = values;
  return {
    dir,
    packages: readPackagePatterns(
      '--go',
      go.split(/[\s,]+/).filter((p) => p !== ''),
    ),
    bench: readBenchRegex('--bench', bench ?? '.'),
    count: count === undefined ? 10 : readInteger('--count', count, 1, 1000),
    ...(benchtime !== undefined ? { benchtime: readBenchtime('--benchtime', benchtime) } : {}),
    ...(cpu !== undefined ? { cpu: readCpuList('--cpu', cpu) } : {}),
  };
}

/** The Go run's flags as parseArgs gives them. */
interface GoFlagValues {
  go?: string | undefined;
  bench?: string | undefined;
  count?: string | undefined;
  benchtime?: string | undefined;
  cpu?: string | undefined;
}
