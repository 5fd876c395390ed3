/** `perfgate diff base.pb.gz head.pb.gz`: what changed per function, as `go tool pprof -top -diff_base`. */
import { diffFunctionTable, checkComparable } from '../../analyze/profile-diff.js';
import { resolveSampleIndex } from '../../analyze/sample-index.js';
import { readInputFile } from '../../collect/files.js';
import { FormatError, UserError, withSource } from '../../errors.js';
import type { Profile } from '../../model/profile.js';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, readPprof } from '../../parse/pprof/index.js';
import { readPprofOffThread } from '../../parse/pprof/thread.js';
import { both } from '../both.js';
import { renderTopMarkdown } from '../../render/top-markdown.js';
import { renderTopText } from '../../render/top-text.js';
import { topReport } from '../../report/top-report.js';
import { readInteger } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { printAs, readFormat } from '../shared-options.js';

export const diffUsage = `Usage: perfgate diff <base profile> <head profile> [options]

Lists per function what changed from base to head, with the numbers and layout of
\`go tool pprof -top -diff_base=base head\`: head minus base, percentages of the base's total.

Options:
  --sample-index NAME   sample type (cpu, alloc_space, inuse_space, delay, ...); default: the profile's default
  --normalize           scale head to the base's total first (pprof's -normalize)
  --per-op BASE,HEAD    divide each side by its operations (b.N of the benchmark runs that
                        wrote the profiles), so a longer head run does not look like a regression
  --nodecount N         show at most N functions
  --format FORMAT       text (default), markdown or json
`;

async function load(file: string, read = readPprof): Promise<Profile> {
  const bytes = await readInputFile(file);
  try {
    return await read(bytes, { maxDecompressedBytes: DEFAULT_MAX_DECOMPRESSED_BYTES });
  } catch (err) {
    throw withSource(file, err);
  }
}

export async function runDiff(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', argv, {
    'sample-index': { type: 'string' },
    normalize: { type: 'boolean' },
    'per-op': { type: 'string' },
    nodecount: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate diff: expected two profiles (base and head), got ${positionals.length}\n\n${diffUsage}`,
    );
  }
  const [baseFile, headFile] = positionals as [string, string];
  const format = readFormat(values.format, ['text', 'markdown', 'json']);
  const nodeCount =
    values.nodecount === undefined ? 0 : readInteger('--nodecount', values.nodecount, 1);
  // Base is read on another thread while head is read here (when it is large). Errors come in
  // the order of the arguments.
  const [base, head] = await both(load(baseFile, readPprofOffThread), load(headFile));
  try {
    checkComparable(base, head, baseFile, headFile);
  } catch (err) {
    if (err instanceof FormatError) throw new UserError(err.message);
    throw err;
  }
  let sampleIndex: number;
  try {
    sampleIndex = resolveSampleIndex(head, values['sample-index']);
  } catch (err) {
    throw withSource(headFile, err);
  }
  let perOp: { base: number; head: number } | undefined;
  if (values['per-op'] !== undefined) {
    const m = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(values['per-op']);
    if (!m || Number(m[1]) === 0 || Number(m[2]) === 0) {
      throw new UserError(
        `perfgate diff: --per-op: ${JSON.stringify(values['per-op'])} is not two operation counts (e.g. "120000,95000")`,
      );
    }
    perOp = { base: Number(m[1]), head: Number(m[2]) };
  }
  const table = diffFunctionTable(base, head, {
    sampleIndex,
    normalize: values.normalize === true,
    ...(perOp ? { perOp } : {}),
  });
  const report = topReport(head, table, {
    source: `${baseFile} → ${headFile}`,
    sampleIndex,
    nodeCount,
    merged: [base, head],
  });
  printAs(io, format, report, {
    text: () => renderTopText(report),
    markdown: () => renderTopMarkdown(report),
  });
  return 0;
}
