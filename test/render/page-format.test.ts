import { describe, expect, test } from 'vitest';
import { fitName, label, share } from '../../src/render/html/page/format.js';

describe('the report page’s numbers and names', () => {
  test.each([
    [0, 'bytes', '0 B'],
    [512, 'bytes', '512 B'],
    [1536, 'bytes', '1.50 KiB'],
    [173_363.2, 'bytes', '169.3 KiB'],
    [5.92 * 2 ** 30, 'bytes', '5.92 GiB'],
    [-530.3 * 2 ** 20, 'bytes', '-530.3 MiB'],
    [1_787_921, 'count', '1,787,921'],
    [10_000_000, 'nanoseconds', '10.0 ms'],
    [0, 'count', '0'],
  ])('%d %s reads %s', (value, unit, text) => {
    expect(label(value, unit)).toBe(text);
  });

  test.each([
    [0, 100, '0%'],
    [79, 1e8, '<0.01%'],
    [5, 1e4, '0.05%'],
    [1234, 1e4, '12.34%'],
    [99_999, 1e5, '100%'],
    [-50, 100, '50.00%'],
  ])('%d of %d is %s', (value, total, text) => {
    expect(share(value, total)).toBe(text);
  });

  test('names are shortened from the left: package path, type parameters, package, then letters', () => {
    const name = 'encoding/json.(*decodeState).object';
    expect(fitName(name, 40)).toBe(name);
    expect(fitName(name, 30)).toBe('json.(*decodeState).object');
    expect(fitName(name, 21)).toBe('(*decodeState).object');
    expect(fitName(name, 12)).toBe('\u2026ate).object');
    expect(fitName(name, 3)).toBe('');
    const generic =
      'slices.SortFunc[go.shape.[]encoding/json.reflectWithString,go.shape.struct {}]';
    expect(fitName(generic, 20)).toBe('slices.SortFunc[\u2026]');
    expect(fitName(generic, 12)).toBe('SortFunc[\u2026]');
    expect(fitName('main.runMutex.func1', 12)).toBe('\u2026Mutex.func1');
  });
});
