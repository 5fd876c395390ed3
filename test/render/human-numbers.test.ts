/** Numbers for people: each value on its own scale with its unit, changes as reviewers read them. */
import { describe, expect, test } from 'vitest';
import { gate } from '../../src/analyze/gate.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { formatChange, formatLimit, formatPair } from '../../src/render/gate-text.js';
import {
  formatBytes,
  formatCount,
  formatProfileValue,
  formatQuantity,
  formatQuantityPair,
  formatRelativeChange,
  formatSeconds,
  groupDigits,
  quantityKind,
} from '../../src/units/human.js';
import { benchRun } from '../helpers/reports.js';

describe('each value scaled on its own, with its unit', () => {
  test.each([
    [5.5, 'B/op', '5.5 B'],
    [173320.5, 'B/op', '169.3 KiB'],
    [1199533, 'B/op', '1.14 MiB'],
    [5.8e9, 'B/op', '5.40 GiB'],
    [0, 'B/op', '0 B'],
    [64, 'B/op', '64 B'],
    [1218.38e6, 'B/s', '1.13 GiB'],
    [0, 'allocs/op', '0'],
    [2415, 'allocs/op', '2,415'],
    [1787921, 'allocs/op', '1,787,921'],
    [27234.5, 'allocs/op', '27,234.5'],
    [0.0123, 'x/op', '0.0123'],
    [28.57e-6, 'sec/op', '28.6 µs'],
    [74.28e-6, 'sec/op', '74.3 µs'],
    [331.344e-6, 'sec/op', '331 µs'],
    [43.39e-9, 'sec/op', '43.4 ns'],
    [0.9997e-3, 'sec/op', '1.00 ms'],
    [2.4, 'sec/op', '2.40 s'],
    [1234.5, 'sec/op', '1,234 s'],
    [999.7, 'sec/op', '1,000 s'],
    [12e-6, 'x-sec/op', '12.0 µs'],
  ])('%d %s is %s', (value, unit, shown) => {
    expect(formatQuantity(value, unit)).toBe(shown);
  });

  test('units by what they measure: time, bytes, or a count', () => {
    expect(['sec/op', 'B/op', 'B/s', 'allocs/op', 'x-sec/op', 'ops/B'].map(quantityKind)).toEqual([
      'time',
      'bytes',
      'bytes',
      'count',
      'time',
      'count',
    ]);
  });

  test('digit grouping', () => {
    expect(groupDigits(1787921)).toBe('1,787,921');
    expect(groupDigits(-3557636)).toBe('-3,557,636');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1234.56, 1)).toBe('1,234.6');
    expect(formatCount(92671)).toBe('92,671');
  });

  test('bytes are IEC everywhere, profiles included', () => {
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1024)).toBe('1.00 KiB');
    expect(formatBytes(-530.3 * 2 ** 20)).toBe('-530.3 MiB');
    expect(formatProfileValue(5.8e9, 'bytes')).toBe('5.40 GiB');
    expect(formatProfileValue(770e6, 'nanoseconds')).toBe('770 ms');
    expect(formatProfileValue(61446, 'count')).toBe('61,446');
    expect(formatProfileValue(3, 'events')).toBe('3 events');
    expect(formatSeconds(0)).toBe('0 s');
  });
});

describe('two values that would read the same get the digits that tell them apart', () => {
  test('counts are exact anyway', () => {
    expect(formatQuantityPair(92671, 92672, 'allocs/op')).toEqual(['92,671', '92,672']);
  });

  test('bytes: the exact number of bytes', () => {
    expect(formatQuantityPair(1847000, 1847100, 'B/op')).toEqual(['1,847,000 B', '1,847,100 B']);
    expect(formatQuantityPair(2048, 2048, 'B/op')).toEqual(['2.00 KiB', '2.00 KiB']);
  });

  test('times: more digits', () => {
    expect(formatQuantityPair(28.61e-6, 28.64e-6, 'sec/op')).toEqual(['28.61 µs', '28.64 µs']);
    expect(formatQuantityPair(28.6e-6, 74.3e-6, 'sec/op')).toEqual(['28.6 µs', '74.3 µs']);
  });
});

describe('the change as reviewers read it', () => {
  test.each([
    [28.57e-6, 74.28e-6, 'sec/op', '+160%'],
    [7.125e-6, 331.344e-6, 'sec/op', '×46.5'],
    [5.5, 173320.5, 'B/op', '×31,513'],
    [1, 18, 'allocs/op', '×18'],
    [0, 2415, 'allocs/op', 'from 0'],
    [100, 105.17, 'B/op', '+5.2%'],
    [27235, 27429, 'allocs/op', '+0.71%'],
    [100, 40, 'sec/op', '-60%'],
    [100, 100, 'sec/op', '0%'],
    [92671, 92672, 'allocs/op', '+0.0011% (+1)'],
    [1847000, 1847100, 'B/op', '+0.0054% (+100 B)'],
  ])('%d → %d %s: %s', (base, head, unit, shown) => {
    expect(formatRelativeChange(base, head, unit)).toBe(shown);
  });
});

describe('findings of the gate, for people', () => {
  const g = gate(benchRun('ab-inter-base.txt'), benchRun('ab-inter-head.txt'));
  const find = (name: string, unit: string) =>
    g.findings.find((f) => f.name === name && f.unit === unit)!;

  test('go/bench: B/op, allocs/op and sec/op each on their own scale', () => {
    const json = find('JSONEncode-2', 'B/op');
    expect([...formatPair(json), formatChange(json)]).toEqual(['5.5 B', '169.3 KiB', '×31,513']);
    const allocs = find('JSONEncode-2', 'allocs/op');
    expect([...formatPair(allocs), formatChange(allocs)]).toEqual(['0', '2,415', 'from 0']);
    const time = find('GrowSlice-2', 'sec/op');
    expect([...formatPair(time), formatChange(time)]).toEqual(['28.6 µs', '74.3 µs', '+160%']);
    expect(formatLimit(json.limit, json.unit)).toBe('5% and 64 B/op');
  });

  test('one more allocation in 92,671 is a regression of allocs/op (any change), shown as +1', () => {
    const run = (allocs: number) =>
      parseBenchText(`BenchmarkParse-8 100 1000 ns/op ${allocs} allocs/op\n`.repeat(10), 'x.txt');
    const r = gate(run(92671), run(92672));
    const f = r.regressions.find((x) => x.unit === 'allocs/op')!;
    // allocs/op is exact here and its default limit is any change: +1 is a real change.
    expect(f.verdict).toBe('regression');
    expect([...formatPair(f), formatChange(f)]).toEqual(['92,671', '92,672', '+0.0011% (+1)']);
  });
});
