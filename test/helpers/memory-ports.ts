/**
 * In-memory implementations of the action's ports, for testing gate-mode and comment-mode in
 * the test process: a GitHub holding comments and pull requests, an artifact store holding
 * files, and an out that records what the runner would be told. Each test makes its own.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionPorts } from '../../src/action/ports.js';
import { processRunner, type Runner } from '../../src/collect/runner.js';
import type { ActionOut } from '../../src/publish/action-out.js';
import type { ArtifactInfo, Artifacts } from '../../src/publish/artifacts.js';
import type { GitHubApi, IssueComment } from '../../src/publish/github-api.js';

/** An HTTP error as octokit throws it (a `status` on the error). */
export function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

/** Pull request comments and heads, with a log of the calls made. */
export class MemoryGitHub implements GitHubApi {
  comments = new Map<number, IssueComment[]>();
  /** Head commit by pull request number. */
  heads = new Map<number, string>();
  calls: string[] = [];
  /** Errors the next writes (create or update) throw, in order. */
  failWrites: Error[] = [];
  /** Who the token is, and the author of the comments it creates. */
  login = 'github-actions[bot]';
  /** What identity() answers (a GitHub App's token cannot learn its own login beforehand). */
  knownLogin: string | undefined = undefined;
  private nextId = 1;

  async identity(): Promise<string> {
    return this.knownLogin ?? this.login;
  }
  async listComments(issue: number): Promise<IssueComment[]> {
    this.calls.push(`list ${issue}`);
    return (this.comments.get(issue) ?? []).map((c) => ({ ...c }));
  }
  /** Adds a comment as someone else (or this token) wrote it. */
  addComment(issue: number, body: string, author: string): IssueComment {
    const id = this.nextId++;
    const c = {
      id,
      body,
      author,
      htmlUrl: `https://github.com/acme/app/pull/${issue}#issuecomment-${id}`,
    };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), c]);
    return { ...c };
  }
  async createComment(issue: number, body: string): Promise<IssueComment> {
    this.calls.push(`create ${issue}`);
    const failure = this.failWrites.shift();
    if (failure) throw failure;
    return this.addComment(issue, body, this.login);
  }
  async updateComment(id: number, body: string): Promise<IssueComment> {
    this.calls.push(`update ${id}`);
    const failure = this.failWrites.shift();
    if (failure) throw failure;
    for (const list of this.comments.values()) {
      const c = list.find((x) => x.id === id);
      if (c) {
        c.body = body;
        return { ...c };
      }
    }
    throw httpError(404, 'Not Found');
  }
  async deleteComment(id: number): Promise<void> {
    this.calls.push(`delete ${id}`);
    for (const [issue, list] of this.comments) {
      const c = list.find((x) => x.id === id);
      if (!c) continue;
      this.comments.set(
        issue,
        list.filter((x) => x !== c),
      );
      return;
    }
    throw httpError(404, 'Not Found');
  }
  async pullHeadSha(pr: number): Promise<string> {
    const sha = this.heads.get(pr);
    if (sha === undefined) throw httpError(404, 'Not Found');
    return sha;
  }
  /** Who applied each label, by issue and label name; an Error is what reading them throws. */
  labelers = new Map<number, Map<string, string> | Error>();
  async labeledBy(issue: number, label: string): Promise<string | undefined> {
    this.calls.push(`events ${issue}`);
    const known = this.labelers.get(issue);
    if (known instanceof Error) throw known;
    return known?.get(label);
  }
}

/** An artifact with its files. */
export interface StoredArtifact {
  info: ArtifactInfo;
  files: Map<string, Buffer>;
  retentionDays: number | undefined;
}

/** The run that uploads: its artifacts get this workflow run. */
export interface UploadingRun {
  id: number;
  headBranch: string | undefined;
  headSha: string;
  repositoryId: number;
}

/** Artifacts kept in memory; uploads belong to `currentRun`. */
export class MemoryArtifacts implements Artifacts {
  stored: StoredArtifact[] = [];
  currentRun: UploadingRun = { id: 1, headBranch: 'main', headSha: '', repositoryId: 1 };
  /** Errors the next lists and downloads throw, in order (what the real port throws after its retries). */
  failList: Error[] = [];
  failDownload: Error[] = [];
  private nextId = 100;

  /** Adds an artifact as if another run had uploaded it. */
  add(name: string, files: Record<string, string | Buffer>, run: UploadingRun): StoredArtifact {
    const a: StoredArtifact = {
      info: {
        id: this.nextId++,
        name,
        expired: false,
        createdAt: new Date(Date.now() + this.nextId).toISOString(),
        workflowRun: {
          id: run.id,
          repositoryId: run.repositoryId,
          headRepositoryId: run.repositoryId,
          headBranch: run.headBranch,
          headSha: run.headSha,
        },
      },
      files: new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])),
      retentionDays: undefined,
    };
    this.stored.push(a);
    return a;
  }

  named(name: string): StoredArtifact[] {
    return this.stored.filter((a) => a.info.name === name);
  }

  async upload(name: string, dir: string, files: string[], retentionDays: number | undefined) {
    const run = this.currentRun;
    if (this.stored.some((a) => a.info.name === name && a.info.workflowRun.id === run.id))
      throw new Error(`an artifact named ${name} already exists in run ${run.id}`);
    const contents: Record<string, Buffer> = {};
    for (const f of files) contents[f] = await readFile(path.join(dir, f));
    const a = this.add(name, contents, run);
    a.retentionDays = retentionDays;
    return a.info.id;
  }
  async list(name: string): Promise<ArtifactInfo[]> {
    const failure = this.failList.shift();
    if (failure) throw failure;
    return this.named(name).map((a) => structuredClone(a.info));
  }
  async findInRun(name: string, runId: number) {
    const a = this.named(name).find((x) => x.info.workflowRun.id === runId);
    return a && { id: a.info.id, runId };
  }
  async listRun(runId: number): Promise<ArtifactInfo[]> {
    const failure = this.failList.shift();
    if (failure) throw failure;
    return this.stored
      .filter((a) => a.info.workflowRun.id === runId && !a.info.expired)
      .map((a) => structuredClone(a.info));
  }
  async download(ref: { id: number; runId: number }, dir: string): Promise<void> {
    const failure = this.failDownload.shift();
    if (failure) throw failure;
    const a = this.stored.find((x) => x.info.id === ref.id);
    if (!a) throw new Error(`no artifact ${ref.id}`);
    for (const [f, bytes] of a.files) {
      await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await writeFile(path.join(dir, f), bytes);
    }
  }
}

/** Records what the action tells the runner. */
export class MemoryOut implements ActionOut {
  outputs: Record<string, string> = {};
  logs: string[] = [];
  warnings: string[] = [];
  errors: { message: string; title: string | undefined }[] = [];
  failed: string[] = [];
  summaries: string[] = [];

  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  info(message: string): void {
    this.logs.push(message);
  }
  warning(message: string): void {
    this.warnings.push(message);
  }
  error(message: string, title?: string): void {
    this.errors.push({ message, title });
  }
  setFailed(message: string): void {
    this.failed.push(message);
  }
  async group<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.logs.push(`group: ${name}`);
    try {
      return await work();
    } finally {
      this.logs.push('endgroup');
    }
  }
  async summary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
  }
  /** The exit code the step would have. */
  get code(): number {
    return this.failed.length > 0 ? 1 : 0;
  }
}

/** Ports over in-memory GitHub and artifacts; a fresh out per run. */
export function memoryPorts(
  github: MemoryGitHub,
  artifacts: MemoryArtifacts,
  runner: Runner = processRunner,
): ActionPorts & { out: MemoryOut } {
  return { api: github, artifacts, runner, out: new MemoryOut() };
}
