/**
 * The action's baselines: found and read (a stored artifact, a folder or file named by
 * `baseline:`, or the base side of a rerun), and saved from a complete run. A stored baseline
 * that cannot be used is a warning and the no-baseline path, never a crash.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { BenchFile } from '../model/bench.js';
import { mergeBenchFiles, parseBenchOutput } from '../parse/benchfmt/load.js';
import { parseBenchText } from '../parse/benchfmt/index.js';
import { artifactName } from '../publish/artifacts.js';
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

/** Reads and merges benchmark output files (an empty file is a run without results). */
export async function parseFiles(
  dir: string,
  files: string[],
  label: string,
): Promise<BenchFile | undefined> {
  if (files.length === 0) return undefined;
  const parsed: BenchFile[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, f), 'utf8');
    parsed.push(text.trim() === '' ? parseBenchText('', f) : parseBenchOutput(text, f));
  }
  return mergeBenchFiles(label, parsed);
}

/** Finds, downloads and reads the stored baseline; problems become warnings, never crashes. */
export async function loadArtifactBaseline(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
  warnings: string[],
): Promise<Baseline | undefined> {
  const pr = ctx.pullRequest;
  if (!pr) return undefined;
  const name = artifactName('baseline', s.baselineKey);
  let found;
  try {
    found = pickBaseline(await artifacts.list(name), pr.baseRef, pr.baseSha, ctx.repositoryId);
  } catch (err) {
    warnings.push(
      `could not list baseline artifacts (${(err as Error).message}); does the token have actions: read?`,
    );
    return undefined;
  }
  if (!found) return undefined;
  out.info(
    `Baseline: artifact ${found.name} (id ${found.id}) from ${found.workflowRun.headBranch}@${found.workflowRun.headSha?.slice(0, 12)}`,
  );
  const dir = path.join(workDir, 'baseline');
  try {
    await artifacts.download({ id: found.id, runId: found.workflowRun.id }, dir);
  } catch (err) {
    warnings.push(
      `the baseline artifact ${found.id} could not be downloaded (${(err as Error).message})`,
    );
    return undefined;
  }
  const manifest = await readManifest(dir);
  if (typeof manifest === 'string') {
    warnings.push(`the stored baseline cannot be used: ${manifest}; reporting head alone`);
    return undefined;
  }
  let bench: BenchFile | undefined;
  try {
    bench = await parseFiles(dir, manifest.benchFiles, 'base');
  } catch (err) {
    warnings.push(
      `the stored baseline cannot be used: ${(err as Error).message}; reporting head alone`,
    );
    return undefined;
  }
  return {
    bench,
    profiles: { dir, files: manifest.profiles },
    info: {
      source: 'artifact',
      commit: manifest.commit,
      branch: manifest.branch,
      createdAt: manifest.createdAt,
      runUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${manifest.runId}`,
    },
  };
}

/** A baseline folder (with a manifest) or a benchmark output file named by `baseline:`. */
export async function loadPathBaseline(p: string): Promise<Baseline> {
  const manifest = await readManifest(p);
  if (typeof manifest !== 'string') {
    return {
      bench: await parseFiles(p, manifest.benchFiles, 'base'),
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
  let text: string;
  try {
    text = await readFile(p, 'utf8');
  } catch {
    throw new UserError(
      `input 'baseline': ${JSON.stringify(p)} is neither a baseline folder nor a benchmark output file`,
    );
  }
  return { bench: parseBenchOutput(text, p), info: fileBaseline() };
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
