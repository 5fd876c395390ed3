import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  defaultGateOptions,
  gate,
  limitFor,
  smallestPossibleP,
  thresholdFor,
} from '../../src/analyze/gate.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { renderGateText } from '../../src/render/gate-text.js';
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

/** The first `n` rounds of a real run: every result line of the first n rounds, config kept. */
function firstRounds(name: string, n: number): string {
  const seen = new Map<string, number>();
  return readFileSync(`fixtures/bench/${name}`, 'utf8')
    .split('\n')
    .filter((l) => {
      const m = /^(Benchmark\S+)\s/.exec(l);
      if (!m) return true;
      const k = (seen.get(m[1]!) ?? 0) + 1;
      seen.set(m[1]!, k);
      return k <= n;
    })
    .join('\n');
}

describe('benchmarks are matched by identity, not by machine', () => {
  const text = (name: string) => readFileSync(`fixtures/bench/${name}`, 'utf8');
  const otherMachine = (t: string) =>
    t
      .replace(/^cpu: .*$/m, 'cpu: Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz')
      .replace(/^goarch: .*$/m, 'goarch: arm64')
      .replace(/^(Benchmark\S+)-2(\s)/gm, '$1-4$2');

  test('head with another cpu line and GOMAXPROCS still finds the real regressions', () => {
    const same = gate(load('ab-inter-base.txt'), load('ab-inter-head.txt'));
    const r = gate(
      load('ab-inter-base.txt'),
      parseBenchText(otherMachine(text('ab-inter-head.txt')), 'head.txt'),
    );
    expect(r.verdict).toBe('fail');
    expect(r.benchmarks.regressed).toEqual(['GrowSlice-4', 'Concat-4', 'JSONEncode-4']);
    expect(r.regressions.length).toBe(same.regressions.length);
    expect(r.benchmarks.compared).toBe(10);
    expect(r.machines).toBe(
      'goarch amd64 vs arm64; cpu AMD EPYC vs Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz; GOMAXPROCS 2 vs 4',
    );
    expect(same.machines).toBeUndefined();
  });

  test('a package line that differs keeps benchmarks apart: nothing compared is its own verdict', () => {
    const moved = text('ab-inter-head.txt').replace(/^pkg: .*$/m, 'pkg: perfgate.example/moved');
    const r = gate(load('ab-inter-base.txt'), parseBenchText(moved, 'head.txt'));
    expect(r.verdict).toBe('no-comparison');
    expect(r.regressions).toEqual([]);
    expect(r.cause).toBe(
      'nothing to compare: ab-inter-base.txt has 10 benchmarks in perfgate.example/fixtures/bench (GrowSlice-2, Concat-2, JSONEncode-2, …); head.txt has 10 benchmarks in perfgate.example/moved (GrowSlice-2, Concat-2, JSONEncode-2, …); no benchmark is in both',
    );
    expect(r.benchmarks.added).toHaveLength(10);
    expect(r.benchmarks.removed).toHaveLength(10);
  });

  test('renamed benchmarks and an empty head are never a pass', () => {
    const renamed = text('ab-inter-head.txt').replace(/^Benchmark/gm, 'BenchmarkNew');
    expect(gate(load('ab-inter-base.txt'), parseBenchText(renamed, 'h')).verdict).toBe(
      'no-comparison',
    );
    const empty = gate(load('ab-inter-base.txt'), parseBenchText('', 'head.txt'));
    expect(empty.verdict).toBe('no-comparison');
    expect(empty.cause).toContain('head.txt has no benchmark results');
    const noBase = gate(parseBenchText('', 'base.txt'), load('ab-inter-head.txt'));
    expect(noBase.cause).toMatch(/^nothing to compare: base\.txt has no benchmark results; /);
  });

  test("a benchmark only in head is added, with head's numbers on head's side", () => {
    const base = text('ab-inter-base.txt')
      .split('\n')
      .filter((l) => !l.startsWith('BenchmarkSHA256'))
      .join('\n');
    const r = gate(parseBenchText(base, 'b'), load('ab-inter-head.txt'));
    expect(r.benchmarks.added).toEqual(['SHA256-2']);
    expect(r.benchmarks.removed).toEqual([]);
    const added = r.findings.filter((f) => f.name === 'SHA256-2');
    expect(added.every((f) => f.verdict === 'only-head' && f.base === undefined)).toBe(true);
    expect(added.find((f) => f.unit === 'B/op')!.head!.center).toBe(0);
    expect(r.verdict).toBe('fail');
  });
});

describe('the gate says what it cannot see', () => {
  test('-count 3: a rank test cannot reach p < 0.05; the units it could not judge are named', () => {
    const r = gate(
      parseBenchText(firstRounds('ab-inter-base.txt', 3), 'base.txt'),
      parseBenchText(firstRounds('ab-inter-head.txt', 3), 'head.txt'),
    );
    const secOp = r.power.find((n) => n.unit === 'sec/op')!;
    expect(secOp).toMatchObject({ n: 3, minP: 0.1, blind: secOp.tested, countNeeded: 6 });
    expect(secOp.threshold).toBeCloseTo(0.05 / secOp.family, 12);
    // JSONEncode's B/op varies between runs (5 or 6 B in base): it needs the test, and cannot pass it.
    const jsonBytes = r.findings.find((f) => f.name === 'JSONEncode-2' && f.unit === 'B/op')!;
    expect(jsonBytes.method).toBe('mann-whitney');
    expect(jsonBytes.verdict).toBe('unchanged');
    expect(r.power.map((n) => n.unit)).toContain('B/op');
    expect(renderGateText(r).split('\n')[1]).toBe(
      `sec/op not judged: n = 3 per side cannot reach p ≤ 0.0036, needed among 14 tested comparisons (holm, alpha 0.05); the smallest possible is 0.1; use -count ≥ 6`,
    );
    // Exact units still decide: the allocation regressions are found.
    expect(r.benchmarks.regressed).toEqual(['GrowSlice-2', 'Concat-2', 'JSONEncode-2']);
  });

  test('the smallest p-value of the U test and the signed-rank test', () => {
    expect(smallestPossibleP('mann-whitney', 8, 8)).toBeCloseTo(2 / 12870, 15); // 1.55e-4
    expect(smallestPossibleP('mann-whitney', 3, 3)).toBeCloseTo(0.1, 15);
    expect(smallestPossibleP('wilcoxon', 5, 5)).toBeCloseTo(2 / 32, 15);
    // More than ~320 comparisons at n = 8: Holm demands less than the test can ever give.
    expect(thresholdFor(0.05, 'holm', 330)).toBeLessThan(smallestPossibleP('mann-whitney', 8, 8));
    expect(thresholdFor(0.05, 'none', 330)).toBe(0.05);
  });

  test('a rate from b.SetBytes restates sec/op: shown, but not a comparison or regression of its own', () => {
    const r = gate(load('ab-inter-base.txt'), load('ab-inter-head.txt'));
    const rate = r.findings.find((f) => f.name === 'SHA256-2' && f.unit === 'B/s')!;
    expect(rate.restates).toBe('sec/op');
    const items = r.findings.find((f) => f.name === 'ChanPipeline-2' && f.unit === 'items/op')!;
    expect(items.restates).toBeUndefined();
    expect(r.regressions.some((f) => f.restates)).toBe(false);
  });
});
