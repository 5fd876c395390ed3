import { describe, expect, test } from 'vitest';
import { fitBlocks, moreLine, shortenable, utf8Bytes } from '../../src/render/sections.js';

/** The first `n` items of a list: long lines, as a leak with its stack is long. */
const items = (name: string, n: number) =>
  Array.from({ length: n }, (_, i) => `- ${name} ${i + 1} ${'.'.repeat(50)}`).join('\n');

/** A list of `n` items, saying how many it left out. */
const list = (priority: number, name: string, n: number) =>
  shortenable(priority, n, (keep) =>
    [
      ...(keep > 0 ? [items(name, keep)] : []),
      ...(keep < n ? [moreLine(n - keep, name, 'elsewhere')] : []),
    ].join('\n'),
  );

describe('fitting blocks to a limit', () => {
  test('everything, when it fits', () => {
    const blocks = ['# title', '', list(1, 'a', 2), '', 'links'];
    expect(fitBlocks(blocks, 1000)).toBe(`# title\n\n${items('a', 2)}\n\nlinks`);
  });

  test('the highest priority number gives way first, keeping as many items as fit', () => {
    const blocks = ['top', '', list(1, 'a', 3), '', list(2, 'b', 3), '', 'end'];
    const full = fitBlocks(blocks, Infinity);
    expect(full).toBe(`top\n\n${items('a', 3)}\n\n${items('b', 3)}\n\nend`);
    // Short of one item's length: b loses items and says so, a keeps all of its.
    const out = fitBlocks(blocks, full.length - 60);
    expect(out).toBe(
      `top\n\n${items('a', 3)}\n\n${items('b', 1)}\n… and 2 more b, elsewhere\n\nend`,
    );
    expect(out.length).toBeLessThanOrEqual(full.length - 60);
    // Too short for any of b: a gives way too; the fixed text stays.
    const limit = `top\n\n${items('a', 1)}\n… and 2 more a, elsewhere\n\n… and 3 more b, elsewhere\n\nend`;
    expect(fitBlocks(blocks, limit.length)).toBe(limit);
    // Shorter than every shortened form: the lists go, the fixed text stays whole.
    expect(fitBlocks(blocks, 12)).toBe('top\n\nend');
  });

  test('a block that vanishes leaves no run of blank lines', () => {
    const fold = shortenable(5, 1, (keep) => (keep > 0 ? 'x'.repeat(100) : ''));
    expect(fitBlocks(['a', '', fold, '', 'b'], 10)).toBe('a\n\nb');
  });

  test('bytes, for limits counted in UTF-8', () => {
    const blocks = ['é'.repeat(10), '', list(1, 'ü', 5)];
    const want = `${'é'.repeat(10)}\n\n${items('ü', 1)}\n… and 4 more ü, elsewhere`;
    // As many bytes as the text with one item: in characters it would hold two.
    const out = fitBlocks(blocks, Buffer.byteLength(want), utf8Bytes);
    expect(out).toBe(want);
  });
});
