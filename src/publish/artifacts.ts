/**
 * Workflow artifacts, behind one port: the names perfgate gives them (one function from the key)
 * and uploading, listing and downloading them. The real implementation uploads with
 * @actions/artifact (this run's artifact service) and lists and downloads artifacts of other runs
 * (the base branch's baseline, a fork run's report) over the REST API itself, so that both retry
 * as the REST client does and a download is read as untrusted data: bounded, names checked.
 * Tests use an in-memory one.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GitHubCallFailed,
  type RetryPolicy,
  callFailed,
  defaultRetryPolicy,
  restClient,
} from './github-api.js';
import { type ZipLimits, readZip } from './zip.js';

/**
 * What an artifact holds: a baseline folder, a fork run's report, the HTML report, or one leg's
 * results for the merge of a job matrix.
 */
export type ArtifactKind = 'baseline' | 'report' | 'html' | 'shard';

/**
 * Artifact names reject `" : < > | * ? \r \n \ /`; keys often hold branch-like slashes. A leg of
 * a job matrix adds its shard after `--` (`perfgate-shard-<key>--<shard>`, and its HTML report
 * `perfgate-html-<key>--<shard>`); `shard` without a shard is the prefix of every leg's.
 */
export function artifactName(kind: ArtifactKind, key: string, shard?: string): string {
  const name = `perfgate-${kind}-${key.replace(/["':<>|*?\r\n\\/]/g, '-')}`;
  return kind === 'shard' || shard !== undefined ? `${name}--${shard ?? ''}` : name;
}

/** A workflow artifact as the REST API lists it. */
export interface ArtifactInfo {
  id: number;
  name: string;
  expired: boolean;
  createdAt: string;
  workflowRun: {
    id: number;
    repositoryId: number | undefined;
    headRepositoryId: number | undefined;
    headBranch: string | undefined;
    headSha: string | undefined;
  };
}

/** Enough to download an artifact of any run of the repository. */
export interface ArtifactRef {
  id: number;
  runId: number;
}

/** Uploads, lists and downloads artifacts. */
export interface Artifacts {
  /** Uploads `files` (relative to `dir`) as an artifact of this run; its id when the service says. */
  upload(
    name: string,
    dir: string,
    files: string[],
    retentionDays: number | undefined,
  ): Promise<number | undefined>;
  /** Every artifact of the repository with this exact name (all pages). */
  list(name: string): Promise<ArtifactInfo[]>;
  /** The artifact of this name that one workflow run uploaded, if there is one. */
  findInRun(name: string, runId: number): Promise<ArtifactRef | undefined>;
  /** Every unexpired artifact one workflow run uploaded (all pages). */
  listRun(runId: number): Promise<ArtifactInfo[]>;
  /** Downloads an artifact into `dir` (created when missing). */
  download(artifact: ArtifactRef, dir: string): Promise<void>;
}

/** Where the real artifacts live. */
export interface ArtifactsTarget {
  token: string;
  owner: string;
  repo: string;
  /** The REST API's base URL. */
  apiUrl: string;
  /** Retries of REST calls and downloads (tests shrink the waits). */
  policy?: RetryPolicy;
}

/** What a downloaded artifact may hold: baselines with profiles stay well below this. */
export const ARTIFACT_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

/** A download's zip is read whole; this bounds it before any byte is kept. */
const MAX_ZIP_BYTES = ARTIFACT_LIMITS.maxTotalBytes;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a response body up to `max` bytes; more is an error, not a truncation. */
async function readBounded(res: Response, max: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) throw new Error(`the archive is ${declared} bytes, over ${max}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > max) throw new Error(`the archive is over ${max} bytes`);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

type RestArtifact = {
  id: number;
  name: string;
  expired: boolean;
  created_at?: string | null;
  workflow_run?: {
    id?: number;
    repository_id?: number;
    head_repository_id?: number;
    head_branch?: string;
    head_sha?: string;
  } | null;
};

const artifactInfo = (a: RestArtifact): ArtifactInfo => ({
  id: a.id,
  name: a.name,
  expired: a.expired,
  createdAt: a.created_at ?? '',
  workflowRun: {
    id: a.workflow_run?.id ?? 0,
    repositoryId: a.workflow_run?.repository_id ?? undefined,
    headRepositoryId: a.workflow_run?.head_repository_id ?? undefined,
    headBranch: a.workflow_run?.head_branch ?? undefined,
    headSha: a.workflow_run?.head_sha ?? undefined,
  },
});

/** Artifacts over @actions/artifact (upload) and the REST API (listing, download). */
export function githubArtifacts({
  token,
  owner,
  repo,
  apiUrl,
  policy = defaultRetryPolicy,
}: ArtifactsTarget): Artifacts {
  const octokit = restClient(token, apiUrl, policy);
  const repoPath = `/repos/${owner}/${repo}`;
  const call = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw callFailed(err, what);
    }
  };

  /** One try at the blob: fetched, bounded, unzipped and written into dir. */
  async function fetchInto(location: string, dir: string): Promise<void> {
    const res = await fetch(location, { redirect: 'error' });
    if (!res.ok) {
      await res.body?.cancel();
      throw Object.assign(new Error(`blob storage answered HTTP ${res.status}`), {
        status: res.status,
      });
    }
    const files = readZip(await readBounded(res, MAX_ZIP_BYTES), ARTIFACT_LIMITS);
    for (const [name, bytes] of files) {
      const file = path.join(dir, ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
  }

  return {
    async upload(name, dir, files, retentionDays) {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const { id } = await new DefaultArtifactClient().uploadArtifact(
        name,
        files.map((f) => path.join(dir, f)),
        dir,
        retentionDays ? { retentionDays } : {},
      );
      return id;
    },
    list: (name) =>
      call(`GET ${repoPath}/actions/artifacts`, async () => {
        const all = await octokit.paginate(octokit.rest.actions.listArtifactsForRepo, {
          owner,
          repo,
          name,
          per_page: 100,
        });
        return all.filter((a) => a.name === name).map(artifactInfo);
      }),
    async findInRun(name, runId) {
      const what = `GET ${repoPath}/actions/runs/${runId}/artifacts`;
      const found = await call(what, async () => {
        const r = await octokit.rest.actions.listWorkflowRunArtifacts({
          owner,
          repo,
          run_id: runId,
          name,
          per_page: 100,
        });
        return r.data.artifacts.filter((a) => a.name === name && !a.expired);
      });
      const newest = found.sort((a, b) => b.id - a.id)[0];
      if (!newest) return undefined;
      return { id: newest.id, runId };
    },
    listRun: (runId) =>
      call(`GET ${repoPath}/actions/runs/${runId}/artifacts`, async () => {
        const all = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
          owner,
          repo,
          run_id: runId,
          per_page: 100,
        });
        return all.filter((a) => !a.expired).map(artifactInfo);
      }),
    async download(artifact, dir) {
      const what = `GET ${repoPath}/actions/artifacts/${artifact.id}/zip`;
      await mkdir(dir, { recursive: true });
      let last: unknown;
      for (let attempt = 0; attempt <= policy.retries; attempt++) {
        if (attempt > 0) await sleep(policy.secondMs * attempt ** 2);
        // A fresh signed URL each time: they are short-lived.
        const r = await call(what, () =>
          octokit.rest.actions.downloadArtifact({
            owner,
            repo,
            artifact_id: artifact.id,
            archive_format: 'zip',
            request: { redirect: 'manual' },
          }),
        );
        const location = (r.headers as Record<string, string | undefined>).location;
        if ((r.status as number) !== 302 || !location)
          throw new GitHubCallFailed(
            `${what} answered HTTP ${r.status} without a download link`,
            what,
            r.status,
            false,
          );
        try {
          await fetchInto(location, dir);
          return;
        } catch (err) {
          last = err;
        }
      }
      const status = (last as { status?: number }).status;
      throw new GitHubCallFailed(
        `downloading artifact ${artifact.id} failed after ${policy.retries + 1} attempts: ${(last as Error).message}`,
        `GET artifact ${artifact.id} archive`,
        status,
        false,
      );
    },
  };
}
