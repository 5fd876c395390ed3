import { describe, expect, test } from 'vitest';
import {
  codeCell,
  escapeMarkdown,
  fenceLine,
  MAX_NAME,
  plainText,
  proseWithCode,
} from '../../src/render/markdown.js';

describe('escapeMarkdown', () => {
  test.each([
    ['main.(*T).run', 'main.(&#42;T).run'],
    ['a|b', 'a&#124;b'],
    ['<script>alert(1)</script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    ['ping @octocat', 'ping &#64;<wbr>octocat'],
    ['a@b.example', 'a&#64;<wbr>b.example'],
    ['WWW.example.com', 'WWW&#46;example.com'],
    ['see #12', 'see &#35;<wbr>12'],
    ['$x^2$', '&#36;x^2&#36;'],
    ['a\u001b[31mred\u0000\u0085\u202eb\tc', 'a&#91;31mredb\tc'],
    ['one\r\ntwo\rthree', 'one two three'],
    ['[link](http://x)', '&#91;link&#93;(http&#58;//x)'],
    ['_em_ *strong* ~del~ `code`', '&#95;em&#95; &#42;strong&#42; &#126;del&#126; &#96;code&#96;'],
    ['line\nbreak', 'line break'],
    ['a\\b & c', 'a&#92;b &#38; c'],
  ])('%s', (input, want) => {
    expect(escapeMarkdown(input)).toBe(want);
  });

  test('code cells wrap escaped text', () => {
    expect(codeCell('sync.OnceValue[go.shape.func]')).toBe(
      '<code>sync.OnceValue&#91;go.shape.func&#93;</code>',
    );
  });

  test('a long name is cut at whole characters, the cut marked', () => {
    const cut = plainText('界'.repeat(250_000), MAX_NAME);
    expect(cut).toBe(`${'界'.repeat(MAX_NAME - 1)}…`);
    expect(plainText('🙂'.repeat(300), 10)).toBe(`${'🙂'.repeat(9)}…`);
    expect(codeCell('x'.repeat(1000))).toBe(`<code>${'x'.repeat(MAX_NAME - 1)}…</code>`);
  });

  test('a fence line cannot end its fence or its list item', () => {
    expect(fenceLine('a\n```\r<h1>x</h1>')).toBe("a ''' <h1>x</h1>");
  });

  test('prose quoting names: the quoted parts as code, the rest escaped', () => {
    expect(proseWithCode('allocate less at `main.f` (@team)')).toBe(
      'allocate less at <code>main.f</code> (&#64;<wbr>team)',
    );
  });
});
