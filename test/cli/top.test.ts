import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { VERSION } from '../../src/version.js';
import { cli, distCli } from '../helpers/cli.js';

const cpu = 'fixtures/profiles/growslice/head/cpu.pb.gz';
const golden = 'fixtures/golden/top/profiles/growslice/head/cpu.cpu.txt';

function fromShowing(text: string): string {
  return text.slice(text.indexOf('Showing nodes accounting for'));
}

describe('perfgate top', () => {
  test('the bundled CLI prints what go tool pprof -top prints', () => {
    const r = distCli('top', cpu);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fromShowing(r.stdout)).toBe(fromShowing(readFileSync(golden, 'utf8')));
    expect(r.stdout).toMatch(/^File: workload\nBuild ID: \w+\nType: cpu\nTime: .*\nDuration: /);
  });

  test('--nodecount keeps the first rows and says how many there are', async () => {
    const all = JSON.parse((await cli('top', cpu, '--format', 'json')).stdout);
    const top3 = JSON.parse((await cli('top', cpu, '--format', 'json', '--nodecount', '3')).stdout);
    expect(top3.rows).toEqual(all.rows.slice(0, 3));
    expect(top3.functionCount).toBe(all.rows.length);
    const text = await cli('top', cpu, '--nodecount', '3');
    expect(text.stdout).toContain(`Showing top 3 nodes out of ${all.rows.length}\n`);
  });

  test('markdown: a table with escaped function names', async () => {
    const r = await cli('top', cpu, '--format', 'markdown', '--nodecount', '5');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^\*\*fixtures\/profiles\/growslice\/head\/cpu\.pb\.gz\*\* · cpu · total \S+, top 5 of \d+ functions$/,
    );
    expect(lines[2]!.split('|').map((c) => c.trim())).toEqual([
      '',
      'flat',
      'flat%',
      'sum%',
      'cum',
      'cum%',
      'function',
      '',
    ]);
    expect(lines).toHaveLength(4 + 5);
    expect(r.stdout).not.toMatch(/<code>[^<]*[*[\]]/);
  });

  test('json: the report model with raw numbers', async () => {
    const r = await cli('top', cpu, '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(report.sampleType).toEqual({ type: 'cpu', unit: 'nanoseconds' });
    const flatSum = report.rows.reduce((s: number, row: { flat: number }) => s + row.flat, 0);
    expect(flatSum).toBe(report.shownFlat);
    expect(report.rows[0]).toHaveProperty('cum');
  });

  test('--help and --version', async () => {
    expect((await cli('top', '--help')).stdout).toContain('Usage: perfgate top <profile>');
    expect((await cli('--version')).stdout).toBe(`perfgate ${VERSION}\n`);
    // The bundle says package.json's version: the build defines it.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(distCli('--version').stdout).toBe(`perfgate ${pkg.version}\n`);
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Commands:');
    const unknown = await cli('frob');
    expect(unknown.stderr).toMatch(/^perfgate: unknown command "frob"/);
    expect(unknown.code).toBe(2);
  });
});

describe('perfgate comment (npm run demo)', () => {
  test('prints the PR comment for two shipped runs', () => {
    const r = distCli(
      'comment',
      'fixtures/bench/ab-inter-base.txt',
      'fixtures/bench/ab-inter-head.txt',
    );
    // Like perfgate gate: 1 when the verdict is fail, so scripts can use it.
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      '<!-- perfgate:default -->',
      '### ❌ perfgate: fail · 3 benchmarks regressed',
    ]);
    expect(r.stdout).toContain('<code>GrowSlice-2</code>');
  });

  test('improvements are counted in the headline when there are some', () => {
    const r = distCli(
      'comment',
      'fixtures/bench/ab-inter-head.txt',
      'fixtures/bench/ab-inter-base.txt',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(
      '### ✅ perfgate: pass · 0 benchmarks regressed · 3 improved',
    );
  });

  test('with a stored baseline, timings are shown but do not gate', () => {
    const r = distCli(
      'comment',
      'fixtures/bench/ab-inter-base.txt',
      'fixtures/bench/ab-inter-head.txt',
      '--stored-baseline',
    );
    // Allocations still gate: the same three benchmarks regressed, by B/op and allocs/op.
    expect(r.stdout).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<details><summary>Timings, not gated (3 changes)</summary>');
  });
});
