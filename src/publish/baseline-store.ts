/**
 * Baselines as workflow artifacts: saved by runs on the default branch with a manifest, found for
 * a pull request by its base branch (never a fork's branch of the same name), and checked.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactInfo } from './artifacts.js';
import { SHARD_NAME } from '../model/shard.js';
import { safeName } from './zip.js';

/** The manifest stored with every baseline. */
export interface BaselineManifest {
  schema: 1;
  tool: 'perfgate';
  version: string;
  key: string;
  commit: string;
  branch: string | undefined;
  createdAt: string;
  /** The run that saved it (0: unknown). */
  runId: number;
  runner: { os: string; arch: string; node: string; go: string | undefined };
  /** The inputs that shape the data: a baseline is only comparable with the same ones. */
  inputs: Record<string, string>;
  /** Files inside the baseline folder: a plain name, or `bench/` or `profiles/` and a name. */
  benchFiles: string[];
  profiles: string[];
  /**
   * A merged job matrix's baseline: each leg's files, relative to `shards/<name>/` (the
   * top-level lists are then empty). A leg takes its own part.
   */
  shards?: ShardEntry[];
}

/** One leg's part of a merged baseline. */
export interface ShardEntry {
  name: string;
  benchFiles: string[];
  profiles: string[];
}

/** The folder of a leg's part inside a merged baseline. */
export function shardDir(name: string): string {
  return `shards/${name}`;
}

/** The most legs a merged baseline holds (GitHub runs at most 256 jobs per matrix). */
const MAX_SHARDS = 256;

export const MANIFEST = 'perfgate-manifest.json';
export const SCHEMA = 1;

/**
 * The baseline for a pull request: artifacts of that name, not expired, measured on the PR's base
 * branch of this very repository; the one at the base commit if there is one, else the newest.
 */
export function pickBaseline(
  artifacts: ArtifactInfo[],
  baseBranch: string,
  baseSha: string,
  repositoryId: number | undefined,
): ArtifactInfo | undefined {
  const candidates = artifacts.filter(
    (a) =>
      !a.expired &&
      a.workflowRun.headBranch === baseBranch &&
      repositoryId !== undefined &&
      a.workflowRun.headRepositoryId === repositoryId,
  );
  const exact = candidates.filter((a) => a.workflowRun.headSha === baseSha);
  const pool = exact.length > 0 ? exact : candidates;
  return [...pool].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id,
  )[0];
}

/** Writes a manifest into a baseline folder. */
export async function writeManifest(dir: string, m: BaselineManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(m, null, 2)}\n`);
}

/**
 * Reads a downloaded baseline's manifest, or says why it cannot be used (missing, corrupt, from a
 * different schema).
 */
export async function readManifest(dir: string): Promise<BaselineManifest | string> {
  let text: string;
  try {
    const info = await stat(path.join(dir, MANIFEST));
    if (!info.isFile()) return `the baseline's ${MANIFEST} is not a file`;
    if (info.size > MAX_MANIFEST_BYTES)
      return `the baseline's ${MANIFEST} is ${info.size} bytes, more than a manifest holds (${MAX_MANIFEST_BYTES})`;
    text = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    const found = await readdir(dir).catch(() => []);
    const some = found.slice(0, 10).map((f) => JSON.stringify(f.slice(0, 80)));
    return `the baseline has no ${MANIFEST} (found: ${some.join(', ') || 'nothing'}${found.length > 10 ? ', …' : ''})`;
  }
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch (err) {
    return `the baseline's ${MANIFEST} is not valid JSON (${(err as Error).message})`;
  }
  return checkManifest(m);
}

/** The largest manifest read, and the most files it may list. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_FILES = 1000;

/** Whether a manifest entry names a file inside the baseline folder (never a path out of it). */
export function isEntryName(name: unknown): name is string {
  if (typeof name !== 'string' || !safeName(name)) return false;
  const parts = name.split('/');
  return parts.length === 1 || parts[0] === 'bench' || parts[0] === 'profiles';
}

/** Checks a parsed manifest field by field; a string says what is wrong. */
export function checkManifest(m: unknown): BaselineManifest | string {
  if (typeof m !== 'object' || m === null || Array.isArray(m))
    return `the baseline's manifest is not an object (${m === null ? 'null' : typeof m})`;
  const o = m as Record<string, unknown>;
  if (o.tool !== 'perfgate' || o.schema !== SCHEMA) {
    return `the baseline's manifest has schema ${JSON.stringify(o.schema)?.slice(0, 20)}, this perfgate reads schema ${SCHEMA}`;
  }
  const text = (x: unknown, max = 200) => typeof x === 'string' && x.length <= max;
  const optText = (x: unknown) => x === undefined || x === null || text(x);
  const files = (x: unknown) => Array.isArray(x) && x.length <= MAX_FILES && x.every(isEntryName);
  const bad: string[] = [];
  if (!text(o.commit)) bad.push('commit');
  if (!optText(o.branch)) bad.push('branch');
  if (!optText(o.createdAt) || (o.createdAt && !Number.isFinite(Date.parse(o.createdAt as string))))
    bad.push('createdAt');
  if (o.runId !== undefined && !(Number.isSafeInteger(o.runId) && (o.runId as number) >= 0))
    bad.push('runId');
  if (!files(o.benchFiles)) bad.push('benchFiles');
  if (!files(o.profiles)) bad.push('profiles');
  const shards = o.shards === undefined || o.shards === null ? undefined : o.shards;
  const shardEntry = (x: unknown) => {
    const e = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
    return (
      typeof e.name === 'string' &&
      SHARD_NAME.test(e.name) &&
      files(e.benchFiles) &&
      files(e.profiles)
    );
  };
  if (
    shards !== undefined &&
    !(Array.isArray(shards) && shards.length <= MAX_SHARDS && shards.every(shardEntry))
  )
    bad.push('shards');
  if (bad.length > 0) return `the baseline's manifest has unusable ${bad.join(', ')}`;
  return {
    schema: SCHEMA,
    tool: 'perfgate',
    version: text(o.version) ? (o.version as string) : '',
    key: text(o.key) ? (o.key as string) : '',
    commit: o.commit as string,
    branch: (o.branch as string | null | undefined) ?? undefined,
    createdAt: (o.createdAt as string | null | undefined) ?? '',
    runId: (o.runId as number | undefined) ?? 0,
    runner: { os: '', arch: '', node: '', go: undefined },
    inputs: {},
    benchFiles: o.benchFiles as string[],
    profiles: o.profiles as string[],
    ...(shards
      ? {
          shards: (shards as ShardEntry[]).map((e) => ({
            name: e.name,
            benchFiles: e.benchFiles,
            profiles: e.profiles,
          })),
        }
      : {}),
  };
}
