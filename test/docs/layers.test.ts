/** The layer rules of eslint.config.js: a wrong arrow between src/ folders fails the lint. */
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

const eslint = new ESLint();

async function restricted(file: string, spec: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${spec}';\nvoid x;\n`, {
    filePath: file,
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test.each([
  ['src/analyze/gate.ts', '../render/comment.js', 'src/analyze does not import src/render'],
  [
    'src/analyze/stats/index.ts',
    '../../report/run-report.js',
    'src/analyze does not import src/report',
  ],
  ['src/parse/benchfmt/load.ts', '../../action/main.js', 'src/parse does not import src/action'],
  [
    'src/parse/pprof/decode.ts',
    '../../publish/artifacts.js',
    'src/parse does not import src/publish',
  ],
  [
    'src/cli/commands/comment.ts',
    '../../action/gate-mode.js',
    'src/cli does not import src/action',
  ],
  ['src/units/go-format.ts', '../render/markdown.js', 'src/units does not import src/render'],
  ['src/report/run-report.ts', '../render/comment.js', 'src/report does not import src/render'],
])('%s may not import %s', async (file, spec, message) => {
  expect((await restricted(file, spec)).join('\n')).toContain(message);
});

test.each([
  ['src/render/comment.ts', '../report/run-report.js'],
  ['src/analyze/gate.ts', '../units/bench-units.js'],
  ['src/action/gate-mode.ts', '../collect/read-profiles.js'],
  ['src/cli/commands/comment.ts', '../../report/build-run-report.js'],
])('%s may import %s', async (file, spec) => {
  expect(await restricted(file, spec)).toEqual([]);
});
