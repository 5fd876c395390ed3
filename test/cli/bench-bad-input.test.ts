import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-bench-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const bench = (name: string) => `fixtures/bench/${name}`;

describe('bad benchmark input: a clear message naming the file and the cause', () => {
  test('empty file', async () => {
    const f = file('empty.txt', '');
    const r = await cli('compare', f, bench('base.txt'));
    expect(r.stderr).toBe(`perfgate compare: ${f}: empty file: no benchmark results\n`);
    expect(r.code).toBe(2);
  });

  test('a file with no benchmark lines', async () => {
    const f = file('notes.txt', 'PASS\nok  \tpkg\t0.1s\nBenchmarkX-8 12 fast ns/op\n');
    const r = await cli('compare', f, bench('base.txt'));
    expect(r.stderr).toBe(
      `perfgate compare: ${f}: no benchmark results: expected lines like "BenchmarkName-8  1000  1234 ns/op"\n${f}:3: parsing measurement: invalid syntax\n`,
    );
    expect(r.code).toBe(2);
  });

  test('a benchmark that failed (b.Fatal): its message is shown', async () => {
    const r = await cli('compare', bench('base.txt'), bench('failing-fatal.txt'));
    expect(r.stderr).toContain(
      'perfgate compare: fixtures/bench/failing-fatal.txt:8: BenchmarkFatal failed:\n    --- FAIL: BenchmarkFatal\n        failing_test.go:55: decoding record 17: strconv.Atoi: parsing "12x": invalid syntax\n',
    );
    expect(r.stderr).toContain(
      'fixtures/bench/failing-fatal.txt:15: package perfgate.example/fixtures/failing failed\n',
    );
    expect(r.code).toBe(2);
  });

  test('a benchmark that panicked', async () => {
    const r = await cli('compare', bench('base.txt'), bench('failing-panic.txt'));
    expect(r.stderr).toMatch(
      /^perfgate compare: fixtures\/bench\/failing-panic\.txt:8: BenchmarkPanic-2 panicked:\n {4}panic: checksum: table has 256 entries, need 300\n/,
    );
    expect(r.stderr).toContain('failing_test.go:72');
    expect(r.code).toBe(2);
  });

  test('a package that failed to build: the compiler message is shown', async () => {
    const r = await cli('compare', bench('base.txt'), bench('failing-build.txt'));
    expect(r.stderr).toBe(
      'perfgate compare: fixtures/bench/failing-build.txt:1: package perfgate.example/fixtures/failing failed to build:\n    failing/broken.go:7:13: undefined: maxRecords\n    FAIL\tperfgate.example/fixtures/failing [build failed]\n',
    );
    expect(r.code).toBe(2);
  });

  test('a failing head run fails the gate with the failure', async () => {
    const r = await cli('gate', bench('count1-base.txt'), bench('failing-fatal.txt'));
    expect(r.stdout).toMatch(
      /^FAIL: the head run has failures\nfixtures\/bench\/failing-fatal\.txt:8: BenchmarkFatal failed:/,
    );
    expect(r.code).toBe(1);
  });

  test('units that differ between the two sides', async () => {
    const a = file('mem.txt', 'BenchmarkA-8 10 100 ns/op 64 B/op 1 allocs/op\n');
    const b = file('nomem.txt', 'BenchmarkA-8 10 100 ns/op\n');
    const r = await cli('compare', a, b);
    expect(r.stderr).toBe(
      `warning: A-8 reports sec/op, B/op, allocs/op in ${a} but sec/op in ${b}: run both sides with the same flags (e.g. -benchmem)\n`,
    );
    expect(r.code).toBe(0);
  });

  test('-count 1: said plainly, exact units still compared', async () => {
    const r = await cli('gate', bench('count1-base.txt'), bench('count1-head.txt'));
    expect(r.stdout).toContain(
      'each benchmark ran once (-count 1): no statistics are possible, so only units whose values are exact were compared; run with -count 10 or more',
    );
    expect(r.stdout).toMatch(/Concat-2 {2}allocs\/op {2}1\.000 → 399\.000/);
    expect(r.code).toBe(1);
  });

  test('bad gate flags', async () => {
    const r = await cli('gate', bench('base.txt'), bench('head.txt'), '--correction', 'bonferroni');
    expect(r.stderr).toBe(
      'perfgate gate: --correction: "bonferroni" is not one of: none, holm, bh\n',
    );
    const a = await cli('gate', bench('base.txt'), bench('head.txt'), '--alpha', '5');
    expect(a.stderr).toBe(
      'perfgate gate: --alpha: "5" is not a number between 0 and 1 (e.g. "0.05")\n',
    );
    expect(a.code).toBe(2);
  });
});

describe('perfgate gate', () => {
  test('passes on an interleaved A/A run and fails on the A/B run', async () => {
    const aa = await cli('gate', bench('aa-inter-base.txt'), bench('aa-inter-head.txt'));
    expect(aa.stdout).toMatch(
      /^PASS: 0 benchmarks regressed, 0 improved; 10 benchmarks compared \(\d+ comparisons\)\n/,
    );
    expect(aa.code).toBe(0);
    const ab = await cli(
      'gate',
      bench('ab-inter-base.txt'),
      bench('ab-inter-head.txt'),
      '--format',
      'markdown',
    );
    expect(ab.stdout).toMatch(
      /^❌ \*\*FAIL: 3 benchmarks regressed \(9 units\), 0 improved; 10 benchmarks compared/,
    );
    expect(ab.stdout).toContain('<code>GrowSlice-2</code>');
    expect(ab.code).toBe(1);
  });
});

describe('nothing compared is never a pass', () => {
  const moved = () =>
    file(
      'moved.txt',
      readFileSync(bench('ab-inter-head.txt'), 'utf8').replace(
        /^pkg: .*$/m,
        'pkg: perfgate.example/moved',
      ),
    );

  test('gate: exit 2 with a one-line cause naming what each side held', async () => {
    const head = moved();
    const r = await cli('gate', bench('ab-inter-base.txt'), head);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^NO COMPARISON: nothing to compare: /);
    expect(r.stderr).toBe(
      `perfgate gate: nothing to compare: fixtures/bench/ab-inter-base.txt has 10 benchmarks in perfgate.example/fixtures/bench (GrowSlice-2, Concat-2, JSONEncode-2, …); ${head} has 10 benchmarks in perfgate.example/moved (GrowSlice-2, Concat-2, JSONEncode-2, …); no benchmark is in both\n`,
    );
  });

  test('comment: exits like gate; its headline says nothing was compared', async () => {
    const r = await cli('comment', bench('ab-inter-base.txt'), moved());
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[1]).toBe('### ⚠️ perfgate: nothing compared');
    expect(r.stderr).toMatch(/^perfgate comment: nothing to compare: .*no benchmark is in both\n$/);
    const aa = await cli('comment', bench('aa-inter-base.txt'), bench('aa-inter-head.txt'));
    expect(aa.code).toBe(0);
    expect(aa.stdout.split('\n')[1]).toBe(
      '### ✅ perfgate: pass · 0 benchmarks regressed · 0 improved',
    );
  });
});
