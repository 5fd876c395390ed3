/**
 * perfgate bench --go, run for real with the Go toolchain (a temporary git repository whose head
 * has a regression). JavaScript suites: js-bench-run.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mergeRounds } from '../../src/collect/go-bench.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { distCli } from '../helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'perfgate-run-'));
const repo = path.join(work, 'repo');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: repo,
  });

beforeAll(() => {
  // Base commit from fixtures/gorepo/base; the working tree (head) gets fixtures/gorepo/head.
  cpSync('fixtures/gorepo/base', repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  cpSync('fixtures/gorepo/head', repo, { recursive: true });
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
      /Squares-\d+ {2}allocs\/op {2}1\.000 → 16\.000 {2}\+1500\.00% {2}(exact|p=0\.\d{3})/,
    );
    expect(r.code).toBe(1);
    // The temporary worktree is gone.
    expect(
      execFileSync('git', ['worktree', 'list'], { cwd: repo }).toString().trim().split('\n'),
    ).toHaveLength(1);
  });

  test('a plain run keeps the output and a cpu and mem profile per package', () => {
    const out = path.join(work, 'plain');
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
    expect(r.stdout).toBe(`wrote ${path.join(out, 'head.txt')}: 4 results\n`);
    const cpu = path.join(out, 'perfgate.example_gorepo.cpu.pb.gz');
    expect(existsSync(cpu)).toBe(true);
    const top = distCli(
      'top',
      path.join(out, 'perfgate.example_gorepo.mem.pb.gz'),
      '--nodecount',
      '3',
    );
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('perfgate.example/gorepo.Squares');
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
