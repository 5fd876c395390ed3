/**
 * A loopback stand-in for the parts of GitHub an action run touches: the REST API (issue comments,
 * pulls, repository, artifacts), the Actions results service (twirp ArtifactService) and the Azure
 * blob storage that artifacts are uploaded to and downloaded from. Tests start it, give the action
 * `fake.env()`, and inspect or seed its state. Protocol details follow the client code of
 * @actions/artifact 6.2.1, @actions/github 9 and @azure/storage-blob 12.32 as installed.
 *
 * It runs in the test process: spawn the action with an *asynchronous* child process
 * (`execFile`/`spawn`), never `spawnSync`, or the server cannot answer while the test waits.
 *
 * One file per protocol: rest.ts, artifact-service.ts (twirp), blob.ts (Azure blob storage),
 * zip.ts; state.ts holds what they share.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TWIRP_PREFIX, runtimeTokenFor, twirp, twirpError } from './artifact-service.js';
import { blobGet, blobPut } from './blob.js';
import { rest } from './rest.js';
import {
  type AddArtifactInput,
  DAY_MS,
  type FakeArtifact,
  type FakeComment,
  FakeState,
  type FakeGitHubOptions,
  type FakePull,
  type FakeRepo,
  type FakeRequest,
  type FakeRun,
  HttpError,
  type Reply,
  type RequestMatch,
  githubTime,
  notFound,
} from './state.js';
import { readZip, writeZip } from './zip.js';

export type * from './state.js';
export { runtimeTokenFor } from './artifact-service.js';
export { crc32, readZip, writeZip } from './zip.js';

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
  /**
   * Makes the next request matching `match` answer `status` with `body` (JSON, or bytes as they
   * are) and `headers`, once; call it n times for n failures in a row.
   */
  failNext(
    match: RequestMatch,
    status: number,
    body?: unknown,
    headers?: Record<string, string>,
  ): void;
  /** Registers an artifact made of `files` (zipped here), as if a run had uploaded it. */
  addArtifact(input: AddArtifactInput): FakeArtifact;
  /** The files inside an artifact's zip. */
  artifactFiles(artifact: FakeArtifact | number): Record<string, Buffer>;
  /** Adds a comment as another user would have (for sticky-comment scenarios). */
  addComment(issue: number, body: string, login?: string): FakeComment;
  /** Records that `login` added (or removed) a label on an issue, as its events list it. */
  addLabelEvent(issue: number, label: string, login: string, event?: 'labeled' | 'unlabeled'): void;
  close(): Promise<void>;
}

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

class Fake extends FakeState implements FakeGitHub {
  constructor(
    origin: string,
    options: FakeGitHubOptions,
    readonly close: () => Promise<void>,
  ) {
    super(origin, options);
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

  failNext(
    match: RequestMatch,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ): void {
    this.failures.push({ match, status, body: body ?? { message: `injected ${status}` }, headers });
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

  addLabelEvent(
    issue: number,
    label: string,
    login: string,
    event: 'labeled' | 'unlabeled' = 'labeled',
  ): void {
    const list = this.issueEvents.get(issue) ?? [];
    list.push({
      id: 60_000 + list.length,
      event,
      actor: { login, type: 'User' },
      label: { name: label, color: 'ededed' },
      created_at: githubTime(new Date()),
    });
    this.issueEvents.set(issue, list);
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
    return { status: f!.status, body: f!.body, headers: f!.headers };
  }

  private route(method: string, url: URL, req: IncomingMessage, raw: Buffer, body: unknown): Reply {
    const path = url.pathname;
    if (path.startsWith(TWIRP_PREFIX)) {
      if (method !== 'POST') throw twirpError(404, 'bad_route', `no route for ${method} ${path}`);
      return twirp(this, path.slice(TWIRP_PREFIX.length), req, body);
    }
    if (path.startsWith('/blob/upload/')) return blobPut(this, method, url, req, raw);
    if (path.startsWith('/blob/download/')) return blobGet(this, method, path);
    if (path.startsWith('/repos/') || path === '/user') return rest(this, method, url, req, body);
    throw notFound();
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
