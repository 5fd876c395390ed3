/**
 * One PR comment per key: found by its hidden marker and updated in place, never reposted.
 */
import type { GitHubApi, IssueComment } from './github-api.js';

/** What happened to the comment. */
export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; comment: IssueComment }
  | { action: 'skipped'; reason: string };

/**
 * Creates or updates the comment carrying `marker`. With `onlyIfNoteworthy` false and no earlier
 * comment, nothing is posted (the `on-change` setting when nothing changed).
 */
export async function upsertComment(
  api: GitHubApi,
  issue: number,
  marker: string,
  body: string,
  noteworthy: boolean,
  mode: 'always' | 'on-change',
): Promise<CommentOutcome> {
  const existing = (await api.listComments(issue)).find((c) => c.body.includes(marker));
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
  return { action: 'created', comment: await api.createComment(issue, body) };
}
