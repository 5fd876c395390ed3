/**
 * What the action writes to the runner's log cannot start a workflow command of its own: hostile
 * text in an annotation's message or title, or in a logged line of benchmark output, stays data.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { coreOut, inertLog } from '../../src/publish/action-out.js';

const hostile = [
  'x\n::error::pwned',
  'x\r::add-mask::secret',
  '  ::stop-commands::token',
  '::set-output name=verdict::pass',
  'a ##[set-env name=X;]1',
  'title=a,b::c%0A::error::d',
  '%0A::warning::e',
];

/** The runner's log as the runner reads it: one command or message per line. */
function logged(run: () => void): string[] {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return out.join('').split(/\r\n?|\n/);
}

/** Lines the runner would take as a command (`::` after spaces, or `##[` anywhere). */
const commands = (lines: string[]) =>
  lines.filter((l) => l.trimStart().startsWith('::') || l.includes('##['));

afterEach(() => {
  delete process.env.GITHUB_OUTPUT;
});

describe('the runner log', () => {
  test.each(hostile)('%j: one annotation each, no command of its own', (s) => {
    const out = coreOut({});
    const lines = logged(() => {
      out.error(s, s);
      out.warning(s);
      out.info(s);
    });
    const cmds = commands(lines);
    expect(cmds).toHaveLength(2);
    // The title's `:` and `,` are escaped: the first `::` after the properties ends them.
    expect(cmds[0]).toMatch(/^::error title=[^:,\r\n]*::/);
    expect(cmds[1]).toMatch(/^::warning::/);
  });

  test('a logged line keeps its text, with a zero-width space where a command would start', () => {
    expect(inertLog('ok\n::error::x\n  ::warning::y')).toBe(
      'ok\n:\u200b:error::x\n  :\u200b:warning::y',
    );
    expect(inertLog('BenchmarkX-8  10  100 ns/op')).toBe('BenchmarkX-8  10  100 ns/op');
  });
});
