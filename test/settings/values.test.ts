import { describe, expect, test } from 'vitest';
import { readByteSize, readChoice, readInteger } from '../../src/settings/values.js';

describe('setting readers name the setting and quote the value', () => {
  test('integers', () => {
    expect(readInteger('--nodecount', '15', 1)).toBe(15);
    expect(() => readInteger('--nodecount', '1.5', 1)).toThrow(
      '--nodecount: "1.5" is not a whole number',
    );
    expect(() => readInteger('--nodecount', '0', 1)).toThrow('--nodecount: "0" must be at least 1');
    expect(() => readInteger("input 'count'", '50', 1, 20)).toThrow(
      `input 'count': "50" must be between 1 and 20`,
    );
  });

  test('byte sizes', () => {
    expect(readByteSize('--max', '1GiB')).toBe(2 ** 30);
    expect(readByteSize('--max', '512 MiB')).toBe(512 * 2 ** 20);
    expect(readByteSize('--max', '100MB')).toBe(100e6);
    expect(readByteSize('--max', '1048576')).toBe(1048576);
    expect(() => readByteSize('--max', 'big')).toThrow(
      '--max: "big" is not a size (e.g. "1GiB", "512MiB", "1000000")',
    );
    expect(() => readByteSize('--max', '0')).toThrow('--max: "0" must be more than 0 bytes');
  });

  test('choices', () => {
    expect(readChoice('--format', 'json', ['text', 'json'])).toBe('json');
    expect(() => readChoice('--format', 'xml', ['text', 'json'])).toThrow(
      '--format: "xml" is not one of: text, json',
    );
  });
});
