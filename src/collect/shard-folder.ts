/**
 * One leg's results as a folder: what the action uploads as the leg's artifact and what
 * `perfgate merge` reads. `perfgate-shard.json` names the shard, its head files (under `head/`),
 * the base it compared against (under `base/`) and where that base came from. The folder is read
 * as untrusted data: the manifest is checked field by field and every file it names must be a
 * plain relative path inside the folder.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { BenchFile } from '../model/bench.js';
import { SHARD_NAME } from '../model/shard.js';
import { readBenchSide } from './bench-files.js';

/** The manifest of a leg's folder. */
export interface ShardManifest {
  schema: 1;
  tool: 'perfgate';
  /** The baseline key of the run (the merge takes only its own key's legs). */
  key: string;
  shard: string;
  /** Head's benchmark output files and profiles, relative to the folder. */
  head: { benchFiles: string[]; profiles: string[] };
  /** The base the leg compared against (its files, relative to the folder), when it had one. */
  base: { benchFiles: string[]; profiles: string[] } | undefined;
  /** Where that base came from (as the run report says it). */
  baseline:
    | {
        source: 'artifact' | 'rerun' | 'path' | 'files';
        commit: string;
        branch: string | undefined;
        createdAt: string | undefined;
        runUrl: string | undefined;
      }
    | undefined;
}

/** The manifest's file name inside a leg's folder. */
export const SHARD_MANIFEST = 'perfgate-shard.json';

const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_FILES = 1000;

/** A leg's folder, read. */
export interface ShardFolder {
  manifest: ShardManifest;
  head: BenchFile | undefined;
  base: BenchFile | undefined;
}

const isText = (x: unknown, max = 500): x is string => typeof x === 'string' && x.length <= max;

/** A plain relative path inside the folder: no `..`, no absolute path, no backslash. */
function isInside(x: unknown): x is string {
  if (!isText(x, 255) || x === '') return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(x) || x.startsWith('/')) return false;
  const parts = x.split('/');
  return parts.length <= 6 && parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

function files(x: unknown): string[] | undefined {
  return Array.isArray(x) && x.length <= MAX_FILES && x.every(isInside) ? x : undefined;
}

function side(x: unknown): { benchFiles: string[]; profiles: string[] } | undefined {
  const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
  const benchFiles = files(o.benchFiles);
  const profiles = files(o.profiles ?? []);
  return benchFiles && profiles ? { benchFiles, profiles } : undefined;
}

/** Checks a parsed manifest; a string says which fields are wrong. */
export function checkShardManifest(m: unknown): ShardManifest | string {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return 'it is not an object';
  const o = m as Record<string, unknown>;
  if (o.tool !== 'perfgate' || o.schema !== 1)
    return `it has schema ${JSON.stringify(o.schema)?.slice(0, 20)}, this perfgate reads schema 1`;
  const bad: string[] = [];
  if (!isText(o.key)) bad.push('key');
  if (!isText(o.shard) || !SHARD_NAME.test(o.shard)) bad.push('shard');
  const head = side(o.head);
  if (!head) bad.push('head');
  const base = o.base === undefined || o.base === null ? undefined : side(o.base);
  if (o.base !== undefined && o.base !== null && !base) bad.push('base');
  const b = (typeof o.baseline === 'object' && o.baseline !== null ? o.baseline : undefined) as
    Record<string, unknown> | undefined;
  const opt = (x: unknown, max = 500) => (isText(x, max) ? x : undefined);
  if (
    b &&
    (!['artifact', 'rerun', 'path', 'files'].includes(b.source as string) || !isText(b.commit))
  )
    bad.push('baseline');
  if (bad.length > 0) return `its ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} unusable`;
  return {
    schema: 1,
    tool: 'perfgate',
    key: o.key as string,
    shard: o.shard as string,
    head: head!,
    base,
    baseline: b && {
      source: b.source as 'artifact' | 'rerun' | 'path' | 'files',
      commit: b.commit as string,
      branch: opt(b.branch),
      createdAt: opt(b.createdAt),
      runUrl: opt(b.runUrl, 2000),
    },
  };
}

/** Reads a leg's folder; a folder that is not one is a UserError naming it and the cause. */
export async function readShardFolder(dir: string): Promise<ShardFolder> {
  const where = path.join(dir, SHARD_MANIFEST);
  const info = await stat(where).catch(() => undefined);
  if (!info?.isFile())
    throw new UserError(`${dir}: not a shard's results (no ${SHARD_MANIFEST} in it)`);
  if (info.size > MAX_MANIFEST_BYTES)
    throw new UserError(`${where}: ${info.size} bytes, more than a shard manifest holds`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(where, 'utf8'));
  } catch {
    throw new UserError(`${where}: not JSON`);
  }
  const manifest = checkShardManifest(json);
  if (typeof manifest === 'string') throw new UserError(`${where}: ${manifest}`);
  return {
    manifest,
    head: await readBenchSide(dir, manifest.head.benchFiles, 'head'),
    base: manifest.base ? await readBenchSide(dir, manifest.base.benchFiles, 'base') : undefined,
  };
}
