import { describe, expect, test } from 'vitest';
import { readRunContext } from '../../src/action/context.js';
import { readActionSettings } from '../../src/action/settings.js';

const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';
const env = { GITHUB_WORKFLOW: 'bench', GITHUB_JOB: 'go' };

describe('action settings', () => {
  test('defaults', () => {
    const s = readActionSettings(inputs({ 'go-packages': './...' }), env);
    expect(s).toMatchObject({
      mode: 'gate',
      goPackages: ['./...'],
      goBench: '.',
      count: 10,
      baseline: { kind: 'artifact' },
      baselineKey: 'bench-go',
      saveBaseline: undefined,
      gateTimings: undefined,
      failOn: 'regression',
      missingBaseline: 'pass',
      comment: 'always',
      acceptLabel: 'perfgate: accept',
      summary: true,
    });
    expect(s.gate.correction).toBe('holm');
  });

  test.each([
    [
      {},
      "nothing to measure: set at least one of the inputs 'go-packages', 'js-bench', 'profiles', 'bench-output' or 'pprof-url'",
    ],
    [{ 'go-packages': './...', count: 'ten' }, `input 'count': "ten" is not a whole number`],
    [{ 'go-packages': './...', count: '0' }, `input 'count': "0" must be between 1 and 1000`],
    [
      { 'go-packages': './...', benchtime: '10parsecs' },
      `input 'benchtime': "10parsecs" is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")`,
    ],
    [
      { 'go-packages': './...', 'go-bench': 'Parse(' },
      `input 'go-bench': "Parse(" is not a valid regular expression (Unterminated group)`,
    ],
    [
      { 'go-packages': './..., -toolexec=/bin/sh' },
      `input 'go-packages': "-toolexec=/bin/sh" is not a package pattern: it starts with "-" (go would read it as a flag)`,
    ],
    [
      { 'go-packages': './...', alpha: '1.5' },
      `input 'alpha': "1.5" is not a number between 0 and 1 (e.g. "0.05")`,
    ],
    [
      { 'go-packages': './...', 'fail-on': 'always' },
      `input 'fail-on': "always" is not one of: regression, never`,
    ],
    [
      { 'go-packages': './...', comment: 'sometimes' },
      `input 'comment': "sometimes" is not one of: always, on-change, never`,
    ],
    [
      { 'go-packages': './...', 'save-baseline': 'yes' },
      `input 'save-baseline': "yes" is not true, false or auto`,
    ],
    [
      { 'go-packages': './...', 'accept-label': 'x'.repeat(51) },
      `input 'accept-label': "${'x'.repeat(51)}" is not a label name (one line of at most 50 characters, e.g. "perfgate: accept")`,
    ],
    [
      { 'go-packages': './...', 'max-regression': 'sec/op=ten' },
      `input 'max-regression': "sec/op=ten" has a limit that is not a percentage and/or an amount (e.g. "10%", "64", "5%+64")`,
    ],
    [
      { profiles: 'a.pb.gz', baseline: 'rerun' },
      `input 'baseline': "rerun" runs the benchmarks again on the base commit; set 'go-packages' or 'js-bench' too`,
    ],
    [
      { 'go-packages': './...', 'retention-days': '500' },
      `input 'retention-days': "500" must be between 1 and 400`,
    ],
  ])('%j → %s', (values, message) => {
    expect(() => readActionSettings(inputs(values), env)).toThrow(message);
  });

  test('profile limits', () => {
    const s = readActionSettings(
      inputs({ profiles: 'x.pb.gz', 'profile-limits': 'alloc_space=3, cpu=10, alloc_objects=off' }),
      env,
    );
    expect(s.profileLimits).toEqual({ alloc_space: 3, cpu: 10 });
    expect(() =>
      readActionSettings(inputs({ profiles: 'x.pb.gz', 'profile-limits': 'cpu=lots' }), env),
    ).toThrow(
      `input 'profile-limits': "cpu=lots" is not a limit (e.g. "alloc_space=5" in percentage points, or "cpu=off")`,
    );
  });

  test('a path baseline', () => {
    expect(
      readActionSettings(inputs({ 'bench-output': 'x.txt', baseline: 'old/bench.txt' }), env)
        .baseline,
    ).toEqual({
      kind: 'path',
      path: 'old/bench.txt',
    });
  });
});

describe('run context', () => {
  const prPayload = {
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: 'b'.repeat(40) },
      head: { sha: 'h'.repeat(40), repo: { full_name: 'someone/fork' } },
    },
    repository: { id: 42, default_branch: 'main' },
  };

  test('a pull request from a fork', () => {
    const ctx = readRunContext(
      {
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_RUN_ID: '99',
        GITHUB_REF: 'refs/pull/7/merge',
      },
      prPayload,
    );
    expect(ctx).toMatchObject({
      owner: 'acme',
      repo: 'app',
      repositoryId: 42,
      runId: 99,
      isFork: true,
      branch: undefined,
      pullRequest: {
        number: 7,
        baseRef: 'main',
        baseSha: 'b'.repeat(40),
        headRepo: 'someone/fork',
      },
    });
  });

  test('a push to the default branch', () => {
    const ctx = readRunContext(
      {
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: 'abc',
      },
      { repository: { id: 42, default_branch: 'main' } },
    );
    expect(ctx).toMatchObject({
      branch: 'main',
      defaultBranch: 'main',
      pullRequest: undefined,
      isFork: false,
      sha: 'abc',
    });
  });

  test('outside a workflow', () => {
    expect(() => readRunContext({}, {})).toThrow(
      'GITHUB_REPOSITORY is "": perfgate runs inside a GitHub Actions workflow (owner/name expected)',
    );
  });
});
