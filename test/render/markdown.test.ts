import { describe, expect, test } from 'vitest';
import { codeCell, escapeMarkdown } from '../../src/render/markdown.js';

describe('escapeMarkdown', () => {
  test.each([
    ['main.(*T).run', 'main.(&#42;T).run'],
    ['a|b', 'a&#124;b'],
    ['<script>alert(1)</script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    ['ping @octocat', 'ping &#64;<wbr>octocat'],
    ['a@b.example', 'a&#64;<wbr>b.example'],
    ['WWW.example.com', 'WWW&#46;example.com'],
    ['see #12', 'see &#35;12'],
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
});
