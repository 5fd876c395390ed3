/**
 * perfgate's REST clients when GitHub is flaky, against the loopback fake: server errors and rate
 * limits are retried (with waits shrunk to milliseconds by the retry policy), a call that keeps
 * failing is an error naming the call and its status, a download that breaks is fetched again,
 * and an archive that is not what an artifact should be is refused. Also: whose comments are ours.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { githubArtifacts } from '../../src/publish/artifacts.js';
import {
  ACTIONS_BOT,
  GitHubCallFailed,
  type RetryPolicy,
  octokitApi,
} from '../../src/publish/github-api.js';
import { type FakeGitHub, startFakeGitHub, writeZip } from '../helpers/fake-github/index.js';

/** Real retries, with a "second" of one millisecond. */
const FAST: RetryPolicy = {
  retries: 3,
  secondMs: 1,
  maxRateLimitWaitSeconds: 60,
  writeSpacingMs: 0,
};

let fake: FakeGitHub;
let dir: string;
beforeAll(async () => {
  fake = await startFakeGitHub();
  dir = mkdtempSync(path.join(tmpdir(), 'perfgate-retry-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const artifacts = () =>
  githubArtifacts({
    token: 'ghs_fake',
    owner: fake.repo.owner,
    repo: fake.repo.name,
    apiUrl: fake.apiUrl,
    policy: FAST,
  });
const LIST = '/repos/owner/repo/actions/artifacts';
let runs = 900;
function seed(files: Record<string, string | Buffer> = { 'perfgate-manifest.json': '{}' }) {
  return fake.addArtifact({
    name: `perfgate-baseline-r${++runs}`,
    files,
    workflow_run: { id: runs, head_branch: 'main', head_sha: 'b'.repeat(40) },
  });
}
const statuses = (since: number, prefix: string) =>
  fake.requests
    .slice(since)
    .filter((r) => r.path.startsWith(prefix))
    .map((r) => r.status);

describe('listing artifacts', () => {
  test.each([
    [500, {}],
    [502, {}],
    [503, {}],
    [429, { 'retry-after': '1' }],
    [403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' }],
  ])('one %i, then success: the same list as without the fault', async (status, headers) => {
    const a = seed();
    const clean = await artifacts().list(a.name);
    const since = fake.requests.length;
    fake.failNext({ method: 'GET', pathPrefix: LIST }, status, { message: 'boom' }, headers);
    expect(await artifacts().list(a.name)).toEqual(clean);
    expect(statuses(since, LIST)).toEqual([status, 200]);
  });

  test('a 500 on every try fails, naming the call and the status', async () => {
    const since = fake.requests.length;
    for (let i = 0; i < 4; i++)
      fake.failNext({ method: 'GET', pathPrefix: LIST }, 500, { message: 'Server Error' });
    const err = await artifacts()
      .list('perfgate-baseline-x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubCallFailed);
    expect((err as Error).message).toBe(
      'GET /repos/owner/repo/actions/artifacts failed with HTTP 500: Server Error',
    );
    expect(statuses(since, LIST)).toEqual([500, 500, 500, 500]);
  });

  test('a rate limit that resets too late is reported as a rate limit, not waited for', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    fake.failNext(
      { method: 'GET', pathPrefix: LIST },
      403,
      { message: 'API rate limit exceeded for installation ID 1.' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    );
    const err = (await artifacts()
      .list('perfgate-baseline-x')
      .catch((e: unknown) => e)) as GitHubCallFailed;
    expect(err.rateLimited).toBe(true);
    expect(err.message).toBe(
      `GitHub's API rate limit was hit on GET /repos/owner/repo/actions/artifacts (HTTP 403); the limit resets at ${new Date(Number(reset) * 1000).toISOString()}`,
    );
  });
});

describe('downloading an artifact', () => {
  const BLOB = '/blob/download/';
  const files = (d: string) =>
    Object.fromEntries(
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const p = path.join(e.parentPath, e.name);
          return [path.relative(d, p).split(path.sep).join('/'), readFileSync(p, 'utf8')];
        }),
    );
  const content = {
    'perfgate-manifest.json': '{"schema":1}',
    'bench/0-go.txt': 'BenchmarkX 1 2 ns/op\n',
  };

  test.each([
    ['a 500 from blob storage', 500, { message: 'x' }],
    ['a corrupt zip', 200, Buffer.from('PK\u0003\u0004 not really a zip')],
    ['a zip cut short', 200, writeZip(content).subarray(0, 40)],
  ])('%s once, then success: the files arrive', async (_what, status, body) => {
    const a = seed(content);
    fake.failNext({ method: 'GET', pathPrefix: BLOB }, status, body, {
      'content-type': 'application/zip',
    });
    const out = path.join(dir, `dl-${a.id}`);
    await artifacts().download({ id: a.id, runId: runs }, out);
    expect(files(out)).toEqual(content);
  });

  test('a corrupt zip every time fails, naming the artifact', async () => {
    const a = seed(content);
    for (let i = 0; i < 4; i++)
      fake.failNext({ method: 'GET', pathPrefix: BLOB }, 200, Buffer.from('garbage'));
    const err = await artifacts()
      .download({ id: a.id, runId: runs }, path.join(dir, `bad-${a.id}`))
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      `downloading artifact ${a.id} failed after 4 attempts: not a zip archive (no end of central directory)`,
    );
  });

  test('an expired artifact (410) fails at once, naming the call', async () => {
    const a = fake.addArtifact({
      name: 'gone',
      files: content,
      expired: true,
      workflow_run: { id: 1, head_branch: 'main', head_sha: 'b'.repeat(40) },
    });
    const err = (await artifacts()
      .download({ id: a.id, runId: 1 }, path.join(dir, 'gone'))
      .catch((e: unknown) => e)) as GitHubCallFailed;
    expect(err.message).toBe(
      `GET /repos/owner/repo/actions/artifacts/${a.id}/zip failed with HTTP 410: Artifact has expired`,
    );
  });

  test.each([['../escape.txt'], ['/etc/passwd'], ['bench/../../x.txt']])(
    'an entry named %s is refused and nothing is written',
    async (name) => {
      const a = seed({ [name]: 'x' });
      const out = path.join(dir, `evil-${a.id}`);
      const err = await artifacts()
        .download({ id: a.id, runId: runs }, out)
        .catch((e: unknown) => e);
      expect((err as Error).message).toBe(
        `downloading artifact ${a.id} failed after 4 attempts: entry ${JSON.stringify(name)} is not a plain relative path`,
      );
      expect(readdirSync(out)).toEqual([]);
      expect(readdirSync(dir)).not.toContain('escape.txt');
    },
  );
});

describe('who the token is', () => {
  test('the default token cannot read /user: its comments are by github-actions[bot]', async () => {
    const api = octokitApi('ghs_fake', 'owner', 'repo', fake.apiUrl, FAST);
    expect(await api.identity()).toBe(ACTIONS_BOT);
    const c = await api.createComment(31, 'x');
    expect(c.author).toBe(ACTIONS_BOT);
  });

  test('a personal access token is its user', async () => {
    const pat = await startFakeGitHub({ botLogin: 'release-bot' });
    try {
      const api = octokitApi('ghp_fake', 'owner', 'repo', pat.apiUrl, FAST);
      expect(await api.identity()).toBe('release-bot');
    } finally {
      await pat.close();
    }
  });

  test('a comment call that keeps failing names the call and the status', async () => {
    const api = octokitApi('ghs_fake', 'owner', 'repo', fake.apiUrl, FAST);
    for (let i = 0; i < 4; i++)
      fake.failNext({ method: 'GET', pathPrefix: '/repos/owner/repo/issues/32/' }, 502, {
        message: 'Bad Gateway',
      });
    await expect(api.listComments(32)).rejects.toThrow(
      'GET /repos/owner/repo/issues/32/comments failed with HTTP 502: Bad Gateway',
    );
  });
});
