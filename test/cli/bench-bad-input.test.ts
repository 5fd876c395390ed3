import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  test('NaN metrics (b.ReportMetric of math.NaN() and of 0/0): one line per cause, exit 2', async () => {
    const messages =
      'fixtures/bench/bad-metric.txt:5: NaN value for unit x in BenchmarkReportNaN-2 (and 1 more line)\n' +
      'fixtures/bench/bad-metric.txt:7: NaN value for unit hits/op in BenchmarkZeroByZero-2 (and 1 more line)\n';
    for (const command of ['compare', 'gate', 'comment']) {
      const r = await cli(command, bench('count1-base.txt'), bench('bad-metric.txt'));
      expect(r.stderr, command).toBe(`perfgate ${command}: ${messages}`);
      expect(r.stdout, command).toBe('');
      expect(r.code, command).toBe(2);
    }
    // As the base side too: a NaN baseline is refused, not compared.
    const g = await cli('gate', bench('bad-metric.txt'), bench('count1-head.txt'));
    expect(g.stderr).toBe(`perfgate gate: ${messages}`);
    expect(g.code).toBe(2);
  });

  test('a negative size or time, and an infinite rate', async () => {
    const f = file(
      'negative.txt',
      'BenchmarkA-8 10 100 ns/op -64 B/op\nBenchmarkA-8 10 -1 ns/op 64 B/op\nBenchmarkB-8 10 5 ns/op +Inf MB/s\n',
    );
    const r = await cli('gate', bench('base.txt'), f);
    expect(r.stderr).toBe(
      `perfgate gate: ${f}:1: negative value -64 for unit B/op in BenchmarkA-8 (B/op cannot be negative)\n` +
        `${f}:2: negative value -1 for unit ns/op in BenchmarkA-8 (ns/op cannot be negative)\n` +
        `${f}:3: +Inf value for unit MB/s in BenchmarkB-8\n`,
    );
    expect(r.code).toBe(2);
  });

  test('a profile or another binary file given as benchmark output', async () => {
    const gz = await cli('gate', bench('base.txt'), bench('head.cpu.pb.gz'));
    expect(gz.stderr).toBe(
      'perfgate gate: fixtures/bench/head.cpu.pb.gz: not benchmark text: it is a gzip file (a pprof profile?)\n',
    );
    expect(gz.code).toBe(2);
    const raw = 'fixtures/profiles/crafted/packed-raw.pb';
    const pb = await cli('compare', raw, bench('base.txt'));
    expect(pb.stderr).toMatch(
      /^perfgate compare: fixtures\/profiles\/crafted\/packed-raw\.pb: not benchmark text: it is binary data( \(not UTF-8 text\))?\n$/,
    );
    expect(pb.code).toBe(2);
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
    expect(r.stdout).toMatch(/Concat-2 {2}allocs\/op {2}1 → 399 {2}×399 {2}exact, n=1\+1/);
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

describe('perfgate bench: bad flags are refused before anything runs', () => {
  test.each([
    [
      ['--benchtime', '10parsecs'],
      '--benchtime: "10parsecs" is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")',
    ],
    [['--benchtime', '0x'], '--benchtime: "0x" must be more than 0x'],
    [
      ['--cpu', 'x'],
      '--cpu: "x" is not a comma-separated list of positive whole numbers (e.g. "1,2,4")',
    ],
    [['--count', '0'], '--count: "0" must be between 1 and 1000'],
    [['--count', 'many'], '--count: "many" is not a whole number'],
    [
      ['--bench', '(Squares'],
      '--bench: "(Squares" is not a valid regular expression (Unterminated group)',
    ],
    [
      ['--bench', 'Squares(?=x)'],
      '--bench: "Squares(?=x)" is not a Go regular expression: Go has no lookahead or lookbehind',
    ],
    [
      ['--go=./...,-toolexec=/bin/true'],
      '--go: "-toolexec=/bin/true" is not a package pattern: it starts with "-" (go would read it as a flag)',
    ],
  ])('%j', async (flags, message) => {
    const out = path.join(dir, 'never');
    const go = flags[0]!.startsWith('--go=') ? [] : ['--go', './...'];
    const r = await cli('bench', ...go, ...flags, '--dir', 'fixtures/gorepo/head', '--out', out);
    expect(r.stderr).toBe(`perfgate bench: ${message}\n`);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('perfgate gate', () => {
  test('passes on an interleaved A/A run and fails on the A/B run', async () => {
    const aa = await cli('gate', bench('aa-inter-base.txt'), bench('aa-inter-head.txt'));
    expect(aa.stdout).toMatch(
      /^PASS: no benchmark regressed; 10 benchmarks compared \(\d+ comparisons\)\n/,
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
      /^❌ \*\*FAIL: 3 benchmarks regressed \(9 units\); 10 benchmarks compared/,
    );
    expect(ab.stdout).toContain('<code>GrowSlice-2</code>');
    expect(ab.code).toBe(1);
  });
});

describe('benchmarks on one side only are counted beside the verdict', () => {
  test('gate: how many were only in head and only in base; comment: those of base beside the verdict', async () => {
    const g = await cli('gate', bench('edge-a.txt'), bench('edge-b.txt'));
    expect(g.stdout.split('\n')[0]).toBe(
      'FAIL: 1 benchmark regressed; 5 benchmarks compared (11 comparisons); 1 only in head, 1 only in base',
    );
    const c = await cli('comment', bench('edge-a.txt'), bench('edge-b.txt'));
    expect(c.stdout.split('\n')[1]).toBe(
      '### ❌ perfgate: fail · 1 benchmark regressed · ⚠️ some units not judged',
    );
    expect(c.stdout).toContain(
      '\n- ⚠️ 1 benchmark of base is not in head (removed or renamed), so not compared\n',
    );
  });
});

describe('p-values after the correction', () => {
  test("gate: each beside benchstat's own, said to be before the correction", async () => {
    const r = await cli('gate', bench('twopkg-base.txt'), bench('twopkg-head.txt'));
    expect(r.stdout).toMatch(
      / {2}sec\/op {2}.* {2}p=0\.009 \(0\.002 before correction\) n=6\+6 {2}/,
    );
    expect(r.stdout).not.toContain('raw');
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
    expect(aa.stdout.split('\n')[1]).toBe('### ✅ perfgate: pass · 0 benchmarks regressed');
  });
});
