/**
 * The bundled action (dist/index.js) run as the GitHub runner runs it — a node process with the
 * runner's environment variables and files — against loopback stand-ins for GitHub's REST API
 * and artifact service. Benchmark data: real fixture runs (fixtures/bench).
 */
import { execFile } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../helpers/fake-github.js';

let fake: FakeGitHub;
const work = mkdtempSync(path.join(tmpdir(), 'perfgate-e2e-'));
const root = process.cwd();
const BASE_SHA = 'b'.repeat(40);
const REPO_ID = 1001;

beforeAll(async () => {
  fake = await startFakeGitHub({ repo: { owner: 'acme', name: 'app', id: REPO_ID } });
});
afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

let runCount = 0;

/** Parses the GITHUB_OUTPUT file's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

/** Runs dist/index.js as the runner would, for an event with a payload and inputs. */
async function runAction(
  event: 'push' | 'pull_request' | 'workflow_run',
  payload: object,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<Run> {
  const n = ++runCount;
  const dir = path.join(work, `run-${n}`);
  const files = {
    event: `${dir}-event.json`,
    output: `${dir}-output`,
    summary: `${dir}-summary.md`,
  };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  fake.currentRun = {
    ...fake.currentRun,
    runId: 5000 + n,
    runBackendId: `run-${n}`,
    jobBackendId: `job-${n}`,
  };
  const vars: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    // What a runner's environment has for Go: a home and its caches.
    HOME: process.env.HOME ?? work,
    ...(process.env.GOCACHE ? { GOCACHE: process.env.GOCACHE } : {}),
    ...(process.env.GOPATH ? { GOPATH: process.env.GOPATH } : {}),
    ...fake.env(),
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: root,
    RUNNER_TEMP: work,
    GITHUB_WORKFLOW: 'benchmarks',
    GITHUB_JOB: 'bench',
    'INPUT_GITHUB-TOKEN': 'test-token',
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase()}`] = v;
  const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'dist/index.js')],
      { env: vars, cwd: root, maxBuffer: 1 << 26 },
      (err, stdout) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout });
      },
    );
  });
  return {
    ...result,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

const repository = { id: REPO_ID, full_name: 'acme/app', default_branch: 'main' };

function pushMain(sha: string) {
  return runAction(
    'push',
    { ref: 'refs/heads/main', after: sha, repository },
    { 'bench-output': 'fixtures/bench/ab-inter-base.txt' },
    { GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' },
  );
}

function pullRequest(
  number: number,
  benchOutput: string,
  options: { headRepo?: string; inputs?: Record<string, string> } = {},
) {
  const headSha = `${number}`.padStart(40, 'e');
  fake.pulls.set(number, {
    number,
    head: { sha: headSha, repo: { full_name: options.headRepo ?? 'acme/app' } },
    base: { ref: 'main', sha: BASE_SHA },
  });
  return runAction(
    'pull_request',
    {
      number,
      pull_request: {
        number,
        base: { ref: 'main', sha: BASE_SHA, repo: { full_name: 'acme/app' } },
        head: { ref: 'feature', sha: headSha, repo: { full_name: options.headRepo ?? 'acme/app' } },
      },
      repository,
    },
    { 'bench-output': benchOutput, ...options.inputs },
    { GITHUB_SHA: headSha, GITHUB_REF: `refs/pull/${number}/merge` },
  );
}

const comments = (pr: number) => fake.comments.get(pr) ?? [];

describe('the action end to end', () => {
  test('1. a push to main saves a baseline', async () => {
    const r = await pushMain(BASE_SHA);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    const saved = fake.artifacts.filter((a) => a.name === 'perfgate-baseline-benchmarks-bench');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.workflow_run.head_branch).toBe('main');
    const files = fake.artifactFiles(saved[0]!);
    const manifest = JSON.parse(files['perfgate-manifest.json']!.toString());
    expect(manifest).toMatchObject({
      schema: 1,
      tool: 'perfgate',
      commit: BASE_SHA,
      branch: 'main',
      key: 'benchmarks-bench',
    });
    expect(files[manifest.benchFiles[0]]!.toString()).toBe(
      readFileSync('fixtures/bench/ab-inter-base.txt', 'utf8'),
    );
  });

  test('2. a pull request with no regression comments ✅ and passes', async () => {
    const r = await pullRequest(10, 'fixtures/bench/ab-inter-base.txt');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', regressions: '0', improvements: '0' });
    expect(comments(10)).toHaveLength(1);
    expect(comments(10)[0]!.body).toMatch(
      /^<!-- perfgate:benchmarks-bench -->\n### ✅ perfgate: pass/,
    );
    expect(r.outputs['comment-url']).toBe(comments(10)[0]!.html_url);
    expect(r.summary).toContain('### ✅ perfgate: pass');
    expect(r.summary).toContain(`Base \`${BASE_SHA.slice(0, 12)}\` on <code>main</code>`);
  });

  test('3. a second push to the same pull request updates the same comment', async () => {
    const before = comments(10)[0]!;
    const r = await pullRequest(10, 'fixtures/bench/ab-inter-head.txt');
    expect(comments(10)).toHaveLength(1);
    expect(comments(10)[0]!.id).toBe(before.id);
    expect(comments(10)[0]!.body).toContain('### ❌ perfgate: fail');
    expect(
      fake.requests.some(
        (q) => q.method === 'PATCH' && q.path.endsWith(`/issues/comments/${before.id}`),
      ),
    ).toBe(true);
    expect(r.code).toBe(1);
  });

  test('4. a real regression comments ❌ and fails; timings against a stored baseline do not gate', async () => {
    const r = await pullRequest(11, 'fixtures/bench/ab-inter-head.txt');
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    // Three benchmarks regressed (by B/op and allocs/op: six units); timings do not gate.
    expect(r.outputs.regressions).toBe('3');
    const body = comments(11)[0]!.body;
    expect(body).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(body).toMatch(/\| <code>GrowSlice-2<\/code> +\| allocs\/op +\| +1\.000 \| +18\.000 \|/);
    expect(body).toContain('<details><summary>Timings, not gated (3 changes)</summary>');
    expect(r.stdout).toContain('::error::perfgate: 3 benchmarks regressed beyond the limits');
    expect(r.stdout).toMatch(
      /::error title=perfgate(:|%3A) GrowSlice-2 regressed::GrowSlice-2 B\/op/,
    );
  });

  test('4b. head from another machine (cpu line, GOMAXPROCS) still meets the stored baseline', async () => {
    const other = path.join(work, 'other-machine.txt');
    writeFileSync(
      other,
      readFileSync('fixtures/bench/ab-inter-head.txt', 'utf8')
        .replace(/^cpu: .*$/m, 'cpu: Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz')
        .replace(/^(Benchmark\S+)-2(\s)/gm, '$1-4$2'),
    );
    const r = await pullRequest(41, other);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.regressions).toBe('3');
    const body = comments(41)[0]!.body;
    expect(body).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(body).toContain(
      '> ⚠️ base and head ran on different machines (cpu AMD EPYC vs Intel(R) Xeon(R) Platinum 8370C CPU &#64; 2.80GHz; GOMAXPROCS 2 vs 4)',
    );
    expect(r.code).toBe(1);
  });

  test('4c. nothing compared (every benchmark in another package): never a pass', async () => {
    const renamed = path.join(work, 'renamed.txt');
    writeFileSync(
      renamed,
      readFileSync('fixtures/bench/ab-inter-base.txt', 'utf8').replace(
        /^pkg: .*$/m,
        'pkg: perfgate.example/fixtures/moved',
      ),
    );
    const r = await pullRequest(42, renamed);
    expect(r.outputs.verdict).toBe('no-comparison');
    expect(r.outputs.regressions).toBe('0');
    const body = comments(42)[0]!.body;
    expect(body).toContain('### ⚠️ perfgate: nothing compared');
    expect(body).toContain('no benchmark is in both');
    expect(body).toContain('Only in head: added, not compared (10 benchmarks)');
    expect(r.stdout).toMatch(/::error::perfgate: nothing to compare: .*no benchmark is in both/);
    expect(r.code).toBe(1);
  });

  test('5. no baseline: head reported alone', async () => {
    const r = await pullRequest(12, 'fixtures/bench/ab-inter-head.txt', {
      inputs: { 'baseline-key': 'other' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(comments(12)[0]!.body).toContain('### ℹ️ perfgate: no baseline');
    expect(comments(12)[0]!.body).toContain('No baseline was found for this comparison.');
  });

  test('6. a corrupt baseline is a warning and the no-baseline path, never a crash', async () => {
    fake.addArtifact({
      name: 'perfgate-baseline-corrupt',
      files: { 'perfgate-manifest.json': '{ not json' },
      workflow_run: {
        id: 4242,
        head_branch: 'main',
        head_sha: BASE_SHA,
        repository_id: REPO_ID,
        head_repository_id: REPO_ID,
      },
    });
    const r = await pullRequest(13, 'fixtures/bench/ab-inter-head.txt', {
      inputs: { 'baseline-key': 'corrupt' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(comments(13)[0]!.body).toMatch(
      /> the stored baseline cannot be used: the baseline&#39;s perfgate-manifest.json is not valid JSON/,
    );
  });

  test('7. a pull request from a fork: no comment, summary and gate still there', async () => {
    const posts = fake.requests.length;
    const r = await pullRequest(14, 'fixtures/bench/ab-inter-head.txt', {
      headRepo: 'someone/app',
    });
    expect(r.code).toBe(1);
    expect(comments(14)).toHaveLength(0);
    expect(fake.requests.slice(posts).some((q) => q.path.includes('/issues/'))).toBe(false);
    expect(r.stdout).toContain(
      '::warning::pull request from a fork: the token is read-only, so no comment is posted',
    );
    expect(r.summary).toContain('### ❌ perfgate: fail');
    expect(fake.artifacts.some((a) => a.name === 'perfgate-report-benchmarks-bench')).toBe(true);
  });

  test("7b. mode: comment in a workflow_run workflow posts the fork run's report", async () => {
    const forkRun = fake.artifacts.find(
      (a) => a.name === 'perfgate-report-benchmarks-bench',
    )!.workflow_run;
    const headSha = fake.pulls.get(14)!.head.sha;
    const payload = {
      workflow_run: { id: forkRun.id, head_sha: headSha, pull_requests: [] },
      repository,
    };
    const r = await runAction(
      'workflow_run',
      payload,
      { mode: 'comment' },
      { GITHUB_REF: 'refs/heads/main' },
    );
    expect(r.code).toBe(0);
    expect(comments(14)).toHaveLength(1);
    expect(comments(14)[0]!.body).toMatch(
      /^<!-- perfgate:benchmarks-bench -->\n### ❌ perfgate: fail/,
    );
    expect(r.outputs.verdict).toBe('fail');
    // A report naming a pull request whose head is another commit is refused.
    const wrong = {
      workflow_run: { id: forkRun.id, head_sha: 'f'.repeat(40), pull_requests: [] },
      repository,
    };
    const w = await runAction(
      'workflow_run',
      wrong,
      { mode: 'comment' },
      { GITHUB_REF: 'refs/heads/main' },
    );
    expect(w.code).toBe(1);
    expect(w.stdout).toMatch(
      /::error::perfgate: perfgate-report-benchmarks-bench names pull request #14, whose head is e{12}, not the run's f{12}: not commenting/,
    );
  });

  test('8. the API answers 403 on the comment: a warning, the summary is still written', async () => {
    fake.failNext({ method: 'POST', pathPrefix: '/repos/acme/app/issues/15/comments' }, 403, {
      message: 'Resource not accessible by integration',
    });
    const r = await pullRequest(15, 'fixtures/bench/ab-inter-base.txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '::warning::perfgate: could not post the PR comment: the token may not write pull requests (permissions: pull-requests: write)',
    );
    expect(r.summary).toContain('### ✅ perfgate: pass');
    expect(r.outputs['comment-url']).toBe('');
  });

  test('9. a comment over the size limit is cut to fit', async () => {
    const lines = (ns: number) =>
      Array.from(
        { length: 2500 },
        (_, i) =>
          `BenchmarkVeryLongBenchmarkName${'X'.repeat(30)}${i}-8 1000 ${ns} ns/op ${ns} B/op 3 allocs/op`,
      );
    const rep = (ns: number) => [...lines(ns), ...lines(ns), ...lines(ns)].join('\n') + '\n';
    writeFileSync(path.join(work, 'many-base.txt'), rep(100));
    writeFileSync(path.join(work, 'many-head.txt'), rep(400));
    const r = await pullRequest(16, path.join(work, 'many-head.txt'), {
      inputs: { baseline: path.join(work, 'many-base.txt'), 'baseline-key': 'many' },
    });
    expect(r.code).toBe(1);
    const body = comments(16)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toMatch(/…and \d+ more in the job summary\./);
    expect(r.summary.length).toBeGreaterThan(body.length);
  });

  test('baseline: rerun benchmarks the base commit in this job, interleaved, and gates timings', async () => {
    const repo = path.join(work, 'gorepo');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
      })
        .toString()
        .trim();
    cpSync('fixtures/gorepo/base', repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    cpSync('fixtures/gorepo/head', repo, { recursive: true });
    git('commit', '-q', '-am', 'head');
    const head = git('rev-parse', 'HEAD');
    fake.pulls.set(20, {
      number: 20,
      head: { sha: head, repo: { full_name: 'acme/app' } },
      base: { ref: 'main', sha: base },
    });
    const r = await runAction(
      'pull_request',
      {
        number: 20,
        pull_request: {
          number: 20,
          base: { ref: 'main', sha: base },
          head: { sha: head, repo: { full_name: 'acme/app' } },
        },
        repository,
      },
      {
        'go-packages': './...',
        baseline: 'rerun',
        count: '6',
        benchtime: '2000x',
        'working-directory': repo,
      },
      { GITHUB_SHA: head, GITHUB_REF: 'refs/pull/20/merge' },
    );
    expect(r.stdout).toContain('round 6/6: head perfgate.example/gorepo');
    const body = comments(20)[0]!.body;
    expect(body).toContain(`(base rerun in this job, interleaved with head)`);
    expect(body).toMatch(/\| <code>Squares-\d+<\/code> +\| allocs\/op +\| +1\.000 \| +16\.000 \|/);
    expect(body).toMatch(/\| <code>Squares-\d+<\/code> +\| sec\/op /);
    expect(body).not.toContain('Timings, not gated');
    expect(r.code).toBe(1);
  }, 120_000);

  test('baseline: rerun with js-bench runs base and head suites interleaved and gates them', async () => {
    const repo = path.join(work, 'jsrepo');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
      })
        .toString()
        .trim();
    cpSync('fixtures/jsrepo/base', repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    cpSync('fixtures/jsrepo/head', repo, { recursive: true });
    git('commit', '-q', '-am', 'head');
    const head = git('rev-parse', 'HEAD');
    // The repository's installed packages (tinybench), as after `npm ci`.
    symlinkSync(path.join(root, 'node_modules'), path.join(repo, 'node_modules'), 'junction');
    fake.pulls.set(21, {
      number: 21,
      head: { sha: head, repo: { full_name: 'acme/app' } },
      base: { ref: 'main', sha: base },
    });
    const r = await runAction(
      'pull_request',
      {
        number: 21,
        pull_request: {
          number: 21,
          base: { ref: 'main', sha: base },
          head: { sha: head, repo: { full_name: 'acme/app' } },
        },
        repository,
      },
      { 'js-bench': 'bench/suite.mjs', baseline: 'rerun', count: '6', 'working-directory': repo },
      { GITHUB_SHA: head, GITHUB_REF: 'refs/pull/21/merge' },
    );
    expect(r.stdout).toContain('round 6/6: head bench/suite.mjs');
    const body = comments(21)[0]!.body;
    expect(body).toContain(`(base rerun in this job, interleaved with head)`);
    expect(body).toMatch(/\| <code>checksum<\/code> +\| sec\/op /);
    expect(body).not.toMatch(/\| <code>join_words<\/code> +\| sec\/op /);
    expect(r.code).toBe(1);
  }, 120_000);

  test('profiles: the baseline keeps them, the PR comment reads hotspots and leaks from them', async () => {
    // The same paths in both runs, as a workflow writing its profiles to one folder has.
    const prof = path.join(work, 'prof');
    const stage = (variant: string) => {
      rmSync(prof, { recursive: true, force: true });
      mkdirSync(prof, { recursive: true });
      for (const f of ['cpu.pb.gz', 'allocs.pb.gz'])
        copyFileSync(`fixtures/profiles/growslice/${variant}/${f}`, path.join(prof, f));
      copyFileSync(
        `fixtures/profiles/leak/${variant}/goroutine.debug2.txt`,
        path.join(prof, 'goroutine.txt'),
      );
    };
    stage('base');
    const inputs = {
      profiles: path.join(prof, '*'),
      'baseline-key': 'prof',
      'working-directory': 'fixtures/go',
    };
    const push = await runAction('push', { ref: 'refs/heads/main', repository }, inputs, {
      GITHUB_SHA: BASE_SHA,
      GITHUB_REF: 'refs/heads/main',
    });
    expect(push.stdout).not.toContain('::error');
    expect(push.code).toBe(0);
    const saved = fake.artifacts.find((a) => a.name === 'perfgate-baseline-prof')!;
    expect(
      Object.keys(fake.artifactFiles(saved)).filter((f) => f.startsWith('profiles/')),
    ).toHaveLength(3);
    stage('head');
    const pr = await pullRequest(30, '', { inputs: { ...inputs, 'bench-output': '' } });
    const body = comments(30)[0]!.body;
    expect(body).toContain('#### Profiles');
    // The HTML report with the flame graphs is uploaded and linked.
    const link =
      /\[HTML report with flame graphs\]\(https:\/\/github\.com\/acme\/app\/actions\/runs\/\d+\/artifacts\/(\d+)\)/.exec(
        body,
      );
    const html = fake.artifacts.find((a) => a.id === Number(link?.[1]))!;
    expect(html.name).toBe('perfgate-html-prof');
    const page = fake.artifactFiles(html)['perfgate-report.html']!.toString();
    expect(page).toContain('<script type="application/json" id="data">');
    expect(pr.outputs['report-html']).toMatch(/perfgate-report\.html$/);
    expect(body).toMatch(
      /- ⚠️ \+40 goroutines \(0 → 40\) started by <code>main\.fetchSummary<\/code>/,
    );
    expect(body).toMatch(
      /🆕 <code>main\.collectIDs<\/code><br><code>perfgate\.example\/fixtures\/workload\/growslice\.go:30<\/code> \| slice-growth/,
    );
    expect(pr.outputs.verdict).toBe('fail');
    expect(pr.code).toBe(1);
  });

  test('pprof-url: profiles taken from a running service around a load; the leak is in the comment', async () => {
    const bin = path.join(work, 'service');
    execFileSync('go', ['build', '-trimpath', '-o', bin, './service'], { cwd: 'fixtures/go' });
    const svc = spawn(bin, ['-variant', 'head'], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve) => {
        let out = '';
        svc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
      });
      const load = `"${process.execPath}" -e "(async()=>{for(let i=0;i<50;i++){const r=await fetch('${url}/work');await r.arrayBuffer()}})()"`;
      const r = await pullRequest(40, '', {
        inputs: {
          'bench-output': '',
          'pprof-url': `${url}/debug/pprof`,
          'pprof-profiles': 'profile?seconds=1, allocs, goroutine, block',
          'pprof-load': load,
          'baseline-key': 'service',
        },
      });
      expect(r.stdout).toContain('starting the load');
      const body = comments(40)[0]!.body;
      expect(body).toMatch(
        /- ⚠️ \+50 goroutines \(\d+ → \d+\) started by <code>main\.awaitReply<\/code>, waiting in <code>main\.awaitReply<\/code>/,
      );
      expect(body).toContain(
        'block: the block profile is empty: the service never called runtime.SetBlockProfileRate',
      );
    } finally {
      svc.kill('SIGTERM');
    }
  }, 60_000);

  test('10. a bad input fails at once with a clear error, and nothing is uploaded', async () => {
    const artifacts = fake.artifacts.length;
    const r = await runAction(
      'push',
      { ref: 'refs/heads/main', repository },
      { 'bench-output': 'fixtures/bench/ab-inter-base.txt', count: 'lots' },
      { GITHUB_REF: 'refs/heads/main' },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::perfgate: input 'count': "lots" is not a whole number\n`);
    expect(fake.artifacts.length).toBe(artifacts);
    expect(r.summary).toBe('');
  });
});
