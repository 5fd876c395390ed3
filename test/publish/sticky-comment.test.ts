/**
 * The sticky comment is perfgate's own: found by the token's identity and the marker at the start
 * of the body, never anyone else's comment; concurrent runs leave one comment.
 */
import { describe, expect, test } from 'vitest';
import { upsertComment } from '../../src/publish/sticky-comment.js';
import { commentMarker } from '../../src/render/comment.js';
import { MemoryGitHub } from '../helpers/memory-ports.js';

const marker = commentMarker('k');
const BOT = 'github-actions[bot]';

describe('sticky comments', () => {
  test('found by author and marker and updated, never reposted', async () => {
    const gh = new MemoryGitHub();
    gh.addComment(1, 'other', 'octocat');
    const mine = gh.addComment(1, `${marker}\nold`, BOT);
    const r = await upsertComment(gh, 1, marker, `${marker}\nnew`, true, 'always');
    expect(r).toMatchObject({ action: 'updated', comment: { id: mine.id } });
    expect(gh.calls.filter((c) => !c.startsWith('list'))).toEqual([`update ${mine.id}`]);
  });

  test("a user's comment holding the marker is left untouched", async () => {
    const gh = new MemoryGitHub();
    const lgtm = gh.addComment(1, `LGTM ${marker}`, 'mallory');
    const quoted = gh.addComment(1, `${marker}\n### ✅ perfgate: pass (forged)`, 'mallory');
    const r = await upsertComment(gh, 1, marker, `${marker}\nreal`, true, 'always');
    expect(r.action).toBe('created');
    expect(gh.comments.get(1)!.map((c) => [c.id, c.author, c.body])).toEqual([
      [lgtm.id, 'mallory', `LGTM ${marker}`],
      [quoted.id, 'mallory', `${marker}\n### ✅ perfgate: pass (forged)`],
      [expect.any(Number), BOT, `${marker}\nreal`],
    ]);
  });

  test("another gate's comment that mentions this key in its text is left untouched", async () => {
    const gh = new MemoryGitHub();
    const other = commentMarker('other');
    const theirs = gh.addComment(
      1,
      `${other}\n### ❌ perfgate: fail\n\nfailure text ${marker}`,
      BOT,
    );
    const r = await upsertComment(gh, 1, marker, `${marker}\nmine`, true, 'always');
    expect(r.action).toBe('created');
    expect(gh.comments.get(1)!.find((c) => c.id === theirs.id)!.body).toBe(theirs.body);
    expect(gh.comments.get(1)).toHaveLength(2);
  });

  test('a personal access token: its user is the author looked for', async () => {
    const gh = new MemoryGitHub();
    gh.login = 'release-bot';
    gh.addComment(1, `${marker}\nby the default token`, BOT);
    const mine = gh.addComment(1, `${marker}\nold`, 'release-bot');
    const r = await upsertComment(gh, 1, marker, `${marker}\nnew`, true, 'always');
    expect(r).toMatchObject({
      action: 'updated',
      comment: { id: mine.id, body: `${marker}\nnew` },
    });
    expect(gh.comments.get(1)!.map((c) => c.body)).toEqual([
      `${marker}\nby the default token`,
      `${marker}\nnew`,
    ]);
  });

  test('concurrent runs of one pull request leave one comment, the newest', async () => {
    const gh = new MemoryGitHub();
    const runs = await Promise.all(
      [1, 2, 3].map((n) => upsertComment(gh, 7, marker, `${marker}\nrun ${n}`, true, 'always')),
    );
    const left = gh.comments.get(7)!;
    expect(left).toHaveLength(1);
    expect(runs.map((r) => r.action)).toEqual(['created', 'created', 'created']);
    for (const r of runs) expect(r).toMatchObject({ comment: { id: left[0]!.id } });
  });

  test("an app's token whose login is learnt when it comments: older duplicates are removed", async () => {
    const gh = new MemoryGitHub();
    gh.login = 'perf-app[bot]';
    gh.knownLogin = BOT; // what identity() guesses without /user
    gh.addComment(3, `${marker}\nearlier run`, 'perf-app[bot]');
    const user = gh.addComment(3, `${marker}\nquoted by a user`, 'octocat');
    const r = await upsertComment(gh, 3, marker, `${marker}\nthis run`, true, 'always');
    expect(r.action).toBe('created');
    expect(gh.comments.get(3)!.map((c) => [c.author, c.body])).toEqual([
      ['octocat', user.body],
      ['perf-app[bot]', `${marker}\nthis run`],
    ]);
  });

  test('on-change: nothing noteworthy and no earlier comment posts nothing', async () => {
    const gh = new MemoryGitHub();
    const r = await upsertComment(gh, 1, marker, `${marker}\nok`, false, 'on-change');
    expect(r).toEqual({
      action: 'skipped',
      reason: 'nothing changed and there is no earlier comment (comment: on-change)',
    });
    expect(gh.calls.filter((c) => !c.startsWith('list'))).toEqual([]);
  });
});
