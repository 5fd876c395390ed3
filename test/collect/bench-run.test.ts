/**
 * perfgate bench --go, run for real with the Go toolchain (a temporary git repository whose head
 * has a regression). JavaScript suites: js-bench-run.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { goTestFailure, mergeRounds, topLevelBenchRegex } from '../../src/collect/go-bench.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { distCli } from '../helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'perfgate-run-'));
const repo = path.join(work, 'repo');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const gitIn = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
  });

/**
 * A repository whose commit (main) is fixtures/gorepo/base and whose working tree (head) is
 * fixtures/gorepo/head, with the files of fixtures/gorepo/<overlay> copied over it.
 */
function makeRepo(dir: string, overlay?: string): string {
  cpSync('fixtures/gorepo/base', dir, { recursive: true });
  gitIn(dir, 'init', '-q', '-b', 'main');
  gitIn(dir, 'add', '.');
  gitIn(dir, 'commit', '-q', '-m', 'base');
  cpSync('fixtures/gorepo/head', dir, { recursive: true });
  if (overlay) cpSync(`fixtures/gorepo/${overlay}`, dir, { recursive: true });
  return dir;
}

/** Everything git sees in a repository's tree (tracked changes and untracked files). */
const treeState = (dir: string) =>
  gitIn(dir, 'status', '--porcelain', '--untracked-files=all', '--ignored').toString();

beforeAll(() => {
  makeRepo(repo);
});

describe('perfgate bench --go', () => {
  test('--base-ref runs base and head interleaved and fails on the real regression', () => {
    const out = path.join(work, 'out');
    const r = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      repo,
      '--base-ref',
      'main',
      '--count',
      '6',
      '--benchtime',
      '2000x',
      '--out',
      out,
    );
    // Progress goes to stderr, round by round, alternating which side goes first.
    expect(r.stderr).toContain(
      'round 1/6: base perfgate.example/gorepo\nround 1/6: head perfgate.example/gorepo\n',
    );
    expect(r.stderr).toContain(
      'round 2/6: head perfgate.example/gorepo\nround 2/6: base perfgate.example/gorepo\n',
    );
    const base = parseBenchText(readFileSync(path.join(out, 'base.txt'), 'utf8'), 'base.txt');
    const head = parseBenchText(readFileSync(path.join(out, 'head.txt'), 'utf8'), 'head.txt');
    for (const f of [base, head]) {
      expect(f.failures).toEqual([]);
      expect(
        f.results.filter((x) => x.name === 'Squares-2' || x.name.startsWith('Squares')).length,
      ).toBe(6);
      expect(f.results[0]!.config.pkg).toBe('perfgate.example/gorepo');
    }
    expect(r.stdout).toMatch(/^base [0-9a-f]{12} vs head, 6 interleaved rounds\nFAIL: /);
    // allocs/op is compared exactly when every round agrees; a run where the runtime adds an
    // allocation in one round is judged by the test instead, and fails all the same.
    expect(r.stdout).toMatch(
      /Squares-\d+ {2}allocs\/op {2}1( ± \d+%)? → 16( ± \d+%)? {2}×16 {2}(exact|p=0\.\d{3})/,
    );
    expect(r.code).toBe(1);
    // The temporary worktree is gone.
    expect(
      execFileSync('git', ['worktree', 'list'], { cwd: repo }).toString().trim().split('\n'),
    ).toHaveLength(1);
  });

  test('--profiles with --base-ref: one profiled run per side, nothing left in the repository', () => {
    const out = path.join(work, 'rerun-profiles');
    const before = treeState(repo);
    const r = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      repo,
      '--base-ref',
      'main',
      '--count',
      '2',
      '--benchtime',
      '100x',
      '--profiles',
      '--out',
      out,
    );
    expect(r.stderr).toContain('profiling base perfgate.example/gorepo\n');
    expect(r.stderr).toContain('profiling head perfgate.example/gorepo\n');
    const base = path.join(out, 'base-profiles');
    const head = path.join(out, 'head-profiles');
    expect(r.stdout).toContain(`wrote 4 profiles in ${base} and ${head}\n`);
    for (const dir of [base, head]) {
      expect(readdirSync(dir).sort()).toEqual([
        'perfgate.example_gorepo.cpu.pb.gz',
        'perfgate.example_gorepo.mem.pb.gz',
      ]);
    }
    // Head allocates growing its slice; base allocates once: the profiles show each side's code.
    const top = (dir: string) =>
      distCli('top', path.join(dir, 'perfgate.example_gorepo.mem.pb.gz'), '--nodecount', '3');
    expect(top(head).stdout).toContain('perfgate.example/gorepo.Squares');
    expect(top(base).stdout).toContain('perfgate.example/gorepo.Squares');
    // Only the rounds are in base.txt and head.txt: the profiled runs are not samples.
    const h = parseBenchText(readFileSync(path.join(out, 'head.txt'), 'utf8'), 'head.txt');
    expect(h.results.filter((x) => x.name.startsWith('Squares'))).toHaveLength(2);
    expect(treeState(repo)).toBe(before);
  });

  test('a plain run keeps the output and a cpu and mem profile per package', () => {
    const out = path.join(work, 'plain');
    const before = treeState(repo);
    const r = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      repo,
      '--count',
      '2',
      '--benchtime',
      '100x',
      '--profiles',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `wrote ${path.join(out, 'head.txt')}: 4 results\nwrote 2 profiles in ${out}\n`,
    );
    const cpu = path.join(out, 'perfgate.example_gorepo.cpu.pb.gz');
    expect(existsSync(cpu)).toBe(true);
    // go test keeps a test binary when profiling: never in the user's repository.
    expect(treeState(repo)).toBe(before);
    const top = distCli(
      'top',
      path.join(out, 'perfgate.example_gorepo.mem.pb.gz'),
      '--nodecount',
      '3',
    );
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('perfgate.example/gorepo.Squares');
  });

  test('no benchmark matches --bench: said before any run, with the regex and the packages', () => {
    const out = path.join(work, 'nomatch');
    const plain = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      repo,
      '--bench',
      'NoSuch',
      '--out',
      out,
    );
    expect(plain.stderr).toBe("perfgate bench: no benchmark matches -bench 'NoSuch' in ./...\n");
    expect(plain.code).toBe(2);
    const rerun = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      repo,
      '--base-ref',
      'main',
      '--bench',
      'NoSuch',
      '--out',
      out,
    );
    expect(rerun.stderr).toMatch(
      /^checking out base [0-9a-f]{12} \(main\) into a temporary worktree\nperfgate bench: no benchmark matches -bench 'NoSuch' in \.\/\.\.\.\n$/,
    );
    expect(rerun.code).toBe(2);
    expect(existsSync(path.join(out, 'head.txt'))).toBe(false);
    // A base given as its commit (as the action gives it) is named once.
    const sha = execFileSync('git', ['rev-parse', 'main'], { cwd: repo }).toString().trim();
    const bySha = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      repo,
      '--base-ref',
      sha,
      '--bench',
      'NoSuch',
    );
    expect(bySha.stderr.split('\n')[0]).toBe(
      `checking out base ${sha.slice(0, 12)} into a temporary worktree`,
    );
  });

  test('a benchmark only head has: base is checked before any round', () => {
    const dir = makeRepo(path.join(work, 'repo-new-bench'), 'panic');
    const r = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      dir,
      '--base-ref',
      'main',
      '--bench',
      'Lookup',
      '--out',
      path.join(work, 'new-bench'),
    );
    expect(r.stderr).toMatch(
      /perfgate bench: no benchmark matches -bench 'Lookup' in \.\/\.\.\. at base main \([0-9a-f]{12}\): nothing to compare with\n$/,
    );
    expect(r.stderr).not.toContain('round 1');
    expect(r.code).toBe(2);
  });

  test('a panicking benchmark stops the run, its stack reported once', () => {
    const dir = makeRepo(path.join(work, 'repo-panic'), 'panic');
    const out = path.join(work, 'panic');
    const count = (text: string) => text.split('slice bounds out of range [:17]').length - 1;
    const plain = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      dir,
      '--count',
      '3',
      '--benchtime',
      '10x',
      '--out',
      out,
    );
    expect(plain.stderr).toMatch(
      /perfgate bench: go test -bench \. perfgate\.example\/gorepo failed \(exit status 1\):\n {2}BenchmarkLookup(-\d+)? panicked:\n {6}panic: runtime error: slice bounds out of range \[:17\] with capacity \d+\n/,
    );
    expect(plain.stderr).toMatch(/panic_test\.go:10/);
    expect(count(plain.stdout + plain.stderr)).toBe(1);
    expect(plain.code).toBe(2);
    expect(existsSync(path.join(out, 'head.txt'))).toBe(false);

    const rerun = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      dir,
      '--base-ref',
      'main',
      '--count',
      '4',
      '--benchtime',
      '10x',
      '--out',
      out,
    );
    expect(rerun.stderr).toContain('round 1/4: head perfgate.example/gorepo\n');
    expect(rerun.stderr).not.toContain('round 2/4');
    expect(rerun.stderr).toMatch(
      /perfgate bench: head: perfgate\.example\/gorepo -test\.bench \. \(round 1\) failed \(exit status 2\):\n {2}BenchmarkLookup(-\d+)? panicked:\n/,
    );
    expect(count(rerun.stdout + rerun.stderr)).toBe(1);
    expect(rerun.code).toBe(2);
  });

  test('a build failure is reported once, before any round', () => {
    const dir = makeRepo(path.join(work, 'repo-broken'), 'broken');
    const r = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      dir,
      '--base-ref',
      'main',
      '--count',
      '4',
      '--out',
      path.join(work, 'broken'),
    );
    expect(r.stderr).toMatch(
      /perfgate bench: go test -list \. perfgate\.example\/gorepo failed \(exit status 1\):\n {2}package perfgate\.example\/gorepo failed to build:\n/,
    );
    expect(r.stderr.split('undefined: squareAll').length - 1).toBe(1);
    expect(r.stderr).not.toContain('round 1');
    expect(r.code).toBe(2);
  });

  test('a TestMain that stops the test binary: its output is the message, once, before any round', () => {
    const dir = makeRepo(path.join(work, 'repo-testmain'), 'testmain');
    const r = distCli(
      'bench',
      '--go',
      './...',
      '--dir',
      dir,
      '--base-ref',
      'main',
      '--out',
      path.join(work, 'testmain'),
    );
    expect(r.stderr).toMatch(
      /perfgate bench: go test -list \. perfgate\.example\/gorepo failed \(exit status 1\):\n {2}package perfgate\.example\/gorepo failed:\n {4}\S+ \S+ GOREPO_DATABASE_URL is not set: these benchmarks need a database\n/,
    );
    expect(r.stderr.split('GOREPO_DATABASE_URL is not set').length - 1).toBe(1);
    expect(r.stderr).not.toContain('round 1');
    expect(r.code).toBe(2);
  });

  test("benchmarks that all skip themselves: said in the user's terms, not as unreadable output", () => {
    const dir = makeRepo(path.join(work, 'repo-skipped'), 'skipped');
    const out = path.join(work, 'skipped');
    const r = distCli('bench', '--go', './...', '--dir', dir, '--count', '2', '--out', out);
    expect(r.stderr.split('\n').slice(-2)).toEqual([
      'perfgate bench: go test printed no benchmark results for -bench . in perfgate.example/gorepo: the matching benchmarks were skipped (b.Skip) or returned before reporting (go test -v shows why)',
      '',
    ]);
    expect(r.code).toBe(2);
    expect(existsSync(path.join(out, 'head.txt'))).toBe(false);
  });

  test('a NaN metric from b.ReportMetric: exit 2, the output kept apart, never as head.txt', () => {
    const out = path.join(work, 'nan');
    const r = distCli(
      'bench',
      '--go',
      './badmetric',
      '--dir',
      'fixtures/go',
      '--count',
      '2',
      '--benchtime',
      '10x',
      '--out',
      out,
    );
    const file = path.join(out, 'head.invalid.txt');
    expect(r.stderr).toContain(
      `perfgate bench: ${file}:5: NaN value for unit x in BenchmarkReportNaN-2 (and 1 more line)\n` +
        `${file}:7: NaN value for unit hits/op in BenchmarkZeroByZero-2 (and 1 more line)\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(path.join(out, 'head.txt'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('NaN x');
  });

  test('an unknown base ref', () => {
    const r = distCli('bench', '--go', './...', '--dir', repo, '--base-ref', 'no-such-branch');
    expect(r.stderr).toMatch(
      /^perfgate bench: base ref "no-such-branch" is not a commit of the repository at \S+\n$/,
    );
    expect(r.code).toBe(2);
  });

  test('no packages with tests', () => {
    const r = distCli('bench', '--go', './nothing/...', '--dir', repo);
    expect(r.stderr).toMatch(
      /perfgate bench: (no packages with tests match \.\/nothing\/\.\.\.|go list \.\/nothing\/\.\.\. failed)/,
    );
    expect(r.code).toBe(2);
  });

  test("a package folder that does not exist: go list's cause on one line", () => {
    const r = distCli('bench', '--go', './nosuch', '--dir', repo);
    expect(r.stderr).toMatch(
      /^perfgate bench: go list \.\/nosuch failed in \S+: stat \S+nosuch: directory not found\n$/,
    );
    expect(r.code).toBe(2);
  });

  test('neither --go nor --js', () => {
    const r = distCli('bench');
    expect(r.stderr).toMatch(/^perfgate bench: give either --go <packages> or --js <suite>/);
    expect(r.code).toBe(2);
  });
});

describe('mergeRounds', () => {
  test('one header, then each round in order', () => {
    const round = (ns: number) => `goos: linux\npkg: p\nBenchmarkA-2 \t 10 \t ${ns} ns/op\nPASS\n`;
    expect(mergeRounds([round(1), round(2)])).toBe(
      'goos: linux\npkg: p\nBenchmarkA-2 \t 10 \t 1 ns/op\nBenchmarkA-2 \t 10 \t 2 ns/op\n',
    );
  });
});

describe('topLevelBenchRegex: what go test -list matches of a -bench expression', () => {
  test.each([
    ['.', '.'],
    ['^BenchmarkParse$', '^BenchmarkParse$'],
    ['Parse/size=10', 'Parse'],
    ['Parse/size=10/hit', 'Parse'],
    ['A/x|B/y', '(?:A)|(?:B)'],
    ['(A|B)/x', '(A|B)'],
    ['[/|]x/y', '[/|]x'],
    ['a\\/b/c', 'a\\/b'],
  ])('%j → %j', (re, top) => expect(topLevelBenchRegex(re)).toBe(top));
});

describe('goTestFailure', () => {
  test('a build failure: the compiler messages, once', () => {
    const output = readFileSync('fixtures/bench/failing-build.txt', 'utf8');
    expect(goTestFailure('go test -list .', 1, output)).toBe(
      'go test -list . failed (exit status 1):\n' +
        '  package perfgate.example/fixtures/failing failed to build:\n' +
        '      failing/broken.go:7:13: undefined: maxRecords\n' +
        '      FAIL\tperfgate.example/fixtures/failing [build failed]',
    );
  });

  test('a panic: the stack, without the package FAIL line', () => {
    const output = readFileSync('fixtures/bench/failing-panic.txt', 'utf8');
    const message = goTestFailure('go test', 1, output);
    expect(message).toMatch(
      /^go test failed \(exit status 1\):\n {2}BenchmarkPanic-2 panicked:\n {6}panic: checksum: table has 256 entries, need 300\n/,
    );
    expect(message).not.toContain('package perfgate.example/fixtures/failing failed');
  });

  test('nothing recognisable: the last lines as printed', () => {
    expect(goTestFailure('x.test', 2, 'flag provided but not defined: -foo\nusage…\n')).toBe(
      'x.test failed (exit status 2):\n  flag provided but not defined: -foo\n  usage…',
    );
  });
});
