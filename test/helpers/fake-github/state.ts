/**
 * What the fake GitHub holds (repository, run, comments, pull requests, artifacts, uploads in
 * progress) and what its protocols share: errors answered as HTTP replies, timestamps, and the
 * bookkeeping of artifacts and comments.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The repository the fake serves (`GITHUB_REPOSITORY`). */
export interface FakeRepo {
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
}

/** The workflow run an artifact belongs to, as the REST API shows it. */
export interface FakeWorkflowRun {
  id: number;
  repository_id: number;
  head_repository_id: number;
  head_branch: string;
  head_sha: string;
}

/** An artifact: what REST lists and twirp serves, plus its zip. */
export interface FakeArtifact {
  id: number;
  name: string;
  /** Bytes of the zip (REST `size_in_bytes`). */
  size: number;
  created_at: string;
  expires_at: string;
  expired: boolean;
  /** `sha256:<hex>` of the zip, as GitHub reports it. */
  digest: string;
  workflow_run: FakeWorkflowRun;
  zip: Buffer;
  /** Results-service ids of the run and job that uploaded it (from the runtime token). */
  runBackendId: string;
  jobBackendId: string;
}

/** An issue (or PR conversation) comment. */
export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  created_at: string;
  updated_at: string;
}

/** An issue event as `GET /repos/{o}/{r}/issues/{n}/events` lists it. */
export interface FakeIssueEvent {
  id: number;
  event: string;
  actor: { login: string; type: string };
  label?: { name: string; color: string };
  created_at: string;
}

/** A pull request, reduced to what perfgate reads. */
export interface FakePull {
  number: number;
  head: { sha: string; ref?: string; repo: { full_name: string; id?: number } };
  base: { ref: string; sha: string };
}

/** The run the action under test is in: its uploads get these ids and this workflow_run. */
export interface FakeRun {
  runId: number;
  runAttempt: number;
  runBackendId: string;
  jobBackendId: string;
  headBranch: string;
  headSha: string;
  repositoryId: number;
  headRepositoryId: number;
}

/** One request the fake received. */
export interface FakeRequest {
  method: string;
  /** URL path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, text for XML/text bodies, a Buffer for binary ones, undefined when empty. */
  body: unknown;
  authorization: string | undefined;
  status: number;
}

/** What `addArtifact` needs: the files to zip and the run that "uploaded" them. */
export interface AddArtifactInput {
  name: string;
  files: Record<string, string | Buffer>;
  workflow_run: Pick<FakeWorkflowRun, 'id' | 'head_branch' | 'head_sha'> &
    Partial<Pick<FakeWorkflowRun, 'repository_id' | 'head_repository_id'>>;
  created_at?: string;
  expired?: boolean;
  runBackendId?: string;
  jobBackendId?: string;
}

/** Which requests a `failNext` applies to; absent fields match anything. */
export interface RequestMatch {
  method?: string;
  pathPrefix?: string;
}

/** Options of `startFakeGitHub`. */
export interface FakeGitHubOptions {
  repo?: Partial<FakeRepo>;
  currentRun?: Partial<FakeRun>;
  /** Login of comments the action creates (default `github-actions[bot]`). */
  botLogin?: string;
  /** `GITHUB_RETENTION_DAYS` and the default artifact lifetime (default 90). */
  retentionDays?: number;
}

export const DAY_MS = 86_400_000;

/** An error answered with a status and a JSON (or XML) body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

/** A response decided by a handler. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface PendingUpload {
  key: string;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  expiresAt: string | undefined;
  blocks: Map<string, Buffer>;
  blob: Buffer | undefined;
  contentType: string | undefined;
}

export const notFound = (): HttpError =>
  new HttpError(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });

/** The state of one fake GitHub, shared by its protocol handlers. */
export class FakeState {
  readonly apiUrl: string;
  readonly resultsUrl: string;
  repo: FakeRepo;
  currentRun: FakeRun;
  comments = new Map<number, FakeComment[]>();
  /** Issue events (labeled, unlabeled, ...) by issue number, oldest first. */
  issueEvents = new Map<number, FakeIssueEvent[]>();
  pulls = new Map<number, FakePull>();
  artifacts: FakeArtifact[] = [];
  requests: FakeRequest[] = [];
  internalErrors: Error[] = [];
  failures: {
    match: RequestMatch;
    status: number;
    body: unknown;
    headers: Record<string, string>;
  }[] = [];
  uploads = new Map<string, PendingUpload>();
  nextCommentId = 1_000_001;
  nextArtifactId = 7_000_001;
  readonly botLogin: string;
  readonly retentionDays: number;

  constructor(
    readonly origin: string,
    options: FakeGitHubOptions,
  ) {
    this.apiUrl = origin;
    this.resultsUrl = origin;
    this.repo = { owner: 'owner', name: 'repo', id: 1001, defaultBranch: 'main', ...options.repo };
    this.currentRun = {
      runId: 5001,
      runAttempt: 1,
      runBackendId: randomUUID(),
      jobBackendId: randomUUID(),
      headBranch: this.repo.defaultBranch,
      headSha: 'a'.repeat(40),
      repositoryId: this.repo.id,
      headRepositoryId: this.repo.id,
      ...options.currentRun,
    };
    this.botLogin = options.botLogin ?? 'github-actions[bot]';
    this.retentionDays = options.retentionDays ?? 90;
  }

  issueComments(issue: number): FakeComment[] {
    let list = this.comments.get(issue);
    if (!list) this.comments.set(issue, (list = []));
    return list;
  }

  newComment(issue: number, body: string, login: string): FakeComment {
    const id = this.nextCommentId++;
    const now = githubTime(new Date());
    return {
      id,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${this.repo.owner}/${this.repo.name}/pull/${issue}#issuecomment-${id}`,
      created_at: now,
      updated_at: now,
    };
  }

  artifactById(id: number): FakeArtifact {
    const a = this.artifacts.find((x) => x.id === id);
    if (!a) throw notFound();
    return a;
  }

  downloadUrl(a: FakeArtifact): string {
    return `${this.origin}/blob/download/${a.id}/${encodeURIComponent(a.name)}.zip?sv=2023-11-03&sig=fake-download-sig`;
  }

  register(x: {
    name: string;
    zip: Buffer;
    createdAt: string;
    expiresAt: string;
    expired: boolean;
    workflowRun: FakeWorkflowRun;
    runBackendId: string;
    jobBackendId: string;
  }): FakeArtifact {
    const a: FakeArtifact = {
      id: this.nextArtifactId++,
      name: x.name,
      size: x.zip.length,
      created_at: x.createdAt,
      expires_at: x.expiresAt,
      expired: x.expired,
      digest: `sha256:${createHash('sha256').update(x.zip).digest('hex')}`,
      workflow_run: x.workflowRun,
      zip: x.zip,
      runBackendId: x.runBackendId,
      jobBackendId: x.jobBackendId,
    };
    this.artifacts.push(a);
    return a;
  }
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function intParam(url: URL, name: string): number | undefined {
  const v = url.searchParams.get(name);
  if (v === null || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** REST timestamps carry whole seconds: `2026-01-02T03:04:05Z`. */
export function githubTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
