/**
 * The action's baselines: found and read (a stored artifact, a folder or file named by
 * `baseline:`, or the base side of a rerun), and saved from a complete run. A stored baseline
 * whose data cannot be used (manifest missing or wrong, files unreadable) is a warning and "no
 * usable baseline"; one that GitHub would not list or hand over (after the REST client's
 * retries) is an error, never a silent pass without a comparison.
 */
import { readBenchFile, readBenchSide } from '../collect/bench-files.js';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { BenchFile } from '../model/bench.js';
import { artifactName } from '../publish/artifacts.js';
import { GitHubCallFailed } from '../publish/github-api.js';
import {
  type BaselineManifest,
  pickBaseline,
  readManifest,
  writeManifest,
} from '../publish/baseline-store.js';
import { fileBaseline } from '../report/build-run-report.js';
import type { BaselineInfo } from '../report/run-report.js';
import { VERSION } from '../version.js';
import type { Collected } from './collect-run.js';
import type { ActionPorts, ActionRun } from './ports.js';

/** A baseline as the gate needs it. */
export interface Baseline {
  bench: BenchFile | undefined;
  info: BaselineInfo;
  /** The baseline's profiles, when it has any. */
  profiles?: { dir: string; files: string[] };
}

/** A GitHub call that failed while fetching a baseline that exists, said as such. */
function unreadable(err: unknown): unknown {
  if (!(err instanceof GitHubCallFailed)) return err;
  return new GitHubCallFailed(
    `the stored baseline could not be read: ${err.message}`,
    err.call,
    err.status,
    err.rateLimited,
  );
}

/**
 * Finds, downloads and reads the stored baseline. Unusable data is a warning and no baseline;
 * GitHub failing to list or hand it over is an error (GitHubCallFailed).
 */
export async function loadArtifactBaseline(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
  warnings: string[],
): Promise<Baseline | undefined> {
  const pr = ctx.pullRequest;
  if (!pr) return undefined;
  const name = artifactName('baseline', s.baselineKey);
  const found = await artifacts.list(name).then(
    (list) => pickBaseline(list, pr.baseRef, pr.baseSha, ctx.repositoryId),
    (err: unknown) => {
      throw unreadable(err);
    },
  );
  if (!found) return undefined;
  out.info(
    `Baseline: artifact ${found.name} (id ${found.id}) from ${found.workflowRun.headBranch}@${found.workflowRun.headSha?.slice(0, 12)}`,
  );
  const dir = path.join(workDir, 'baseline');
  await artifacts.download({ id: found.id, runId: found.workflowRun.id }, dir).catch((err) => {
    throw unreadable(err);
  });
  const unusable = (why: string) => {
    const msg = `no usable baseline: ${why}; reporting head alone`;
    warnings.push(msg);
    out.warning(`perfgate: ${msg}`);
    return undefined;
  };
  const manifest = await readManifest(dir);
  if (typeof manifest === 'string') return unusable(manifest);
  let bench: BenchFile | undefined;
  try {
    bench = await readBenchSide(dir, manifest.benchFiles, 'base');
  } catch (err) {
    return unusable(`the stored baseline's files cannot be read (${(err as Error).message})`);
  }
  return {
    bench,
    profiles: { dir, files: manifest.profiles },
    info: {
      source: 'artifact',
      commit: manifest.commit,
      branch: manifest.branch,
      createdAt: manifest.createdAt,
      runUrl:
        manifest.runId > 0
          ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${manifest.runId}`
          : undefined,
    },
  };
}

/** A baseline folder (with a manifest) or a benchmark output file named by `baseline:`. */
export async function loadPathBaseline(p: string): Promise<Baseline> {
  const manifest = await readManifest(p);
  if (typeof manifest !== 'string') {
    return {
      bench: await readBenchSide(p, manifest.benchFiles, 'base'),
      profiles: { dir: p, files: manifest.profiles },
      info: {
        source: 'path',
        commit: manifest.commit,
        branch: manifest.branch,
        createdAt: manifest.createdAt,
        runUrl: undefined,
      },
    };
  }
  try {
    return { bench: await readBenchFile(p), info: fileBaseline() };
  } catch (err) {
    if (err instanceof UserError && /: no such file$/.test(err.message))
      throw new UserError(
        `input 'baseline': ${JSON.stringify(p)} is neither a baseline folder nor a benchmark output file`,
      );
    throw err;
  }
}

/** The Go toolchain's version, when Go benchmarks ran. */
async function goVersion({ settings: s }: ActionRun, { runner }: ActionPorts) {
  if (s.goPackages.length === 0) return undefined;
  const r = await runner
    .run('go', ['env', 'GOVERSION'], { cwd: path.resolve(s.workingDirectory) })
    .catch(() => undefined);
  return r && r.code === 0 ? r.output.trim() : undefined;
}

/** Writes the manifest into the collected folder and uploads it as this key's baseline. */
export async function saveBaseline(
  run: ActionRun,
  ports: ActionPorts,
  c: Collected,
): Promise<void> {
  const { settings: s, ctx } = run;
  const manifest: BaselineManifest = {
    schema: 1,
    tool: 'perfgate',
    version: VERSION,
    key: s.baselineKey,
    commit: ctx.sha,
    branch: ctx.branch,
    createdAt: new Date().toISOString(),
    runId: ctx.runId,
    runner: {
      os: process.platform,
      arch: process.arch,
      node: process.version,
      go: await goVersion(run, ports),
    },
    inputs: {
      'go-packages': s.goPackages.join(','),
      'go-bench': s.goBench,
      count: String(s.count),
      benchtime: s.benchtime ?? '',
      'js-bench': s.jsBench ?? '',
    },
    benchFiles: c.benchFiles,
    profiles: c.profiles,
  };
  await writeManifest(c.dir, manifest);
  const name = artifactName('baseline', s.baselineKey);
  ports.out.info(`Saving baseline artifact ${name}`);
  try {
    await ports.artifacts.upload(
      name,
      c.dir,
      ['perfgate-manifest.json', ...c.benchFiles, ...c.profiles],
      s.retentionDays,
    );
  } catch (err) {
    ports.out.warning(`perfgate: the baseline could not be saved: ${(err as Error).message}`);
  }
}
