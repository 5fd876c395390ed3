/** `perfgate comment`: the PR comment the action would post for two benchmark runs. */
import { readProfiles } from '../../collect/read-profiles.js';
import { type ProfileInsights, profileInsights } from '../../analyze/profile-insights.js';
import { sourceLookup } from '../../collect/source.js';
import { listFiles, readInputFile } from '../../collect/files.js';
import { UserError, withSource } from '../../errors.js';
import { parseGoroutines } from '../../parse/goroutine/index.js';
import { parseBenchOutput } from '../../parse/benchfmt/load.js';
import { renderComment } from '../../render/comment.js';
import { buildRunReport, fileBaseline } from '../../report/build-run-report.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { gateExitCode, readGateOptions } from './compare.js';

export const commentUsage = `Usage: perfgate comment <base.txt> <head.txt> [options]

Prints the pull-request comment (GitHub markdown) that the action posts for these two
benchmark runs, as if base had been rerun in the same job (timings gate). Exits like
\`perfgate gate\`: 1 when the verdict is fail, 2 when nothing could be compared.

Options:
  --key KEY            the baseline key named in the comment's marker (default: demo)
  --head-profiles DIR  profiles of head (pprof files, goroutine dumps) to read insights from
  --base-profiles DIR  the same profiles of base (paired by file name)
  --head-goroutines F  a goroutine dump of head (pprof or debug=1/2 text), for leak warnings
  --base-goroutines F  the same dump of base
  --source DIR         where the Go sources are, to name allocation kinds (default: .)
  --stored-baseline    treat base as the action's \`baseline: <file>\` (timings do not gate)
  --run-url URL        the workflow run the comment links to (and its job summary)
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;

async function readInsights(
  values: Record<string, unknown>,
  warnings: string[],
): Promise<ProfileInsights | undefined> {
  const headDir = values['head-profiles'] as string | undefined;
  const headG = values['head-goroutines'] as string | undefined;
  if (headDir === undefined && headG === undefined) return undefined;
  const baseDir = values['base-profiles'] as string | undefined;
  const read =
    headDir === undefined
      ? { pairs: [], goroutines: undefined, warnings: [] }
      : await readProfiles(
          { dir: headDir, files: await listFiles(headDir, 'a folder of profiles') },
          baseDir === undefined
            ? undefined
            : { dir: baseDir, files: await listFiles(baseDir, 'a folder of profiles') },
        );
  if (headG !== undefined) {
    const baseG = values['base-goroutines'] as string | undefined;
    const load = async (f: string) => {
      try {
        return parseGoroutines(await readInputFile(f), f);
      } catch (err) {
        throw withSource(f, err);
      }
    };
    read.goroutines = {
      head: await load(headG),
      base: baseG === undefined ? undefined : await load(baseG),
    };
  }
  warnings.push(...read.warnings);
  return profileInsights({
    pairs: read.pairs,
    goroutines: read.goroutines,
    source: sourceLookup([(values.source as string | undefined) ?? '.']),
  });
}

export async function runComment(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('comment', argv, {
    key: { type: 'string' },
    'head-profiles': { type: 'string' },
    'base-profiles': { type: 'string' },
    source: { type: 'string' },
    'head-goroutines': { type: 'string' },
    'base-goroutines': { type: 'string' },
    'stored-baseline': { type: 'boolean' },
    'run-url': { type: 'string' },
    'max-regression': { type: 'string' },
    alpha: { type: 'string' },
    correction: { type: 'string' },
    test: { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw new UserError(
      `perfgate comment: expected two benchmark files (base and head)\n\n${commentUsage}`,
    );
  }
  const [basePath, headPath] = positionals as [string, string];
  const read = async (p: string) => parseBenchOutput(await readInputFile(p), p);
  const base = await read(basePath);
  const head = await read(headPath);
  const stored = values['stored-baseline'] === true;
  const runUrl = values['run-url'] as string | undefined;
  const warnings: string[] = [];
  const profiles = await readInsights(values, warnings);
  const report = buildRunReport({
    key: (values.key as string | undefined) ?? 'demo',
    headCommit: headPath,
    head,
    baseline: {
      bench: base,
      info: stored
        ? fileBaseline()
        : {
            source: 'rerun',
            commit: basePath,
            branch: undefined,
            createdAt: undefined,
            runUrl: undefined,
          },
    },
    gate: { ...readGateOptions(values), gateTimings: !stored },
    profiles,
    headProfiles: 0,
    missingBaseline: 'pass',
    warnings,
    links: { run: runUrl, summary: runUrl === undefined ? undefined : `${runUrl}#summary` },
    generatedAt: new Date().toISOString(),
  });
  io.stdout(`${renderComment(report)}\n`);
  const { verdict, reason } = report;
  if (verdict === 'no-comparison') return gateExitCode({ verdict, cause: reason }, io, 'comment');
  return verdict === 'fail' ? 1 : 0;
}
