import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { pprofTypes } from '../../src/parse/pprof/schema.js';
import { cli, distCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-insights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demoArgs = JSON.parse(readFileSync('package.json', 'utf8'))
  .scripts.demo.replace(/^node dist\/cli\.js /, '')
  .replace(/ \|\| .*$/, '')
  .split(' ');
const goldenComment = 'fixtures/golden/comment/demo.md';

const twoPackagesGolden = 'fixtures/golden/comment/twopkg.md';

describe('the PR comment for one benchmark name in two packages (go/twopkg)', () => {
  test('equals the reviewed golden comment (UPDATE_GOLDEN=1 rewrites it)', () => {
    const r = distCli(
      'comment',
      'fixtures/bench/twopkg-base.txt',
      'fixtures/bench/twopkg-head.txt',
    );
    expect(r.code).toBe(1);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(twoPackagesGolden, r.stdout);
    expect(r.stdout).toBe(readFileSync(twoPackagesGolden, 'utf8'));
  });
});

describe('the PR comment for the fixture pair (npm run demo)', () => {
  test('equals the reviewed golden comment (UPDATE_GOLDEN=1 rewrites it)', () => {
    const r = distCli(...demoArgs);
    expect(r.code).toBe(1); // the demo's head regresses: the verdict is fail
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(path.dirname(goldenComment), { recursive: true });
      writeFileSync(goldenComment, r.stdout);
    }
    expect(r.stdout).toBe(readFileSync(goldenComment, 'utf8'));
  });

  test('names the growslice site and line, the change of its function and the pre-size advice; warns of the leak', () => {
    const body = readFileSync(goldenComment, 'utf8');
    // The allocation moved from the make line to the append line: the function's change is shown,
    // not a "new" site.
    expect(body).toMatch(
      /\| <code>main\.collectIDs<\/code><br><code>perfgate\.example\/fixtures\/workload\/growslice\.go:30<\/code> \| slice-growth \| moved within the function: [\d.]+ GiB → [\d.]+ GiB \(\+[\d.]+ MiB, \+[\d.]+%\)/,
    );
    expect(body).not.toContain('🆕');
    expect(body).toContain('pre-size the slice: <code>make(&#91;&#93;T, 0, n)</code>');
    expect(body).toMatch(
      /- ⚠️ \+40 goroutines \(0 → 40\): created by <code>main\.fetchSummary<\/code> at <code>perfgate\.example\/fixtures\/workload\/leak\.go:\d+<\/code>, waiting in <code>main\.waitForResult<\/code> at <code>perfgate\.example\/fixtures\/workload\/leak\.go:\d+<\/code> \[chan receive\]\n\n {2}Fix: nothing sends to or closes this channel: close it when the sender is done, or select on ctx\.Done\(\) so the goroutine can return\n/,
    );
    expect(body).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta horizontal\n/);
  });
});

describe('bad profile input', () => {
  test('profiles of different types paired by mistake: an error naming both', async () => {
    const cpu = 'fixtures/profiles/growslice/head/cpu.pb.gz';
    const heap = 'fixtures/profiles/growslice/base/heap.pb.gz';
    const r = await cli('diff', heap, cpu);
    expect(r.stderr).toBe(
      `perfgate diff: ${heap} and ${cpu} are different kinds of profile: ${heap} has alloc_objects/count, alloc_space/bytes, inuse_objects/count, inuse_space/bytes, ${cpu} has samples/count, cpu/nanoseconds\n`,
    );
    expect(r.code).toBe(2);
  });

  test('a goroutine dump that is cut off: what is whole is used, the rest is warned about', async () => {
    const r = await cli(
      'leaks',
      'fixtures/profiles/leak/base/goroutine.debug2.txt',
      'fixtures/profiles/leak/head/goroutine.debug2.truncated.txt',
    );
    expect(r.stderr).toMatch(
      /^warning: fixtures\/profiles\/leak\/head\/goroutine\.debug2\.truncated\.txt: the dump is cut off after \d+ whole goroutines; the rest is ignored\n$/,
    );
    expect(r.stdout).toMatch(
      /^\+\d+ goroutines \(0 → \d+\): created by main\.fetchSummary at perfgate\.example\/fixtures\/workload\/leak\.go:\d+, waiting in main\.waitForResult at perfgate\.example\/fixtures\/workload\/leak\.go:\d+ \[chan receive\]\n {2}fix: nothing sends to or closes this channel/m,
    );
    expect(r.code).toBe(1);
  });

  test('a profile with no samples is said plainly', async () => {
    const raw = gunzipSync(readFileSync('fixtures/profiles/growslice/head/cpu.pb.gz'));
    const msg = pprofTypes.Profile.toObject(pprofTypes.Profile.decode(raw), {
      arrays: true,
      defaults: true,
    });
    msg.sample = [];
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(
      path.join(empty, 'cpu.pb'),
      pprofTypes.Profile.encode(pprofTypes.Profile.fromObject(msg)).finish(),
    );
    const r = await cli(
      'comment',
      'fixtures/bench/ab-inter-base.txt',
      'fixtures/bench/ab-inter-base.txt',
      '--head-profiles',
      empty,
    );
    expect(r.stdout).toContain('- cpu.pb: the profile has no samples');
    const top = await cli('top', path.join(empty, 'cpu.pb'));
    expect(top.stdout).toContain('Showing nodes accounting for 0, 0% of 0 total');
  });

  test('leaks: a file that is not a goroutine dump', async () => {
    const r = await cli('leaks', 'fixtures/profiles/growslice/head/cpu.pb.gz');
    expect(r.stderr).toBe(
      'perfgate leaks: fixtures/profiles/growslice/head/cpu.pb.gz: not a goroutine profile (sample types: samples/count, cpu/nanoseconds)\n',
    );
    expect(r.code).toBe(2);
  });
});

describe('perfgate diff --per-op', () => {
  test('per-operation values: each side divided by its operation count', async () => {
    const base = 'fixtures/bench/base.mem.pb.gz';
    const head = 'fixtures/bench/head.mem.pb.gz';
    const plain = JSON.parse((await cli('diff', base, head, '--format', 'json')).stdout);
    const perOp = JSON.parse(
      (await cli('diff', base, base, '--per-op', '2,1', '--format', 'json')).stdout,
    );
    expect(plain.rows.length).toBeGreaterThan(0);
    // The same profile against itself at half the operations per run: every flat doubles minus itself.
    const self = JSON.parse((await cli('top', base, '--format', 'json')).stdout);
    const first = perOp.rows.find((r: { name: string }) => r.name === self.rows[0].name);
    expect(first.flat).toBeCloseTo(self.rows[0].flat / 2, 6);
    const bad = await cli('diff', base, head, '--per-op', 'many');
    expect(bad.stderr).toBe(
      'perfgate diff: --per-op: "many" is not two operation counts (e.g. "120000,95000")\n',
    );
  });
});
