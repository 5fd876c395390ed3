/**
 * The GitHub REST calls perfgate makes about pull requests, behind an interface: a real
 * implementation over octokit and, in tests, a loopback server speaking the same protocol.
 * Every call retries server errors with backoff (@octokit/plugin-retry) and waits out rate limits
 * within a bound (@octokit/plugin-throttling); a call that still fails is a GitHubCallFailed
 * naming the call and its HTTP status.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { UserError } from '../errors.js';

/** An issue (PR conversation) comment. */
export interface IssueComment {
  id: number;
  body: string;
  htmlUrl: string;
  /** The login of the account that wrote it. */
  author: string;
}

/** The REST calls perfgate needs. */
export interface GitHubApi {
  /**
   * The login the token comments as: the user of a personal access token, else (an installation
   * token, which cannot read /user) `github-actions[bot]`, the author of GITHUB_TOKEN's comments.
   */
  identity(): Promise<string>;
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  deleteComment(id: number): Promise<void>;
  /** A pull request's head commit, to check a `workflow_run` report belongs to it. */
  pullHeadSha(pr: number): Promise<string>;
  /**
   * Who last applied a label to an issue or pull request (its issue events' latest `labeled`
   * event for that label), or undefined when the events do not say.
   */
  labeledBy(issue: number, label: string): Promise<string | undefined>;
}

/** How hard the REST client tries; tests shrink the waits to milliseconds. */
export interface RetryPolicy {
  /** Retries after the first attempt, for server errors and rate limits alike. */
  retries: number;
  /** What one "second" of backoff or of `retry-after` lasts, in milliseconds (1000 for real). */
  secondMs: number;
  /** A rate limit that resets later than this many seconds from now is not waited for. */
  maxRateLimitWaitSeconds: number;
  /** Time between two writes (GitHub asks for about a second to stay clear of secondary limits). */
  writeSpacingMs: number;
}

/** The real policy: 3 retries with 1, 4, 9 s backoff; rate limits waited for up to 2 minutes. */
export const defaultRetryPolicy: RetryPolicy = {
  retries: 3,
  secondMs: 1000,
  maxRateLimitWaitSeconds: 120,
  writeSpacingMs: 1000,
};

/** The login comments made with the default GITHUB_TOKEN carry. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** A REST call that failed after its retries: names the call, its status, and a rate limit as such. */
export class GitHubCallFailed extends UserError {
  constructor(
    message: string,
    readonly call: string,
    readonly status: number | undefined,
    readonly rateLimited: boolean,
  ) {
    super(message);
  }
}

/** The HTTP status of an octokit error, if it has one. */
export function httpStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | undefined)?.status;
  return typeof s === 'number' ? s : undefined;
}

interface OctokitErrorShape {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined> };
}

/** Whether an error is GitHub refusing for a rate limit (primary or secondary). */
export function isRateLimit(err: unknown): boolean {
  const e = err as OctokitErrorShape;
  const status = httpStatus(err);
  if (status === 429) return true;
  if (status !== 403) return false;
  return (
    e.response?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '')
  );
}

/** `GET /repos/o/r/...` of an octokit error, without the query string. */
function callOf(err: unknown, fallback: string): string {
  const r = (err as OctokitErrorShape).request;
  if (!r?.method || !r.url) return fallback;
  try {
    return `${r.method} ${new URL(r.url).pathname}`;
  } catch {
    return `${r.method} ${r.url.split('?')[0]}`;
  }
}

/** Turns whatever a REST call threw into a GitHubCallFailed (one line, no body echoed at length). */
export function callFailed(err: unknown, fallbackCall: string): GitHubCallFailed {
  if (err instanceof GitHubCallFailed) return err;
  const call = callOf(err, fallbackCall);
  const status = httpStatus(err);
  const limited = isRateLimit(err);
  const first = String((err as Error | undefined)?.message ?? err)
    .split('\n')[0]!
    .slice(0, 200);
  const reset = (err as OctokitErrorShape).response?.headers?.['x-ratelimit-reset'];
  const when =
    limited && reset && /^\d+$/.test(reset)
      ? `; the limit resets at ${new Date(Number(reset) * 1000).toISOString()}`
      : '';
  const what = limited
    ? `GitHub's API rate limit was hit on ${call} (HTTP ${status})${when}`
    : `${call} failed${status === undefined ? '' : ` with HTTP ${status}`}: ${first}`;
  return new GitHubCallFailed(what, call, status, limited);
}

type Octokit = ReturnType<typeof getOctokit>;

/** The actor of the latest `labeled` event for `label` among issue events, oldest first. */
export function latestLabeler(events: unknown[], label: string): string | undefined {
  let by: string | undefined;
  for (const e of events) {
    const x = e as { event?: unknown; label?: { name?: unknown }; actor?: { login?: unknown } };
    if (x.event === 'labeled' && x.label?.name === label && typeof x.actor?.login === 'string')
      by = x.actor.login;
  }
  return by;
}

/** An octokit that retries and honours rate limits as `policy` says. */
export function restClient(
  token: string,
  baseUrl: string,
  policy: RetryPolicy = defaultRetryPolicy,
): Octokit {
  const onLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
    retryCount < policy.retries && retryAfter <= policy.maxRateLimitWaitSeconds;
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { retries: policy.retries, retryAfterBaseValue: policy.secondMs },
      throttle: {
        onRateLimit: onLimit,
        onSecondaryRateLimit: onLimit,
        retryAfterBaseValue: policy.secondMs,
        fallbackSecondaryRateRetryAfter: 60,
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: policy.writeSpacingMs }),
      },
    },
    retry,
    throttling,
  );
}

/** GitHubApi over octokit, for `owner/repo`. */
export function octokitApi(
  token: string,
  owner: string,
  repo: string,
  baseUrl: string,
  policy: RetryPolicy = defaultRetryPolicy,
): GitHubApi {
  const octokit = restClient(token, baseUrl, policy);
  const comment = (c: {
    id: number;
    body?: string | null;
    html_url: string;
    user: { login: string } | null;
  }): IssueComment => ({
    id: c.id,
    body: c.body ?? '',
    htmlUrl: c.html_url,
    author: c.user?.login ?? '',
  });
  const call = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw callFailed(err, what);
    }
  };
  let identity: Promise<string> | undefined;
  return {
    identity() {
      identity ??= octokit.rest.users.getAuthenticated().then(
        (r) => r.data.login,
        (err: unknown) => {
          // Installation tokens (GITHUB_TOKEN, an app's token) cannot read /user.
          const s = httpStatus(err);
          if (s === 401 || s === 403) return ACTIONS_BOT;
          throw callFailed(err, 'GET /user');
        },
      );
      return identity;
    },
    listComments: (issue) =>
      call(`GET /repos/${owner}/${repo}/issues/${issue}/comments`, async () => {
        const all = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issue,
          per_page: 100,
        });
        return all.map(comment);
      }),
    createComment: (issue, body) =>
      call(`POST /repos/${owner}/${repo}/issues/${issue}/comments`, async () => {
        const r = await octokit.rest.issues.createComment({
          owner,
          repo,
          issue_number: issue,
          body,
        });
        return comment(r.data);
      }),
    updateComment: (id, body) =>
      call(`PATCH /repos/${owner}/${repo}/issues/comments/${id}`, async () => {
        const r = await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
        return comment(r.data);
      }),
    deleteComment: (id) =>
      call(`DELETE /repos/${owner}/${repo}/issues/comments/${id}`, async () => {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
      }),
    pullHeadSha: (pr) =>
      call(`GET /repos/${owner}/${repo}/pulls/${pr}`, async () => {
        const r = await octokit.rest.pulls.get({ owner, repo, pull_number: pr });
        return r.data.head.sha;
      }),
    labeledBy: (issue, label) =>
      call(`GET /repos/${owner}/${repo}/issues/${issue}/events`, async () => {
        const events = await octokit.paginate(octokit.rest.issues.listEvents, {
          owner,
          repo,
          issue_number: issue,
          per_page: 100,
        });
        return latestLabeler(events, label);
      }),
  };
}
