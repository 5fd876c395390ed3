import protobuf from 'protobufjs/light.js';
import { describe, expect, test } from 'vitest';
import { WireReader } from '../../src/parse/pprof/wire-reader.js';

// Encodings made by protobufjs's writer, read back by the hand-written reader.
function encoded(write: (w: protobuf.Writer) => void): Uint8Array {
  const w = protobuf.Writer.create();
  write(w);
  return w.finish();
}

describe('WireReader', () => {
  const int64s = [
    0,
    1,
    127,
    128,
    300,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 32,
    2 ** 32 + 5,
    2 ** 53 - 1,
    -1,
    -2,
    -300,
    -(2 ** 31),
    -(2 ** 40),
    -(2 ** 53 - 1),
  ];
  test.each(int64s)('reads int64 %d', (v) => {
    const r = new WireReader(encoded((w) => w.int64(v)));
    expect(r.int64()).toBe(v);
    expect(r.pos).toBe(r.end);
  });

  const uint64s = [0, 5, 2 ** 28, 2 ** 35 + 7, 2 ** 53 - 1];
  test.each(uint64s)('reads uint64 %d', (v) => {
    const r = new WireReader(encoded((w) => w.uint64(v)));
    expect(r.uint64()).toBe(v);
  });

  test('a varint cut off at the end of its message is an error', () => {
    const bytes = encoded((w) => w.uint64(2 ** 40));
    const r = new WireReader(bytes, 0, bytes.length - 1);
    expect(() => r.uint64()).toThrow(
      'malformed protobuf at byte 0: a varint runs past the end of its message',
    );
  });

  test('a length prefix past the end is an error', () => {
    const bytes = encoded((w) => w.uint32(100));
    const r = new WireReader(bytes);
    expect(() => r.lengthDelimitedEnd('a Sample')).toThrow(
      'a Sample declares 100 bytes but only 0 remain: the data is truncated or not a pprof profile',
    );
  });

  test('group wire types are rejected when skipped', () => {
    const r = new WireReader(new Uint8Array([0]));
    expect(() => r.skip(3, 9)).toThrow(
      'field 9 has wire type group start, which pprof never writes',
    );
  });
});
