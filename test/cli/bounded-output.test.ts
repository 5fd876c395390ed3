/**
 * The CLI's output stays bounded and quiet whatever it is fed or whoever reads it: a file of a
 * million bad lines gives a dozen lines of diagnostics, a reader that goes away (`| head -1`)
 * ends it without a stack trace, and control characters in names never reach the terminal.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { terminalText } from '../../src/cli/io.js';
import { diagnosticLines } from '../../src/render/diagnostics.js';
import { distCli } from '../helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'perfgate-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a million lines of garbage', () => {
  test('ten diagnostics per file, then how many more', () => {
    const garbage = Array.from(
      { length: 1_000_000 },
      (_, i) => `BenchmarkGarbage-8 notanumber ${i} ns/op`,
    );
    const files = ['base.txt', 'head.txt'].map((name) => {
      const file = path.join(work, name);
      writeFileSync(file, `${garbage.join('\n')}\nBenchmarkOk-8 10 100 ns/op\n`);
      return file;
    });
    const r = distCli('compare', ...files);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe(`${files[0]}:1: parsing iteration count: invalid syntax`);
    expect(lines[10]).toBe(`${files[0]}: … and 999,990 more lines like this`);
    expect(lines[21]).toBe(`${files[1]}: … and 999,990 more lines like this`);
    expect(r.stdout).toContain('Ok-8');
  }, 60_000);

  test('one more line says so in the singular', () => {
    const d = (line: number) => ({ file: 'x.txt', line, message: 'bad' });
    expect(diagnosticLines([d(1), d(2), d(3)], 2)).toEqual([
      'x.txt:1: bad',
      'x.txt:2: bad',
      'x.txt: … and 1 more line like this',
    ]);
  });
});

describe('a reader that goes away', () => {
  test('stdout closed before perfgate writes: it ends quietly, exit 0', async () => {
    const child = spawn(
      process.execPath,
      [path.resolve('dist/cli.js'), 'top', 'fixtures/profiles/growslice/head/cpu.pb.gz'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

test('control characters in names never reach the terminal', () => {
  expect(terminalText('main.\u001b]0;pwned\u0007f\u0000\u009b31m\tok\n')).toBe(
    'main.]0;pwnedf31m\tok\n',
  );
});
