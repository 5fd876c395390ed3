/**
 * The README's newcomer paths work as written: every repository file it names exists, and every
 * `npx perfgate` example that names only shipped files runs without a usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const readme = readFileSync('README.md', 'utf8');

test('every fixture, script and source file the README names exists', () => {
  const named = new Set(
    [...readme.matchAll(/\b((?:fixtures|scripts|src|docs|test|bench)\/[\w./-]+[\w])/g)].map(
      (m) => m[1]!,
    ),
  );
  // Examples of the user's own files, not this repository's.
  const usersOwn = new Set(['scripts/load.sh']);
  const missing = [...named].filter((p) => !usersOwn.has(p) && !existsSync(p));
  expect(missing).toEqual([]);
  expect(named.size).toBeGreaterThan(10);
});

test('the two set-up lines come first, and the second is what CI runs', () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(firstBlock).toMatch(/^npm ci && npm run demo\b/m);
  expect(firstBlock).toMatch(/^npm ci && npm run setup && npm test\b/m);
  expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm ci && npm run setup && npm test$/m);
});
