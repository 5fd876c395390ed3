/** The fake's zip writer and reader, which tests use to seed and inspect artifacts. */
import { describe, expect, test } from 'vitest';
import { readZip, writeZip } from './index.js';

describe('zip', () => {
  test('readZip reads what writeZip wrote: stored, deflated, empty, nested, binary', () => {
    const binary = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const files = {
      'a.txt': 'x'.repeat(5000),
      'dir/sub/b.json': '{"k":1}',
      'empty.txt': '',
      'bin.dat': binary,
    };
    const got = readZip(writeZip(files));
    expect(Object.keys(got)).toEqual(Object.keys(files));
    expect(got['a.txt']!.toString()).toBe('x'.repeat(5000));
    expect(got['dir/sub/b.json']!.toString()).toBe('{"k":1}');
    expect(got['empty.txt']!.length).toBe(0);
    expect(got['bin.dat']).toEqual(binary);
  });

  test('readZip rejects a corrupted entry by its CRC', () => {
    const zip = writeZip({ 'a.txt': 'ab' }); // stored: deflate is not smaller
    zip[30 + 'a.txt'.length] = 'z'.charCodeAt(0);
    expect(() => readZip(zip)).toThrow('readZip: CRC mismatch for a.txt');
  });
});
