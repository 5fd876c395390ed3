/**
 * The action's gate mode, run in the test process over in-memory ports: which comment, outputs,
 * annotations, summary and artifacts each situation leads to. Benchmark data: real fixture runs
 * (fixtures/bench); the rerun and pprof-url scenarios run the real Go toolchain (and node for
 * the JS rerun).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { VERSION } from '../../src/version.js';
import { BASE_SHA, REPO_ID, World, repository } from '../helpers/action-world.js';
import { GitHubCallFailed } from '../../src/publish/github-api.js';
import { httpError } from '../helpers/memory-ports.js';
import { renderingProblems } from '../helpers/gfm.js';

const BASE = 'fixtures/bench/ab-inter-base.txt';
const HEAD = 'fixtures/bench/ab-inter-head.txt';

let w: World;
beforeEach(() => {
  w = new World();
});
// Every comment and job summary of the test renders whole on GitHub (cmark-gfm).
afterEach(() => {
  const problems = renderingProblems(w.written);
  w.dispose();
  expect(problems).toEqual([]);
});

/** A baseline manifest with some fields changed. */
function manifestWith(fields: Record<string, unknown>): string {
  return JSON.stringify({
    schema: 1,
    tool: 'perfgate',
    commit: BASE_SHA,
    branch: 'main',
    runId: 4000,
    benchFiles: ['bench/0-go.txt'],
    profiles: [],
    ...fields,
  });
}

/** A push to main that stores the base fixture as the baseline. */
async function storeBaseline() {
  const push = await w.push(BASE_SHA, { 'bench-output': BASE });
  expect(push.code).toBe(0);
}

describe('gate mode', () => {
  test('a push to main saves a baseline, and its summary says so', async () => {
    const r = await w.push(BASE_SHA, { 'bench-output': BASE });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.summaries[0]).toContain(
      `Baseline saved for \`${BASE_SHA.slice(0, 12)}\` on <code>main</code>: pull requests are compared with it.`,
    );
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'));
    expect(report.savedBaseline).toEqual({ commit: BASE_SHA, branch: 'main' });
    const saved = w.artifacts.named('perfgate-baseline-benchmarks-bench');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.info.workflowRun.headBranch).toBe('main');
    const manifest = JSON.parse(saved[0]!.files.get('perfgate-manifest.json')!.toString());
    expect(manifest).toMatchObject({
      schema: 1,
      tool: 'perfgate',
      version: VERSION,
      commit: BASE_SHA,
      branch: 'main',
      key: 'benchmarks-bench',
    });
    expect(saved[0]!.files.get(manifest.benchFiles[0])!.toString()).toBe(
      readFileSync(BASE, 'utf8'),
    );
  });

  test('a pull request with no regression comments ✅ and passes', async () => {
    await storeBaseline();
    const r = await w.pullRequest(10, { 'bench-output': BASE });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'pass', regressions: '0', improvements: '0' });
    expect(w.comments(10)).toHaveLength(1);
    expect(w.comments(10)[0]!.body).toMatch(
      /^<!-- perfgate:benchmarks-bench -->\n### ✅ perfgate: pass/,
    );
    expect(r.outputs['comment-url']).toBe(w.comments(10)[0]!.htmlUrl);
    expect(r.summaries).toHaveLength(1);
    expect(r.summaries[0]).toContain('### ✅ perfgate: pass');
    expect(r.summaries[0]).toContain(`Base \`${BASE_SHA.slice(0, 12)}\` on <code>main</code>`);
  });

  test('a second push to the same pull request updates the same comment', async () => {
    await storeBaseline();
    await w.pullRequest(10, { 'bench-output': BASE });
    const before = w.comments(10)[0]!;
    const r = await w.pullRequest(10, { 'bench-output': HEAD });
    expect(w.comments(10)).toHaveLength(1);
    expect(w.comments(10)[0]!.id).toBe(before.id);
    expect(w.comments(10)[0]!.body).toContain('### ❌ perfgate: fail');
    expect(w.github.calls).toContain(`update ${before.id}`);
    expect(r.code).toBe(1);
  });

  test('a real regression comments ❌ and fails; timings against a stored baseline do not gate', async () => {
    await storeBaseline();
    const r = await w.pullRequest(11, { 'bench-output': HEAD });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    // Three benchmarks regressed (by B/op and allocs/op: six units); timings do not gate.
    expect(r.outputs.regressions).toBe('3');
    const body = w.comments(11)[0]!.body;
    expect(body).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(body).toMatch(/\| <code>GrowSlice-2<\/code> +\| allocs\/op +\| +1 \| +18 \| +×18 \|/);
    expect(body).toContain('<details><summary>Timings, not gated (3 changes)</summary>');
    expect(r.failed).toEqual(['perfgate: 3 benchmarks regressed beyond the limits']);
    expect(r.errors).toHaveLength(6);
    expect(r.errors).toContainEqual({
      message: expect.stringMatching(/^GrowSlice-2 B\/op: /),
      title: 'perfgate: GrowSlice-2 regressed',
    });
  });

  test('head from another machine (cpu line, GOMAXPROCS) still meets the stored baseline', async () => {
    await storeBaseline();
    const other = path.join(w.work, 'other-machine.txt');
    writeFileSync(
      other,
      readFileSync(HEAD, 'utf8')
        .replace(/^cpu: .*$/m, 'cpu: Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz')
        .replace(/^(Benchmark\S+)-2(\s)/gm, '$1-4$2'),
    );
    const r = await w.pullRequest(41, { 'bench-output': other });
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.regressions).toBe('3');
    const body = w.comments(41)[0]!.body;
    expect(body).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(body).toContain(
      '- ⚠️ base and head ran on different machines (cpu AMD EPYC vs Intel(R) Xeon(R) Platinum 8370C CPU &#64; 2.80GHz; GOMAXPROCS 2 vs 4)',
    );
    expect(r.code).toBe(1);
  });

  test('nothing compared (every benchmark in another package): never a pass', async () => {
    await storeBaseline();
    const renamed = path.join(w.work, 'renamed.txt');
    writeFileSync(
      renamed,
      readFileSync(BASE, 'utf8').replace(/^pkg: .*$/m, 'pkg: perfgate.example/fixtures/moved'),
    );
    const r = await w.pullRequest(42, { 'bench-output': renamed });
    expect(r.outputs.verdict).toBe('no-comparison');
    expect(r.outputs.regressions).toBe('0');
    const body = w.comments(42)[0]!.body;
    expect(body).toContain('### ⚠️ perfgate: nothing compared');
    expect(body).toContain('no benchmark is in both');
    expect(body).toContain('Only in head: added, not compared (10 benchmarks)');
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]).toMatch(/^perfgate: nothing to compare: .*no benchmark is in both/);
    expect(r.code).toBe(1);
  });

  test('a stored baseline without benchmark results meets head as nothing compared', async () => {
    // A push whose profiles were kept but whose benchmark output was empty: no baseline is saved.
    const empty = path.join(w.work, 'empty.txt');
    writeFileSync(empty, '');
    const prof = path.join(w.work, 'cpu.pb.gz');
    copyFileSync('fixtures/profiles/growslice/base/cpu.pb.gz', prof);
    const push = await w.push(BASE_SHA, { 'bench-output': empty, profiles: prof });
    expect(push.warnings).toContain(
      'perfgate: not saving a baseline: the run has failures or no results',
    );
    expect(w.artifacts.named('perfgate-baseline-benchmarks-bench')).toEqual([]);
    // One stored by an older run, with profiles only, still never lets head pass unseen.
    w.artifacts.add(
      'perfgate-baseline-benchmarks-bench',
      {
        'perfgate-manifest.json': JSON.stringify({
          schema: 1,
          tool: 'perfgate',
          commit: BASE_SHA,
          branch: 'main',
          benchFiles: [],
          profiles: [],
        }),
      },
      { id: 4444, headBranch: 'main', headSha: BASE_SHA, repositoryId: REPO_ID },
    );
    const r = await w.pullRequest(43, { 'bench-output': HEAD });
    expect(r.outputs.verdict).toBe('no-comparison');
    expect(r.code).toBe(1);
  });

  test('no baseline: head reported alone', async () => {
    const r = await w.pullRequest(12, { 'bench-output': HEAD, 'baseline-key': 'other' });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(w.comments(12)[0]!.body).toContain('### ℹ️ perfgate: no baseline');
    expect(w.comments(12)[0]!.body).toContain('No baseline was found for this comparison.');
  });

  test('no baseline with missing-baseline: fail fails the step', async () => {
    const r = await w.pullRequest(12, { 'bench-output': HEAD, 'missing-baseline': 'fail' });
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.failed).toEqual(['perfgate: no baseline to compare with (missing-baseline: fail)']);
  });

  test('a corrupt baseline is a warning and the no-baseline path, never a crash', async () => {
    w.artifacts.add(
      'perfgate-baseline-corrupt',
      { 'perfgate-manifest.json': '{ not json' },
      { id: 4242, headBranch: 'main', headSha: BASE_SHA, repositoryId: REPO_ID },
    );
    const r = await w.pullRequest(13, { 'bench-output': HEAD, 'baseline-key': 'corrupt' });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(w.comments(13)[0]!.body).toMatch(
      /- no usable baseline: the baseline&#39;s perfgate-manifest.json is not valid JSON/,
    );
  });

  test("a fork's branch of the same name is never the baseline", async () => {
    w.artifacts.add(
      'perfgate-baseline-benchmarks-bench',
      { 'perfgate-manifest.json': '{ not json' },
      { id: 4343, headBranch: 'main', headSha: BASE_SHA, repositoryId: REPO_ID + 1 },
    );
    const r = await w.pullRequest(13, { 'bench-output': HEAD });
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(w.comments(13)[0]!.body).not.toContain('no usable baseline');
  });

  test.each([
    ['null', 'null', "the baseline's manifest is not an object (null)"],
    ['a list', '[]', "the baseline's manifest is not an object (object)"],
    [
      'a file outside the folder',
      manifestWith({ benchFiles: ['../../../../etc/hostname'] }),
      "the baseline's manifest has unusable benchFiles",
    ],
    [
      'an absolute path',
      manifestWith({ benchFiles: ['/etc/hostname'], profiles: ['bench/../../x'] }),
      "the baseline's manifest has unusable benchFiles, profiles",
    ],
    [
      'a run id that is not a number',
      manifestWith({ runId: '1/../../../evil' }),
      "the baseline's manifest has unusable runId",
    ],
    [
      'a commit that is not text',
      manifestWith({ commit: { sha: 1 } }),
      "the baseline's manifest has unusable commit",
    ],
  ])(
    'a manifest with %s: a warning and no usable baseline, said as such',
    async (_what, manifest, why) => {
      w.artifacts.add(
        'perfgate-baseline-benchmarks-bench',
        { 'perfgate-manifest.json': manifest, 'bench/0-go.txt': readFileSync(BASE, 'utf8') },
        { id: 4545, headBranch: 'main', headSha: BASE_SHA, repositoryId: REPO_ID },
      );
      const r = await w.pullRequest(17, { 'bench-output': HEAD });
      expect(r.code).toBe(0);
      expect(r.outputs.verdict).toBe('no-baseline');
      const msg = `no usable baseline: ${why}; reporting head alone`;
      expect(r.warnings).toContain(`perfgate: ${msg}`);
      expect(w.comments(17)[0]!.body).toContain(`- ${msg.replace(/'/g, '&#39;')}`);
      expect(w.comments(17)[0]!.body).not.toContain('hostname');
    },
  );

  test.each([
    [
      'a 500 on listing',
      'list',
      new GitHubCallFailed(
        'GET /repos/acme/app/actions/artifacts failed with HTTP 500: Server Error',
        'GET /repos/acme/app/actions/artifacts',
        500,
        false,
      ),
    ],
    [
      'a rate limit on listing',
      'list',
      new GitHubCallFailed(
        "GitHub's API rate limit was hit on GET /repos/acme/app/actions/artifacts (HTTP 403)",
        'GET /repos/acme/app/actions/artifacts',
        403,
        true,
      ),
    ],
    [
      'a download that keeps failing',
      'download',
      new GitHubCallFailed(
        'downloading artifact 100 failed after 4 attempts: not a zip archive (no end of central directory)',
        'GET artifact 100 archive',
        undefined,
        false,
      ),
    ],
  ])(
    'a baseline GitHub will not hand over (%s) is an error naming the call, never no-baseline',
    async (_what, where, err) => {
      await storeBaseline();
      (where === 'list' ? w.artifacts.failList : w.artifacts.failDownload).push(err);
      const r = await w.pullRequest(18, { 'bench-output': HEAD });
      expect(r.code).toBe(1);
      expect(r.outputs.verdict).toBe('error');
      expect(r.failed).toEqual([`perfgate: the stored baseline could not be read: ${err.message}`]);
    },
  );

  test('the API answers 403 on the comment: a warning, the summary is still written', async () => {
    await storeBaseline();
    w.github.failWrites.push(httpError(403, 'Resource not accessible by integration'));
    const r = await w.pullRequest(15, { 'bench-output': BASE });
    expect(r.code).toBe(0);
    expect(r.warnings).toContain(
      'perfgate: could not post the PR comment: the token may not write pull requests (permissions: pull-requests: write)',
    );
    expect(r.summaries[0]).toContain('### ✅ perfgate: pass');
    expect(r.summaries[0]).toContain('could not post the PR comment');
    expect(r.outputs['comment-url']).toBe('');
    expect(w.comments(15)).toEqual([]);
  });

  test('a comment over the size limit is cut to fit', async () => {
    const lines = (ns: number) =>
      Array.from(
        { length: 2500 },
        (_, i) =>
          `BenchmarkVeryLongBenchmarkName${'X'.repeat(30)}${i}-8 1000 ${ns} ns/op ${ns} B/op 3 allocs/op`,
      );
    const rep = (ns: number) => [...lines(ns), ...lines(ns), ...lines(ns)].join('\n') + '\n';
    writeFileSync(path.join(w.work, 'many-base.txt'), rep(100));
    writeFileSync(path.join(w.work, 'many-head.txt'), rep(400));
    const r = await w.pullRequest(16, {
      'bench-output': path.join(w.work, 'many-head.txt'),
      baseline: path.join(w.work, 'many-base.txt'),
      'baseline-key': 'many',
    });
    expect(r.code).toBe(1);
    const body = w.comments(16)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toMatch(/…and \d+ more in the job summary\./);
    expect(r.summaries[0]!.length).toBeGreaterThan(body.length);
  });

  test('baseline: rerun benchmarks the base commit in this job, interleaved, and gates timings', async () => {
    const repo = path.join(w.work, 'gorepo');
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
    const r = await w.run(
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
    expect(r.logs.some((l) => l.includes('round 6/6: head perfgate.example/gorepo'))).toBe(true);
    const body = w.comments(20)[0]!.body;
    expect(body).toMatch(
      /Base `[0-9a-f]{12}` on <code>main<\/code>, rerun in this job, interleaved with head\./,
    );
    expect(body).toMatch(/\| <code>Squares-\d+<\/code> +\| allocs\/op +\| +1 \| +16 \| +×16 \|/);
    expect(body).toMatch(/\| <code>Squares-\d+<\/code> +\| sec\/op /);
    expect(body).not.toContain('Timings, not gated');
    expect(r.code).toBe(1);
  }, 120_000);

  test("a TestMain that stops the run: its output in the comment and summary, in the user's terms", async () => {
    const repo = path.join(w.work, 'testmain');
    for (const part of ['head', 'testmain'])
      cpSync(`fixtures/gorepo/${part}`, repo, { recursive: true });
    const r = await w.pullRequest(21, {
      'go-packages': './...',
      baseline: path.resolve(BASE),
      count: '1',
      'working-directory': repo,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    const failure =
      /go test -list \. perfgate\.example\/gorepo failed \(exit status 1\):\n {4}package perfgate\.example\/gorepo failed:\n {6}\S+ \S+ GOREPO_DATABASE_URL is not set: these benchmarks need a database/;
    const body = w.comments(21)[0]!.body;
    for (const text of [body, r.summaries[0]!]) {
      expect(text).toContain('**The benchmark run failed:**');
      expect(text.replace(/\n {2}/g, '\n    ')).toMatch(failure);
      expect(text).not.toMatch(/bench\/\d+-go\.txt/);
    }
    expect(w.artifacts.named('perfgate-baseline-benchmarks-bench')).toEqual([]);
  });

  test('go benchmarks that all skip themselves: verdict error and a summary saying so', async () => {
    const repo = path.join(w.work, 'skipped');
    for (const part of ['head', 'skipped'])
      cpSync(`fixtures/gorepo/${part}`, repo, { recursive: true });
    const r = await w.pullRequest(22, {
      'go-packages': './...',
      baseline: path.resolve(BASE),
      count: '1',
      'working-directory': repo,
    });
    const message =
      'go test printed no benchmark results for -bench . in perfgate.example/gorepo: the matching benchmarks were skipped (b.Skip) or returned before reporting (go test -v shows why)';
    expect(r.code).toBe(1);
    expect(r.failed).toEqual([`perfgate: ${message}`]);
    expect(r.outputs.verdict).toBe('error');
    expect(r.summaries).toHaveLength(1);
    expect(r.summaries[0]).toContain('### ⛔ perfgate: error');
    expect(r.summaries[0]).toContain(message);
    expect(r.summaries[0]).not.toMatch(/bench\/\d+-go\.txt|expected lines like/);
    // The raw output is in the log, folded under the exact command.
    expect(r.logs).toContain(
      "group: go test -run '^$' -bench . -benchmem -count 1 perfgate.example/gorepo",
    );
  });

  test('baseline: rerun with js-bench runs base and head suites interleaved and gates them', async () => {
    const repo = path.join(w.work, 'jsrepo');
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
    symlinkSync(path.resolve('node_modules'), path.join(repo, 'node_modules'), 'junction');
    const r = await w.run(
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
    expect(r.logs).toContain('round 6/6: head bench/suite.mjs');
    const body = w.comments(21)[0]!.body;
    expect(body).toMatch(
      /Base `[0-9a-f]{12}` on <code>main<\/code>, rerun in this job, interleaved with head\./,
    );
    expect(body).toMatch(/\| <code>checksum<\/code> +\| sec\/op /);
    expect(body).not.toMatch(/\| <code>join_words<\/code> +\| sec\/op /);
    expect(r.code).toBe(1);
  }, 120_000);

  test('profiles: the baseline keeps them, the PR comment reads hotspots and leaks from them', async () => {
    // The same paths in both runs, as a workflow writing its profiles to one folder has.
    const prof = path.join(w.work, 'prof');
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
    const push = await w.push(BASE_SHA, inputs);
    expect(push.errors).toEqual([]);
    expect(push.code).toBe(0);
    const saved = w.artifacts.named('perfgate-baseline-prof')[0]!;
    expect([...saved.files.keys()].filter((f) => f.startsWith('profiles/'))).toHaveLength(3);
    stage('head');
    const pr = await w.pullRequest(30, inputs);
    const body = w.comments(30)[0]!.body;
    expect(body).toContain('#### Profiles');
    // The HTML report with the flame graphs is uploaded and linked.
    const link =
      /\[HTML report with flame graphs\]\(https:\/\/github\.com\/acme\/app\/actions\/runs\/\d+\/artifacts\/(\d+)\)/.exec(
        body,
      );
    const html = w.artifacts.stored.find((a) => a.info.id === Number(link?.[1]))!;
    expect(html.info.name).toBe('perfgate-html-prof');
    expect(html.retentionDays).toBe(30);
    const page = html.files.get('perfgate-report.html')!.toString();
    expect(page).toContain('<script type="application/json" id="data">');
    expect(pr.outputs['report-html']).toMatch(/perfgate-report\.html$/);
    expect(body).toMatch(
      /- ⚠️ \+40 goroutines \(0 → 40\): created by <code>main\.fetchSummary<\/code> at <code>perfgate\.example\/fixtures\/workload\/leak\.go:\d+<\/code>/,
    );
    // The allocation moved from the make line to the append line of the same function.
    expect(body).toMatch(
      /\| <code>main\.collectIDs<\/code><br><code>perfgate\.example\/fixtures\/workload\/growslice\.go:30<\/code> \| slice-growth \| moved within the function: /,
    );
    // The page states the comment's verdict.
    expect(page).toContain('"verdict":{"verdict":"fail"');
    expect(pr.outputs.verdict).toBe('fail');
    expect(pr.code).toBe(1);
  });

  test('pprof-url: profiles taken from a running service around a load; the leak is in the comment', async () => {
    const bin = path.join(w.work, 'service');
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
      const r = await w.pullRequest(40, {
        'pprof-url': `${url}/debug/pprof`,
        'pprof-profiles': 'profile?seconds=1, allocs, goroutine, block',
        'pprof-load': load,
        'baseline-key': 'service',
      });
      expect(r.logs.some((l) => l.includes('starting the load'))).toBe(true);
      const body = w.comments(40)[0]!.body;
      expect(body).toMatch(
        /- ⚠️ \+50 goroutines \(\d+ → \d+\): waiting in <code>main\.awaitReply<\/code> at <code>perfgate\.example\/fixtures\/service\/work\.go:71<\/code>\n\n {2}Fix: nothing sends to or closes this channel/,
      );
      expect(body).toContain(
        'block: the block profile is empty: the service never called runtime.SetBlockProfileRate',
      );
    } finally {
      svc.kill('SIGTERM');
    }
  }, 60_000);
});
