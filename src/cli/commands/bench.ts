/**
 * `perfgate bench`: runs Go benchmarks (optionally against a base commit, interleaved) or a
 * JavaScript tinybench suite, keeps the outputs, and with a base compares and gates them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type GateOptions, gate } from '../../analyze/gate.js';
import { type InterleavedRun, runGoBench, runGoBenchInterleaved } from '../../collect/go-bench.js';
import { runJsBench, runJsBenchInterleaved } from '../../collect/js-bench.js';
import { processRunner } from '../../collect/runner.js';
import { UserError } from '../../errors.js';
import { failureMessage, parseBenchOutput } from '../../parse/benchfmt/load.js';
import { renderGateText } from '../../render/gate-text.js';
import { readInteger } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { gateExitCode, readGateOptions } from './compare.js';

export const benchUsage = `Usage: perfgate bench --go <packages> [options]
       perfgate bench --js <suite.mjs> [options]

Runs benchmarks and writes their output (Go benchmark format) to --out. With --base-ref, the
base commit is checked out in a temporary git worktree, both sides are built once, and their
benchmarks run in alternating rounds (base, head, then head, base, ...) so machine drift hits
both alike; then the gate compares them (exit 1 when it fails).

Options:
  --go PATTERNS        Go packages, e.g. ./... (space- or comma-separated)
  --bench REGEX        -bench regular expression (default .)
  --count N            runs (rounds) per benchmark (default 10)
  --benchtime D        -benchtime, e.g. 200ms or 1000x
  --cpu LIST           -cpu list
  --base-ref REF       compare with this commit, interleaved
  --profiles           also write a cpu and mem profile per package (Go, without --base-ref)
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
    'max-regression': { type: 'string' },
    alpha: { type: 'string' },
    correction: { type: 'string' },
    test: { type: 'string' },
  });
  if ((values.go === undefined) === (values.js === undefined)) {
    throw new UserError(
      `perfgate bench: give either --go <packages> or --js <suite>\n\n${benchUsage}`,
    );
  }
  checkFlagsOfOtherTool(values);
  const gateOptions = readGateOptions(values);
  const out = (values.out as string | undefined) ?? 'perfgate-out';
  const dir = (values.dir as string | undefined) ?? '.';
  const log = (line: string) => io.stderr(`${line}\n`);
  await mkdir(out, { recursive: true });

  if (values.js !== undefined) {
    const js = {
      module: values.js as string,
      rounds:
        values.rounds === undefined ? 10 : readInteger('--rounds', values.rounds as string, 1),
      time: values.time === undefined ? 100 : readInteger('--time', values.time as string, 1),
      cwd: dir,
    };
    if (values['base-ref'] === undefined) {
      const text = await runJsBench(js, processRunner, log);
      return writeHead(out, text, io);
    }
    const run = await runJsBenchInterleaved(
      { ...js, baseRef: values['base-ref'] as string },
      processRunner,
      log,
    );
    return gateRun(run, out, gateOptions, io);
  }

  const settings = {
    dir,
    packages: (values.go as string).split(/[\s,]+/).filter((p) => p !== ''),
    bench: (values.bench as string | undefined) ?? '.',
    count: values.count === undefined ? 10 : readInteger('--count', values.count as string, 1),
    ...(values.benchtime !== undefined ? { benchtime: values.benchtime as string } : {}),
    ...(values.cpu !== undefined ? { cpu: values.cpu as string } : {}),
  };
  if (values['base-ref'] === undefined) {
    const profilesDir = values.profiles ? path.resolve(out) : undefined;
    const { text } = await runGoBench(
      { ...settings, ...(profilesDir ? { profilesDir } : {}) },
      processRunner,
      log,
    );
    return writeHead(out, text, io);
  }
  const run = await runGoBenchInterleaved(
    { ...settings, baseRef: values['base-ref'] as string },
    processRunner,
    log,
  );
  return gateRun(run, out, gateOptions, io);
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

/** Writes head.txt of a run without a base and reports it; failures in it make exit 1. */
async function writeHead(out: string, text: string, io: CliIO): Promise<number> {
  await writeFile(path.join(out, 'head.txt'), text);
  const head = parseBenchOutput(text, path.join(out, 'head.txt'));
  for (const f of head.failures) io.stderr(`${failureMessage(f)}\n`);
  io.stdout(`wrote ${path.join(out, 'head.txt')}: ${head.results.length} results\n`);
  return head.failures.length > 0 ? 1 : 0;
}

/** Writes base.txt and head.txt of an interleaved run and gates them (exit 1 when it fails). */
async function gateRun(
  run: InterleavedRun,
  out: string,
  gateOptions: GateOptions,
  io: CliIO,
): Promise<number> {
  await writeFile(path.join(out, 'base.txt'), run.base);
  await writeFile(path.join(out, 'head.txt'), run.head);
  const base = parseBenchOutput(run.base, path.join(out, 'base.txt'));
  const head = parseBenchOutput(run.head, path.join(out, 'head.txt'));
  const failures = [...base.failures, ...head.failures].map(failureMessage);
  if (failures.length > 0) {
    io.stdout(`FAIL: the benchmark runs have failures\n${failures.join('\n')}\n`);
    return 1;
  }
  const result = gate(base, head, gateOptions);
  io.stdout(`base ${run.baseSha.slice(0, 12)} vs head, ${run.rounds} interleaved rounds\n`);
  io.stdout(renderGateText(result));
  return gateExitCode(result, io, 'bench');
}
