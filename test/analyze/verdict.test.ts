import { describe, expect, test } from 'vitest';
import {
  decideVerdict,
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
