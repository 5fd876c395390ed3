/** `perfgate comment`: the PR comment the action would post for two benchmark runs. */
import { readProfiles } from '../../action/read-profiles.js';
import { gate } from '../../analyze/gate.js';
import { type ProfileInsights, profileInsights } from '../../analyze/profile-insights.js';
import { sourceLookup } from '../../collect/source.js';
import { listFiles, readInputFile } from '../../collect/files.js';
import { UserError, withSource } from '../../errors.js';
import { parseGoroutines } from '../../parse/goroutine/index.js';
import { failureMessage, parseBenchOutput } from '../../parse/benchfmt/load.js';
import { renderComment } from '../../render/comment.js';
import { decideVerdict, type RunReport } from '../../report/run-report.js';
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
  --stored-baseline    treat base as a stored baseline from another run (timings do not gate)
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;

async function readInsights(values: Record<string, unknown>): Promise<ProfileInsights | undefined> {
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
  const insights = profileInsights({
    pairs: read.pairs,
    goroutines: read.goroutines,
    source: sourceLookup([(values.source as string | undefined) ?? '.']),
  });
  insights.notes.unshift(...read.warnings);
  return insights;
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
  const read = async (p: string) =>
    parseBenchOutput(new TextDecoder().decode(await readInputFile(p)), p);
  const base = await read(basePath);
  const head = await read(headPath);
  const stored = values['stored-baseline'] === true;
  const failures = [...base.failures, ...head.failures].map(failureMessage);
  const result =
    failures.length === 0
      ? gate(base, head, { ...readGateOptions(values), gateTimings: !stored })
      : undefined;
  const profiles = await readInsights(values);
  const { verdict, reason } = decideVerdict(result, failures, 'pass', profiles);
  const report: RunReport = {
    verdict,
    reason,
    key: (values.key as string | undefined) ?? 'demo',
    headCommit: headPath,
    gate: result,
    profiles,
    baseline: {
      source: stored ? 'path' : 'rerun',
      commit: basePath,
      branch: undefined,
      createdAt: undefined,
      runUrl: undefined,
    },
    timingsGated: !stored,
    headOnly: undefined,
    failures,
    warnings: [],
    links: { run: undefined, summary: undefined },
    generatedAt: new Date().toISOString(),
  };
  io.stdout(`${renderComment(report)}\n`);
  if (verdict === 'no-comparison') return gateExitCode({ verdict, cause: reason }, io, 'comment');
  return verdict === 'fail' ? 1 : 0;
}
