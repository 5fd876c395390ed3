import { describe, expect, test } from 'vitest';
import {
  readBenchRegex,
  readBenchtime,
  readCpuList,
  readPackagePatterns,
} from '../../src/settings/go-flags.js';

describe('Go benchmark settings are checked before anything runs', () => {
  test.each(['200ms', '1.5s', '1m30s', '500us', '2µs', '.5s', '1000x', ' 3s '])(
    '--benchtime %j is accepted',
    (v) => expect(readBenchtime('--benchtime', v)).toBe(v.trim()),
  );

  test.each([
    ['10parsecs', 'is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")'],
    ['1.5', 'is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")'],
    ['-1s', 'is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")'],
    ['x', 'is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")'],
    ['', 'is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")'],
    ['0s', 'must be more than zero'],
    ['0x', 'must be more than 0x'],
  ])('--benchtime %j: %s', (v, why) => {
    expect(() => readBenchtime('--benchtime', v)).toThrow(
      `--benchtime: ${JSON.stringify(v)} ${why}`,
    );
  });

  test('--cpu', () => {
    expect(readCpuList('--cpu', '1,2, 4')).toBe('1,2,4');
    for (const v of ['x', '0', '1,,2', '-1', '1.5', '']) {
      expect(() => readCpuList('--cpu', v)).toThrow(
        `--cpu: ${JSON.stringify(v)} is not a comma-separated list of positive whole numbers (e.g. "1,2,4")`,
      );
    }
  });

  test.each([
    '.',
    'Squares',
    '^Benchmark(Parse|Encode)$',
    'Parse/size=10',
    '(?i)squares',
    '(?s:a.b)',
    '[[:alpha:]]+',
    '\\Qa.b(\\E',
    '\\Aabc\\z',
    '(?P<n>x)',
  ])('--bench %j is accepted', (v) => expect(readBenchRegex('--bench', v)).toBe(v));

  test.each([
    ['(Squares', 'is not a valid regular expression (Unterminated group)'],
    ['Squares)', "is not a valid regular expression (Unmatched ')')"],
    ['*x', 'is not a valid regular expression (Nothing to repeat)'],
    ['[abc', 'is not a valid regular expression (Unterminated character class)'],
    ['a(?=b)', 'is not a Go regular expression: Go has no lookahead or lookbehind'],
    ['(a)\\1', 'is not a Go regular expression: Go has no backreferences'],
  ])('--bench %j: %s', (v, why) => {
    expect(() => readBenchRegex('--bench', v)).toThrow(`--bench: ${JSON.stringify(v)} ${why}`);
  });

  test('package patterns', () => {
    expect(readPackagePatterns('--go', ['./...', 'example.com/x'])).toEqual([
      './...',
      'example.com/x',
    ]);
    expect(() => readPackagePatterns('--go', ['./...', '-toolexec=/bin/sh'])).toThrow(
      '--go: "-toolexec=/bin/sh" is not a package pattern: it starts with "-" (go would read it as a flag)',
    );
    expect(() => readPackagePatterns("input 'go-packages'", [])).toThrow(
      `input 'go-packages': no package patterns (e.g. "./...")`,
    );
  });
});
