/**
 * Contract of the artifact clients with the fake's artifact service (twirp) and blob storage:
 * @actions/artifact uploads, lists, downloads and deletes within the run as against GitHub, and
 * perfgate's own Artifacts port uploads through it.
 */
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
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github/index.js';

type ArtifactModule = typeof import('@actions/artifact');
type PortsModule = typeof import('../../src/publish/artifacts.js');

let fake: FakeGitHub;
let dir: string;
let artifactLib: ArtifactModule;
let ports: PortsModule;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startFakeGitHub();
  dir = mkdtempSync(path.join(tmpdir(), 'perfgate-fake-github-'));
  Object.assign(process.env, fake.env({ GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir }));
  // @actions/github fixes its default baseUrl from GITHUB_API_URL when first imported, and
  // @actions/artifact's findBy download relies on that default: import only after setting env.
  artifactLib = await import('@actions/artifact');
  ports = await import('../../src/publish/artifacts.js');
});

afterAll(async () => {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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

describe('@actions/artifact against the fake', () => {
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

describe("perfgate's Artifacts port against the fake", () => {
  test('upload, list, find in its run and download: the files come back as they went', async () => {
    const artifacts = ports.githubArtifacts({
      token: 'ghs_fake',
      owner: fake.repo.owner,
      repo: fake.repo.name,
      apiUrl: fake.apiUrl,
    });
    const src = path.join(dir, 'port-src');
    mkdirSync(path.join(src, 'bench'), { recursive: true });
    writeFileSync(path.join(src, 'perfgate-manifest.json'), '{"schema":1}');
    writeFileSync(path.join(src, 'bench', '0-go.txt'), 'BenchmarkX 100 12 ns/op\n');
    const name = ports.artifactName('baseline', 'port/key');
    const id = await artifacts.upload(name, src, ['perfgate-manifest.json', 'bench/0-go.txt'], 7);
    const stored = fake.artifacts.find((a) => a.name === 'perfgate-baseline-port-key')!;
    expect(id).toBe(stored.id);
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBeGreaterThan(
      6 * 86_400_000,
    );
    expect(Date.parse(stored.expires_at) - Date.parse(stored.created_at)).toBeLessThanOrEqual(
      7 * 86_400_000,
    );

    const listed = await artifacts.list(name);
    expect(listed).toEqual([
      {
        id: stored.id,
        name,
        expired: false,
        createdAt: stored.created_at,
        workflowRun: {
          id: fake.currentRun.runId,
          repositoryId: fake.repo.id,
          headRepositoryId: fake.repo.id,
          headBranch: fake.currentRun.headBranch,
          headSha: fake.currentRun.headSha,
        },
      },
    ]);
    const ref = await artifacts.findInRun(name, fake.currentRun.runId);
    expect(ref).toEqual({ id: stored.id, runId: fake.currentRun.runId });
    expect(await artifacts.findInRun(name, 4711)).toBeUndefined();
    expect((await artifacts.listRun(fake.currentRun.runId)).map((a) => a.name)).toContain(name);
    expect(await artifacts.listRun(4711)).toEqual([]);

    const out = path.join(dir, 'port-download', 'nested');
    await artifacts.download(ref!, out);
    expect(readTree(out)).toEqual({
      'perfgate-manifest.json': '{"schema":1}',
      'bench/0-go.txt': 'BenchmarkX 100 12 ns/op\n',
    });
  });
});
