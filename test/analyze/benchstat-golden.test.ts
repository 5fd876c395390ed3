/**
 * perfgate compare against benchstat on the same files (goldens from fixtures/generate.sh):
 * text output identical; CSV identical except geomeans, which may differ in the last bit
 * (Go's amd64 Log/Exp), so those are compared numerically.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

const pairs: [string, string[]][] = [
  ['ab-seq', ['base.txt', 'head.txt']],
  ['self', ['base.txt', 'base.txt']],
  ['aa-seq', ['aa-seq-base.txt', 'aa-seq-head.txt']],
  ['aa-inter', ['aa-inter-base.txt', 'aa-inter-head.txt']],
  ['ab-inter', ['ab-inter-base.txt', 'ab-inter-head.txt']],
  ['count1', ['count1-base.txt', 'count1-head.txt']],
  ['edge', ['edge-a.txt', 'edge-b.txt']],
  ['edge-alpha', ['edge-a.txt', 'edge-b.txt', '--alpha', '0.2']],
];

const golden = (name: string, ext: string) =>
  readFileSync(`fixtures/golden/benchstat/${name}.${ext}`, 'utf8');

/** Runs perfgate compare from inside fixtures/bench, so labels are bare file names as in the goldens. */
async function compareIn(args: string[]) {
  const cwd = process.cwd();
  process.chdir('fixtures/bench');
  try {
    return await cli('compare', ...args);
  } finally {
    process.chdir(cwd);
  }
}

describe('perfgate compare equals benchstat', () => {
  test.each(pairs)('%s: text', async (name, args) => {
    const r = await compareIn(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden(name, 'txt'));
    // Lines benchstat could not parse are reported the same way.
    const parseErrors = golden(name, 'stderr')
      .split('\n')
      .filter((l) => /^\S+\.txt:\d+: /.test(l));
    expect(r.stderr.split('\n').filter((l) => /^\S+\.txt:\d+: /.test(l))).toEqual(parseErrors);
  });

  test.each(pairs)('%s: csv', async (name, args) => {
    const r = await compareIn([...args, '--format', 'csv']);
    const ours = r.stdout.split('\n');
    const theirs = golden(name, 'csv').split('\n');
    expect(ours.length).toBe(theirs.length);
    ours.forEach((line, i) => {
      const want = theirs[i]!;
      if (!line.startsWith('geomean,')) {
        expect(line).toBe(want);
        return;
      }
      const a = line.split(',');
      const b = want.split(',');
      expect(a.length).toBe(b.length);
      a.forEach((cell, j) => {
        const x = Number(cell);
        const y = Number(b[j]);
        if (cell === '' || Number.isNaN(x)) expect(cell).toBe(b[j]);
        else expect(Math.abs(x - y) / Math.abs(y)).toBeLessThan(1e-14);
      });
    });
    expect(r.stderr).toBe(golden(name, 'stderr'));
  });
});
