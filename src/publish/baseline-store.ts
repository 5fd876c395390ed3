/**
 * Baselines as workflow artifacts: saved by runs on the default branch with a manifest, found for
 * a pull request by its base branch (never a fork's branch of the same name), and checked.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactInfo } from './artifacts.js';

/** The manifest stored with every baseline. */
export interface BaselineManifest {
  schema: 1;
  tool: 'perfgate';
  version: string;
  key: string;
  commit: string;
  branch: string | undefined;
  createdAt: string;
  runId: number;
  runner: { os: string; arch: string; node: string; go: string | undefined };
  /** The inputs that shape the data: a baseline is only comparable with the same ones. */
  inputs: Record<string, string>;
  /** Paths inside the baseline folder. */
  benchFiles: string[];
  profiles: string[];
}

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
    text = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    const found = await readdir(dir).catch(() => []);
    return `the baseline has no ${MANIFEST} (found: ${found.join(', ') || 'nothing'})`;
  }
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch (err) {
    return `the baseline's ${MANIFEST} is not valid JSON (${(err as Error).message})`;
  }
  const o = m as Partial<BaselineManifest>;
  if (o.tool !== 'perfgate' || o.schema !== SCHEMA) {
    return `the baseline's manifest has schema ${JSON.stringify(o.schema)}, this perfgate reads schema ${SCHEMA}`;
  }
  if (!Array.isArray(o.benchFiles) || !Array.isArray(o.profiles) || typeof o.commit !== 'string') {
    return `the baseline's manifest is incomplete`;
  }
  return o as BaselineManifest;
}
