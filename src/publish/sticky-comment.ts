/**
 * One PR comment per key, perfgate's own: a comment is ours only when the token's identity wrote
 * it AND its body starts with the key's marker. Anything else — a user quoting the marker, another
 * gate's comment that mentions this key in its text — is never edited. Concurrent runs of one pull
 * request may each create a comment; after creating, the duplicates of this key by this identity
 * are deleted, keeping the newest.
 */
import { type GitHubApi, type IssueComment, httpStatus } from './github-api.js';

/** What happened to the comment. */
export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; comment: IssueComment }
  | { action: 'skipped'; reason: string };

/** Whether `c` is the comment of `marker` written by `author`. */
export function isOwnComment(c: IssueComment, marker: string, author: string): boolean {
  return c.author === author && (c.body === marker || c.body.startsWith(`${marker}\n`));
}

/**
 * Creates or updates the comment carrying `marker`. With `mode: 'on-change'`, nothing noteworthy
 * and no earlier comment, nothing is posted.
 */
export async function upsertComment(
  api: GitHubApi,
  issue: number,
  marker: string,
  body: string,
  noteworthy: boolean,
  mode: 'always' | 'on-change',
): Promise<CommentOutcome> {
  const me = await api.identity();
  const own = (await api.listComments(issue)).filter((c) => isOwnComment(c, marker, me));
  const existing = own.sort((a, b) => b.id - a.id)[0];
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', comment: existing };
    return { action: 'updated', comment: await api.updateComment(existing.id, body) };
  }
  if (mode === 'on-change' && !noteworthy) {
    return {
      action: 'skipped',
      reason: 'nothing changed and there is no earlier comment (comment: on-change)',
    };
  }
  const created = await api.createComment(issue, body);
  return { action: 'created', comment: await dropDuplicates(api, issue, marker, created) };
}

/**
 * Deletes the comments of `marker` by the author of `created` except the newest, and returns the
 * one kept. The author is read from the created comment, so a token whose identity could not be
 * learnt beforehand (a GitHub App's) still cleans up after itself.
 */
async function dropDuplicates(
  api: GitHubApi,
  issue: number,
  marker: string,
  created: IssueComment,
): Promise<IssueComment> {
  const mine = (await api.listComments(issue))
    .filter((c) => isOwnComment(c, marker, created.author))
    .sort((a, b) => b.id - a.id);
  const [newest, ...older] = mine;
  for (const c of older) {
    try {
      await api.deleteComment(c.id);
    } catch (err) {
      // Another run deleting the same duplicate first is fine.
      if (httpStatus(err) !== 404) throw err;
    }
  }
  return newest ?? created;
}
