/**
 * The PR comment and the job summary as GitHub shows them: rendered by cmark-gfm and checked for
 * structure (tables, folded stacks, nothing of the markdown showing as text, nothing injected).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gfmProblems } from '../helpers/gfm.js';

describe('the demo comment (npm run demo) rendered by cmark-gfm', () => {
  test('every table, every folded stack, nothing of the markdown left as text', () => {
    const body = readFileSync('fixtures/golden/comment/demo.md', 'utf8');
    expect(gfmProblems(body, { tables: [9, 2, 5, 1], foldedStacks: 4 })).toEqual([]);
  });
});
