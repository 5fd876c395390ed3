/**
 * The step's error annotations: GitHub shows ten per step, so the run's own error comes first,
 * then exact findings, then other counts and sizes, then timings, and a last line says how many
 * did not fit. Findings: the gate over real interleaved runs (fixtures/bench/ab-inter-*).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gate } from '../../src/analyze/gate.js';
import { MAX_ANNOTATIONS, annotationPlan } from '../../src/action/publish-report.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';

const load = (f: string) => parseBenchText(readFileSync(`fixtures/bench/${f}`, 'utf8'), f);
const regressions = gate(load('ab-inter-base.txt'), load('ab-inter-head.txt')).regressions;
const named = (fs: { name: string; unit: string }[]) => fs.map((f) => `${f.name} ${f.unit}`);

describe('annotations within the budget', () => {
  test('the gate reports timings first; annotations put exact units first, timings last', () => {
    expect(named(regressions).slice(0, 3)).toEqual([
      'GrowSlice-2 sec/op',
      'Concat-2 sec/op',
      'JSONEncode-2 sec/op',
    ]);
    const plan = annotationPlan(regressions, 1);
    expect(plan.more).toBe(0);
    expect(named(plan.shown)).toEqual([
      'GrowSlice-2 allocs/op',
      'Concat-2 allocs/op',
      'JSONEncode-2 allocs/op',
      'GrowSlice-2 B/op',
      'Concat-2 B/op',
      'JSONEncode-2 B/op',
      'GrowSlice-2 sec/op',
      'Concat-2 sec/op',
      'JSONEncode-2 sec/op',
    ]);
  });

  test('when they do not fit, the last place says how many more', () => {
    const plan = annotationPlan(regressions, MAX_ANNOTATIONS - 5);
    expect(named(plan.shown)).toEqual([
      'GrowSlice-2 allocs/op',
      'Concat-2 allocs/op',
      'JSONEncode-2 allocs/op',
      'GrowSlice-2 B/op',
    ]);
    expect(plan.more).toBe(5);
    expect(annotationPlan(regressions, MAX_ANNOTATIONS)).toEqual({ shown: [], more: 9 });
  });
});
