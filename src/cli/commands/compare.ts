/** `perfgate compare` and `perfgate gate`: benchmark files side by side, and the verdict on them. */
import { diagnosticLines } from '../../render/diagnostics.js';
import { benchstatDefaults, compareBenchFiles } from '../../analyze/bench-compare.js';
import { gate } from '../../analyze/gate.js';
import { readBenchFile } from '../../collect/bench-files.js';
import { UserError } from '../../errors.js';
import type { BenchFile } from '../../model/bench.js';
import { failureMessage, unitMismatches } from '../../parse/benchfmt/load.js';
import { renderBenchstatCsv, renderBenchstatText } from '../../render/benchstat-text.js';
import { renderGateMarkdown, renderGateText } from '../../render/gate-text.js';
import { readFraction } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import {
  gateExitCode,
  gateFlags,
  printAs,
  readFormat,
  readGateOptions,
} from '../shared-options.js';

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
    files.push(await readBenchFile(path, { label: labels[i]! }));
  }
  return files;
}

function reportDiagnostics(files: BenchFile[], io: CliIO): void {
  for (const line of diagnosticLines(files.flatMap((f) => f.diagnostics))) io.stderr(`${line}\n`);
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
  const format = readFormat(values.format, ['text', 'csv', 'json']);
  const options = {
    alpha:
      values.alpha === undefined ? benchstatDefaults.alpha : readFraction('--alpha', values.alpha),
    confidence:
      values.confidence === undefined
        ? benchstatDefaults.confidence
        : readFraction('--confidence', values.confidence),
  };
  const files = await loadFiles(positionals, fileLabels(positionals));
  reportDiagnostics(files, io);
  rejectFailures(files);
  for (const m of unitMismatches(files[0]!, files[1]!)) io.stderr(`warning: ${m}\n`);
  const tables = compareBenchFiles(files, options);
  printAs(io, format, tables, {
    text: () => renderBenchstatText(tables),
    csv: () => {
      const { csv, warnings } = renderBenchstatCsv(tables);
      for (const w of warnings) io.stderr(`${w}\n`);
      return csv;
    },
  });
  return 0;
}

export async function runGate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('gate', argv, {
    ...gateFlags,
    format: { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate gate: expected two benchmark files (base and head), got ${positionals.length}\n\n${gateUsage}`,
    );
  }
  const format = readFormat(values.format, ['text', 'markdown', 'json']);
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
  printAs(io, format, result, {
    text: () => renderGateText(result),
    markdown: () => renderGateMarkdown(result),
  });
  return gateExitCode(result, io, 'gate');
}
