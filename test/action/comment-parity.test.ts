/**
 * `perfgate comment` prints the comment the action posts: for the same benchmark files, key,
 * baseline kind and run link, the two are the same bytes (both build the report with
 * buildRunReport and render it with renderComment).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';
import { World } from '../helpers/action-world.js';
import { renderingProblems } from '../helpers/gfm.js';

let w: World;
beforeEach(() => {
  w = new World();
});
// Every comment and job summary of the test renders whole on GitHub (cmark-gfm).
afterEach(() => {
  const problems = renderingProblems(w.written);
  w.dispose();
  expect(problems).toEqual([]);
});

/** The action's comment for `baseline: <base>` and `bench-output: <head>`, and the CLI's. */
async function both(base: string, head: string, extra: Record<string, string> = {}) {
  const out = await w.pullRequest(50, {
    baseline: base,
    'bench-output': head,
    'baseline-key': 'parity',
    ...extra,
  });
  const action = w.comments(50)[0]!.body;
  const runUrl = `https://github.com/acme/app/actions/runs/5001`;
  const flags = Object.entries(extra).flatMap(([k, v]) => [`--${k}`, v]);
  const printed = await cli(
    'comment',
    base,
    head,
    '--stored-baseline',
    '--key',
    'parity',
    '--run-url',
    runUrl,
    '--head-commit',
    '50'.padStart(40, 'e'),
    ...flags,
  );
  expect(printed.stderr).toBe('');
  // Both fail alike: the action's step and the CLI's exit code.
  expect(printed.code).toBe(out.code);
  return { action, cli: printed.stdout, verdict: out.outputs.verdict };
}

describe('perfgate comment and the action', () => {
  test('a regression: the same comment, byte for byte', async () => {
    const r = await both('fixtures/bench/ab-inter-base.txt', 'fixtures/bench/ab-inter-head.txt');
    expect(r.verdict).toBe('fail');
    expect(r.action).toContain('### ❌ perfgate: fail');
    expect(r.cli).toBe(`${r.action}\n`);
  });

  test('no change, with the gate options given to both', async () => {
    const r = await both('fixtures/bench/ab-inter-base.txt', 'fixtures/bench/ab-inter-base.txt', {
      'max-regression': 'allocs/op=5%',
      alpha: '0.01',
    });
    expect(r.verdict).toBe('pass');
    expect(r.cli).toBe(`${r.action}\n`);
  });
});
