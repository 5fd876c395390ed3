/**
 * The action's baselines: found and read (a stored artifact, a folder or file named by
 * `baseline:`, or the base side of a rerun), and saved from a complete run. A stored baseline
 * whose data cannot be used (manifest missing or wrong, files unreadable) is a warning and "no
 * usable baseline"; one that GitHub would not list or hand over (after the REST client's
 * retries) is an error, never a silent pass without a comparison.
 */
import { readBenchFile, readBenchSide } from '../collect/bench-files.js';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { BenchFile } from '../model/bench.js';
import { artifactName } from '../publish/artifacts.js';
import { GitHubCallFailed } from '../publish/github-api.js';
import {
  type BaselineManifest,
  MANIFEST,
  pickBaseline,
  readManifest,
  shardDir,
  writeManifest,
} from '../publish/baseline-store.js';
import { fileBaseline } from '../report/build-run-report.js';
import {
  type BaselineHistory,
  HISTORY_FILE,
  extendHistory,
  historyPoint,
} from '../report/history.js';
import { readHistoryFile, writeHistoryFile } from './history-file.js';
import type { BaselineInfo } from '../report/run-report.js';
import { VERSION } from '../version.js';
import { type Collected, benchFileLabel } from './collect-run.js';
import type { ActionPorts, ActionRun } from './ports.js';

/** How a stored baseline's bench file is named to the user (`the baseline's go test output`). */
const storedLabel = (f: string) => `the baseline's ${benchFileLabel(f)}`;

/** A baseline as the gate needs it. */
export interface Baseline {
  bench: BenchFile | undefined;
  info: BaselineInfo;
  /** The baseline's profiles, when it has any. */
  profiles?: { dir: string; files: string[] };
  /** The baseline's benchmark output files (relative to dir), for a leg to pass on to the merge. */
  files?: { dir: string; benchFiles: string[] };
  /** Its branch's past baselines, when the artifact carried a usable history. */
  history?: BaselineHistory;
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
  const part = baselinePart(manifest, dir, s.shard);
  if (typeof part === 'string') {
    out.info(`perfgate: ${part}; reporting head alone`);
    return undefined;
  }
  let bench: BenchFile | undefined;
  try {
    bench = await readBenchSide(part.dir, part.benchFiles, 'base', storedLabel);
  } catch (err) {
    return unusable(`the stored baseline's files cannot be read (${(err as Error).message})`);
  }
  const history = await readHistoryFile(dir);
  if (typeof history === 'string') {
    const msg = `the stored baseline's history of past commits is ignored: ${history}`;
    warnings.push(msg);
    out.warning(`perfgate: ${msg}`);
  }
  return {
    ...(typeof history === 'object' ? { history } : {}),
    bench,
    profiles: { dir: part.dir, files: part.profiles },
    files: { dir: part.dir, benchFiles: part.benchFiles },
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

/**
 * The files of a stored baseline this run compares against: a leg of a job matrix takes its own
 * shard's part of a merged baseline; a run without a shard takes every part (benchmarks split by
 * name or package, measured on the legs, are the same benchmarks a single job measures). A
 * string says why there is nothing for this leg.
 */
function baselinePart(
  m: BaselineManifest,
  dir: string,
  shard: string | undefined,
): { dir: string; benchFiles: string[]; profiles: string[] } | string {
  if (!m.shards) return { dir, benchFiles: m.benchFiles, profiles: m.profiles };
  if (shard === undefined) {
    const all = (key: 'benchFiles' | 'profiles') =>
      m.shards!.flatMap((p) => p[key].map((f) => `${shardDir(p.name)}/${f}`));
    return { dir, benchFiles: all('benchFiles'), profiles: all('profiles') };
  }
  const part = m.shards.find((p) => p.name === shard);
  if (!part) {
    const names = m.shards.map((p) => p.name).join(', ') || 'none';
    return `the stored baseline has no shard ${shard} (its shards: ${names})`;
  }
  return { dir: path.join(dir, shardDir(shard)), ...part };
}

/** A baseline folder (with a manifest) or a benchmark output file named by `baseline:`. */
export async function loadPathBaseline(p: string, shard?: string): Promise<Baseline> {
  const manifest = await readManifest(p);
  if (typeof manifest !== 'string') {
    const part = baselinePart(manifest, p, shard);
    if (typeof part === 'string') throw new UserError(`input 'baseline': ${part}`);
    return {
      bench: await readBenchSide(part.dir, part.benchFiles, 'base', storedLabel),
      profiles: { dir: part.dir, files: part.profiles },
      files: { dir: part.dir, benchFiles: part.benchFiles },
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
    return {
      bench: await readBenchFile(p),
      info: fileBaseline(),
      files: { dir: path.dirname(p), benchFiles: [path.basename(p)] },
    };
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

/**
 * Writes the manifest into the collected folder and uploads it as this key's baseline; with
 * benchmark results, the branch's history goes with it, carried forward from the previous
 * baseline with this commit added. Returns the commit it was measured at.
 */
export async function saveBaseline(
  run: ActionRun,
  ports: ActionPorts,
  c: Collected,
  head?: BenchFile,
): Promise<string> {
  const manifest = await baselineManifest(run, ports, c.benchFiles, c.profiles);
  const files = [...c.benchFiles, ...c.profiles];
  if (head) files.push(...(await withHistory(run, ports, c.dir, head, manifest.createdAt)));
  await uploadBaseline(run, ports, c.dir, manifest, files);
  return manifest.commit;
}

/**
 * Writes the branch's history into a baseline folder: the previous baseline's, with this commit
 * added. Returns the file it wrote (none without benchmark results).
 */
async function withHistory(
  run: ActionRun,
  ports: ActionPorts,
  dir: string,
  head: BenchFile,
  createdAt: string,
): Promise<string[]> {
  if (head.results.length === 0) return [];
  const point = historyPoint(head, run.ctx.sha, createdAt, run.settings.gate.confidence);
  const history = extendHistory(await previousHistory(run, ports), point);
  await writeHistoryFile(dir, history);
  ports.out.info(`History of past baselines: ${history.points.length} commits`);
  return [HISTORY_FILE];
}

/**
 * The history the branch's previous baseline carried. One that is missing starts a new history;
 * one that cannot be read or used is a warning (and a new history), never a failed step.
 */
async function previousHistory(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
): Promise<BaselineHistory | undefined> {
  if (!ctx.branch) return undefined;
  const fresh = (why: string) => {
    out.warning(
      `perfgate: the previous baseline's history is ignored: ${why}; a new history starts here`,
    );
    return undefined;
  };
  try {
    const list = await artifacts.list(artifactName('baseline', s.baselineKey));
    const found = pickBaseline(list, ctx.branch, '', ctx.repositoryId);
    if (!found) return undefined;
    const dir = path.join(workDir, 'previous-baseline');
    await artifacts.download({ id: found.id, runId: found.workflowRun.id }, dir);
    const history = await readHistoryFile(dir);
    return typeof history === 'string' ? fresh(history) : history;
  } catch (err) {
    return fresh(`it could not be read (${(err as Error).message})`);
  }
}

/**
 * Saves the merged baseline of a job matrix: every leg's head files under `shards/<name>/`,
 * listed per shard in one manifest, as one artifact of this key; with the merged head (each
 * result tagged with its shard), the branch's history goes with it.
 */
export async function saveMergedBaseline(
  run: ActionRun,
  ports: ActionPorts,
  legs: { name: string; dir: string; benchFiles: string[]; profiles: string[] }[],
  head?: BenchFile,
): Promise<string> {
  const dir = path.join(run.workDir, 'merged-baseline');
  const files: string[] = [];
  for (const leg of legs) {
    for (const f of [...leg.benchFiles, ...leg.profiles]) {
      const to = `${shardDir(leg.name)}/${f}`;
      await mkdir(path.dirname(path.join(dir, to)), { recursive: true });
      await copyFile(path.join(leg.dir, f), path.join(dir, to));
      files.push(to);
    }
  }
  const manifest: BaselineManifest = {
    ...(await baselineManifest(run, ports, [], [])),
    shards: legs.map(({ name, benchFiles, profiles }) => ({ name, benchFiles, profiles })),
  };
  // The history keys each benchmark by its shard too, as the merged gate does.
  if (head) {
    await mkdir(dir, { recursive: true });
    files.push(...(await withHistory(run, ports, dir, head, manifest.createdAt)));
  }
  await uploadBaseline(run, ports, dir, manifest, files);
  return manifest.commit;
}

async function baselineManifest(
  run: ActionRun,
  ports: ActionPorts,
  benchFiles: string[],
  profiles: string[],
): Promise<BaselineManifest> {
  const { settings: s, ctx } = run;
  return {
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
    benchFiles,
    profiles,
  };
}

async function uploadBaseline(
  { settings: s }: ActionRun,
  ports: ActionPorts,
  dir: string,
  manifest: BaselineManifest,
  files: string[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeManifest(dir, manifest);
  const name = artifactName('baseline', s.baselineKey);
  ports.out.info(`Saving baseline artifact ${name}`);
  try {
    await ports.artifacts.upload(name, dir, [MANIFEST, ...files], s.retentionDays);
  } catch (err) {
    ports.out.warning(`perfgate: the baseline could not be saved: ${(err as Error).message}`);
  }
}

/** What a merge reads from the stored baseline it compares against. */
export interface StoredMerged {
  /** The legs it holds; undefined when a single job saved it. */
  shards: string[] | undefined;
  /** Its branch's past baselines, when it carried a usable history. */
  history?: BaselineHistory;
  /** Why its history is ignored, when it carried one that cannot be used. */
  historyProblem?: string;
}

/**
 * The stored baseline this run compares against (the base branch's, or this branch's on a
 * push): the legs a merge expects when `shards` is not given, and the branch's history.
 * Undefined when there is no stored baseline.
 */
export async function storedMerged(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
): Promise<StoredMerged | undefined> {
  const branch = ctx.pullRequest?.baseRef ?? ctx.branch;
  if (!branch) return undefined;
  const list = await artifacts.list(artifactName('baseline', s.baselineKey)).catch((err) => {
    throw unreadable(err);
  });
  const found = pickBaseline(list, branch, ctx.pullRequest?.baseSha ?? '', ctx.repositoryId);
  if (!found) return undefined;
  const dir = path.join(workDir, 'stored-baseline');
  await artifacts.download({ id: found.id, runId: found.workflowRun.id }, dir).catch((err) => {
    throw unreadable(err);
  });
  const manifest = await readManifest(dir);
  let shards: string[] | undefined;
  if (typeof manifest === 'string') {
    out.warning(`perfgate: the stored baseline does not say which shards to expect: ${manifest}`);
  } else {
    shards = manifest.shards?.map((p) => p.name);
  }
  const history = await readHistoryFile(dir);
  return {
    shards,
    ...(typeof history === 'object' ? { history } : {}),
    ...(typeof history === 'string' ? { historyProblem: history } : {}),
  };
}
