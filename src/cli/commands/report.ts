/** `perfgate report base/ head/ -o report.html`: the self-contained HTML report with flame graphs. */
import { writeFile } from 'node:fs/promises';
import { readProfiles } from '../../collect/read-profiles.js';
import { type GateResult, gate } from '../../analyze/gate.js';
import { profileInsights } from '../../analyze/profile-insights.js';
import { listFiles, readInputFile } from '../../collect/files.js';
import { sourceLookup } from '../../collect/source.js';
import { UserError } from '../../errors.js';
import { parseBenchOutput } from '../../parse/benchfmt/load.js';
import { renderHtmlReport } from '../../render/html-report.js';
import { htmlReportModel } from '../../report/html-build.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

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
`;

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', argv, {
    out: { type: 'string', short: 'o' },
    'bench-base': { type: 'string' },
    'bench-head': { type: 'string' },
    source: { type: 'string' },
    title: { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate report: expected two folders of profiles (base and head)\n\n${reportUsage}`,
    );
  }
  const [baseDir, headDir] = positionals as [string, string];
  const read = await readProfiles(
    { dir: headDir, files: await listFiles(headDir, 'a folder of profiles') },
    { dir: baseDir, files: await listFiles(baseDir, 'a folder of profiles') },
  );
  let result: GateResult | undefined;
  if (values['bench-base'] !== undefined && values['bench-head'] !== undefined) {
    const load = async (p: string) => parseBenchOutput(await readInputFile(p), p);
    result = gate(
      await load(values['bench-base'] as string),
      await load(values['bench-head'] as string),
    );
  }
  const insights = profileInsights({
    pairs: read.pairs,
    goroutines: read.goroutines,
    source: sourceLookup([(values.source as string | undefined) ?? '.']),
  });
  const model = htmlReportModel(
    (values.title as string | undefined) ?? `perfgate: ${baseDir} → ${headDir}`,
    read.pairs,
    result,
    insights,
    read.warnings,
  );
  const out = (values.out as string | undefined) ?? 'perfgate-report.html';
  await writeFile(out, renderHtmlReport(model));
  io.stdout(`wrote ${out}: ${model.graphs.length} flame graphs\n`);
  return 0;
}
