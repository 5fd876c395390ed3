/** `perfgate report base/ head/ -o report.html`: the self-contained HTML report with flame graphs. */
import { writeFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { renderHtmlReport } from '../../render/html-report.js';
import {
  buildHtmlReportModel,
  type PairGraphs,
  startFlameGraphs,
} from '../../report/html-build.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { gateFlags } from '../shared-options.js';
import { cliRun } from '../run-inputs.js';

export const reportUsage = `Usage: perfgate report <base profiles dir> <head profiles dir> [options]

Writes one self-contained HTML file (no network needed to view it): for every profile pair and
sample type a differential flame graph (width: head; colour: change against base) and a sortable
top table, plus allocation hotspots, goroutine leaks and, with --bench-base/--bench-head, the
benchmark comparison.

Options:
  -o, --out FILE        the HTML file to write (default: perfgate-report.html)
  --bench-base FILE     base benchmark output (go test -bench)
  --bench-head FILE     head benchmark output
  --source DIR          where the Go sources are, to name allocation kinds (default: .)
  --title TEXT          the report's title
  --stored-baseline     treat base as the action's \`baseline: <file>\` (timings do not gate)
  plus the gate's options: --max-regression, --alpha, --correction, --test

The verdict, its regressions and its counts are those of \`perfgate comment\` on the same inputs.
`;

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', argv, {
    out: { type: 'string', short: 'o' },
    'bench-base': { type: 'string' },
    'bench-head': { type: 'string' },
    source: { type: 'string' },
    title: { type: 'string' },
    'stored-baseline': { type: 'boolean' },
    ...gateFlags,
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate report: expected two folders of profiles (base and head)\n\n${reportUsage}`,
    );
  }
  const [baseDir, headDir] = positionals as [string, string];
  if ((values['bench-base'] === undefined) !== (values['bench-head'] === undefined)) {
    const given = values['bench-base'] === undefined ? '--bench-head' : '--bench-base';
    throw new UserError(
      `perfgate report: ${given} was given alone: --bench-base and --bench-head go together`,
    );
  }
  // The flame graphs are started as soon as the profiles are read (a large pair's on another
  // thread), while the profiles are analysed.
  let graphs: Promise<PairGraphs> | undefined;
  const { report, profiles } = await cliRun({
    benchBase: values['bench-base'],
    benchHead: values['bench-head'],
    baseProfiles: baseDir,
    headProfiles: headDir,
    baseGoroutines: undefined,
    headGoroutines: undefined,
    source: values.source ?? '.',
    stored: values['stored-baseline'] === true,
    key: 'report',
    runUrl: undefined,
    gateValues: values,
    onProfiles: (read) => {
      graphs = startFlameGraphs(read.pairs);
    },
  });
  const model = await buildHtmlReportModel(
    values.title ?? `perfgate: ${baseDir} → ${headDir}`,
    profiles.pairs,
    report.gate,
    report.profiles,
    profiles.warnings,
    report,
    graphs,
  );
  const out = values.out ?? 'perfgate-report.html';
  await writeFile(out, renderHtmlReport(model));
  io.stdout(`wrote ${out}: ${model.graphs.length} flame graphs; verdict: ${report.verdict}\n`);
  return 0;
}
