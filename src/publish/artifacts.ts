/**
 * Workflow artifacts, behind one port: the names perfgate gives them (one function from the key)
 * and uploading, listing and downloading them. The real implementation lists over the REST API
 * (artifacts of other runs: the baseline of the base branch, a fork run's report) and transfers
 * with @actions/artifact; tests use an in-memory one.
 */
import { getOctokit } from '@actions/github';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** What an artifact holds: a baseline folder, a fork run's report, or the HTML report. */
export type ArtifactKind = 'baseline' | 'report' | 'html';

/** Artifact names reject `" : < > | * ? \r \n \ /`; keys often hold branch-like slashes. */
export function artifactName(kind: ArtifactKind, key: string): string {
  return `perfgate-${kind}-${key.replace(/["':<>|*?\r\n\\/]/g, '-')}`;
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
  /** The artifact of this name that one workflow run uploaded; throws when there is none. */
  findInRun(name: string, runId: number): Promise<ArtifactRef>;
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
}

/** Artifacts over the REST API (listing) and @actions/artifact (transfer). */
export function githubArtifacts({ token, owner, repo, apiUrl }: ArtifactsTarget): Artifacts {
  const client = async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    return new DefaultArtifactClient();
  };
  const findBy = (workflowRunId: number) => ({
    token,
    workflowRunId,
    repositoryOwner: owner,
    repositoryName: repo,
  });
  return {
    async upload(name, dir, files, retentionDays) {
      const { id } = await (
        await client()
      ).uploadArtifact(
        name,
        files.map((f) => path.join(dir, f)),
        dir,
        retentionDays ? { retentionDays } : {},
      );
      return id;
    },
    async list(name) {
      const octokit = getOctokit(token, { baseUrl: apiUrl });
      const all = await octokit.paginate(octokit.rest.actions.listArtifactsForRepo, {
        owner,
        repo,
        name,
        per_page: 100,
      });
      return all
        .filter((a) => a.name === name)
        .map((a) => ({
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
        }));
    },
    async findInRun(name, runId) {
      const { artifact } = await (await client()).getArtifact(name, { findBy: findBy(runId) });
      return { id: artifact.id, runId };
    },
    async download(artifact, dir) {
      await mkdir(dir, { recursive: true });
      await (
        await client()
      ).downloadArtifact(artifact.id, { path: dir, findBy: findBy(artifact.runId) });
    },
  };
}
