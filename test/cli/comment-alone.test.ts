/**
 * `perfgate comment` with profiles or goroutine dumps and no benchmark files, as the action runs
 * with `pprof-url` alone: fixture profiles of the growslice and leak scenarios.
 */
import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('perfgate comment without benchmark files', () => {
  test('profiles alone: the function that grew fails the comment, named with its line', async () => {
    const r = await cli(
      'comment',
      '--head-profiles',
      'fixtures/profiles/growslice/head',
      '--base-profiles',
      'fixtures/profiles/growslice/base',
      '--source',
      'fixtures/go',
      '--head-commit',
      'c0ffee'.padEnd(40, '0'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^<!-- perfgate:default -->\n### ❌ perfgate: fail · 1 function grew in profiles\n/,
    );
    expect(r.stdout).toContain('1 function grew beyond the profile limits.');
    expect(r.stdout).toContain(
      'Base from local files: <code>fixtures/profiles/growslice/base</code>. Head `c0ffee000000`.',
    );
    expect(r.stdout).toMatch(
      /❌ <code>main\.collectIDs<\/code><br><sub>perfgate\.example\/fixtures\/workload\/growslice\.go:\d+<\/sub>/,
    );
  });

  test('goroutine dumps alone: the leak with its creator and wait line', async () => {
    const r = await cli(
      'comment',
      '--head-goroutines',
      'fixtures/profiles/leak/head/goroutine.debug2.txt',
      '--base-goroutines',
      'fixtures/profiles/leak/base/goroutine.debug2.txt',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Base's dump was compared: the verdict says so, and names the leaks it found.
    expect(r.stdout).toMatch(
      /^<!-- perfgate:default -->\n### ✅ perfgate: pass · 4 goroutine leaks\n/,
    );
    expect(r.stdout).toContain(
      'Base from local files: <code>fixtures/profiles/leak/base/goroutine.debug2.txt</code>.',
    );
    expect(r.stdout).not.toContain('no baseline');
    expect(r.stdout).toContain(
      '- ⚠️ +40 goroutines (0 → 40): created by <code>main.fetchSummary</code> at <code>perfgate.example/fixtures/workload/leak.go:63</code>, waiting in <code>main.waitForResult</code>',
    );
  });

  test('a head dump alone: no baseline, said so', async () => {
    const r = await cli(
      'comment',
      '--head-goroutines',
      'fixtures/profiles/leak/head/goroutine.debug2.txt',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!-- perfgate:default -->\n### ℹ️ perfgate: no baseline\n/);
    expect(r.stdout).toContain('Measured 0 benchmark results and 1 profile in head.');
  });

  test('one benchmark file, or nothing at all: one line and the usage, exit 2', async () => {
    for (const args of [['fixtures/bench/ab-inter-base.txt'], []]) {
      const r = await cli('comment', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(
        'perfgate comment: expected two benchmark files (base and head), or --head-profiles or --head-goroutines without them',
      );
      expect(r.stdout).toBe('');
    }
  });
});
