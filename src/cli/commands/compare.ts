/** `perfgate compare` and `perfgate gate`: benchmark files side by side, and the verdict on them. */
import { type RunVerdict, exitCodeFor } from '../../analyze/verdict.js';
import { benchstatDefaults } from '../../analyze/bench-compare.js';
import { compareBenchFiles } from '../../analyze/bench-compare.js';
import { type GateOptions, defaultGateOptions, gate } from '../../analyze/gate.js';
import { readInputFile } from '../../collect/files.js';
import { UserError } from '../../errors.js';
import type { BenchFile } from '../../model/bench.js';
import { failureMessage, parseBenchOutput, unitMismatches } from '../../parse/benchfmt/load.js';
import { renderBenchstatCsv, renderBenchstatText } from '../../render/benchstat-text.js';
import { renderGateMarkdown, renderGateText } from '../../render/gate-text.js';
import { readLimitRules } from '../../settings/limits.js';
import { readChoice, readFraction } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

export const compareUsage = `Usage: perfgate compare <base.txt> <head.txt> [more.txt ...] [options]

Compares Go benchmark output files (go test -bench) like benchstat: medians, 95% confidence
intervals, Mann-Whitney U p-values, and "~" where the difference is not significant. With no
options it makes exactly benchstat's decisions (alpha 0.05, no correction).

Options:
  --format FORMAT     text (benchstat's layout, default), csv (benchstat's CSV), json
  --alpha A           significance level (default 0.05)
  --confidence C      confidence level of the intervals (default 0.95)
`;

export const gateUsage = `Usage: perfgate gate <base.txt> <head.txt> [options]

Applies the regression gate to two Go benchmark output files: a change fails only when it is
significant and worse than its limit. Benchmarks are matched by package and name: machine lines
(cpu, goos, goarch) and the GOMAXPROCS suffix never keep them apart (a line says when they
differ). Exit code 1 when the gate fails, 0 when it passes, 2 when no benchmark of head is in
base (nothing compared) or on bad input.

Options:
  --max-regression LIMITS  limits per unit and benchmark pattern, added to the defaults
                           (default: sec/op=10%, B/op=5%+64, allocs/op=0, other units 10%),
                           e.g. "sec/op=5%, JSON*:sec/op=20%, B/op=5%+64"
  --alpha A                significance level (default 0.05)
  --correction METHOD      holm (default), bh or none: multiple-comparison control over all
                           comparisons of the run
  --test TEST              mann-whitney (default) or wilcoxon (paired rounds; interleaved runs)
  --format FORMAT          text (default), markdown or json
`;

/** Labels as benchstat gives them: the path, with #i added when a path repeats. */
export function fileLabels(paths: string[]): string[] {
  return paths.map((p, i) =>
    paths.filter((q) => q === p).length > 1
      ? `${p}#${paths.slice(0, i).filter((q) => q === p).length}`
      : p,
  );
}

async function loadFiles(paths: string[], labels: string[]): Promise<BenchFile[]> {
  const files: BenchFile[] = [];
  for (const [i, path] of paths.entries()) {
    files.push(parseBenchOutput(await readInputFile(path), labels[i]!));
  }
  return files;
}

function reportDiagnostics(files: BenchFile[], io: CliIO): void {
  for (const f of files)
    for (const d of f.diagnostics) io.stderr(`${d.file}:${d.line}: ${d.message}\n`);
}

/** Failures stop a comparison: the results would be incomplete. */
function rejectFailures(files: BenchFile[]): void {
  const messages = files.flatMap((f) => f.failures.map(failureMessage));
  if (messages.length > 0) throw new UserError(messages.join('\n'));
}

export async function runCompare(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('compare', argv, {
    format: { type: 'string' },
    alpha: { type: 'string' },
    confidence: { type: 'string' },
  });
  if (positionals.length < 2) {
    throw new UserError(
      `perfgate compare: expected at least two benchmark files, got ${positionals.length}\n\n${compareUsage}`,
    );
  }
  const format = readChoice('--format', (values.format as string | undefined) ?? 'text', [
    'text',
    'csv',
    'json',
  ] as const);
  const options = {
    alpha:
      values.alpha === undefined
        ? benchstatDefaults.alpha
        : readFraction('--alpha', values.alpha as string),
    confidence:
      values.confidence === undefined
        ? benchstatDefaults.confidence
        : readFraction('--confidence', values.confidence as string),
  };
  const files = await loadFiles(positionals, fileLabels(positionals));
  reportDiagnostics(files, io);
  rejectFailures(files);
  for (const m of unitMismatches(files[0]!, files[1]!)) io.stderr(`warning: ${m}\n`);
  const tables = compareBenchFiles(files, options);
  if (format === 'json') io.stdout(`${JSON.stringify(tables, null, 2)}\n`);
  else if (format === 'csv') {
    const { csv, warnings } = renderBenchstatCsv(tables);
    io.stdout(csv);
    for (const w of warnings) io.stderr(`${w}\n`);
  } else io.stdout(renderBenchstatText(tables));
  return 0;
}

/** Reads the gate's flags into options (defaults plus the user's rules). */
export function readGateOptions(values: Record<string, unknown>): GateOptions {
  const options: GateOptions = { ...defaultGateOptions, rules: [...defaultGateOptions.rules] };
  if (values['max-regression'] !== undefined) {
    options.rules.push(...readLimitRules('--max-regression', values['max-regression'] as string));
  }
  if (values.alpha !== undefined) options.alpha = readFraction('--alpha', values.alpha as string);
  if (values.correction !== undefined) {
    options.correction = readChoice(
      '--correction',
      values.correction as string,
      ['none', 'holm', 'bh'] as const,
    );
  }
  if (values.test !== undefined) {
    options.test = readChoice(
      '--test',
      values.test as string,
      ['mann-whitney', 'wilcoxon'] as const,
    );
  }
  return options;
}

export async function runGate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('gate', argv, {
    'max-regression': { type: 'string' },
    alpha: { type: 'string' },
    correction: { type: 'string' },
    test: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate gate: expected two benchmark files (base and head), got ${positionals.length}\n\n${gateUsage}`,
    );
  }
  const format = readChoice('--format', (values.format as string | undefined) ?? 'text', [
    'text',
    'markdown',
    'json',
  ] as const);
  const options = readGateOptions(values);
  const [base, head] = await loadFiles(positionals, fileLabels(positionals));
  reportDiagnostics([base!, head!], io);
  rejectFailures([base!]);
  const headFailures = head!.failures.map(failureMessage);
  if (headFailures.length > 0) {
    io.stdout(`FAIL: the head run has failures\n${headFailures.join('\n')}\n`);
    return 1;
  }
  for (const m of unitMismatches(base!, head!)) io.stderr(`warning: ${m}\n`);
  const result = gate(base!, head!, options);
  if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(renderGateMarkdown(result));
  else io.stdout(renderGateText(result));
  return gateExitCode(result, io, 'gate');
}

/**
 * 1 when the gate failed, 2 when nothing could be compared (the cause on stderr, one line), so
 * a script never reads "nothing compared" as a pass.
 */
export function gateExitCode(
  result: { verdict: RunVerdict; cause?: string | undefined },
  io: CliIO,
  command: string,
): number {
  if (result.verdict === 'no-comparison')
    io.stderr(`perfgate ${command}: ${result.cause ?? 'nothing to compare'}\n`);
  return exitCodeFor(result.verdict);
}
