// Prints the README's inputs and outputs tables from action.yml (the README test checks they match).
// Usage: node scripts/action-tables.mjs
import { readFileSync } from 'node:fs';

/** Inputs and outputs of action.yml: name, description, default (a small reader for this file's shape). */
export function actionSpec(text) {
  const out = { inputs: [], outputs: [] };
  let section;
  let current;
  for (const line of text.split('\n')) {
    if (/^inputs:/.test(line)) section = 'inputs';
    else if (/^outputs:/.test(line)) section = 'outputs';
    else if (/^\S/.test(line)) section = undefined;
    else if (section && /^ {2}[a-z-]+:\s*$/.test(line)) {
      current = { name: line.trim().slice(0, -1), description: '', default: '' };
      out[section].push(current);
    } else if (current && /^ {4}(description|default):/.test(line)) {
      const [, key, raw] = /^ {4}(description|default):\s*(.*)$/.exec(line);
      current[key] = raw
        .replace(/^'(.*)'$/, '$1')
        .replace(/^"(.*)"$/, '$1')
        .replace(/''/g, "'");
    }
  }
  return out;
}

const cell = (s) => s.replace(/\|/g, '\\|');

export function tables(spec) {
  const inputs = [
    '| input | default | meaning |',
    '| --- | --- | --- |',
    ...spec.inputs.map(
      (i) =>
        `| \`${i.name}\` | ${i.default === '' ? '' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
    ),
  ];
  const outputs = [
    '| output | meaning |',
    '| --- | --- |',
    ...spec.outputs.map((o) => `| \`${o.name}\` | ${cell(o.description)} |`),
  ];
  return { inputs: inputs.join('\n'), outputs: outputs.join('\n') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = tables(actionSpec(readFileSync('action.yml', 'utf8')));
  console.log(`${t.inputs}\n\n${t.outputs}`);
}
