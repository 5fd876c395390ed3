import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultGateOptions, gate, limitFor } from '../../src/analyze/gate.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { readLimitRules } from '../../src/settings/limits.js';

const load = (name: string) => parseBenchText(readFileSync(`fixtures/bench/${name}`, 'utf8'), name);

const summary = (r: ReturnType<typeof gate>) =>
  r.regressions.map((f) => `${f.name} ${f.unit}`).sort();

describe('the gate on real runs', () => {
  test('A/A interleaved (encoding/json, same code both sides): nothing fails', () => {
    const r = gate(load('aa-inter-base.txt'), load('aa-inter-head.txt'));
    expect(r.findings.length).toBeGreaterThanOrEqual(24);
    expect(new Set(r.findings.map((f) => f.name)).size).toBeGreaterThanOrEqual(8);
    expect(r.regressions).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  test('A/B interleaved: the real regressions fail, and only they', () => {
    const r = gate(load('ab-inter-base.txt'), load('ab-inter-head.txt'));
    expect(r.verdict).toBe('fail');
    const regressing = ['GrowSlice-2', 'Concat-2', 'JSONEncode-2'];
    expect(summary(r)).toEqual(
      regressing.flatMap((n) => [`${n} B/op`, `${n} allocs/op`, `${n} sec/op`]).sort(),
    );
    // allocs/op increases are decided exactly, with no p-value.
    for (const f of r.regressions.filter((f) => f.unit === 'allocs/op')) {
      expect(f.method).toBe('exact');
      expect(f.p).toBeUndefined();
    }
  });

  test('an improvement never fails', () => {
    const r = gate(load('ab-inter-head.txt'), load('ab-inter-base.txt'));
    expect(r.verdict).toBe('pass');
    expect(r.improvements.length).toBeGreaterThanOrEqual(9);
  });

  test('A/A run in sequence drifts: the U test calls changes significant (what interleaving avoids)', () => {
    const none = gate(load('aa-seq-base.txt'), load('aa-seq-head.txt'), {
      ...defaultGateOptions,
      correction: 'none',
    });
    const holm = gate(load('aa-seq-base.txt'), load('aa-seq-head.txt'));
    // Same binary on both sides; every "regression" here is the machine drifting.
    expect(holm.regressions.length).toBeLessThanOrEqual(none.regressions.length);
  });

  test('-count 1: no statistics, said plainly; exact units still compared', () => {
    const r = gate(load('count1-base.txt'), load('count1-head.txt'));
    expect(r.notes).toContain(
      'each benchmark ran once (-count 1): no statistics are possible, so only units whose values are exact were compared; run with -count 10 or more',
    );
    const allocs = r.findings.filter((f) => f.unit === 'allocs/op');
    expect(allocs.every((f) => f.method === 'exact')).toBe(true);
    expect(summary(r)).toContain('Concat-2 allocs/op');
    const times = r.findings.filter((f) => f.unit === 'sec/op');
    expect(times.every((f) => f.verdict === 'inconclusive')).toBe(true);
    expect(times[0]!.notes).toEqual(['1 and 1 runs: too few to tell a change from noise']);
  });
});

describe('exact units and limits', () => {
  const run = (lines: string[]) => parseBenchText(lines.join('\n'), 'x.txt');
  const rep = (name: string, values: number[], unit = 'allocs/op') =>
    values.map((v) => `Benchmark${name} 100 1000 ns/op ${v} ${unit}`);

  test('12 → 13 allocs/op fails exactly, with no test', () => {
    const r = gate(run(rep('A-8', Array(10).fill(12))), run(rep('A-8', Array(10).fill(13))));
    const f = r.findings.find((f) => f.unit === 'allocs/op')!;
    expect(f.method).toBe('exact');
    expect(f.verdict).toBe('regression');
  });

  test('a few bytes more per op stay under the absolute floor', () => {
    const r = gate(
      run(rep('A-8', Array(10).fill(100), 'B/op')),
      run(rep('A-8', Array(10).fill(104), 'B/op')),
    );
    expect(r.findings.find((f) => f.unit === 'B/op')!.verdict).toBe('unchanged');
  });

  test('per-benchmark limits by pattern; the last matching rule wins', () => {
    const options = {
      ...defaultGateOptions,
      rules: [
        ...defaultGateOptions.rules,
        ...readLimitRules('--max-regression', 'JSON*:sec/op=25%, B/op=1%+8'),
      ],
    };
    expect(limitFor(options, 'JSONEncode-2', 'sec/op')).toEqual({ pct: 25, floor: 0 });
    expect(limitFor(options, 'GrowSlice-2', 'sec/op')).toEqual({ pct: 10, floor: 0 });
    expect(limitFor(options, 'GrowSlice-2', 'B/op')).toEqual({ pct: 1, floor: 8 });
    expect(limitFor(options, 'X', 'items/op')).toEqual({ pct: 10, floor: 0 });
  });

  test('limit syntax: units are tidied, amounts take suffixes', () => {
    expect(readLimitRules('x', 'ns/op=10%+100')).toEqual([
      { unit: 'sec/op', limit: { pct: 10, floor: 100 * 1e-9 } },
    ]);
    expect(readLimitRules('x', 'sec/op=5%+2us; B/op=2Ki')).toEqual([
      { unit: 'sec/op', limit: { pct: 5, floor: 2e-6 } },
      { unit: 'B/op', limit: { pct: 0, floor: 2048 } },
    ]);
    expect(() => readLimitRules('--max-regression', 'sec/op=ten')).toThrow(
      '--max-regression: "sec/op=ten" has a limit that is not a percentage and/or an amount (e.g. "10%", "64", "5%+64")',
    );
    expect(() => readLimitRules('--max-regression', 'fast')).toThrow(
      '--max-regression: "fast" is not a limit (e.g. "sec/op=10%", "B/op=5%+64", "JSON*:sec/op=20%")',
    );
    expect(() => readLimitRules('--max-regression', 'B/op=5%+3parsecs')).toThrow(
      '--max-regression: "B/op=5%+3parsecs" has an unknown suffix "parsecs"',
    );
  });
});
