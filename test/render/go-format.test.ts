import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatFixed, formatGeneral, formatGoValue, padLeft } from '../../src/units/go-format.js';

// Each line: value|%.2f|%.2g|%5.2g as Go's fmt printed them (fixtures/go/goformat).
const cases = readFileSync('fixtures/golden/go-format.txt', 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => line.split('|') as [string, string, string, string]);

describe("Go's number formatting", () => {
  test('the golden file has the rounding ties', () => {
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.map((c) => c[0])).toContain('0.125');
  });

  test.each(cases)('%s', (value, fixed2, general2, padded) => {
    const x = Number(value);
    expect(formatFixed(x, 2)).toBe(fixed2);
    expect(formatGeneral(x, 2)).toBe(general2);
    expect(padLeft(formatGeneral(x, 2), 5)).toBe(padded);
  });
});

describe("Go's %v of a float64", () => {
  // Printed by Go's fmt.Sprint.
  test.each([
    [1e6, '1e+06'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [0.95, '0.95'],
    [1e-5, '1e-05'],
    [1e20, '1e+20'],
    [2.5e-300, '2.5e-300'],
    [81920, '81920'],
    [6.000000000000001e-9, '6.000000000000001e-09'],
    [0.0001, '0.0001'],
    [-3.5, '-3.5'],
  ])('%s', (x, want) => {
    expect(formatGoValue(x)).toBe(want);
  });
});
