import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { displayName, shortFunctionName } from '../../src/analyze/function-name.js';
import { parsePprof } from '../../src/parse/pprof/index.js';

/** A node label of `go tool pprof -dot`: the short name with its dots as line breaks. */
const dotName = (name: string) =>
  shortFunctionName(name)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/::/g, '\\n')
    .replace(/\[\.\.\.\]/g, '[…]')
    .replace(/\./g, '\\n');

describe('short function names, as pprof draws them', () => {
  test('every node of go tool pprof -dot (golden/shortnames) is a function shortened alike', () => {
    const golden = readFileSync(
      'fixtures/golden/shortnames/json-head-cpu.dot-labels.txt',
      'utf8',
    ).trimEnd();
    // `N12 [label="json\n(*encodeState)\nreflectValue\n0.01s (0.62%)\nof 0.87s (54.04%)"`: the name
    // is every line before the values.
    const labels = golden.split('\n').map((l) => {
      const lines = /^N\d+ \[label="(.*)"$/.exec(l)![1]!.split('\\n');
      return lines
        .slice(
          0,
          lines.findIndex((x) => /^(\d[\d.]*\w* \(|0 of )/.test(x)),
        )
        .join('\\n');
    });
    const profile = parsePprof(readFileSync('fixtures/profiles/json/head/cpu.pb.gz'));
    const ours = new Set(profile.functions.map((f) => dotName(displayName(f))));
    expect(labels.length).toBeGreaterThan(100);
    expect(labels.filter((l) => !ours.has(l))).toEqual([]);
  });

  test('the package path goes, the method stays', () => {
    expect(shortFunctionName('encoding/json.(*encodeState).reflectValue')).toBe(
      'json.(*encodeState).reflectValue',
    );
    expect(shortFunctionName('runtime.mallocgc')).toBe('runtime.mallocgc');
  });
});
