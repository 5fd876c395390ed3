/**
 * `mode: merge`: the job after a job matrix (`needs:` the matrix, `if: always()`). It reads every
 * leg's results this workflow run uploaded, merges them into one run report (each benchmark
 * keyed by its shard too), applies the gate once over the whole run (one multiple-comparison
 * family), and publishes as `mode: gate` does: outputs, the one sticky comment, the summary, and
 * on the default branch one baseline holding every shard. A leg that is missing or failed is
 * named in the verdict (`incomplete`), never dropped in silence.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stepFails } from '../analyze/verdict.js';
import { type ShardFolder, readShardFolder } from '../collect/shard-folder.js';
import { UserError } from '../errors.js';
import { type ArtifactInfo, artifactName } from '../publish/artifacts.js';
import { renderSummary } from '../render/comment.js';
import { type ShardProblem, buildMergedReport, mergeShards } from '../report/shards.js';
import { acceptRequest } from './accept.js';
import { saveMergedBaseline, storedMerged } from './baseline.js';
import { runUrl } from './context.js';
import type { ActionPorts, ActionRun } from './ports.js';
import { annotateRegressions, publishComment } from './publish-report.js';

/** A leg as the merge found it: its folder and what it read there. */
interface Leg {
  name: string;
  dir: string;
  folder: ShardFolder;
}

/** The newest artifact of each leg of this key in this run. */
function legArtifacts(all: ArtifactInfo[], prefix: string): Map<string, ArtifactInfo> {
  const legs = new Map<string, ArtifactInfo>();
  for (const a of [...all].sort((x, y) => x.id - y.id))
    if (a.name.startsWith(prefix) && a.name.length > prefix.length)
      legs.set(a.name.slice(prefix.length), a);
  return legs;
}

/** Downloads and reads every leg's results; a leg whose results cannot be read is a problem. */
async function readLegs(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
): Promise<{ legs: Leg[]; unreadable: ShardProblem[] }> {
  const prefix = artifactName('shard', s.baselineKey);
  const found = legArtifacts(await artifacts.listRun(ctx.runId), prefix);
  const legs: Leg[] = [];
  const unreadable: ShardProblem[] = [];
  let i = 0;
  for (const [name, a] of found) {
    const dir = path.join(workDir, 'shards', String(i++));
    try {
      await artifacts.download({ id: a.id, runId: ctx.runId }, dir);
      const folder = await readShardFolder(dir);
      if (folder.manifest.shard !== name || folder.manifest.key !== s.baselineKey) {
        throw new UserError(
          `it says it is shard ${folder.manifest.shard} of key ${folder.manifest.key}`,
        );
      }
      legs.push({ name, dir, folder });
      out.info(`Shard ${name}: ${folder.head?.results.length ?? 0} results from ${a.name}`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      unreadable.push({ shard: name, why: `its results cannot be read (${err.message})` });
    }
  }
  return { legs, unreadable };
}

/** Merges the legs of this run, judges them as one run and publishes the result. */
export async function mergeMode(run: ActionRun, ports: ActionPorts): Promise<void> {
  const { settings: s, ctx, workDir } = run;
  const { out } = ports;
  const { legs, unreadable } = await readLegs(run, ports);
  const warnings: string[] = [];
  // Without `shards`, the stored baseline says which legs to expect (and reading it must work);
  // with them, it is read for its history only, and a failure to read it is a note.
  const stored = s.shards
    ? await storedMerged(run, ports).catch((err: unknown) => {
        if (!(err instanceof UserError)) throw err;
        warnings.push(`the stored baseline's history of past commits is not shown: ${err.message}`);
        return undefined;
      })
    : await storedMerged(run, ports);
  const expected = s.shards ?? stored?.shards ?? [];
  if (stored?.historyProblem) {
    warnings.push(
      `the stored baseline's history of past commits is ignored: ${stored.historyProblem}`,
    );
  }
  if (legs.length + unreadable.length === 0 && expected.length === 0) {
    throw new UserError(
      `no shard results in this run for baseline-key ${JSON.stringify(s.baselineKey)}: the matrix legs run with 'shard:' and the same 'baseline-key', and this job needs them (needs: <the matrix job>)`,
    );
  }
  const accept = await acceptRequest(run, ports, warnings);
  const { report, complete } = buildMergedReport({
    key: s.baselineKey,
    headCommit: ctx.pullRequest?.headSha || ctx.sha,
    parts: legs.map((l) => ({
      name: l.name,
      head: l.folder.head,
      base: l.folder.base,
      baseline: l.folder.manifest.baseline,
    })),
    expected,
    unreadable,
    gate: s.gate,
    gateTimings: s.gateTimings,
    headProfiles: legs.reduce((n, l) => n + l.folder.manifest.head.profiles.length, 0),
    missingBaseline: s.missingBaseline,
    links: { run: runUrl(ctx), summary: `${runUrl(ctx)}#summary` },
    generatedAt: new Date().toISOString(),
    ...(accept ? { accept } : {}),
    ...(stored?.history
      ? { history: { data: stored.history, branch: ctx.pullRequest?.baseRef ?? ctx.branch ?? '' } }
      : {}),
  });
  report.warnings.push(...warnings);

  const reportPath = path.join(workDir, 'perfgate-report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  out.setOutput('verdict', report.verdict);
  out.setOutput('regressions', String(report.gate?.benchmarks.regressed.length ?? 0));
  out.setOutput('improvements', String(report.gate?.benchmarks.improved.length ?? 0));
  out.setOutput('report-json', reportPath);
  // A baseline is saved before the summary is written, so the summary says what was saved.
  const onDefaultBranch =
    ctx.eventName === 'push' && ctx.branch !== undefined && ctx.branch === ctx.defaultBranch;
  if (s.saveBaseline ?? onDefaultBranch) {
    const results = complete.reduce((n, p) => n + (p.head?.results.length ?? 0), 0);
    if ((report.shards?.incomplete.length ?? 0) > 0 || results === 0) {
      out.warning(
        'perfgate: not saving a baseline: a shard is missing or failed, or there are no results',
      );
    } else {
      const commit = await saveMergedBaseline(
        run,
        ports,
        legs
          .filter((l) => complete.some((p) => p.name === l.name))
          .map((l) => ({
            name: l.name,
            dir: path.join(l.dir, 'head'),
            benchFiles: l.folder.manifest.head.benchFiles.map(underHead),
            profiles: l.folder.manifest.head.profiles.map(underHead),
          })),
        mergeShards(complete).head,
      );
      report.savedBaseline = { commit, branch: ctx.branch };
      await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    }
  }

  out.setOutput('comment-url', await publishComment(run, ports, report));
  if (s.summary) await out.summary(renderSummary(report));

  if (report.verdict === 'incomplete' && s.missingShards === 'warn')
    out.warning(`perfgate: ${report.reason}`);
  // The run's own error first: GitHub shows the first ten error annotations of a step.
  const fails = stepFails(report.verdict, s.failOn, s.missingBaseline, s.missingShards);
  if (fails) out.setFailed(`perfgate: ${report.reason}`);
  annotateRegressions(ports, report, fails ? 1 : 0);
}

/** A leg's head file as its baseline part names it (`head/bench/0-go.txt` → `bench/0-go.txt`). */
function underHead(f: string): string {
  return f.startsWith('head/') ? f.slice('head/'.length) : f;
}
