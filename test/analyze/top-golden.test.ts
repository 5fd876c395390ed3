/**
 * perfgate's top table against `go tool pprof -top -nodefraction=0 -sample_index=<type>` for every
 * fixture profile and every sample type. The goldens come from fixtures/generate.sh.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { functionTable } from '../../src/analyze/functions.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { renderTopText } from '../../src/render/top-text.js';
import { topReport } from '../../src/report/top-report.js';
import { findFiles, fixtureProfiles } from '../helpers/fixtures.js';

interface GoldenRow {
  flat: string;
  cum: string;
  name: string;
  marker: string;
}

const rowPattern =
  /^\s*(\S+)\s+\S+%\s+\S+%\s+(\S+)\s+\S+%\s\s(.*?)(?: \((inline|partial-inline)\))?$/;

/** The rows of pprof's -top output: numbers as printed, the name without its inline marker. */
function goldenRows(text: string): GoldenRow[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s+flat\s+flat%/.test(l));
  return lines
    .slice(start + 1)
    .filter((l) => l !== '')
    .map((l) => {
      const m = rowPattern.exec(l);
      if (!m) throw new Error(`unparsed golden row: ${l}`);
      return { flat: m[1]!, cum: m[2]!, name: m[3]!, marker: m[4] ?? '' };
    });
}

/** The number in an exact-unit label ("1234B", "5ns", "0"). */
function exact(label: string): number {
  return Number(label.replace(/(B|ns)$/, ''));
}

const cases = fixtureProfiles().flatMap((file) => {
  const profile = parsePprof(readFileSync(file));
  const rel = file.replace(/^fixtures\//, '').replace(/\.pb(\.gz)?$/, '');
  return profile.sampleTypes.map((t, sampleIndex) => ({
    name: `${file} ${t.type}`,
    file,
    profile,
    sampleIndex,
    golden: `fixtures/golden/top/${rel}.${t.type}.txt`,
    exactGolden: `fixtures/golden/top/${rel}.${t.type}.exact.txt`,
  }));
});

describe('top equals go tool pprof -top', () => {
  test('there are fixtures of every profile kind', () => {
    const types = new Set(cases.map((c) => c.profile.sampleTypes[c.sampleIndex]!.type));
    for (const t of [
      'samples',
      'cpu',
      'alloc_objects',
      'alloc_space',
      'inuse_objects',
      'inuse_space',
      'goroutine',
      'contentions',
      'delay',
    ]) {
      expect(types).toContain(t);
    }
  });

  test('every golden file belongs to a fixture profile and sample type', () => {
    const expected = new Set(cases.flatMap((c) => [c.golden, c.exactGolden]));
    const goldens = findFiles('fixtures/golden/top', ['.txt']);
    expect(goldens.filter((g) => !expected.has(g))).toEqual([]);
    expect(cases.filter((c) => !existsSync(c.golden)).map((c) => c.golden)).toEqual([]);
  });

  test.each(cases)('$name', ({ profile, sampleIndex, file, golden, exactGolden }) => {
    const table = functionTable([{ profile, sampleIndex }]);
    const report = topReport(profile, table, { source: file, sampleIndex });
    const ours = renderTopText(report);
    const theirs = readFileSync(golden, 'utf8');

    // The same text, header included: values, units, percentages, order, markers.
    expect(ours).toBe(theirs);

    // The exact numbers, where pprof can print them unscaled.
    if (existsSync(exactGolden)) {
      const rows = goldenRows(readFileSync(exactGolden, 'utf8'));
      expect(rows.map((r) => r.name)).toEqual(report.rows.map((r) => r.name));
      expect(rows.map((r) => [exact(r.flat), exact(r.cum)])).toEqual(
        report.rows.map((r) => [r.flat, r.cum]),
      );
    } else {
      const rows = goldenRows(theirs);
      expect(rows.map((r) => [Number(r.flat), Number(r.cum)])).toEqual(
        report.rows.map((r) => [r.flat, r.cum]),
      );
    }
  });
});
