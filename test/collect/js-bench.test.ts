import { describe, expect, test } from 'vitest';
import { benchName, formatJsRounds } from '../../src/collect/js-bench.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';

describe('formatJsRounds', () => {
  test('one line per task per round, the module under jsmodule:, read back as written', () => {
    const text = formatJsRounds('bench\\suite.mjs', [
      [
        { name: 'parse json', samples: 120, medianMs: 0.25 },
        { name: 'sort', samples: 64, medianMs: 1.5 },
      ],
      [
        { name: 'parse json', samples: 130, medianMs: 0.2 },
        { name: 'sort', samples: 70, medianMs: 1.25 },
      ],
    ]);
    expect(text.split('\n').slice(3)).toEqual([
      'jsmodule: bench/suite.mjs',
      'Benchmarkparse_json 120 250000 ns/op',
      'Benchmarksort 64 1500000 ns/op',
      'Benchmarkparse_json 130 200000 ns/op',
      'Benchmarksort 70 1250000 ns/op',
      '',
    ]);
    const f = parseBenchText(text, 'x');
    expect(f.results.map((r) => [r.name, r.values[0]!.value, r.config.pkg])).toEqual([
      ['parse_json', 250e-6, undefined],
      ['sort', 1.5e-3, undefined],
      ['parse_json', 200e-6, undefined],
      ['sort', 1.25e-3, undefined],
    ]);
  });

  test('nanoseconds as the clock read them, without the binary fraction of milliseconds', () => {
    // Medians of a tinybench 6 run of semver's parse and satisfies (ms), and 1.5 ns.
    const text = formatJsRounds('suite.mjs', [
      [
        { name: 'parse', samples: 42856, medianMs: 1852.999999982785 / 1e6 },
        { name: 'satisfies', samples: 4415, medianMs: 0.017475999999987835 },
        { name: 'noop', samples: 9, medianMs: 0.0000015 },
      ],
    ]);
    expect(text.split('\n').slice(4, 7)).toEqual([
      'Benchmarkparse 42856 1853 ns/op',
      'Benchmarksatisfies 4415 17476 ns/op',
      'Benchmarknoop 9 1.5 ns/op',
    ]);
  });

  test('task names lose their spaces', () => {
    expect(benchName('  sort  numbers ')).toBe('Benchmarksort_numbers');
  });
});
