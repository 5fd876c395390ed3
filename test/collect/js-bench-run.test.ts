/**
 * perfgate bench --js, run for real: tinybench suites from fixtures/js in fresh node processes,
 * and a temporary git repository (fixtures/jsrepo) whose head does twice the work, for the
 * interleaved base rerun.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { distCli, distCliEnv } from '../helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'perfgate-js-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (file: string) => parseBenchText(readFileSync(file, 'utf8'), file);
/**
 * Each round's measurement of a task: iterations and median. A fast, deterministic task can have
 * the same median in every round (the timer's grain), but not the same iteration count as well.
 */
const roundsOf = (file: string, name: string) =>
  read(file)
    .results.filter((r) => r.name === name)
    .map((r) => `${r.iterations} ${r.values.find((v) => v.unit === 'sec/op')!.value}`);

describe('perfgate bench --js: each round is a fresh measurement', () => {
  test('rounds of a task-functions suite differ, in the Go format, named by task', () => {
    const out = path.join(work, 'plain');
    const r = distCli(
      'bench',
      '--js',
      'fixtures/js/suite.mjs',
      '--rounds',
      '5',
      '--time',
      '20',
      '--out',
      out,
    );
    expect(r.stdout).toBe(`wrote ${path.join(out, 'head.txt')}: 15 results\n`);
    expect(r.stderr).toBe(
      [1, 2, 3, 4, 5].map((i) => `round ${i}/5: fixtures/js/suite.mjs\n`).join(''),
    );
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(out, 'head.txt'), 'utf8');
    // The module is named under its own key: `pkg:` is part of a benchmark's identity.
    expect(text).toMatch(
      /^os: \w+\narch: \w+\nruntime: node v[\d.]+\njsmodule: fixtures\/js\/suite\.mjs\n/,
    );
    expect(text).not.toMatch(/^pkg:/m);
    const f = read(path.join(out, 'head.txt'));
    expect(f.results.map((x) => x.name).slice(0, 3)).toEqual([
      'dedupe',
      'sort_numbers',
      'join_words',
    ]);
    for (const name of ['dedupe', 'sort_numbers', 'join_words']) {
      const rounds = roundsOf(path.join(out, 'head.txt'), name);
      expect(rounds).toHaveLength(5);
      expect(new Set(rounds).size).toBeGreaterThan(1);
    }
  });

  test('a suite that exports its own Bench and runs it on load is reset and measured again', () => {
    const out = path.join(work, 'v6');
    const r = distCli('bench', '--js', 'fixtures/js/bench-v6.mjs', '--rounds', '5', '--out', out);
    expect(r.code).toBe(0);
    for (const name of ['sort_numbers', 'sum_numbers']) {
      const rounds = roundsOf(path.join(out, 'head.txt'), name);
      expect(rounds).toHaveLength(5);
      expect(new Set(rounds).size).toBeGreaterThan(1);
    }
  });

  test('runs of suites in files of different names compare by task: the quadratic de-duplication fails', () => {
    const base = path.join(work, 'js-base');
    const head = path.join(work, 'js-head');
    const renamed = path.join(work, 'renamed-suite.mjs');
    cpSync('fixtures/js/suite.mjs', renamed);
    const args = ['--rounds', '5', '--time', '20'];
    expect(distCli('bench', '--js', 'fixtures/js/suite.mjs', ...args, '--out', base).code).toBe(0);
    expect(
      distCliEnv({ PERFGATE_VARIANT: 'head' }, 'bench', '--js', renamed, ...args, '--out', head)
        .code,
    ).toBe(0);
    const g = distCli(
      'gate',
      path.join(base, 'head.txt'),
      path.join(head, 'head.txt'),
      '--correction',
      'none',
    );
    expect(g.stdout).toMatch(
      /^FAIL: 1 benchmark regressed(, \d+ improved)?; 3 benchmarks compared /,
    );
    expect(g.stdout).toMatch(/\n {2}dedupe {2}sec\/op /);
    expect(g.code).toBe(1);
  });
});

describe('perfgate bench --js: suites that cannot be measured fail the run (exit 2)', () => {
  test('a task that throws is named with its error, and nothing is written', () => {
    const out = path.join(work, 'throws');
    const r = distCli('bench', '--js', 'fixtures/js/throws.mjs', '--rounds', '5', '--out', out);
    expect(r.stderr).toMatch(
      /^round 1\/5: fixtures\/js\/throws\.mjs\nperfgate bench: fixtures\/js\/throws\.mjs: task "parse broken" threw: .*JSON.*\n$/,
    );
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(existsSync(path.join(out, 'head.txt'))).toBe(false);
  });

  test('a Bench from tinybench 2 (the real package, fixtures/js/tinybench2) is refused by name', () => {
    const out = path.join(work, 'tb2');
    const r = distCli(
      'bench',
      '--js',
      'fixtures/js/tinybench2/suite.mjs',
      '--rounds',
      '5',
      '--out',
      out,
    );
    expect(r.stderr).toBe(
      'round 1/5: fixtures/js/tinybench2/suite.mjs\n' +
        'perfgate bench: fixtures/js/tinybench2/suite.mjs: its Bench is not from a supported tinybench: perfgate runs tinybench 6 Benches (tinybench 2 to 5 report results differently); use tinybench 6, or export the task functions instead (an object of functions, as default or "tasks")\n',
    );
    expect(r.code).toBe(2);
    expect(existsSync(path.join(out, 'head.txt'))).toBe(false);
  });

  test('a suite that ends its own process: its exit code and last output are shown', () => {
    const r = distCli('bench', '--js', 'fixtures/js/exits.mjs', '--rounds', '5');
    expect(r.stderr).toBe(
      "round 1/5: fixtures/js/exits.mjs\nperfgate bench: fixtures/js/exits.mjs: the suite's process exited with 3 before finishing a round:\nconfig file missing, giving up\n",
    );
    expect(r.code).toBe(2);
  });

  test('a module that is not there, or not a suite', () => {
    const m = distCli('bench', '--js', 'fixtures/js/no-such-suite.mjs');
    expect(m.stderr).toBe(
      'perfgate bench: fixtures/js/no-such-suite.mjs: no such benchmark module\n',
    );
    expect(m.code).toBe(2);
    const d = distCli('bench', '--js', 'fixtures/js/suite.mjs', '--dir', 'no-such-folder');
    expect(d.stderr).toBe('perfgate bench: no-such-folder: no such folder to run the suite in\n');
    expect(d.code).toBe(2);
    const g = distCli('bench', '--js', 'fixtures/gorepo/base/go.mod');
    // Refused before any round runs.
    expect(g.stderr).toBe(
      'perfgate bench: fixtures/gorepo/base/go.mod: not a JavaScript module (a tinybench suite is a .js, .mjs, .cjs, .ts, .mts, .cts file)\n',
    );
    expect(g.code).toBe(2);
    const n = distCli('bench', '--js', 'fixtures/js/tinybench2/package.json', '--rounds', '5');
    expect(n.stderr).toBe(
      'perfgate bench: fixtures/js/tinybench2/package.json: not a JavaScript module (a tinybench suite is a .js, .mjs, .cjs, .ts, .mts, .cts file)\n',
    );
    expect(n.code).toBe(2);
  });

  test('a suite with a syntax error: the message names its line', () => {
    const r = distCli('bench', '--js', 'fixtures/js/syntax-error.mjs', '--rounds', '5');
    expect(r.stderr).toBe(
      "round 1/5: fixtures/js/syntax-error.mjs\nperfgate bench: fixtures/js/syntax-error.mjs: cannot load the benchmark module: Unexpected token ';' (line 5)\n",
    );
    expect(r.code).toBe(2);
  });

  test('bad --rounds and --time, and options of the other kind of suite', () => {
    const cases: [string[], string][] = [
      [['--rounds', '3'], '--rounds: 3 is too few: at least 5 rounds are needed to compare'],
      [['--rounds', 'ten'], `--rounds: "ten" is not a whole number`],
      [['--rounds', '0'], `--rounds: "0" must be at least 1`],
      [['--time', '0'], `--time: "0" must be at least 1`],
      [
        ['--count', '10'],
        '--count is an option of --go, not of --js (with --js, --rounds sets the rounds)',
      ],
      [['--benchtime', '1s'], '--benchtime is an option of --go, not of --js'],
    ];
    for (const [flags, message] of cases) {
      const r = distCli('bench', '--js', 'fixtures/js/suite.mjs', ...flags);
      expect(r.stderr).toBe(`perfgate bench: ${message}\n`);
      expect(r.code).toBe(2);
    }
    const go = distCli('bench', '--go', './...', '--rounds', '10');
    expect(go.stderr).toBe('perfgate bench: --rounds is an option of --js, not of --go\n');
    expect(go.code).toBe(2);
  });
});

test("a suite runs without the action's inputs, tokens and workflow command files", () => {
  const dump = path.join(work, 'env.json');
  const secrets = {
    GITHUB_TOKEN: 'ghs_secret_github_token',
    'INPUT_GITHUB-TOKEN': 'ghs_secret_input_token',
    INPUT_TOKEN: 'ghs_secret_other_input',
    ACTIONS_RUNTIME_TOKEN: 'secret_runtime_token',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'secret_id_token',
    GITHUB_OUTPUT: path.join(work, 'github-output'),
    GITHUB_ENV: path.join(work, 'github-env'),
    GITHUB_PATH: path.join(work, 'github-path'),
    GITHUB_STATE: path.join(work, 'github-state'),
    GITHUB_STEP_SUMMARY: path.join(work, 'github-summary'),
  };
  const r = distCliEnv(
    { ...secrets, PERFGATE_ENV_DUMP: dump, GITHUB_REPOSITORY: 'acme/app' },
    'bench',
    '--js',
    'fixtures/js/env-dump.mjs',
    '--rounds',
    '5',
    '--time',
    '5',
    '--out',
    path.join(work, 'env-out'),
  );
  expect(r.code).toBe(0);
  const env = JSON.parse(readFileSync(dump, 'utf8')) as Record<string, string>;
  for (const [name, value] of Object.entries(secrets)) {
    expect(env[name]).toBeUndefined();
    expect(JSON.stringify(env)).not.toContain(value);
  }
  expect(JSON.stringify(env)).not.toContain('secret');
  // The rest of the environment is the suite's to use.
  expect(env.PERFGATE_ENV_DUMP).toBe(dump);
  expect(env.GITHUB_REPOSITORY).toBe('acme/app');
  expect(env.PATH).toBe(process.env.PATH);
});

describe('perfgate bench --js --base-ref: base and head interleaved, then gated', () => {
  const git = (repo: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: repo,
    })
      .toString()
      .trim();

  /** A repository whose commit is fixtures/jsrepo/base, with the project's packages installed. */
  function makeRepo(name: string, headFiles: string | undefined): string {
    const repo = path.join(work, name);
    cpSync('fixtures/jsrepo/base', repo, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    symlinkSync(path.resolve('node_modules'), path.join(repo, 'node_modules'), 'junction');
    if (headFiles) cpSync(headFiles, repo, { recursive: true });
    return repo;
  }
  let aa: string;
  let ab: string;
  beforeAll(() => {
    aa = makeRepo('jsrepo-aa', undefined);
    ab = makeRepo('jsrepo-ab', 'fixtures/jsrepo/head');
  });

  const run = (repo: string, out: string) =>
    distCli(
      'bench',
      '--js',
      path.join(repo, 'bench/suite.mjs'),
      '--base-ref',
      'main',
      '--rounds',
      '8',
      '--out',
      out,
    );

  test('A/A: the same suite on both sides passes', () => {
    const out = path.join(work, 'aa-out');
    const r = run(aa, out);
    const label = path.join(aa, 'bench/suite.mjs');
    expect(r.stderr).toContain(`base runs with head's installed node_modules\n`);
    expect(r.stderr).toContain(`round 1/8: base ${label}\nround 1/8: head ${label}\n`);
    expect(r.stderr).toContain(`round 2/8: head ${label}\nround 2/8: base ${label}\n`);
    expect(r.stdout).toMatch(/^base [0-9a-f]{12} vs head, 8 interleaved rounds\nPASS: /);
    expect(r.code).toBe(0);
    for (const side of ['base.txt', 'head.txt']) {
      const f = read(path.join(out, side));
      expect(f.failures).toEqual([]);
      expect(f.results.filter((x) => x.name === 'checksum')).toHaveLength(8);
      expect(f.results.filter((x) => x.name === 'join_words')).toHaveLength(8);
      expect(f.results[0]!.config.jsmodule).toBe(label);
      expect(f.results[0]!.config.pkg).toBeUndefined();
    }
    // The worktree is gone, and the packages it borrowed are still there.
    expect(git(aa, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(existsSync('node_modules/tinybench/package.json')).toBe(true);
  });

  test('A/B: head does twice the work in one task: that task fails the gate', () => {
    const r = run(ab, path.join(work, 'ab-out'));
    expect(r.stdout).toMatch(
      /^base [0-9a-f]{12} vs head, 8 interleaved rounds\nFAIL: 1 benchmark regressed(, \d+ improved)?; 2 benchmarks compared /,
    );
    expect(r.stdout).toMatch(/\n {2}checksum {2}sec\/op /);
    expect(r.stdout).not.toMatch(/\n {2}join_words {2}sec\/op /);
    expect(r.code).toBe(1);
  });

  test('an unknown base ref, and a suite that base does not have', () => {
    const r = distCli('bench', '--js', path.join(aa, 'bench/suite.mjs'), '--base-ref', 'nope');
    expect(r.stderr).toMatch(
      /^perfgate bench: base ref "nope" is not a commit of the repository at \S+\n$/,
    );
    expect(r.code).toBe(2);
    cpSync(path.join(aa, 'bench/suite.mjs'), path.join(aa, 'bench/new-suite.mjs'));
    const n = distCli('bench', '--js', path.join(aa, 'bench/new-suite.mjs'), '--base-ref', 'main');
    expect(n.stderr).toMatch(
      /\nperfgate bench: base [0-9a-f]{12} \(main\) has no bench\/new-suite\.mjs: nothing to compare head's suite with\n$/,
    );
    expect(n.code).toBe(2);
    expect(git(aa, 'worktree', 'list').split('\n')).toHaveLength(1);
  });
});
