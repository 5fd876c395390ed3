/**
 * Contract of the REST clients with the fake's REST API: octokit pages, errors and limits as
 * against api.github.com; @actions/artifact's cross-run listing and download (a 302 to blob
 * storage); and perfgate's GitHubApi and Artifacts ports over them.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  onTestFailed,
  test,
  vi,
} from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github/index.js';

type ArtifactModule = typeof import('@actions/artifact');
type GitHubModule = typeof import('@actions/github');
type ApiModule = typeof import('../../src/publish/github-api.js');

let fake: FakeGitHub;
let dir: string;
let artifactLib: ArtifactModule;
let githubLib: GitHubModule;
let apiLib: ApiModule;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startFakeGitHub();
  dir = mkdtempSync(path.join(tmpdir(), 'perfgate-fake-github-'));
  Object.assign(process.env, fake.env({ GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir }));
  // @actions/github fixes its default baseUrl from GITHUB_API_URL when first imported, and
  // @actions/artifact's findBy download relies on that default: import only after setting env.
  artifactLib = await import('@actions/artifact');
  githubLib = await import('@actions/github');
  apiLib = await import('../../src/publish/github-api.js');
});

afterAll(async () => {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `root`, path (with `/`) → content. */
function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(root, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

describe('@actions/artifact findBy against the fake REST API', () => {
  // @actions/core writes ::debug:: and info lines straight to stdout; keep them for failures only.
  let logged: string[] = [];
  beforeEach(() => {
    logged = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    onTestFailed(() => console.error(logged.join('')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('findBy lists and downloads another run’s artifact through REST and a 302', async () => {
    const other = fake.addArtifact({
      name: 'perfgate-baseline-main',
      files: { 'manifest.json': '{"schema":1}', 'bench/go.txt': 'BenchmarkY 1 2 ns/op\n' },
      workflow_run: { id: 4242, head_branch: 'main', head_sha: 'b'.repeat(40) },
    });
    const findBy = {
      token: 'ghs_fake',
      workflowRunId: 4242,
      repositoryOwner: fake.repo.owner,
      repositoryName: fake.repo.name,
    };
    const client = new artifactLib.DefaultArtifactClient();

    const { artifacts } = await client.listArtifacts({ findBy });
    expect(artifacts.map((a) => [a.id, a.name, a.size, a.digest])).toEqual([
      [other.id, 'perfgate-baseline-main', other.size, other.digest],
    ]);
    const { artifact } = await client.getArtifact('perfgate-baseline-main', { findBy });
    expect(artifact.id).toBe(other.id);

    const out = path.join(dir, 'download-other');
    const before = fake.requests.length;
    await client.downloadArtifact(other.id, { path: out, findBy });
    expect(readTree(out)).toEqual({
      'manifest.json': '{"schema":1}',
      'bench/go.txt': 'BenchmarkY 1 2 ns/op\n',
    });
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /repos/owner/repo/actions/artifacts/${other.id}/zip 302`,
      `GET /blob/download/${other.id}/perfgate-baseline-main.zip 200`,
    ]);
    expect(fake.requests.at(-2)!.authorization).toBe('token ghs_fake');
  });
});

describe('octokit against the fake', () => {
  const octokit = () => githubLib.getOctokit('ghs_fake', { baseUrl: fake.apiUrl });
  const { owner, repo } = { owner: 'owner', repo: 'repo' };

  test('create, paginate over 100+ comments, update', async () => {
    for (let i = 0; i < 149; i++) fake.addComment(7, `comment ${i}`);
    const o = octokit();

    const created = await o.rest.issues.createComment({ owner, repo, issue_number: 7, body: 'hi' });
    expect(created.status).toBe(201);
    expect(created.data.user?.login).toBe('github-actions[bot]');

    const all = await o.paginate(o.rest.issues.listComments, {
      owner,
      repo,
      issue_number: 7,
      per_page: 100,
    });
    expect(all).toHaveLength(150);
    expect(all.at(-1)!.body).toBe('hi');
    const pages = fake.requests.filter(
      (r) => r.method === 'GET' && r.path === '/repos/owner/repo/issues/7/comments',
    );
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);

    const updated = await o.rest.issues.updateComment({
      owner,
      repo,
      comment_id: created.data.id,
      body: 'hi again',
    });
    expect(updated.data.body).toBe('hi again');
    expect(fake.comments.get(7)!.at(-1)!.body).toBe('hi again');
  });

  test('an injected 403 reaches the caller once, then requests succeed again', async () => {
    fake.failNext({ method: 'POST', pathPrefix: '/repos/owner/repo/issues/' }, 403, {
      message: 'Resource not accessible by integration',
    });
    const o = octokit();
    await expect(
      o.rest.issues.createComment({ owner, repo, issue_number: 8, body: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(fake.comments.get(8) ?? []).toEqual([]);
    const ok = await o.rest.issues.createComment({ owner, repo, issue_number: 8, body: 'x' });
    expect(ok.status).toBe(201);
  });

  test('comment bodies over 65536 characters are refused with 422', async () => {
    await expect(
      octokit().rest.issues.createComment({
        owner,
        repo,
        issue_number: 9,
        body: 'x'.repeat(65537),
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  test('repository, pull request, artifact listing, unknown paths', async () => {
    fake.pulls.set(12, {
      number: 12,
      head: { sha: 'c'.repeat(40), repo: { full_name: 'fork/repo' } },
      base: { ref: 'main', sha: 'd'.repeat(40) },
    });
    const o = octokit();
    expect((await o.rest.repos.get({ owner, repo })).data.id).toBe(fake.repo.id);
    const pull = (await o.rest.pulls.get({ owner, repo, pull_number: 12 })).data;
    expect([pull.head.sha, pull.head.repo?.full_name, pull.base.ref]).toEqual([
      'c'.repeat(40),
      'fork/repo',
      'main',
    ]);
    await expect(o.rest.pulls.get({ owner, repo, pull_number: 13 })).rejects.toMatchObject({
      status: 404,
    });

    for (let i = 0; i < 3; i++) {
      fake.addArtifact({
        name: 'listed',
        files: { 'f.txt': String(i) },
        workflow_run: { id: 600 + i, head_branch: 'main', head_sha: 'e'.repeat(40) },
        expired: i === 0,
      });
    }
    const listed = await o.paginate(o.rest.actions.listArtifactsForRepo, {
      owner,
      repo,
      name: 'listed',
      per_page: 2,
    });
    expect(listed.map((a) => [a.workflow_run?.id, a.expired])).toEqual([
      [602, false],
      [601, false],
      [600, true],
    ]);
    expect(listed[0]!.archive_download_url).toBe(
      `${fake.apiUrl}/repos/owner/repo/actions/artifacts/${listed[0]!.id}/zip`,
    );

    const res = await fetch(`${fake.apiUrl}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: 'Not Found' });
  });
});

describe("perfgate's GitHubApi port against the fake", () => {
  const api = () => apiLib.octokitApi('ghs_fake', 'owner', 'repo', fake.apiUrl);

  test('comments: every page listed, created, updated; a pull request head', async () => {
    for (let i = 0; i < 120; i++) fake.addComment(21, `comment ${i}`);
    const created = await api().createComment(21, '<!-- perfgate:k -->\nfirst');
    expect(created.htmlUrl).toBe(fake.comments.get(21)!.at(-1)!.html_url);
    const all = await api().listComments(21);
    expect(all).toHaveLength(121);
    expect(all.at(-1)).toEqual(created);
    const updated = await api().updateComment(created.id, '<!-- perfgate:k -->\nsecond');
    expect(updated).toEqual({ ...created, body: '<!-- perfgate:k -->\nsecond' });
    fake.pulls.set(22, {
      number: 22,
      head: { sha: '2'.repeat(40), repo: { full_name: 'owner/repo' } },
      base: { ref: 'main', sha: '1'.repeat(40) },
    });
    expect(await api().pullHeadSha(22)).toBe('2'.repeat(40));
  });

  test('a refused write carries its HTTP status, which the action reads', async () => {
    fake.failNext({ method: 'POST', pathPrefix: '/repos/owner/repo/issues/23/' }, 403, {
      message: 'Resource not accessible by integration',
    });
    const err = await api()
      .createComment(23, 'x')
      .catch((e: unknown) => e);
    expect(apiLib.httpStatus(err)).toBe(403);
  });
});
