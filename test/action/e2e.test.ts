/**
 * The bundled action (dist/index.js) run as the GitHub runner runs it — a node process with the
 * runner's environment variables and files — against loopback stand-ins for GitHub's REST API,
 * artifact service and blob storage. One run per protocol path; what the action decides in each
 * situation is tested in-process (gate-mode.test.ts, comment-mode.test.ts). Every test starts its
 * own stand-in, so none depends on another's order. Benchmark data: real fixture runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { BASE, BASE_SHA, HEAD, type Run, repository, setUp } from '../helpers/action-e2e.js';
import type { FakeGitHub } from '../helpers/fake-github/index.js';
import { gitIn, makeXxhashRepo } from '../helpers/xxhash-repo.js';

function noInternalErrors(fake: FakeGitHub) {
  expect(fake.internalErrors).toEqual([]);
}

describe('the action end to end', () => {
  test('REST: the comment is posted, then updated in place; annotations and outputs reach the runner', async () => {
    const { fake, pullRequest, comments } = await setUp();
    const first = await pullRequest(10, { 'bench-output': BASE, baseline: BASE });
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ verdict: 'pass', regressions: '0', improvements: '0' });
    expect(comments(10)).toHaveLength(1);
    expect(comments(10)[0]!.body).toMatch(
      /^<!-- perfgate:benchmarks-bench -->\n### ✅ perfgate: pass/,
    );
    expect(first.outputs['comment-url']).toBe(comments(10)[0]!.html_url);
    expect(first.summary).toContain('### ✅ perfgate: pass');

    const id = comments(10)[0]!.id;
    const second = await pullRequest(10, { 'bench-output': HEAD, baseline: BASE });
    expect(second.code).toBe(1);
    expect(comments(10)).toHaveLength(1);
    expect(comments(10)[0]!.body).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(
      fake.requests.some((q) => q.method === 'PATCH' && q.path.endsWith(`/issues/comments/${id}`)),
    ).toBe(true);
    expect(second.stdout).toContain('::error::perfgate: 3 benchmarks regressed beyond the limits');
    expect(second.stdout).toMatch(
      /::error title=perfgate(:|%3A) GrowSlice-2 regressed::GrowSlice-2 B\/op/,
    );
    expect(second.outputs['report-json']).toMatch(/perfgate-report\.json$/);
    noInternalErrors(fake);
  });

  test('artifact service and blob: a push saves the baseline, a pull request reads it back', async () => {
    const { fake, pushMain, pullRequest, comments } = await setUp();
    const push = await pushMain({ 'bench-output': BASE });
    expect(push.code).toBe(0);
    expect(push.outputs.verdict).toBe('no-baseline');
    const saved = fake.artifacts.filter((a) => a.name === 'perfgate-baseline-benchmarks-bench');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.workflow_run.head_branch).toBe('main');
    const files = fake.artifactFiles(saved[0]!);
    const manifest = JSON.parse(files['perfgate-manifest.json']!.toString());
    expect(manifest).toMatchObject({ schema: 1, tool: 'perfgate', commit: BASE_SHA });
    // The bundle writes package.json's version into the manifest.
    expect(manifest.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(files[manifest.benchFiles[0]]!.toString()).toBe(readFileSync(BASE, 'utf8'));

    const pr = await pullRequest(11, { 'bench-output': HEAD });
    expect(pr.code).toBe(1);
    expect(pr.outputs.verdict).toBe('fail');
    const body = comments(11)[0]!.body;
    expect(body).toContain(`Base \`${BASE_SHA.slice(0, 12)}\` on <code>main</code>`);
    expect(body).toContain('<details><summary>Timings, not gated (3 changes)</summary>');
    const id = saved[0]!.id;
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
      expect.arrayContaining([
        `GET /repos/acme/app/actions/artifacts/${id}/zip 302`,
        `GET /blob/download/${id}/perfgate-baseline-benchmarks-bench.zip 200`,
      ]),
    );
    noInternalErrors(fake);
  });

  test("a fork's pull request leaves its report; mode: comment in a workflow_run workflow posts it", async () => {
    const { fake, runAction, pullRequest, comments } = await setUp();
    const fork = await pullRequest(14, { 'bench-output': HEAD, baseline: BASE }, 'someone/app');
    expect(fork.code).toBe(1);
    expect(comments(14)).toHaveLength(0);
    expect(fake.requests.some((q) => q.path.includes('/issues/'))).toBe(false);
    expect(fork.stdout).toContain(
      '::warning::pull request from a fork: the token is read-only, so no comment is posted',
    );
    expect(fork.summary).toContain('### ❌ perfgate: fail');
    const report = fake.artifacts.find((a) => a.name === 'perfgate-report-benchmarks-bench')!;

    const r = await runAction(
      'workflow_run',
      {
        workflow_run: { id: report.workflow_run.id, head_sha: fake.pulls.get(14)!.head.sha },
        repository,
      },
      { mode: 'comment' },
      { GITHUB_REF: 'refs/heads/main' },
    );
    expect(r.code).toBe(0);
    expect(comments(14)).toHaveLength(1);
    expect(comments(14)[0]!.body).toMatch(
      /^<!-- perfgate:benchmarks-bench -->\n### ❌ perfgate: fail/,
    );
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs['comment-url']).toBe(comments(14)[0]!.html_url);
    noInternalErrors(fake);
  });

  test('a bad input fails at once with a clear error, and nothing is uploaded', async () => {
    const { fake, pushMain } = await setUp();
    const r = await pushMain({ 'bench-output': BASE, count: 'lots' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::perfgate: input 'count': "lots" is not a whole number\n`);
    expect(fake.artifacts).toEqual([]);
    expect(fake.requests).toEqual([]);
    expect(r.summary).toBe('');
  });

  test.each([
    [
      'a unit that shifts columns, pings a team and adds a link',
      'BenchmarkAlloc',
      '|<b>@org/team[x](https://evil.example)',
    ],
    [
      'a name with an element, a mention and a fold',
      'Benchmark<img/src=x>@octocat</details>',
      'B/op',
    ],
    [
      'a name that is a workflow command',
      'Benchmark::add-mask::x%0A::error::y',
      '::stop-commands::t',
    ],
  ])(
    "hostile benchmark output (%s): the comment and summary render whole, the log has only perfgate's commands",
    async (_, name, unit) => {
      const { fake, pullRequest, comments, dataText } = await setUp();
      dataText.push(name.replace(/^Benchmark/, ''), unit);
      const scratch = mkdtempSync(path.join(tmpdir(), 'perfgate-hostile-'));
      onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
      const run = (bytes: number) =>
        `BenchmarkOk-8 10 100 ns/op\n${name}-8 10 100 ns/op ${bytes} ${unit}\n`.repeat(6);
      writeFileSync(path.join(scratch, 'base.txt'), run(64));
      writeFileSync(path.join(scratch, 'head.txt'), run(128));
      const r = await pullRequest(12, {
        'bench-output': path.join(scratch, 'head.txt'),
        baseline: path.join(scratch, 'base.txt'),
      });
      // Every comment and summary is rendered by cmark-gfm when the test ends (setUp): no element,
      // link, mention or fold of the data's own, every table whole.
      expect(comments(12)).toHaveLength(1);
      expect(r.summary).not.toBe('');
      const commands = r.stdout.split('\n').filter((l) => l.trimStart().startsWith('::'));
      for (const c of commands) expect(c).toMatch(/^::(error|warning|notice|group|endgroup)[ :]/);
      expect(commands.filter((c) => /^::(add-mask|stop-commands)/.test(c))).toEqual([]);
      noInternalErrors(fake);
    },
  );

  test('a missing working-directory is named as such, without a stack trace', async () => {
    const { fake, pushMain } = await setUp();
    const r = await pushMain({ 'go-packages': './...', 'working-directory': 'no/such/dir' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `::error::perfgate: input 'working-directory': "no/such/dir" does not exist (is the repository checked out there?)\n`,
    );
    expect(r.stdout).not.toMatch(/command not found|\n\s+at /);
    expect(fake.artifacts).toEqual([]);
  });

  test('go test runs without the tokens and command files: a benchmark that dumps its environment sees none', async () => {
    const { fake, runAction } = await setUp();
    const scratch = mkdtempSync(path.join(tmpdir(), 'perfgate-envdump-'));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const dump = path.join(scratch, 'env.txt');
    for (const f of ['github-env', 'github-path', 'github-state'])
      writeFileSync(path.join(scratch, f), '');
    const r = await runAction(
      'push',
      { ref: 'refs/heads/main', after: BASE_SHA, repository },
      {
        'go-packages': './envdump',
        'working-directory': 'fixtures/go',
        count: '1',
        benchtime: '1x',
        'save-baseline': 'false',
        'github-token': 'ghs_secret_input_token',
      },
      {
        GITHUB_SHA: BASE_SHA,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_TOKEN: 'ghs_secret_github_token',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'secret-oidc',
        GITHUB_ENV: path.join(scratch, 'github-env'),
        GITHUB_PATH: path.join(scratch, 'github-path'),
        GITHUB_STATE: path.join(scratch, 'github-state'),
        PERFGATE_ENV_DUMP: dump,
      },
    );
    expect(r.code).toBe(0);
    const seen = new Map(
      readFileSync(dump, 'utf8')
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
    );
    const names = [...seen.keys()];
    expect(names.filter((n) => /^(INPUT_|ACTIONS_)/i.test(n))).toEqual([]);
    const gone = ['GITHUB_TOKEN', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE'];
    expect(names.filter((n) => [...gone, 'GITHUB_STEP_SUMMARY'].includes(n))).toEqual([]);
    expect([...seen.values()].filter((v) => /secret|test-token|run-\d|eyJ/.test(v))).toEqual([]);
    // The rest of the environment is the user's: PATH, the run's context, the workflow's env.
    // go test puts its own GOROOT/bin first.
    expect(seen.get('PATH')).toContain(process.env.PATH);
    expect(seen.get('GITHUB_REPOSITORY')).toBe('acme/app');
    expect(seen.get('GITHUB_SHA')).toBe(BASE_SHA);
    expect(seen.get('PERFGATE_ENV_DUMP')).toBe(dump);
    noInternalErrors(fake);
  });

  test("the sticky comment is the token's own: a user's comment carrying the marker stays untouched", async () => {
    const { fake, pullRequest, comments } = await setUp();
    const marker = '<!-- perfgate:benchmarks-bench -->';
    const lgtm = fake.addComment(20, `LGTM ${marker}`, 'mallory');
    const forged = fake.addComment(20, `${marker}\n### ✅ perfgate: pass`, 'mallory');
    for (const bench of [BASE, HEAD])
      await pullRequest(20, { 'bench-output': bench, baseline: BASE });
    expect(
      comments(20).map((c) => [c.id, c.user.login, c.body.split('\n').slice(0, 2).join('\n')]),
    ).toEqual([
      [lgtm.id, 'mallory', `LGTM ${marker}`],
      [forged.id, 'mallory', `${marker}\n### ✅ perfgate: pass`],
      [
        expect.any(Number),
        'github-actions[bot]',
        `${marker}\n### ❌ perfgate: fail · 3 benchmarks regressed`,
      ],
    ]);
    expect(fake.requests.filter((q) => q.path === '/user').map((q) => q.status)).toEqual([
      403, 403,
    ]);
    noInternalErrors(fake);
  });

  test('a flaky artifact list: one 500 is retried and gives the verdict of no fault; a rate limit fails the step naming the call', async () => {
    const { fake, pushMain, pullRequest } = await setUp();
    expect((await pushMain({ 'bench-output': BASE })).code).toBe(0);
    const clean = await pullRequest(11, { 'bench-output': HEAD });
    expect(clean.outputs.verdict).toBe('fail');

    const LIST = '/repos/acme/app/actions/artifacts';
    const since = fake.requests.length;
    fake.failNext({ method: 'GET', pathPrefix: LIST }, 500, { message: 'Server Error' });
    const flaky = await pullRequest(12, { 'bench-output': HEAD });
    expect(
      fake.requests
        .slice(since)
        .filter((q) => q.path === LIST)
        .map((q) => q.status),
    ).toEqual([500, 200]);
    expect([flaky.code, flaky.outputs.verdict, flaky.outputs.regressions]).toEqual([
      clean.code,
      clean.outputs.verdict,
      clean.outputs.regressions,
    ]);

    const reset = Math.floor(Date.now() / 1000) + 3600;
    fake.failNext(
      { method: 'GET', pathPrefix: LIST },
      403,
      { message: 'API rate limit exceeded for installation ID 1.' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    );
    const limited = await pullRequest(13, { 'bench-output': HEAD });
    expect(limited.code).toBe(1);
    expect(limited.outputs.verdict).toBe('error');
    expect(limited.stdout).toContain(
      `::error::perfgate: the stored baseline could not be read: GitHub's API rate limit was hit on GET ${LIST} (HTTP 403); the limit resets at ${new Date(reset * 1000).toISOString()}\n`,
    );
    noInternalErrors(fake);
  });
  test('a job matrix: three legs and a merge job per workflow run; one baseline, one comment, a missing leg named', async () => {
    const { fake, work, pushMain, pullRequest, comments } = await setUp();
    const legs: Record<string, RegExp> = {
      a: /^Benchmark(GrowSlice|Concat|JSONEncode)-/,
      b: /^Benchmark(MutexCounter|ChanPipeline|SortInts)-/,
      c: /^Benchmark(SHA256|MapInsert|Parse)/,
    };
    /** One leg's part of a fixture run, as its `-bench` regex would have measured it. */
    const part = (fixture: string, leg: string) => {
      const file = path.join(work, `${path.basename(fixture, '.txt')}-${leg}.txt`);
      const lines = readFileSync(fixture, 'utf8').split('\n');
      writeFileSync(
        file,
        lines.filter((l) => !l.startsWith('Benchmark') || legs[leg]!.test(l)).join('\n'),
      );
      return file;
    };
    let workflowRun = 7000;
    /** The legs named, then the merge job, in one workflow run. */
    async function matrix(
      job: (inputs: Record<string, string>, env: Record<string, string>) => Promise<Run>,
      fixture: string,
      names: string[],
    ) {
      const env = { GITHUB_RUN_ID: String(++workflowRun) };
      const legRuns: Run[] = [];
      for (const shard of names)
        legRuns.push(await job({ 'bench-output': part(fixture, shard), shard }, env));
      return { legs: legRuns, merge: await job({ mode: 'merge' }, env) };
    }

    const push = await matrix(pushMain, BASE, ['a', 'b', 'c']);
    expect(push.legs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(push.merge.code).toBe(0);
    const saved = fake.artifacts.filter((a) => a.name === 'perfgate-baseline-benchmarks-bench');
    expect(saved).toHaveLength(1);
    const manifest = JSON.parse(
      fake.artifactFiles(saved[0]!)['perfgate-manifest.json']!.toString(),
    );
    expect(manifest.shards.map((p: { name: string }) => p.name)).toEqual(['a', 'b', 'c']);

    const pr = (inputs: Record<string, string>, env: Record<string, string>) =>
      pullRequest(30, inputs, 'acme/app', env);
    const regressed = await matrix(pr, HEAD, ['a', 'b', 'c']);
    expect(regressed.legs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(regressed.merge.code).toBe(1);
    expect(regressed.merge.outputs).toMatchObject({ verdict: 'fail', regressions: '3' });
    expect(comments(30)).toHaveLength(1);
    const first = comments(30)[0]!;
    expect(first.body).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(first.body).toMatch(/\| <code>GrowSlice-2<\/code> +\| <code>a<\/code> +\|/);

    // The next push of the same pull request: leg c never uploaded.
    const missing = await matrix(pr, HEAD, ['a', 'b']);
    expect(missing.merge.code).toBe(1);
    expect(missing.merge.outputs.verdict).toBe('fail');
    expect(comments(30)).toHaveLength(1);
    expect(comments(30)[0]!.id).toBe(first.id);
    expect(comments(30)[0]!.body).toContain(
      '- shard <code>c</code>: no results were uploaded (the leg failed or was cancelled)',
    );
    noInternalErrors(fake);
  });
});

/**
 * The action on a real module (cespare/xxhash, test/helpers/xxhash-repo.ts) whose head copies
 * strings it used to convert in place: one allocation per call above 32 bytes.
 */
describe('the action end to end on a real Go module', () => {
  // 20000 iterations: a stray allocation of the runtime (a few KiB once in a run) stays below
  // 1 B/op, so B/op is the same in every run and judged exactly.
  const bench = 'String/(16B|100B|4KB)$';
  const goInputs = (dir: string, more: Record<string, string> = {}) => ({
    'go-packages': './...',
    'go-bench': bench,
    count: '3',
    benchtime: '20000x',
    'working-directory': dir,
    ...more,
  });
  /** A pull request event from feature into main at these commits. */
  const prPayload = (number: number, base: string, head: string) => ({
    number,
    pull_request: {
      number,
      base: { ref: 'main', sha: base, repo: { full_name: 'acme/app' } },
      head: { ref: 'feature', sha: head, repo: { full_name: 'acme/app' } },
    },
    repository,
  });
  /** The regressions of a run's report, by benchmark (without its GOMAXPROCS suffix) and unit. */
  const regressions = (r: Run) => {
    const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')) as {
      gate: { regressions: { name: string; unit: string; method: string }[] };
    };
    return report.gate.regressions
      .map((f) => `${f.name.replace(/-\d+$/, '')} ${f.unit} ${f.method}`)
      .sort();
  };
  /** The `::group::` titles of a run's log. */
  const groups = (r: Run) =>
    r.stdout
      .split('\n')
      .filter((l) => l.startsWith('::group::'))
      .map((l) => l.slice('::group::'.length));

  test("a baseline measured with -2 names gates a head measured with -4 names: the same exact regressions, the run's error annotated first", async () => {
    const { fake, work, runAction, comments } = await setUp();
    const repo = makeXxhashRepo(path.join(work, 'xxhash'));
    gitIn(repo.dir, 'checkout', '-q', repo.base);
    const push = await runAction(
      'push',
      { ref: 'refs/heads/main', after: repo.base, repository },
      goInputs(repo.dir),
      { GITHUB_SHA: repo.base, GITHUB_REF: 'refs/heads/main', GOMAXPROCS: '2' },
    );
    expect(push.code).toBe(0);
    expect(push.outputs.verdict).toBe('no-baseline');
    expect(push.summary).toContain(
      `Baseline saved for \`${repo.base.slice(0, 12)}\` on <code>main</code>`,
    );
    expect(push.summary).not.toContain('No baseline was found');
    // The exact command, quoted as a shell reads it, folds the raw output of the one package
    // with benchmarks; dynamic (a TestMain that builds a plugin) and xxhsum never run.
    const command = `go test -run '^$' -bench '${bench}' -benchmem -benchtime 20000x -count 3 github.com/cespare/xxhash/v2`;
    expect(groups(push)).toEqual([command]);
    const folded = push.stdout.slice(
      push.stdout.indexOf(`::group::${command}\n`),
      push.stdout.indexOf('::endgroup::'),
    );
    expect(folded.match(/^BenchmarkSum64String\/16B-2 /gm)).toHaveLength(3);
    expect(folded).toContain('\nok  \tgithub.com/cespare/xxhash/v2\t');
    expect(push.stdout).toContain(
      "head: benchmarks matching 'String/(16B|100B|4KB)$' are in github.com/cespare/xxhash/v2; 1 other package not run",
    );
    expect(existsSync(path.join(repo.dir, 'dynamic', 'plugin.so'))).toBe(false);

    gitIn(repo.dir, 'checkout', '-q', repo.head);
    const wider = await runAction(
      'pull_request',
      prPayload(40, repo.base, repo.head),
      goInputs(repo.dir),
      {
        GITHUB_SHA: repo.head,
        GITHUB_REF: 'refs/pull/40/merge',
        GOMAXPROCS: '4',
      },
    );
    const same = await runAction(
      'pull_request',
      prPayload(41, repo.base, repo.head),
      goInputs(repo.dir),
      {
        GITHUB_SHA: repo.head,
        GITHUB_REF: 'refs/pull/41/merge',
        GOMAXPROCS: '2',
      },
    );
    expect(wider.stdout).toContain('BenchmarkSum64String/100B-4 ');
    const expected = [
      ...['Sum64String', 'DigestString'].flatMap((b) => [
        ...['100B', '4KB'].map((s) => `${b}/${s} allocs/op exact`),
        ...['100B', '4KB'].map((s) => `${b}/${s} B/op exact`),
      ]),
    ].sort();
    expect(regressions(wider)).toEqual(expected);
    expect(regressions(same)).toEqual(expected);
    for (const r of [wider, same]) {
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ verdict: 'fail', regressions: '4' });
    }
    const body = comments(40)[0]!.body;
    expect(body).toContain(`Head \`${repo.head.slice(0, 12)}\`.`);
    expect(body).toMatch(/GOMAXPROCS/);

    // The run's own error annotation first, then one per exact finding (all fit in ten).
    const errors = wider.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(9);
    expect(errors[0]).toBe('::error::perfgate: 4 benchmarks regressed beyond the limits');
    expect(errors.slice(1).every((l) => /String\/(100B|4KB)-4 (allocs\/op|B\/op): /.test(l))).toBe(
      true,
    );
    noInternalErrors(fake);
  }, 180_000);

  test('a shallow checkout with baseline: rerun fetches the base commit; without a reachable origin it names the fetch-depth to set', async () => {
    const { fake, work, runAction } = await setUp();
    const repo = makeXxhashRepo(path.join(work, 'xxhash'));
    const origin = path.join(work, 'origin.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, origin]);
    const clone = (name: string) => {
      const dir = path.join(work, name);
      execFileSync('git', [
        'clone',
        '-q',
        '--depth=1',
        '--branch',
        'feature',
        `file://${origin}`,
        dir,
      ]);
      expect(gitIn(dir, 'rev-parse', '--is-shallow-repository')).toBe('true');
      expect(() => gitIn(dir, 'cat-file', '-e', `${repo.base}^{commit}`)).toThrow();
      return dir;
    };
    const rerun = (dir: string, number: number) =>
      runAction(
        'pull_request',
        prPayload(number, repo.base, repo.head),
        goInputs(dir, { 'go-bench': 'Sum64String/(16B|100B)$', baseline: 'rerun' }),
        { GITHUB_SHA: repo.head, GITHUB_REF: `refs/pull/${number}/merge` },
      );

    const shallow = clone('shallow');
    const fetched = await rerun(shallow, 42);
    expect(fetched.stdout).toContain(
      `base ${repo.base} is not in this shallow checkout: fetching it from origin`,
    );
    expect(fetched.outputs.verdict).toBe('fail');
    expect(regressions(fetched)).toContain('Sum64String/100B allocs/op exact');
    expect(fetched.summary).toContain(
      `Base \`${repo.base.slice(0, 12)}\` on <code>main</code>, rerun in this job, interleaved with head. Head \`${repo.head.slice(0, 12)}\`.`,
    );
    // Rounds say which side and which round they are, and only the package with the matching
    // benchmarks runs in them.
    expect(groups(fetched)).toContain('round 3/3: base github.com/cespare/xxhash/v2');
    expect(groups(fetched).filter((g) => g.startsWith('round '))).toHaveLength(6);
    expect(groups(fetched).filter((g) => !g.endsWith(' github.com/cespare/xxhash/v2'))).toEqual([]);
    expect(existsSync(path.join(shallow, 'dynamic', 'plugin.so'))).toBe(false);

    const cut = clone('cut-off');
    gitIn(cut, 'remote', 'set-url', 'origin', `file://${path.join(work, 'gone.git')}`);
    const failed = await rerun(cut, 43);
    expect(failed.code).toBe(1);
    expect(failed.outputs.verdict).toBe('error');
    const message = `the base commit ${repo.base} is not in this shallow checkout and could not be fetched from origin`;
    expect(failed.stdout).toContain(`::error::perfgate: ${message}`);
    expect(failed.stdout).toContain("set `fetch-depth: 0` in actions/checkout's `with:`");
    expect(failed.summary).toContain('### ⛔ perfgate: error');
    expect(failed.summary).toContain(message);
    noInternalErrors(fake);
  }, 180_000);

  test("go-bench matching nothing: one line in the user's terms, a verdict output and a summary", async () => {
    const { fake, work, runAction } = await setUp();
    const repo = makeXxhashRepo(path.join(work, 'xxhash'));
    const r = await runAction(
      'pull_request',
      prPayload(44, repo.base, repo.head),
      goInputs(repo.dir, { 'go-bench': 'NoSuch' }),
      { GITHUB_SHA: repo.head, GITHUB_REF: 'refs/pull/44/merge' },
    );
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.stdout).toContain(
      "::error::perfgate: no benchmark matches -bench 'NoSuch' in ./...\n",
    );
    expect(r.summary).toContain('### ⛔ perfgate: error');
    expect(r.summary).toContain("no benchmark matches -bench 'NoSuch' in ./...");
    expect(r.summary).not.toMatch(/bench\/\d+-go\.txt/);
    noInternalErrors(fake);
  }, 120_000);
});
