/**
 * perfgate's profile diff against `go tool pprof -top -nodefraction=0 -diff_base=base head`
 * (and with -normalize) for every fixture pair and sample type (goldens from fixtures/generate.sh).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diffFunctionTable } from '../../src/analyze/profile-diff.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { renderTopText } from '../../src/render/top-text.js';
import { topReport } from '../../src/report/top-report.js';
import { findFiles } from '../helpers/fixtures.js';

/** Golden file → the base and head profiles it was made from. */
function pairOf(golden: string): {
  base: string;
  head: string;
  type: string;
  normalize: boolean;
  exact: boolean;
} {
  const rel = golden.replace('fixtures/golden/diff/', '');
  const [scenario, file] = rel.split('/') as [string, string];
  const parts = file.replace(/\.txt$/, '').split('.');
  const normalize = parts.includes('normalize');
  const exact = parts.includes('exact');
  const [kind, type] = parts as [string, string];
  if (scenario === 'bench') {
    return {
      base: `fixtures/bench/base.${kind}.pb.gz`,
      head: `fixtures/bench/head.${kind}.pb.gz`,
      type,
      normalize,
      exact,
    };
  }
  return {
    base: `fixtures/profiles/${scenario}/base/${kind}.pb.gz`,
    head: `fixtures/profiles/${scenario}/head/${kind}.pb.gz`,
    type,
    normalize,
    exact,
  };
}

const goldens = existsSync('fixtures/golden/diff')
  ? findFiles('fixtures/golden/diff', ['.txt'])
  : [];

describe('diff equals go tool pprof -diff_base', () => {
  test('there are goldens for every scenario', () => {
    expect(goldens.length).toBeGreaterThan(100);
  });

  test.each(goldens)('%s', (golden) => {
    const { base, head, type, normalize, exact } = pairOf(golden);
    const b = parsePprof(readFileSync(base));
    const h = parsePprof(readFileSync(head));
    const sampleIndex = h.sampleTypes.findIndex((t) => t.type === type);
    const table = diffFunctionTable(b, h, { sampleIndex, normalize });
    const report = topReport(h, table, { source: head, sampleIndex, merged: [b, h] });
    // The .exact goldens were printed with -unit=B or -unit=ns: every value unscaled.
    if (exact) report.displayUnit = h.sampleTypes[sampleIndex]!.unit === 'bytes' ? 'B' : 'ns';
    const ours = renderTopText(report);
    // Header included: the merged time and duration, as pprof merges base and head.
    expect(ours).toBe(readFileSync(golden, 'utf8'));
  });
});
