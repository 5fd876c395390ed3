/**
 * A loopback stand-in for the parts of GitHub an action run touches: the REST API (issue comments,
 * pulls, repository, artifacts), the Actions results service (twirp ArtifactService) and the Azure
 * blob storage that artifacts are uploaded to and downloaded from. Tests start it, give the action
 * `fake.env()`, and inspect or seed its state. Protocol details follow the client code of
 * @actions/artifact 6.2.1, @actions/github 9 and @azure/storage-blob 12.32 as installed.
 *
 * It runs in the test process: spawn the action with an *asynchronous* child process
 * (`execFile`/`spawn`), never `spawnSync`, or the server cannot answer while the test waits.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

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

/** A running fake; see the module comment. */
export interface FakeGitHub {
  /** `GITHUB_API_URL`. */
  readonly apiUrl: string;
  /** `ACTIONS_RESULTS_URL` (same server). */
  readonly resultsUrl: string;
  /** `ACTIONS_RUNTIME_TOKEN` for `currentRun`: an unsigned JWT whose `scp` names its backend ids. */
  readonly runtimeToken: string;
  repo: FakeRepo;
  currentRun: FakeRun;
  comments: Map<number, FakeComment[]>;
  pulls: Map<number, FakePull>;
  artifacts: FakeArtifact[];
  requests: FakeRequest[];
  /** Exceptions thrown inside the fake's handlers (answered with 400, never 5xx). */
  internalErrors: Error[];
  /** The variables a runner gives a JavaScript action for these servers, plus `extra`. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Makes the next request matching `match` answer `status` with `body` (JSON), once. */
  failNext(match: RequestMatch, status: number, body?: unknown): void;
  /** Registers an artifact made of `files` (zipped here), as if a run had uploaded it. */
  addArtifact(input: AddArtifactInput): FakeArtifact;
  /** The files inside an artifact's zip. */
  artifactFiles(artifact: FakeArtifact | number): Record<string, Buffer>;
  /** Adds a comment as another user would have (for sticky-comment scenarios). */
  addComment(issue: number, body: string, login?: string): FakeComment;
  close(): Promise<void>;
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const DAY_MS = 86_400_000;

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake = new Fake(origin, options, () => closeServer(server));
  server.on('request', (req, res) => void fake.handle(req, res));
  return fake;
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** An error answered with a status and a JSON (or XML) body. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

/** A response decided by a handler. */
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface PendingUpload {
  key: string;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  expiresAt: string | undefined;
  blocks: Map<string, Buffer>;
  blob: Buffer | undefined;
  contentType: string | undefined;
}

const notFound = (): HttpError =>
  new HttpError(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });

const twirpError = (status: number, code: string, msg: string): HttpError =>
  new HttpError(status, { code, msg });

class Fake implements FakeGitHub {
  readonly apiUrl: string;
  readonly resultsUrl: string;
  repo: FakeRepo;
  currentRun: FakeRun;
  comments = new Map<number, FakeComment[]>();
  pulls = new Map<number, FakePull>();
  artifacts: FakeArtifact[] = [];
  requests: FakeRequest[] = [];
  internalErrors: Error[] = [];
  private failures: { match: RequestMatch; status: number; body: unknown }[] = [];
  private uploads = new Map<string, PendingUpload>();
  private nextCommentId = 1_000_001;
  private nextArtifactId = 7_000_001;
  private readonly botLogin: string;
  private readonly retentionDays: number;

  constructor(
    private readonly origin: string,
    options: FakeGitHubOptions,
    readonly close: () => Promise<void>,
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

  get runtimeToken(): string {
    return runtimeTokenFor(this.currentRun.runBackendId, this.currentRun.jobBackendId);
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    const run = this.currentRun;
    return {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: this.apiUrl,
      GITHUB_GRAPHQL_URL: `${this.apiUrl}/graphql`,
      ACTIONS_RESULTS_URL: `${this.resultsUrl}/`,
      ACTIONS_RUNTIME_TOKEN: this.runtimeToken,
      GITHUB_REPOSITORY: `${this.repo.owner}/${this.repo.name}`,
      GITHUB_REPOSITORY_OWNER: this.repo.owner,
      GITHUB_REPOSITORY_ID: String(this.repo.id),
      GITHUB_RUN_ID: String(run.runId),
      GITHUB_RUN_ATTEMPT: String(run.runAttempt),
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RETENTION_DAYS: String(this.retentionDays),
      GITHUB_SHA: run.headSha,
      GITHUB_REF: `refs/heads/${run.headBranch}`,
      GITHUB_REF_NAME: run.headBranch,
      GITHUB_WORKFLOW: 'perfgate',
      GITHUB_JOB: 'bench',
      GITHUB_ACTOR: 'octocat',
      ...extra,
    };
  }

  failNext(match: RequestMatch, status: number, body?: unknown): void {
    this.failures.push({ match, status, body: body ?? { message: `injected ${status}` } });
  }

  addArtifact(input: AddArtifactInput): FakeArtifact {
    const created = input.created_at ?? githubTime(new Date());
    const sameRun = input.workflow_run.id === this.currentRun.runId;
    return this.register({
      name: input.name,
      zip: writeZip(input.files, new Date(created)),
      createdAt: created,
      expiresAt: githubTime(new Date(Date.parse(created) + this.retentionDays * DAY_MS)),
      expired: input.expired ?? false,
      workflowRun: {
        repository_id: this.repo.id,
        head_repository_id: this.repo.id,
        ...input.workflow_run,
      },
      runBackendId: input.runBackendId ?? (sameRun ? this.currentRun.runBackendId : randomUUID()),
      jobBackendId: input.jobBackendId ?? (sameRun ? this.currentRun.jobBackendId : randomUUID()),
    });
  }

  artifactFiles(artifact: FakeArtifact | number): Record<string, Buffer> {
    const a =
      typeof artifact === 'number' ? this.artifacts.find((x) => x.id === artifact) : artifact;
    if (!a) throw new Error(`fake-github: no artifact with id ${String(artifact)}`);
    return readZip(a.zip);
  }

  addComment(issue: number, body: string, login = 'octocat'): FakeComment {
    const c = this.newComment(issue, body, login);
    this.issueComments(issue).push(c);
    return c;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: FakeRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      authorization: req.headers.authorization,
      status: 0,
    };
    this.requests.push(entry);
    let reply: Reply;
    try {
      const raw = await readBody(req);
      entry.body = decodeBody(raw, req.headers['content-type']);
      reply = this.injected(method, url.pathname) ?? this.route(method, url, req, raw, entry.body);
    } catch (e) {
      if (e instanceof HttpError) {
        reply = { status: e.status, body: e.body, headers: e.headers };
      } else {
        // Never 5xx: the artifact client retries those with seconds of backoff.
        const err = e instanceof Error ? e : new Error(String(e));
        this.internalErrors.push(err);
        reply = { status: 400, body: { message: `fake-github internal error: ${err.message}` } };
      }
    }
    entry.status = reply.status;
    send(res, reply);
  }

  private injected(method: string, path: string): Reply | undefined {
    const i = this.failures.findIndex(
      ({ match }) =>
        (match.method === undefined || match.method.toUpperCase() === method) &&
        (match.pathPrefix === undefined || path.startsWith(match.pathPrefix)),
    );
    if (i < 0) return undefined;
    const [f] = this.failures.splice(i, 1);
    return { status: f!.status, body: f!.body };
  }

  private route(method: string, url: URL, req: IncomingMessage, raw: Buffer, body: unknown): Reply {
    const path = url.pathname;
    if (path.startsWith(TWIRP_PREFIX)) {
      if (method !== 'POST') throw twirpError(404, 'bad_route', `no route for ${method} ${path}`);
      return this.twirp(path.slice(TWIRP_PREFIX.length), req, body);
    }
    if (path.startsWith('/blob/upload/')) return this.blobPut(method, url, req, raw);
    if (path.startsWith('/blob/download/')) return this.blobGet(method, path);
    if (path.startsWith('/repos/')) return this.rest(method, url, req, body);
    throw notFound();
  }

  // ---- REST ---------------------------------------------------------------------------------

  private rest(method: string, url: URL, req: IncomingMessage, body: unknown): Reply {
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m) throw notFound();
    const [, owner, name, rest = ''] = m;
    if (
      decodeURIComponent(owner!).toLowerCase() !== this.repo.owner.toLowerCase() ||
      decodeURIComponent(name!).toLowerCase() !== this.repo.name.toLowerCase()
    ) {
      throw notFound();
    }
    if (!req.headers.authorization) {
      throw new HttpError(401, {
        message: 'Requires authentication',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    const route = `${method} ${rest}`;
    let p: RegExpExecArray | null;
    if (route === 'GET ') return { status: 200, body: this.repoJson() };
    if ((p = /^GET \/issues\/(\d+)\/comments$/.exec(route))) {
      return this.page(url, this.issueComments(Number(p[1])), (items) => items);
    }
    if ((p = /^POST \/issues\/(\d+)\/comments$/.exec(route))) {
      const text = commentBody(body);
      const c = this.newComment(Number(p[1]), text, this.botLogin);
      this.issueComments(Number(p[1])).push(c);
      return { status: 201, body: c };
    }
    if ((p = /^(PATCH|GET|DELETE) \/issues\/comments\/(\d+)$/.exec(route))) {
      return this.oneComment(p[1]!, Number(p[2]), body);
    }
    if ((p = /^GET \/pulls\/(\d+)$/.exec(route))) {
      const pull = this.pulls.get(Number(p[1]));
      if (!pull) throw notFound();
      return { status: 200, body: this.pullJson(pull) };
    }
    if (route === 'GET /actions/artifacts') {
      return this.artifactPage(url, this.artifacts);
    }
    if ((p = /^GET \/actions\/runs\/(\d+)\/artifacts$/.exec(route))) {
      const runId = Number(p[1]);
      return this.artifactPage(
        url,
        this.artifacts.filter((a) => a.workflow_run.id === runId),
      );
    }
    if ((p = /^(GET|DELETE) \/actions\/artifacts\/(\d+)$/.exec(route))) {
      const a = this.artifactById(Number(p[2]));
      if (p[1] === 'GET') return { status: 200, body: this.artifactJson(a) };
      this.artifacts = this.artifacts.filter((x) => x !== a);
      return { status: 204 };
    }
    if ((p = /^GET \/actions\/artifacts\/(\d+)\/zip$/.exec(route))) {
      const a = this.artifactById(Number(p[1]));
      if (a.expired) throw new HttpError(410, { message: 'Artifact has expired' });
      return { status: 302, headers: { location: this.downloadUrl(a) } };
    }
    throw notFound();
  }

  private oneComment(method: string, id: number, body: unknown): Reply {
    for (const list of this.comments.values()) {
      const i = list.findIndex((c) => c.id === id);
      if (i < 0) continue;
      const c = list[i]!;
      if (method === 'GET') return { status: 200, body: c };
      if (method === 'DELETE') {
        list.splice(i, 1);
        return { status: 204 };
      }
      c.body = commentBody(body);
      c.updated_at = githubTime(new Date());
      return { status: 200, body: c };
    }
    throw notFound();
  }

  private page<T>(url: URL, all: T[], wrap: (items: T[], total: number) => unknown): Reply {
    const perPage = Math.min(100, Math.max(1, intParam(url, 'per_page') ?? 30));
    const page = Math.max(1, intParam(url, 'page') ?? 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (n: number, rel: string) => {
      const u = new URL(url.pathname + url.search, this.apiUrl);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      status: 200,
      body: wrap(items, all.length),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  private artifactPage(url: URL, list: FakeArtifact[]): Reply {
    const name = url.searchParams.get('name');
    const matching = list
      .filter((a) => name === null || a.name === name)
      .sort((a, b) => b.id - a.id);
    return this.page(url, matching, (items, total) => ({
      total_count: total,
      artifacts: items.map((a) => this.artifactJson(a)),
    }));
  }

  private repoJson(): unknown {
    const full = `${this.repo.owner}/${this.repo.name}`;
    return {
      id: this.repo.id,
      node_id: `R_${this.repo.id}`,
      name: this.repo.name,
      full_name: full,
      private: false,
      owner: { login: this.repo.owner, id: 1, type: 'Organization' },
      html_url: `https://github.com/${full}`,
      url: `${this.apiUrl}/repos/${full}`,
      default_branch: this.repo.defaultBranch,
      fork: false,
    };
  }

  private pullJson(pull: FakePull): unknown {
    const full = `${this.repo.owner}/${this.repo.name}`;
    return {
      id: 900_000 + pull.number,
      number: pull.number,
      state: 'open',
      html_url: `https://github.com/${full}/pull/${pull.number}`,
      head: {
        ref: pull.head.ref ?? `feature-${pull.number}`,
        sha: pull.head.sha,
        repo: pull.head.repo,
      },
      base: {
        ref: pull.base.ref,
        sha: pull.base.sha,
        repo: { id: this.repo.id, full_name: full },
      },
    };
  }

  private artifactJson(a: FakeArtifact): unknown {
    const full = `${this.repo.owner}/${this.repo.name}`;
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.size,
      url: `${this.apiUrl}/repos/${full}/actions/artifacts/${a.id}`,
      archive_download_url: `${this.apiUrl}/repos/${full}/actions/artifacts/${a.id}/zip`,
      expired: a.expired,
      digest: a.digest,
      created_at: a.created_at,
      updated_at: a.created_at,
      expires_at: a.expires_at,
      workflow_run: { ...a.workflow_run },
    };
  }

  private issueComments(issue: number): FakeComment[] {
    let list = this.comments.get(issue);
    if (!list) this.comments.set(issue, (list = []));
    return list;
  }

  private newComment(issue: number, body: string, login: string): FakeComment {
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

  private artifactById(id: number): FakeArtifact {
    const a = this.artifacts.find((x) => x.id === id);
    if (!a) throw notFound();
    return a;
  }

  private downloadUrl(a: FakeArtifact): string {
    return `${this.origin}/blob/download/${a.id}/${encodeURIComponent(a.name)}.zip?sv=2023-11-03&sig=fake-download-sig`;
  }

  // ---- twirp ArtifactService ------------------------------------------------------------------

  private twirp(method: string, req: IncomingMessage, body: unknown): Reply {
    const tokenIds = backendIdsOfBearer(req.headers.authorization);
    if (!tokenIds) throw twirpError(401, 'unauthenticated', 'missing or invalid runtime token');
    if (typeof body !== 'object' || body === null) {
      throw twirpError(400, 'malformed', 'request body is not a JSON object');
    }
    const b = body as Record<string, unknown>;
    const runBackendId = str(b.workflow_run_backend_id);
    const jobBackendId = str(b.workflow_job_run_backend_id);
    if (runBackendId !== tokenIds.runBackendId) {
      throw twirpError(403, 'permission_denied', 'workflow_run_backend_id is not the token’s run');
    }
    switch (method) {
      case 'CreateArtifact':
        return this.createArtifact(runBackendId, jobBackendId, b);
      case 'FinalizeArtifact':
        return this.finalizeArtifact(runBackendId, b);
      case 'ListArtifacts':
        return this.listArtifactsTwirp(runBackendId, b);
      case 'GetSignedArtifactURL': {
        const a = this.twirpArtifact(runBackendId, requiredName(b));
        return { status: 200, body: { signed_url: this.downloadUrl(a) } };
      }
      case 'DeleteArtifact': {
        const a = this.twirpArtifact(runBackendId, requiredName(b));
        this.artifacts = this.artifacts.filter((x) => x !== a);
        return { status: 200, body: { ok: true, artifact_id: String(a.id) } };
      }
      default:
        throw twirpError(404, 'bad_route', `no handler for ArtifactService/${method}`);
    }
  }

  private createArtifact(
    runBackendId: string,
    jobBackendId: string,
    b: Record<string, unknown>,
  ): Reply {
    const name = requiredName(b);
    if (b.version !== 7 && b.version !== 4) {
      throw twirpError(400, 'invalid_argument', `unsupported version ${String(b.version)}`);
    }
    const taken =
      this.artifacts.some((a) => a.runBackendId === runBackendId && a.name === name) ||
      [...this.uploads.values()].some((u) => u.runBackendId === runBackendId && u.name === name);
    if (taken) {
      throw twirpError(
        409,
        'already_exists',
        `an artifact with this name already exists on the workflow run`,
      );
    }
    const key = randomUUID();
    this.uploads.set(key, {
      key,
      runBackendId,
      jobBackendId,
      name,
      expiresAt: typeof b.expires_at === 'string' ? b.expires_at : undefined,
      blocks: new Map(),
      blob: undefined,
      contentType: undefined,
    });
    const signed = `${this.origin}/blob/upload/${key}?sv=2023-11-03&sr=b&sp=cw&sig=fake-upload-sig`;
    return { status: 200, body: { ok: true, signed_upload_url: signed } };
  }

  private finalizeArtifact(runBackendId: string, b: Record<string, unknown>): Reply {
    const name = requiredName(b);
    const up = [...this.uploads.values()].find(
      (u) => u.runBackendId === runBackendId && u.name === name,
    );
    if (!up) throw twirpError(404, 'not_found', `no artifact upload named ${name} was created`);
    if (!up.blob)
      throw twirpError(400, 'failed_precondition', `artifact ${name} has no blob committed`);
    if (String(b.size ?? '0') !== String(up.blob.length)) {
      throw twirpError(
        400,
        'invalid_argument',
        `size ${String(b.size)} but ${up.blob.length} bytes were uploaded`,
      );
    }
    const digest = `sha256:${createHash('sha256').update(up.blob).digest('hex')}`;
    if (b.hash !== undefined && b.hash !== digest) {
      throw twirpError(400, 'invalid_argument', `hash ${String(b.hash)} but the blob is ${digest}`);
    }
    this.uploads.delete(up.key);
    const run = this.currentRun;
    const created = githubTime(new Date());
    const a = this.register({
      name,
      zip: up.blob,
      createdAt: created,
      expiresAt:
        up.expiresAt !== undefined
          ? githubTime(new Date(up.expiresAt))
          : githubTime(new Date(Date.now() + this.retentionDays * DAY_MS)),
      expired: false,
      workflowRun: {
        id: run.runId,
        repository_id: run.repositoryId,
        head_repository_id: run.headRepositoryId,
        head_branch: run.headBranch,
        head_sha: run.headSha,
      },
      runBackendId,
      jobBackendId: up.jobBackendId,
    });
    return { status: 200, body: { ok: true, artifact_id: String(a.id) } };
  }

  private listArtifactsTwirp(runBackendId: string, b: Record<string, unknown>): Reply {
    const nameFilter = typeof b.name_filter === 'string' ? b.name_filter : undefined;
    const idFilter = b.id_filter !== undefined ? String(b.id_filter) : undefined;
    const list = this.artifacts.filter(
      (a) =>
        a.runBackendId === runBackendId &&
        !a.expired &&
        (nameFilter === undefined || a.name === nameFilter) &&
        (idFilter === undefined || String(a.id) === idFilter),
    );
    return {
      status: 200,
      body: {
        artifacts: list.map((a) => ({
          workflow_run_backend_id: a.runBackendId,
          workflow_job_run_backend_id: a.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.created_at,
          digest: a.digest,
        })),
      },
    };
  }

  private twirpArtifact(runBackendId: string, name: string): FakeArtifact {
    const a = this.artifacts
      .filter((x) => x.runBackendId === runBackendId && x.name === name && !x.expired)
      .sort((x, y) => y.id - x.id)[0];
    if (!a) throw twirpError(404, 'not_found', `artifact ${name} not found`);
    return a;
  }

  private register(x: {
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

  // ---- Azure blob storage ---------------------------------------------------------------------

  private blobPut(method: string, url: URL, req: IncomingMessage, raw: Buffer): Reply {
    const key = url.pathname.slice('/blob/upload/'.length);
    const up = this.uploads.get(key);
    if (!up) throw azureError(404, 'BlobNotFound', 'The specified upload URL is unknown.');
    if (method !== 'PUT') throw azureError(405, 'UnsupportedHttpVerb', `${method} not supported`);
    if (req.headers['x-ms-structured-body'] !== undefined) {
      // @azure/storage-blob only sends structured (CRC64-framed) bodies when asked to.
      throw azureError(
        400,
        'UnsupportedHeader',
        'x-ms-structured-body is not supported by the fake',
      );
    }
    const md5 = req.headers['content-md5'];
    if (typeof md5 === 'string' && md5 !== createHash('md5').update(raw).digest('base64')) {
      throw azureError(400, 'Md5Mismatch', 'The MD5 value specified in the request did not match.');
    }
    const comp = url.searchParams.get('comp');
    const echo: Record<string, string> = {};
    if (typeof md5 === 'string') echo['content-md5'] = md5;
    const crc = req.headers['x-ms-content-crc64'];
    if (typeof crc === 'string') echo['x-ms-content-crc64'] = crc;
    if (comp === 'block') {
      const id = url.searchParams.get('blockid');
      if (!id) throw azureError(400, 'InvalidQueryParameterValue', 'blockid is required');
      up.blocks.set(id, raw);
      return azureCreated(echo);
    }
    if (comp === 'blocklist') {
      const ids = parseBlockList(raw.toString('utf8'));
      const parts = ids.map((id) => {
        const block = up.blocks.get(id);
        if (!block) throw azureError(400, 'InvalidBlockList', `block ${id} was never staged`);
        return block;
      });
      up.blob = Buffer.concat(parts);
      up.contentType = header(req, 'x-ms-blob-content-type');
      up.blocks.clear();
      return azureCreated({
        ...echo,
        etag: etagOf(up.blob),
        'last-modified': new Date().toUTCString(),
      });
    }
    if (comp === null && header(req, 'x-ms-blob-type') === 'BlockBlob') {
      up.blob = raw;
      up.contentType = header(req, 'x-ms-blob-content-type');
      return azureCreated({
        ...echo,
        etag: etagOf(raw),
        'last-modified': new Date().toUTCString(),
      });
    }
    throw azureError(
      400,
      'InvalidQueryParameterValue',
      `unsupported blob PUT (comp=${String(comp)})`,
    );
  }

  private blobGet(method: string, path: string): Reply {
    const m = /^\/blob\/download\/(\d+)\//.exec(path);
    if (method !== 'GET' || !m)
      throw azureError(404, 'BlobNotFound', 'The specified blob does not exist.');
    const a = this.artifacts.find((x) => x.id === Number(m[1]));
    if (!a) throw azureError(404, 'BlobNotFound', 'The specified blob does not exist.');
    return {
      status: 200,
      body: a.zip,
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${a.name}.zip"`,
        etag: etagOf(a.zip),
        'x-ms-blob-type': 'BlockBlob',
      },
    };
  }
}

// ---- HTTP plumbing ------------------------------------------------------------------------------

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) {
    try {
      return JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      return raw.toString('utf8'); // handlers that need JSON reject a string
    }
  }
  if (type.includes('xml') || type.startsWith('text/')) return raw.toString('utf8');
  return raw;
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(reply.body)) {
    payload = reply.body;
  } else if (typeof reply.body === 'string') {
    payload = Buffer.from(reply.body, 'utf8');
    headers['content-type'] ??= 'application/xml';
  } else if (reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(payload?.length ?? 0);
  headers['x-github-request-id'] ??= randomUUID();
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function intParam(url: URL, name: string): number | undefined {
  const v = url.searchParams.get(name);
  if (v === null || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function requiredName(b: Record<string, unknown>): string {
  const name = str(b.name);
  if (!name) throw twirpError(400, 'invalid_argument', 'name is required');
  return name;
}

function commentBody(body: unknown): string {
  const text = (body as { body?: unknown } | undefined)?.body;
  if (typeof text !== 'string') {
    throw new HttpError(422, {
      message: 'Invalid request.\n\n"body" wasn\'t supplied.',
      documentation_url: 'https://docs.github.com/rest/issues/comments',
      status: '422',
    });
  }
  if (text.length > 65536) {
    throw new HttpError(422, {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: 'https://docs.github.com/rest/issues/comments',
      status: '422',
    });
  }
  return text;
}

/** REST timestamps carry whole seconds: `2026-01-02T03:04:05Z`. */
function githubTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function azureHeaders(): Record<string, string> {
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2025-11-05',
    date: new Date().toUTCString(),
  };
}

function azureCreated(extra: Record<string, string>): Reply {
  return {
    status: 201,
    headers: { ...azureHeaders(), 'x-ms-request-server-encrypted': 'true', ...extra },
  };
}

function azureError(status: number, code: string, message: string): HttpError {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return new HttpError(status, xml, {
    ...azureHeaders(),
    'x-ms-error-code': code,
    'content-type': 'application/xml',
  });
}

function etagOf(b: Buffer): string {
  return `"0x${createHash('md5').update(b).digest('hex').slice(0, 15).toUpperCase()}"`;
}

/** Block ids of an Azure Put Block List body, in order (Latest, Committed and Uncommitted). */
function parseBlockList(xml: string): string[] {
  const ids: string[] = [];
  for (const m of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
    ids.push(
      m[2]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  }
  return ids;
}

// ---- runtime token ------------------------------------------------------------------------------

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/**
 * An unsigned JWT as the runner's ACTIONS_RUNTIME_TOKEN looks to @actions/artifact: it only
 * jwt-decodes the payload and reads `Actions.Results:<runBackendId>:<jobBackendId>` from `scp`.
 */
export function runtimeTokenFor(runBackendId: string, jobBackendId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    scp: `Actions.ExampleScope Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.UploadArtifacts:${runBackendId}:${jobBackendId} Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'fake-github',
    aud: 'vso:fake',
    nbf: now - 60,
    exp: now + 6 * 3600,
  };
  return `${b64url(JSON.stringify({ typ: 'JWT', alg: 'none' }))}.${b64url(JSON.stringify(payload))}.`;
}

function backendIdsOfBearer(
  authorization: string | undefined,
): { runBackendId: string; jobBackendId: string } | undefined {
  const m = /^Bearer (.+)$/i.exec(authorization ?? '');
  const part = m?.[1]?.split('.')[1];
  if (!part) return undefined;
  try {
    const { scp } = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as {
      scp?: unknown;
    };
    if (typeof scp !== 'string') return undefined;
    for (const scope of scp.split(' ')) {
      const parts = scope.split(':');
      if (parts[0] === 'Actions.Results' && parts.length === 3) {
        return { runBackendId: parts[1]!, jobBackendId: parts[2]! };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

// ---- zip ----------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE), as zip stores it. */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * A zip of `files` (path → content): deflated when that is smaller, else stored; sizes and CRC in
 * the local headers (no data descriptors), UTF-8 names, no zip64. unzip-stream reads this.
 */
export function writeZip(files: Record<string, string | Buffer>, modified = new Date()): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const nameBytes = Buffer.from(name.replace(/\\/g, '/'), 'utf8');
    const deflated = deflateRawSync(data);
    const method = deflated.length < data.length ? 8 : 0;
    const stored = method === 8 ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attrs: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, stored);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const count = Object.keys(files).length;
  if (offset + cd.length > 0xffffffff || count > 0xffff) throw new Error('writeZip: too large');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * The files of a zip (directories skipped), read through the central directory, so entries
 * written with data descriptors (archiver, as @actions/artifact uploads) work; CRCs are checked.
 */
export function readZip(zip: Buffer): Record<string, Buffer> {
  const eocd = findEocd(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || zip.readUInt32LE(loc) !== 0x07064b50)
      throw new Error('readZip: bad zip64 locator');
    const z64 = Number(zip.readBigUInt64LE(loc + 8));
    if (zip.readUInt32LE(z64) !== 0x06064b50) throw new Error('readZip: bad zip64 end record');
    count = Number(zip.readBigUInt64LE(z64 + 32));
    cdOffset = Number(zip.readBigUInt64LE(z64 + 48));
  }
  const out: Record<string, Buffer> = {};
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`readZip: bad central header at ${p}`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    let compSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    let localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const extra = zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    ({ size, compSize, localOffset } = applyZip64(extra, size, compSize, localOffset));
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 0x41) throw new Error(`readZip: ${name} is encrypted`);
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(localOffset) !== 0x04034b50)
      throw new Error(`readZip: bad local header for ${name}`);
    const start =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const stored = zip.subarray(start, start + compSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(stored);
    else if (method === 8) data = inflateRawSync(stored);
    else throw new Error(`readZip: ${name} uses unsupported method ${method}`);
    if (data.length !== size)
      throw new Error(`readZip: ${name} is ${data.length} bytes, header says ${size}`);
    if (crc32(data) !== crc) throw new Error(`readZip: CRC mismatch for ${name}`);
    out[name] = data;
  }
  return out;
}

function findEocd(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new Error('readZip: no end of central directory record');
}

function applyZip64(
  extra: Buffer,
  size: number,
  compSize: number,
  localOffset: number,
): { size: number; compSize: number; localOffset: number } {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compSize === 0xffffffff) compSize = next();
      if (localOffset === 0xffffffff) localOffset = next();
    }
    q += 4 + len;
  }
  return { size, compSize, localOffset };
}
