import { FormatError } from '../../errors.js';

/** Protobuf wire types. */
export const WireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 };

const wireTypeNames = [
  'varint',
  'fixed64',
  'length-delimited',
  'group start',
  'group end',
  'fixed32',
];

/** A name for a wire type, for error messages. */
export function wireTypeName(wt: number): string {
  return wireTypeNames[wt] ?? `invalid (${wt})`;
}

const TWO_32 = 4294967296;

/**
 * A cursor over protobuf wire data. Every read checks that it stays inside `end`, so truncated or
 * corrupt input raises a FormatError instead of reading garbage.
 */
export class WireReader {
  pos: number;
  end: number;

  constructor(
    readonly buf: Uint8Array,
    pos = 0,
    end = buf.length,
    /** Where `buf` starts in the whole message (for the offsets errors give). */
    readonly offset = 0,
  ) {
    this.pos = pos;
    this.end = end;
  }

  /** Reads an unsigned varint that fits in 32 bits' worth of callers (ids, lengths, tags). */
  uint(): number {
    const buf = this.buf;
    let pos = this.pos;
    const b = buf[pos++]!;
    if (b < 0x80 && pos <= this.end) {
      this.pos = pos;
      return b;
    }
    return this.slowVarint(false);
  }

  /** Reads a varint as a signed int64 (two's complement), exact up to 2^53. */
  int64(): number {
    const buf = this.buf;
    const pos = this.pos;
    const b = buf[pos]!;
    if (b < 0x80 && pos < this.end) {
      this.pos = pos + 1;
      return b;
    }
    return this.slowVarint(true);
  }

  /** Reads a varint as an unsigned uint64, exact up to 2^53. */
  uint64(): number {
    return this.uint();
  }

  private slowVarint(signed: boolean): number {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi: number;
    let b: number;
    // Bits 0..27 in the first four bytes.
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= this.end) this.fail('a varint runs past the end of its message');
      b = buf[pos++]!;
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = pos;
        return lo >>> 0;
      }
    }
    // Fifth byte: bits 28..31 go to lo, 32..34 to hi.
    if (pos >= this.end) this.fail('a varint runs past the end of its message');
    b = buf[pos++]!;
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >> 4;
    if (b >= 0x80) {
      for (let shift = 3; shift < 32; shift += 7) {
        if (pos >= this.end) this.fail('a varint runs past the end of its message');
        b = buf[pos++]!;
        hi |= (b & 0x7f) << shift;
        if (b < 0x80) break;
        if (shift + 7 >= 32) {
          // A tenth byte with the continuation bit set is not a varint.
          this.fail('a varint is longer than 10 bytes');
        }
      }
    }
    this.pos = pos;
    return signed ? (hi | 0) * TWO_32 + (lo >>> 0) : (hi >>> 0) * TWO_32 + (lo >>> 0);
  }

  /** Reads a length prefix and returns the end offset of the field it announces. */
  lengthDelimitedEnd(what: string): number {
    const len = this.uint();
    const end = this.pos + len;
    if (end > this.end) {
      this.fail(
        `${what} declares ${len} bytes but only ${this.end - this.pos} remain: the data is truncated or not a pprof profile`,
      );
    }
    return end;
  }

  /** Skips a field of the given wire type. */
  skip(wireType: number, field: number): void {
    switch (wireType) {
      case WireType.varint:
        this.uint64();
        return;
      case WireType.fixed64:
        this.advance(8, field);
        return;
      case WireType.bytes:
        this.pos = this.lengthDelimitedEnd(`field ${field}`);
        return;
      case WireType.fixed32:
        this.advance(4, field);
        return;
      default:
        this.fail(
          `field ${field} has wire type ${wireTypeName(wireType)}, which pprof never writes`,
        );
    }
  }

  private advance(n: number, field: number): void {
    if (this.pos + n > this.end) this.fail(`field ${field} runs past the end of its message`);
    this.pos += n;
  }

  /** Raises a FormatError that says where in the data the problem is. */
  fail(message: string): never {
    throw new FormatError(`malformed protobuf at byte ${this.offset + this.pos}: ${message}`);
  }
}
