/**
 * A leg of a job matrix (`shard:`): it measures and compares like `mode: gate`, then leaves its
 * results for the merge job as one artifact (head's files, the base it compared against, where
 * that base came from), writes its own job summary and posts no comment. Its step fails only on
 * its own errors (a build failure, a panic): regressions are the merge's to judge, over the whole
 * run at once.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHARD_MANIFEST, type ShardManifest } from '../collect/shard-folder.js';
import { artifactName } from '../publish/artifacts.js';
import { renderSummary } from '../render/comment.js';
import type { RunReport } from '../report/run-report.js';
import type { Baseline } from './baseline.js';
import type { Collected } from './collect-run.js';
import type { ActionPorts, ActionRun } from './ports.js';

/** How long a leg's results are kept when `retention-days` is not given. */
const LEG_RETENTION_DAYS = 7;

/** Copies `files` (relative to `from`) under `to/prefix`; returns their new relative names. */
async function copyUnder(from: string, files: string[], to: string, prefix: string) {
  const names: string[] = [];
  for (const f of files) {
    const name = `${prefix}/${f.split(path.sep).join('/')}`;
    await mkdir(path.dirname(path.join(to, name)), { recursive: true });
    await copyFile(path.join(from, f), path.join(to, name));
    names.push(name);
  }
  return names;
}

/** Uploads the leg's results, writes its summary, and fails the step only on its own errors. */
export async function finishShardLeg(
  run: ActionRun,
  ports: ActionPorts,
  shard: string,
  collected: Collected,
  baseline: Baseline | undefined,
  report: RunReport,
): Promise<void> {
  const { settings: s, workDir } = run;
  const { out } = ports;
  const dir = path.join(workDir, 'shard');
  await mkdir(dir, { recursive: true });
  const headBench = await copyUnder(collected.dir, collected.benchFiles, dir, 'head');
  const headProfiles = await copyUnder(collected.dir, collected.profiles, dir, 'head');
  const base = baseline?.files
    ? await copyUnder(baseline.files.dir, baseline.files.benchFiles, dir, 'base')
    : undefined;
  const manifest: ShardManifest = {
    schema: 1,
    tool: 'perfgate',
    key: s.baselineKey,
    shard,
    head: { benchFiles: headBench, profiles: headProfiles },
    base: base && { benchFiles: base, profiles: [] },
    baseline: base && baseline?.info,
  };
  await writeFile(path.join(dir, SHARD_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const name = artifactName('shard', s.baselineKey, shard);
  // Without this artifact the merge names the leg as missing: a failed upload fails the leg.
  try {
    await ports.artifacts.upload(
      name,
      dir,
      [SHARD_MANIFEST, ...headBench, ...headProfiles, ...(base ?? [])],
      s.retentionDays ?? LEG_RETENTION_DAYS,
    );
    out.info(`Uploaded shard ${shard}'s results as ${name} for the merge job`);
  } catch (err) {
    out.setFailed(
      `perfgate: shard ${shard}: its results could not be uploaded for the merge job (${(err as Error).message})`,
    );
  }
  out.setOutput('comment-url', '');
  if (s.summary) await out.summary(renderSummary(report));
  if (report.failures.length > 0)
    out.setFailed(`perfgate: shard ${shard}: the benchmark run has failures`);
}
