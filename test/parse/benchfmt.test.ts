import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';

describe('parseBenchText', () => {
  test('a real go test -bench run', () => {
    const f = parseBenchText(readFileSync('fixtures/bench/base.txt', 'utf8'), 'base.txt');
    expect(f.diagnostics).toEqual([]);
    expect(f.failures).toEqual([]);
    expect(f.results.length).toBe(100);
    const first = f.results[0]!;
    expect(first.name).toBe('GrowSlice-2');
    expect(first.config).toMatchObject({
      goos: 'linux',
      goarch: 'amd64',
      pkg: 'perfgate.example/fixtures/bench',
    });
    expect(first.values.map((v) => v.unit)).toEqual(['sec/op', 'B/op', 'allocs/op']);
    expect(first.values[0]!.orig!.unit).toBe('ns/op');
    expect(first.values[0]!.value).toBe(first.values[0]!.orig!.value * 1e-9);
    const mbs = f.results.find((r) => r.values.some((v) => v.orig?.unit === 'MB/s'))!;
    expect(mbs.values.find((v) => v.unit === 'B/s')).toBeDefined();
  });

  test.each([
    ['BenchmarkX-8', undefined],
    ['BenchmarkX-8 ', 'missing iteration count'],
    ['BenchmarkX-8 1.5 3 ns/op', 'parsing iteration count: invalid syntax'],
    ['BenchmarkX-8 100', 'missing measurements'],
    ['BenchmarkX-8 100 abc ns/op', 'parsing measurement: invalid syntax'],
    ['BenchmarkX-8 100 3 ns/op 4', 'missing units'],
  ])('%j → %s', (line, message) => {
    const f = parseBenchText(`${line}\n`, 'x.txt');
    expect(f.results).toEqual([]);
    expect(f.diagnostics).toEqual(message ? [{ file: 'x.txt', line: 1, message }] : []);
  });

  test('configuration lines follow benchfmt', () => {
    const f = parseBenchText(
      [
        'goos: linux',
        'note:nospace',
        'Upper: x',
        'with space: x',
        'cpu: ',
        'BenchmarkA 1 2 ns/op',
        'goos:',
        'BenchmarkB 1 2 ns/op',
      ].join('\n'),
      'c.txt',
    );
    expect(f.results[0]!.config).toEqual({ goos: 'linux' });
    expect(f.results[1]!.config).toEqual({});
  });

  test('unit metadata', () => {
    const f = parseBenchText('Unit ns/op assume=exact better=lower\nUnit x\nUnit y foo\n', 'u.txt');
    expect(f.units).toEqual({ 'sec/op': { assume: 'exact', better: 'lower' }, x: {}, y: {} });
    expect(f.diagnostics).toEqual([{ file: 'u.txt', line: 3, message: 'expected key=value' }]);
  });

  test('0 keeps its unit, as benchfmt does', () => {
    const f = parseBenchText('BenchmarkZ 1 0 ns/op 5 ns/op -3 delta/op\n', 'z.txt');
    expect(f.diagnostics).toEqual([]);
    expect(f.results[0]!.values).toEqual([
      { value: 0, unit: 'ns/op' },
      { value: 5 * 1e-9, unit: 'sec/op', orig: { value: 5, unit: 'ns/op' } },
      { value: -3, unit: 'delta/op' },
    ]);
  });

  // benchfmt reads these; perfgate refuses them: no statistic over them means anything.
  test.each([
    ['NaN x', 'NaN value for unit x'],
    ['nan ns/op', 'NaN value for unit ns/op'],
    ['+Inf MB/s', '+Inf value for unit MB/s'],
    ['-Inf score', '-Inf value for unit score'],
    ['-5 ns/op', 'negative value -5 for unit ns/op in BenchmarkY-8 (ns/op cannot be negative)'],
    ['-1 B/op', 'negative value -1 for unit B/op in BenchmarkY-8 (B/op cannot be negative)'],
    [
      '-2 allocs/op',
      'negative value -2 for unit allocs/op in BenchmarkY-8 (allocs/op cannot be negative)',
    ],
    ['-0.5 MB/s', 'negative value -0.5 for unit MB/s in BenchmarkY-8 (MB/s cannot be negative)'],
    ['-7 B/msg', 'negative value -7 for unit B/msg in BenchmarkY-8 (B/msg cannot be negative)'],
  ])('a result with %j is an error, not a result', (measurement, cause) => {
    const message = cause.includes(' in ') ? cause : `${cause} in BenchmarkY-8`;
    const f = parseBenchText(`BenchmarkY-8 100 3 ns/op ${measurement}\n`, 'y.txt');
    expect(f.results).toEqual([]);
    expect(f.diagnostics).toEqual([{ file: 'y.txt', line: 1, message, fatal: true }]);
  });

  test('negative custom metrics are measurements', () => {
    const f = parseBenchText('BenchmarkY-8 100 3 ns/op -2.5 delta/op -1 p50-sec/op\n', 'y.txt');
    expect(f.diagnostics).toEqual([]);
    expect(f.results[0]!.values.map((v) => v.value)).toEqual([3 * 1e-9, -2.5, -1]);
  });
});

describe('a panic that left a NaN result line behind', () => {
  test('is reported as the panic, not as a NaN value', async () => {
    const { parseBenchOutput } = await import('../../src/parse/benchfmt/load.js');
    // go test can print the panicking benchmark's `0 NaN ns/op` line before the panic itself,
    // depending on how its output and the panic's interleave (seen in a live run).
    const text = readFileSync('fixtures/bench/failing-panic.txt', 'utf8').replace(
      'BenchmarkPanic-2    \tpanic:',
      'BenchmarkPanic-2    \t       0\t               NaN ns/op\nBenchmarkPanic-2    \tpanic:',
    );
    const f = parseBenchOutput(text, 'head.txt');
    expect(f.failures.map((x) => x.kind)).toEqual(['panic', 'package']);
    expect(f.failures[0]!.detail).toContain('checksum: table has 256 entries, need 300');
    expect(() =>
      parseBenchOutput('BenchmarkA-2 1 NaN ns/op\nBenchmarkA-2 1 5 ns/op\n', 'x.txt'),
    ).toThrow('x.txt:1: NaN value for unit ns/op in BenchmarkA-2');
  });
});
