/** `perfgate comment`: the PR comment the action would post for two benchmark runs. */
import { UserError } from '../../errors.js';
import { renderComment } from '../../render/comment.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { cliRun } from '../run-inputs.js';
import { gateExitCode, gateFlags } from '../shared-options.js';

export const commentUsage = `Usage: perfgate comment <base.txt> <head.txt> [options]
       perfgate comment --head-profiles DIR [--base-profiles DIR] [options]
       perfgate comment --head-goroutines F [--base-goroutines F] [options]

Prints the pull-request comment (GitHub markdown) that the action posts for these two
benchmark runs, as if base had been rerun in the same job (timings gate), or for profiles or
goroutine dumps alone (as the action does with pprof-url and no benchmarks). Exits like
\`perfgate gate\`: 1 when the verdict is fail, 2 when nothing could be compared.

Options:
  --key KEY            the baseline key named in the comment's marker (default: "default")
  --head-profiles DIR  profiles of head (pprof files, goroutine dumps) to read insights from
  --base-profiles DIR  the same profiles of base (paired by file name)
  --head-goroutines F  a goroutine dump of head (pprof or debug=1/2 text), for leak warnings
  --base-goroutines F  the same dump of base
  --source DIR         where the Go sources are, to name allocation kinds (default: .)
  --stored-baseline    treat base as the action's \`baseline: <file>\` (timings do not gate)
  --run-url URL        the workflow run the comment links to (and its job summary)
  --head-commit SHA    the head commit the comment names
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;

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
    'head-commit': { type: 'string' },
    ...gateFlags,
  });
  const profilesAlone =
    positionals.length === 0 &&
    (values['head-profiles'] !== undefined || values['head-goroutines'] !== undefined);
  if (positionals.length !== 2 && !profilesAlone) {
    throw new UserError(
      `perfgate comment: expected two benchmark files (base and head), or --head-profiles or --head-goroutines without them\n\n${commentUsage}`,
    );
  }
  const [basePath, headPath] = positionals as [string | undefined, string | undefined];
  const { report } = await cliRun({
    benchBase: basePath,
    benchHead: headPath,
    baseProfiles: values['base-profiles'],
    headProfiles: values['head-profiles'],
    baseGoroutines: values['base-goroutines'],
    headGoroutines: values['head-goroutines'],
    source: values.source ?? '.',
    stored: values['stored-baseline'] === true,
    key: values.key ?? 'default',
    headCommit: values['head-commit'],
    runUrl: values['run-url'],
    gateValues: values,
  });
  io.stdout(`${renderComment(report)}\n`);
  return gateExitCode({ verdict: report.verdict, cause: report.reason }, io, 'comment');
}
