import { describe, expect, test } from 'vitest';
import {
  decideVerdict,
  excuses,
  exitCodeFor,
  profileGrowthFails,
  stepFails,
} from '../../src/analyze/verdict.js';

describe('the rules that decide, in one place', () => {
  test.each([
    ['fail', 'regression', 'pass', true],
    ['fail', 'never', 'pass', false],
    ['no-comparison', 'regression', 'pass', true],
    ['no-comparison', 'never', 'fail', false],
    ['no-baseline', 'regression', 'pass', false],
    ['no-baseline', 'regression', 'fail', true],
    ['pass', 'regression', 'fail', false],
  ] as const)(
    'verdict %s, fail-on %s, missing-baseline %s: step fails %s',
    (v, on, missing, want) => {
      expect(stepFails(v, on, missing)).toBe(want);
    },
  );

  test.each([
    ['regression', 'fail', true],
    ['regression', 'warn', false],
    ['never', 'fail', false],
  ] as const)('incomplete, fail-on %s, missing-shards %s: step fails %s', (on, shards, want) => {
    expect(stepFails('incomplete', on, 'pass', shards)).toBe(want);
  });

  test('a missing leg is named in the verdict; a regression elsewhere still fails, naming it too', () => {
    const missing = [{ shard: 'macos', why: 'no results were uploaded' }];
    const passed = { verdict: 'pass' as const, cause: undefined, benchmarks: { regressed: [] } };
    expect(decideVerdict(passed, [], 'pass', undefined, missing)).toEqual({
      verdict: 'incomplete',
      reason: 'incomplete: 1 shard missing or failed: shard macos no results were uploaded',
    });
    expect(decideVerdict(undefined, [], 'pass', undefined, missing).verdict).toBe('incomplete');
    const failed = { ...passed, verdict: 'fail' as const, benchmarks: { regressed: ['Encode'] } };
    expect(decideVerdict(failed, [], 'pass', undefined, missing)).toEqual({
      verdict: 'fail',
      reason:
        '1 benchmark regressed beyond the limits; incomplete: 1 shard missing or failed: shard macos no results were uploaded',
    });
    expect(decideVerdict(passed, [], 'pass').verdict).toBe('pass');
  });

  test('goroutine snapshots of both sides are a comparison; head alone is not', () => {
    const insights = { changes: [], hotspots: [], leaks: [], notes: [] };
    expect(
      decideVerdict(undefined, [], 'pass', { ...insights, goroutinesCompared: true }).verdict,
    ).toBe('pass');
    expect(decideVerdict(undefined, [], 'pass', insights).verdict).toBe('no-baseline');
  });

  test('exit codes: nothing compared is never read as a pass', () => {
    expect(exitCodeFor('incomplete')).toBe(1);
    expect([exitCodeFor('pass'), exitCodeFor('fail'), exitCodeFor('no-comparison')]).toEqual([
      0, 1, 2,
    ]);
    expect(exitCodeFor('no-baseline')).toBe(0);
  });

  test('a profile function fails only beyond its limit, beyond noise, and not as a bare share within a benchmark', () => {
    const g = { limit: 5, basis: 'per-op', significant: true, points: 6 };
    expect(profileGrowthFails(g)).toBe(true);
    expect(profileGrowthFails({ ...g, points: 5 })).toBe(false);
    expect(profileGrowthFails({ ...g, significant: false })).toBe(false);
    expect(profileGrowthFails({ ...g, basis: 'benchmark' })).toBe(false);
    expect(profileGrowthFails({ ...g, limit: undefined })).toBe(false);
  });
});

describe('accepting regressions by label', () => {
  const gateWith = (regressed: string[]) => ({
    verdict: (regressed.length > 0 ? 'fail' : 'pass') as 'fail' | 'pass',
    cause: undefined,
    benchmarks: { regressed },
  });
  const label = { label: 'perfgate: accept', patterns: [] };

  test('the label turns a run whose every regression it excuses into accepted', () => {
    expect(
      decideVerdict(gateWith(['Encode-8', 'Parse-8']), [], 'pass', undefined, [], label),
    ).toEqual({
      verdict: 'accepted',
      reason: '2 benchmarks regressed beyond the limits, accepted by label "perfgate: accept"',
      accepted: ['Encode-8', 'Parse-8'],
    });
    expect(stepFails('accepted', 'regression', 'fail')).toBe(false);
    expect(exitCodeFor('accepted')).toBe(0);
  });

  test('patterns excuse only the benchmarks they name, with or without the GOMAXPROCS suffix', () => {
    const narrow = { ...label, patterns: ['Encode', 'JSON*'] };
    expect(
      decideVerdict(
        gateWith(['Encode-8', 'JSONDecode-8', 'Parse-8']),
        [],
        'pass',
        undefined,
        [],
        narrow,
      ),
    ).toEqual({
      verdict: 'fail',
      reason:
        '1 benchmark regressed beyond the limits; 2 benchmarks regressed beyond the limits: accepted by label "perfgate: accept"',
      accepted: ['Encode-8', 'JSONDecode-8'],
    });
    expect(excuses(narrow, 'example.com/x.BenchmarkJSONEncode')).toBe(true);
    expect(excuses(narrow, 'Parse/large-8')).toBe(false);
  });

  test('failures, missing shards and nothing compared are not excused', () => {
    expect(decideVerdict(gateWith(['A']), ['boom'], 'pass', undefined, [], label).verdict).toBe(
      'fail',
    );
    const missing = [{ shard: 'macos', why: 'no results were uploaded' }];
    expect(decideVerdict(gateWith(['A']), [], 'pass', undefined, missing, label).verdict).toBe(
      'incomplete',
    );
    const none = {
      verdict: 'no-comparison' as const,
      cause: 'no common benchmarks',
      benchmarks: { regressed: [] },
    };
    expect(decideVerdict(none, [], 'pass', undefined, [], label)).toEqual({
      verdict: 'no-comparison',
      reason: 'no common benchmarks',
      accepted: [],
    });
    expect(decideVerdict(gateWith([]), [], 'pass', undefined, [], label).verdict).toBe('pass');
  });
});
