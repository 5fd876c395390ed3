/**
 * The GitHub REST calls perfgate makes about pull requests, behind an interface: a real implementation over octokit
 * and, in tests, a loopback server speaking the same protocol.
 */
import { getOctokit } from '@actions/github';

/** An issue (PR conversation) comment. */
export interface IssueComment {
  id: number;
  body: string;
  htmlUrl: string;
}

/** The REST calls perfgate needs. */
export interface GitHubApi {
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  /** A pull request's head commit, to check a `workflow_run` report belongs to it. */
  pullHeadSha(pr: number): Promise<string>;
}

type Octokit = ReturnType<typeof getOctokit>;

/** GitHubApi over octokit, for `owner/repo`. */
export function octokitApi(token: string, owner: string, repo: string, baseUrl: string): GitHubApi {
  const octokit: Octokit = getOctokit(token, { baseUrl });
  const comment = (c: { id: number; body?: string | null; html_url: string }): IssueComment => ({
    id: c.id,
    body: c.body ?? '',
    htmlUrl: c.html_url,
  });
  return {
    async listComments(issue) {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue,
        per_page: 100,
      });
      return all.map(comment);
    },
    async createComment(issue, body) {
      const r = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
      return comment(r.data);
    },
    async updateComment(id, body) {
      const r = await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
      return comment(r.data);
    },
    async pullHeadSha(pr) {
      const r = await octokit.rest.pulls.get({ owner, repo, pull_number: pr });
      return r.data.head.sha;
    },
  };
}

/** The HTTP status of an octokit error, if it has one. */
export function httpStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
}
