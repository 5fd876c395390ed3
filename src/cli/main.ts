/** The perfgate command line: dispatches to a command and turns user errors into exit codes. */
import { UserError } from '../errors.js';
import { benchUsage, runBench } from './commands/bench.js';
import { collectUsage, runCollect } from './commands/collect.js';
import { commentUsage, runComment } from './commands/comment.js';
import { compareUsage, gateUsage, runCompare, runGate } from './commands/compare.js';
import { diffUsage, runDiff } from './commands/diff.js';
import { hotspotsUsage, runHotspots } from './commands/hotspots.js';
import { leaksUsage, runLeaks } from './commands/leaks.js';
import { mergeUsage, runMerge } from './commands/merge.js';
import { reportUsage, runReport } from './commands/report.js';
import { runTop, topUsage } from './commands/top.js';
import type { CliIO } from './io.js';
import { VERSION } from '../version.js';

const commands: Record<
  string,
  { run: (argv: string[], io: CliIO) => Promise<number>; usage: string }
> = {
  top: { run: runTop, usage: topUsage },
  diff: { run: runDiff, usage: diffUsage },
  hotspots: { run: runHotspots, usage: hotspotsUsage },
  leaks: { run: runLeaks, usage: leaksUsage },
  compare: { run: runCompare, usage: compareUsage },
  gate: { run: runGate, usage: gateUsage },
  bench: { run: runBench, usage: benchUsage },
  comment: { run: runComment, usage: commentUsage },
  collect: { run: runCollect, usage: collectUsage },
  report: { run: runReport, usage: reportUsage },
  merge: { run: runMerge, usage: mergeUsage },
};

const usage = `Usage: perfgate <command> [options]

Commands:
  top <profile>           functions of a pprof profile by flat value (like go tool pprof -top)
  diff <base> <head>      what changed per function between two profiles (like -diff_base)
  hotspots <profiles>     allocation hotspots in your code, with advice
  leaks <before> <after>  goroutine groups that grew (leaks), by creation site and wait site
  compare <base> <head>   Go benchmark results side by side, with benchstat's statistics
  gate <base> <head>      the regression gate on two benchmark runs (exit 1 when it fails)
  bench --go ./...        run Go benchmarks (--base-ref REF: against a base commit, interleaved)
  bench --js suite.mjs    run a tinybench suite
  comment <base> <head>   the PR comment the action would post for two benchmark runs
  collect <url>           profiles from a running service's /debug/pprof endpoints
  report <base> <head>    a self-contained HTML report with differential flame graphs
  merge <shard-dir>...    the legs of a parallel run judged as one run (one comment)

Run \`perfgate <command> --help\` for a command's options.
`;

/** Runs the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`perfgate ${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`perfgate: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`perfgate ${name}: ${err.message.replace(/^perfgate \w+: /, '')}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
