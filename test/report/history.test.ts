import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gate } from '../../src/analyze/gate.js';
import { parseBenchOutput } from '../../src/parse/benchfmt/load.js';
import {
  type BaselineHistory,
  HISTORY_LIMIT,
  extendHistory,
  historyChart,
  historyPoint,
  historyView,
  readHistory,
} from '../../src/report/history.js';

const bench = (f: string) => parseBenchOutput(readFileSync(`fixtures/bench/${f}`, 'utf8'), f);
const point = (commit: string, center: number, cpu = 'AMD EPYC') => ({
  commit,
  date: '2026-11-01T00:00:00.000Z',
  machine: { cpu },
  values: [
    { pkg: 'p', name: 'Encode', unit: 'sec/op', center, lo: center * 0.9, hi: center * 1.1 },
  ],
});

describe('the history of baselines', () => {
  test('a point holds every benchmark × unit as the gate summarizes a side, without the shared GOMAXPROCS suffix', () => {
    const base = bench('ab-inter-base.txt');
    const p = historyPoint(base, 'c'.repeat(40), '2026-11-01T00:00:00.000Z');
    const g = gate(base, bench('ab-inter-head.txt'));
    for (const f of g.findings.filter((x) => x.base)) {
      const v = p.values.find((x) => `${x.name}-2` === f.name && x.unit === f.unit)!;
      expect([v.center, v.lo, v.hi]).toEqual([f.base!.center, f.base!.lo, f.base!.hi]);
      expect(v.pkg).toBe('perfgate.example/fixtures/bench');
    }
    expect(p.machine).toEqual({ cpu: 'AMD EPYC', goos: 'linux', goarch: 'amd64' });
  });

  test('carried forward: bounded to the last 100 commits; the same commit measured again replaces its point', () => {
    let h: BaselineHistory | undefined;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = extendHistory(h, point(`c${i}`, i));
    expect(h!.points).toHaveLength(HISTORY_LIMIT);
    expect(h!.points[0]!.commit).toBe('c5');
    h = extendHistory(h, point('c50', 7));
    expect(h.points).toHaveLength(HISTORY_LIMIT);
    expect(h.points.at(-1)).toMatchObject({ commit: 'c50', values: [{ center: 7 }] });
    expect(readHistory(JSON.parse(JSON.stringify(h)))).toEqual(h);
  });

  test.each([
    [[], 'it is not a history (not a JSON object)'],
    [{ tool: 'other', schema: 1, points: [] }, 'it is not a perfgate history'],
    [
      { tool: 'perfgate', schema: 3, points: 'x' },
      'it has schema 3, from a newer perfgate (this one reads schema 1)',
    ],
    [
      { tool: 'perfgate', schema: '1', points: [] },
      'it has schema "1", this perfgate reads schema 1',
    ],
    [{ tool: 'perfgate', schema: 1, points: {} }, 'its points are not a list'],
    [
      {
        tool: 'perfgate',
        schema: 1,
        points: [point('a', 1), { ...point('b', 1), values: [{ center: 'x' }] }],
      },
      'its point 2 is not a commit with values',
    ],
  ])('an unusable history says why: %j', (json, why) => {
    expect(readHistory(json)).toBe(why);
  });

  test('head against the past: worse than each, within the range, better than each (and B/s the other way up)', () => {
    const h = extendHistory(extendHistory(undefined, point('a', 10)), point('b', 20, 'Xeon'));
    const finding = (center: number, unit = 'sec/op', higherIsBetter = false) =>
      ({
        name: 'Encode-8',
        unit,
        config: [['pkg', 'p']],
        head: { center, lo: center, hi: center, n: 10, warnings: [] },
        higherIsBetter,
      }) as never;
    const places = [25, 15, 5].map((c) => historyView(h, 'main', [finding(c)]).positions[0]!.place);
    expect(places).toEqual(['worse', 'within', 'better']);
    expect(historyView(h, 'main', [finding(25)]).positions[0]).toEqual({
      name: 'Encode-8',
      unit: 'sec/op',
      head: 25,
      min: 10,
      max: 20,
      commits: 2,
      place: 'worse',
      cpus: 2,
    });
    const rate = extendHistory(undefined, {
      ...point('a', 0),
      values: [{ pkg: 'p', name: 'Encode', unit: 'B/s', center: 100, lo: 90, hi: 110 }],
    });
    expect(historyView(rate, 'main', [finding(50, 'B/s', true)]).positions[0]!.place).toBe('worse');
    const chart = historyChart(h, 'main', undefined, [finding(25)]);
    expect(chart.series).toEqual([
      {
        pkg: 'p',
        name: 'Encode',
        unit: 'sec/op',
        regression: true,
        centers: [10, 20],
        lo: [9, 18],
        hi: [11, 22],
        head: null,
      },
    ]);
    expect(chart.commits.map((c) => c.cpu)).toEqual(['AMD EPYC', 'Xeon']);
  });
});
