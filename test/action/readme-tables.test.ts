import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { actionSpec, tables } from '../../scripts/action-tables.mjs';

const rows = (markdown: string) =>
  markdown
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );

function section(readme: string, heading: string): string {
  const start = readme.indexOf(`### ${heading}\n`);
  const rest = readme.slice(start + 1);
  const end = rest.search(/\n#{1,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

test("the README's inputs and outputs tables say what action.yml says", () => {
  const readme = readFileSync('README.md', 'utf8');
  const want = tables(actionSpec(readFileSync('action.yml', 'utf8')));
  expect(rows(section(readme, 'Inputs'))).toEqual(rows(want.inputs));
  expect(rows(section(readme, 'Outputs'))).toEqual(rows(want.outputs));
  expect(rows(want.inputs).map((r) => r[0])).toContain('`max-regression`');
});

test('the action reads exactly the inputs action.yml declares', async () => {
  const { readActionSettings } = await import('../../src/action/settings.js');
  const read = new Set<string>();
  readActionSettings((name) => {
    read.add(name);
    return name === 'go-packages' ? './...' : '';
  }, {});
  const declared = actionSpec(readFileSync('action.yml', 'utf8')).inputs.map(
    (i: { name: string }) => i.name,
  );
  expect([...read].sort()).toEqual([...declared].sort());
});
