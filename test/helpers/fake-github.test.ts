import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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
import { readZip, startFakeGitHub, writeZip, type FakeGitHub } from './fake-github.js';

type ArtifactModule = typeof import('@actions/artifact');
type GitHubModule = typeof import('@actions/github');

let fake: FakeGitHub;
let dir: string;
let artifactLib: ArtifactModule;
let githubLib: GitHubModule;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startFakeGitHub();
  dir = mkdtempSync(path.join(tmpdir(), 'perfgate-fake-github-'));
  Object.assign(process.env, fake.env({ GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir }));
  // @actions/github fixes its default baseUrl from GITHUB_API_URL when first imported, and
  // @actions/artifact's findBy download relies on that default: import only after setting env.
  artifactLib = await import('@actions/artifact');
  githubLib = await import('@actions/github');
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

const text = (files: Record<string, Buffer>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.toString('utf8')]));

describe('zip', () => {
  test('readZip reads what writeZip wrote: stored, deflated, empty, nested, binary', () => {
    const binary = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const files = {
      'a.txt': 'x'.repeat(5000),
      'dir/sub/b.json': '{"k":1}',
      'empty.txt': '',
      'bin.dat': binary,
    };
    const got = readZip(writeZip(files));
    expect(Object.keys(got)).toEqual(Object.keys(files));
    expect(got['a.txt']!.toString()).toBe('x'.repeat(5000));
    expect(got['dir/sub/b.json']!.toString()).toBe('{"k":1}');
    expect(got['empty.txt']!.length).toBe(0);
    expect(got['bin.dat']).toEqual(binary);
  });

  test('readZip rejects a corrupted entry by its CRC', () => {
    const zip = writeZip({ 'a.txt': 'ab' }); // stored: deflate is not smaller
    zip[30 + 'a.txt'.length] = 'z'.charCodeAt(0);
    expect(() => readZip(zip)).toThrow('readZip: CRC mismatch for a.txt');
  });
});

describe('@actions/artifact against the fake', () => {
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

  test('upload in this run, then list and download it through twirp', async () => {
    const src = path.join(dir, 'upload-src');
    mkdirSync(path.join(src, 'profiles'), { recursive: true });
    writeFileSync(path.join(src, 'bench.txt'), 'BenchmarkX 100 12 ns/op\n');
    writeFileSync(path.join(src, 'profiles', 'cpu.json'), '{"samples":[1,2,3]}');
    const client = new artifactLib.DefaultArtifactClient();

    const up = await client.uploadArtifact(
      'perf-head',
      [path.join(src, 'bench.txt'), path.join(src, 'profiles', 'cpu.json')],
      src,
    );

    const stored = fake.artifacts.find((a) => a.name === 'perf-head')!;
    expect(up.id).toBe(stored.id);
    expect(up.size).toBe(stored.size);
    expect(`sha256:${up.digest}`).toBe(stored.digest);
    expect(stored.workflow_run).toEqual({
      id: fake.currentRun.runId,
      repository_id: fake.repo.id,
      head_repository_id: fake.repo.id,
      head_branch: fake.currentRun.headBranch,
      head_sha: fake.currentRun.headSha,
    });
    expect(text(fake.artifactFiles(stored))).toEqual({
      'bench.txt': 'BenchmarkX 100 12 ns/op\n',
      'profiles/cpu.json': '{"samples":[1,2,3]}',
    });

    const { artifacts } = await client.listArtifacts();
    expect(artifacts.map((a) => [a.id, a.name, a.size])).toEqual([
      [stored.id, 'perf-head', stored.size],
    ]);
    expect(artifacts[0]!.digest).toBe(stored.digest);

    const out = path.join(dir, 'download-own');
    const down = await client.downloadArtifact(stored.id, {
      path: out,
      expectedHash: stored.digest,
    });
    expect(down.digestMismatch).toBe(false);
    expect(readTree(out)).toEqual({
      'bench.txt': 'BenchmarkX 100 12 ns/op\n',
      'profiles/cpu.json': '{"samples":[1,2,3]}',
    });
  });

  test('a second upload with the same name in the run is refused with 409, without retries', async () => {
    const file = path.join(dir, 'dup.txt');
    writeFileSync(file, 'one');
    const client = new artifactLib.DefaultArtifactClient();
    await client.uploadArtifact('dup', [file], dir);
    const before = fake.requests.length;
    await expect(client.uploadArtifact('dup', [file], dir)).rejects.toThrow(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
    );
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact 409',
    ]);
  });

  test('deleteArtifact removes it from the run', async () => {
    const file = path.join(dir, 'gone.txt');
    writeFileSync(file, 'bye');
    const client = new artifactLib.DefaultArtifactClient();
    const { id } = await client.uploadArtifact('gone', [file], dir);
    expect(await client.deleteArtifact('gone')).toEqual({ id });
    expect(fake.artifacts.some((a) => a.name === 'gone')).toBe(false);
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

describe('a child process with only fake.env()', () => {
  test('uploads with the runtime token and downloads another run’s artifact via findBy', async () => {
    fake.addArtifact({
      name: 'from-main',
      files: { 'base.txt': 'base' },
      workflow_run: { id: 777, head_branch: 'main', head_sha: 'f'.repeat(40) },
    });
    const work = path.join(dir, 'child');
    mkdirSync(work);
    writeFileSync(path.join(work, 'head.txt'), 'head');
    const script = `
      import { DefaultArtifactClient } from '@actions/artifact';
      const c = new DefaultArtifactClient();
      const work = ${JSON.stringify(work)};
      await c.uploadArtifact('from-child', [work + '/head.txt'], work);
      const findBy = { token: 't', workflowRunId: 777, repositoryOwner: 'owner', repositoryName: 'repo' };
      const { artifact } = await c.getArtifact('from-main', { findBy });
      await c.downloadArtifact(artifact.id, { path: work + '/base', findBy });
    `;
    // Asynchronous on purpose: spawnSync would block the fake, which runs in this process.
    // The repository root as cwd lets the eval'd module resolve @actions/artifact.
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', ...fake.env({ GITHUB_WORKSPACE: work }) },
    });
    const up = fake.artifacts.find((a) => a.name === 'from-child')!;
    expect(text(fake.artifactFiles(up))).toEqual({ 'head.txt': 'head' });
    expect(readTree(path.join(work, 'base'))).toEqual({ 'base.txt': 'base' });
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
