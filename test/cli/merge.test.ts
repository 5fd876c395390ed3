/**
 * `perfgate merge`: shard result folders (as the action's legs upload them) judged as one run.
 * The legs hold real fixture runs (fixtures/bench) split by benchmark name; the merged decision
 * is checked against `perfgate gate` on the whole files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { GateFinding, GateResult } from '../../src/analyze/gate.js';
import type { RunReport } from '../../src/report/run-report.js';
import { cli } from '../helpers/cli.js';

const BASE = 'fixtures/bench/ab-inter-base.txt';
const HEAD = 'fixtures/bench/ab-inter-head.txt';
const LEGS: Record<string, RegExp> = {
  a: /^Benchmark(GrowSlice|Concat|JSONEncode)-/,
  b: /^Benchmark(MutexCounter|ChanPipeline|SortInts)-/,
  c: /^Benchmark(SHA256|MapInsert|Parse)/,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'perfgate-merge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const part = (fixture: string, only: RegExp) =>
  readFileSync(fixture, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('Benchmark') || only.test(l))
    .join('\n');

/** A leg's folder: head and the base it reran, with its manifest. */
function leg(name: string, only: RegExp, manifest: Record<string, unknown> = {}): string {
  const d = path.join(dir, name);
  mkdirSync(path.join(d, 'head', 'bench'), { recursive: true });
  mkdirSync(path.join(d, 'base'), { recursive: true });
  writeFileSync(path.join(d, 'head', 'bench', '0-go.txt'), part(HEAD, only));
  writeFileSync(path.join(d, 'base', 'go.txt'), part(BASE, only));
  writeFileSync(
    path.join(d, 'perfgate-shard.json'),
    JSON.stringify({
      schema: 1,
      tool: 'perfgate',
      key: 'bench',
      shard: name,
      head: { benchFiles: ['head/bench/0-go.txt'], profiles: [] },
      base: { benchFiles: ['base/go.txt'], profiles: [] },
      baseline: { source: 'rerun', commit: 'b'.repeat(40) },
      ...manifest,
    }),
  );
  return d;
}

const decisions = (fs: GateFinding[]) =>
  fs
    .map((f) => ({ name: f.name, unit: f.unit, rawP: f.rawP, p: f.p, verdict: f.verdict }))
    .sort((x, y) => `${x.name} ${x.unit}`.localeCompare(`${y.name} ${y.unit}`));

describe('perfgate merge', () => {
  test('three legs decide what one gate over the whole files decides', async () => {
    const dirs = Object.entries(LEGS).map(([n, re]) => leg(n, re));
    const merged = await cli('merge', ...dirs, '--format', 'json');
    const whole = await cli('gate', BASE, HEAD, '--format', 'json');
    expect(merged.code).toBe(1);
    expect(whole.code).toBe(1);
    const report = JSON.parse(merged.stdout) as RunReport;
    const gate = JSON.parse(whole.stdout) as GateResult;
    expect(report.verdict).toBe('fail');
    expect(report.shards).toEqual({ names: ['a', 'b', 'c'], incomplete: [] });
    expect(decisions(report.gate!.findings)).toEqual(decisions(gate.findings));
    expect(report.gate!.regressions.length).toBe(gate.regressions.length);
  });

  test('the comment names a leg that --shards expects and no folder gives', async () => {
    const r = await cli('merge', leg('a', LEGS.a!), leg('b', LEGS.b!), '--shards', 'a,b,c');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('### ❌ perfgate: fail');
    expect(r.stdout).toContain(
      '- shard <code>c</code>: no results were uploaded (the leg failed or was cancelled)',
    );
  });

  test('--missing-shards warn: incomplete is said on stderr and exits 0', async () => {
    // Head is its own base here: nothing changed, so only the missing leg decides.
    const only = leg('b', LEGS.b!, {
      head: { benchFiles: ['base/go.txt'], profiles: [] },
    });
    const r = await cli('merge', only, '--shards', 'b,c', '--missing-shards', 'warn');
    expect(r.stdout).toContain('### ⚠️ perfgate: incomplete');
    expect(r.stderr).toBe(
      'perfgate merge: incomplete: 1 shard missing or failed: shard c no results were uploaded (the leg failed or was cancelled)\n',
    );
    expect(r.code).toBe(0);
  });

  test.each([
    [[], 'perfgate merge: expected one or more shard folders'],
    [['nowhere'], "perfgate merge: nowhere: not a shard's results (no perfgate-shard.json in it)"],
    [
      ['--shards', 'a b', 'x'],
      'perfgate merge: --shards: "a b" is not a shard name (e.g. "linux")',
    ],
  ])('%j is refused with one line', async (argv, message) => {
    const r = await cli('merge', ...argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
  });

  test('a manifest that names a file outside its folder is refused', async () => {
    const d = leg('a', LEGS.a!, { head: { benchFiles: ['../../etc/passwd'], profiles: [] } });
    const r = await cli('merge', d);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `perfgate merge: ${path.join(d, 'perfgate-shard.json')}: its head is unusable\n`,
    );
  });

  test('the same shard twice is refused', async () => {
    const a = leg('a', LEGS.a!);
    const r = await cli('merge', a, a);
    expect(r.stderr).toBe(`perfgate merge: ${a}: shard a is given twice\n`);
    expect(r.code).toBe(2);
  });
});
