/** `perfgate merge`: the legs of a parallel run (shard result folders) judged as one run. */
import { readShardFolder } from '../../collect/shard-folder.js';
import { UserError } from '../../errors.js';
import { SHARD_NAME } from '../../model/shard.js';
import { renderComment } from '../../render/comment.js';
import { type ShardPart, buildMergedReport } from '../../report/shards.js';
import { readChoice } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import {
  gateExitCode,
  gateFlags,
  printAs,
  readFormat,
  readGateOptions,
} from '../shared-options.js';

export const mergeUsage = `Usage: perfgate merge <shard-dir>... [options]

Merges the results of the legs of a parallel run (each a folder holding perfgate-shard.json, as
the action's legs with \`shard:\` upload them) and judges them as one run: one correction over
every comparison, each benchmark keyed by its shard too. Prints the comment (markdown) or the
report (json). Exits 1 when the verdict is fail or incomplete (a leg missing or failed), 2 when
nothing could be compared.

Options:
  --shards a,b,c          the legs to expect: one not given is named in the verdict (incomplete)
  --missing-shards MODE   fail (default) or warn: whether an incomplete run exits 1
  --format FORMAT         markdown (default) or json
  --key KEY               the baseline key named in the comment's marker (default: "default")
  --timings               let timings fail the gate (default: only when every leg reran its base)
  plus the gate's options: --max-regression, --alpha, --correction, --test
`;

export async function runMerge(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', argv, {
    shards: { type: 'string' },
    'missing-shards': { type: 'string' },
    format: { type: 'string' },
    key: { type: 'string' },
    timings: { type: 'boolean' },
    ...gateFlags,
  });
  if (positionals.length === 0)
    throw new UserError(`perfgate merge: expected one or more shard folders\n\n${mergeUsage}`);
  const format = readFormat(values.format, ['markdown', 'json'] as const);
  const missingShards = readChoice('--missing-shards', values['missing-shards'] ?? 'fail', [
    'fail',
    'warn',
  ] as const);
  const expected = (values.shards ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of expected)
    if (!SHARD_NAME.test(s))
      throw new UserError(`--shards: ${JSON.stringify(s)} is not a shard name (e.g. "linux")`);
  const parts: ShardPart[] = [];
  for (const dir of positionals) {
    const { manifest, head, base } = await readShardFolder(dir);
    if (parts.some((p) => p.name === manifest.shard))
      throw new UserError(`${dir}: shard ${manifest.shard} is given twice`);
    parts.push({ name: manifest.shard, head, base, baseline: manifest.baseline });
  }
  const { report } = buildMergedReport({
    key: values.key ?? 'default',
    headCommit: '',
    parts,
    expected,
    unreadable: [],
    gate: readGateOptions(values),
    gateTimings: values.timings === true ? true : undefined,
    headProfiles: 0,
    missingBaseline: 'pass',
    links: { run: undefined, summary: undefined },
    generatedAt: new Date().toISOString(),
  });
  printAs(io, format, report, { markdown: () => `${renderComment(report)}\n` });
  if (report.verdict === 'incomplete' && missingShards === 'warn') {
    io.stderr(`perfgate merge: ${report.reason}\n`);
    return 0;
  }
  return gateExitCode({ verdict: report.verdict, cause: report.reason }, io, 'merge');
}
