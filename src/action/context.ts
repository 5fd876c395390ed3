/**
 * The facts of the workflow run the action is in, read from the runner's environment variables
 * and the event payload: which event, which repository, which pull request and its base.
 */
import { UserError } from '../errors.js';

/** A pull request as the action needs it. */
export interface PullRequestInfo {
  number: number;
  baseRef: string;
  baseSha: string;
  headSha: string;
  /** `owner/name` of the head repository. */
  headRepo: string;
  /** The names of its labels when the event fired. */
  labels: string[];
  /** Its description (where `perfgate-accept:` lines are read from). */
  body: string;
  /** The label a `labeled` event added, and who added it (the event's sender). */
  labeled: { label: string; by: string } | undefined;
}

/** The run the action is in. */
export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The repository's numeric id (from the payload), to tell forks' branches apart. */
  repositoryId: number | undefined;
  defaultBranch: string | undefined;
  /** The commit of this run and the branch or tag it ran for (`refs/heads/main` → `main`). */
  sha: string;
  branch: string | undefined;
  runId: number;
  runAttempt: number;
  workflow: string;
  job: string;
  serverUrl: string;
  apiUrl: string;
  pullRequest: PullRequestInfo | undefined;
  /** A pull request from a fork: the token is read-only there. */
  isFork: boolean;
  /** The `workflow_run` event's run (for `mode: comment`). */
  workflowRun: { id: number; headSha: string } | undefined;
}

type Json = Record<string, unknown>;

const obj = (x: unknown): Json => (typeof x === 'object' && x !== null ? (x as Json) : {});
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);

/** Builds the run context from environment variables and the parsed event payload. */
export function readRunContext(env: NodeJS.ProcessEnv, payload: unknown): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) {
    throw new UserError(
      `GITHUB_REPOSITORY is ${JSON.stringify(repository)}: perfgate runs inside a GitHub Actions workflow (owner/name expected)`,
    );
  }
  const p = obj(payload);
  const repoPayload = obj(p.repository);
  const pr = p.pull_request === undefined ? undefined : obj(p.pull_request);
  let pullRequest: PullRequestInfo | undefined;
  if (pr) {
    const base = obj(pr.base);
    const head = obj(pr.head);
    const labels = Array.isArray(pr.labels) ? pr.labels : [];
    const added = str(obj(p.label).name);
    const sender = str(obj(p.sender).login);
    pullRequest = {
      number: num(pr.number) ?? num(p.number) ?? 0,
      baseRef: str(base.ref) ?? '',
      baseSha: str(base.sha) ?? '',
      headSha: str(head.sha) ?? '',
      headRepo: str(obj(head.repo).full_name) ?? repository,
      labels: labels.map((l) => str(obj(l).name)).filter((n): n is string => n !== undefined),
      body: str(pr.body) ?? '',
      labeled:
        p.action === 'labeled' && added !== undefined && sender !== undefined
          ? { label: added, by: sender }
          : undefined,
    };
  }
  const ref = env.GITHUB_REF ?? '';
  const wr = p.workflow_run === undefined ? undefined : obj(p.workflow_run);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    repositoryId:
      num(repoPayload.id) ??
      (env.GITHUB_REPOSITORY_ID ? Number(env.GITHUB_REPOSITORY_ID) : undefined),
    defaultBranch: str(repoPayload.default_branch),
    sha: env.GITHUB_SHA ?? '',
    branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined,
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1),
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    pullRequest,
    isFork: pullRequest !== undefined && pullRequest.headRepo !== repository,
    workflowRun: wr ? { id: num(wr.id) ?? 0, headSha: str(wr.head_sha) ?? '' } : undefined,
  };
}

/** The link to this run's page. */
export function runUrl(ctx: RunContext): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
}
