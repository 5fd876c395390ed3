/**
 * The wire layer: decodes pprof protobuf bytes into ids and string indices, unresolved.
 *
 * Sample and Location, which make up nearly all of a large profile, are decoded by hand into typed
 * arrays; the small messages (ValueType, Mapping, Function) go through protobufjs reflection. The
 * hand-written part takes its field numbers from the same schema.
 */
import { FormatError } from '../../errors.js';
import { GrowableFloats, GrowableIds, typed } from './growable.js';
import { fieldNumbers, pprofTypes } from './schema.js';
import { WireReader, WireType, wireTypeName } from './wire-reader.js';

/** A ValueType with string indices. */
export interface RawValueType {
  type: number;
  unit: number;
}

/** Sample labels, column-wise: sample i's labels are entries `start[i] .. start[i+1]`. */
export interface RawLabels {
  start: Uint32Array;
  /** String indices. */
  key: Float64Array;
  str: Float64Array;
  num: Float64Array;
  numUnit: Float64Array;
}

/** A Line with a function id. */
export interface RawLine {
  functionId: number;
  line: number;
  column: number;
}

/** A Location with a mapping id. */
export interface RawLocation {
  id: number;
  mappingId: number;
  address: number;
  lines: RawLine[];
  isFolded: boolean;
}

/** A Function with string indices. */
export interface RawFunction {
  id: number;
  name: number;
  systemName: number;
  filename: number;
  startLine: number;
}

/** A Mapping with string indices. */
export interface RawMapping {
  id: number;
  memoryStart: number;
  memoryLimit: number;
  fileOffset: number;
  filename: number;
  buildId: number;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

/** A Profile message as found on the wire. */
export interface RawProfile {
  sampleTypes: RawValueType[];
  sampleCount: number;
  /** Sample i's location ids are `locationIds[locStart[i] .. locStart[i+1])`. */
  locStart: Uint32Array;
  locationIds: Uint16Array | Uint32Array | Float64Array;
  /** Sample i's values are `values[valueStart[i] .. valueStart[i+1])`. */
  valueStart: Uint32Array;
  values: Float64Array;
  labels: RawLabels;
  locations: RawLocation[];
  functions: RawFunction[];
  mappings: RawMapping[];
  strings: string[];
  dropFrames: number;
  keepFrames: number;
  timeNanos: number;
  durationNanos: number;
  periodType: RawValueType | undefined;
  period: number;
  comments: number[];
  defaultSampleType: number;
  docUrl: number;
}

const P = fieldNumbers.Profile;
const S = fieldNumbers.Sample;
const LB = fieldNumbers.Label;
const LOC = fieldNumbers.Location;
const LN = fieldNumbers.Line;

const tag = (field: number, wt: number) => (field << 3) | wt;
// Tags the hot loops compare against (each fits in one byte).
const SAMPLE_LOC_PACKED = tag(S.location_id, WireType.bytes);
const SAMPLE_LOC_ONE = tag(S.location_id, WireType.varint);
const SAMPLE_VALUE_PACKED = tag(S.value, WireType.bytes);
const SAMPLE_VALUE_ONE = tag(S.value, WireType.varint);
const SAMPLE_LABEL = tag(S.label, WireType.bytes);

const fieldNames = new Map<number, string>(Object.entries(P).map(([name, id]) => [id, name]));

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The first piece a whole profile is decoded in. */
const PIECE = 1 << 20;

/** Decodes the bytes of a (decompressed) pprof Profile message. */
export function decodeProfile(buf: Uint8Array): RawProfile {
  const d = new ProfileDecoder(buf.length);
  // The first piece alone, to size the columns from it (see `reserveFromFirstPiece`).
  const first = buf.length > PIECE ? d.feed(buf.subarray(0, PIECE), false) : 0;
  d.feed(buf.subarray(first), true);
  return d.finish();
}

/**
 * A Profile message decoded piece by piece, as it is decompressed: `feed` takes the next bytes
 * and decodes the top-level fields they hold whole (a sample, a location, a string...), so the
 * decompressed profile is never held whole.
 */
export class ProfileDecoder {
  private readonly locStart = new GrowableIds(1024);
  private readonly locationIds: GrowableIds;
  private readonly valueStart = new GrowableIds(1024);
  private readonly values = new GrowableFloats(2048, true);
  private readonly labels = new LabelColumns();
  private readonly out: RawProfile;
  /** Bytes fed and decoded before the current piece (for the offsets errors give). */
  private offset = 0;

  /** The decompressed size, exact or as claimed. */
  private readonly size: number;

  /** `size`: the decompressed size, exact or as claimed (stacks are sized from it). */
  constructor(size: number) {
    this.size = size;
    // Every id takes at least one byte, so this only grows when `size` was too small; pages
    // never written cost no memory. Stacks and values are in shared memory, for a worker thread
    // to read (see growable.ts).
    this.locationIds = new GrowableIds(Math.min(Math.max(size, 1024), 2 ** 31), true, true);
    this.out = {
      sampleTypes: [],
      sampleCount: 0,
      locStart: new Uint32Array(0),
      locationIds: new Uint32Array(0),
      valueStart: new Uint32Array(0),
      values: new Float64Array(0),
      labels: emptyLabels,
      locations: [],
      functions: [],
      mappings: [],
      strings: [],
      dropFrames: 0,
      keepFrames: 0,
      timeNanos: 0,
      durationNanos: 0,
      periodType: undefined,
      period: 0,
      comments: [],
      defaultSampleType: 0,
      docUrl: 0,
    };
  }

  /**
   * Decodes the top-level fields of `buf`, the bytes that follow those fed before. Unless `last`,
   * a field cut off at the end is left: the number of bytes decoded is returned, and the caller
   * feeds the rest again with the bytes that follow. With `last`, every byte must decode.
   */
  feed(buf: Uint8Array, last: boolean): number {
    const r = new WireReader(buf, 0, buf.length, this.offset);
    const { locStart, locationIds, valueStart, values, labels, out } = this;
    while (r.pos < r.end) {
      if (!last && !wholeField(buf, r.pos)) break;
      const t = r.uint();
      const field = t >>> 3;
      const wt = t & 7;
      switch (field) {
        case P.sample: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd('a Sample');
          locStart.push(locationIds.length);
          valueStart.push(values.length);
          labels.startSample();
          decodeSample(r, end, locationIds, values, labels);
          out.sampleCount++;
          break;
        }
        case P.location: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd('a Location');
          out.locations.push(decodeLocation(r, end));
          break;
        }
        case P.string_table: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd('a string');
          out.strings.push(decodeString(buf, r.pos, end));
          r.pos = end;
          break;
        }
        case P.function: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd('a Function');
          const f = decodeSmall(pprofTypes.Function, buf, r, end);
          out.functions.push({
            id: num(f.id),
            name: num(f.name),
            systemName: num(f.system_name),
            filename: num(f.filename),
            startLine: num(f.start_line),
          });
          break;
        }
        case P.mapping: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd('a Mapping');
          const m = decodeSmall(pprofTypes.Mapping, buf, r, end);
          out.mappings.push({
            id: num(m.id),
            memoryStart: num(m.memory_start),
            memoryLimit: num(m.memory_limit),
            fileOffset: num(m.file_offset),
            filename: num(m.filename),
            buildId: num(m.build_id),
            hasFunctions: m.has_functions === true,
            hasFilenames: m.has_filenames === true,
            hasLineNumbers: m.has_line_numbers === true,
            hasInlineFrames: m.has_inline_frames === true,
          });
          break;
        }
        case P.sample_type:
        case P.period_type: {
          expectWire(field, wt, WireType.bytes);
          const end = r.lengthDelimitedEnd('a ValueType');
          const v = decodeSmall(pprofTypes.ValueType, buf, r, end);
          const vt = { type: num(v.type), unit: num(v.unit) };
          if (field === P.sample_type) out.sampleTypes.push(vt);
          else out.periodType = vt;
          break;
        }
        case P.comment:
          if (wt === WireType.bytes) {
            const end = r.lengthDelimitedEnd('Profile.comment');
            while (r.pos < end) out.comments.push(r.int64());
          } else {
            expectWire(field, wt, WireType.varint);
            out.comments.push(r.int64());
          }
          break;
        case P.drop_frames:
        case P.keep_frames:
        case P.time_nanos:
        case P.duration_nanos:
        case P.period:
        case P.default_sample_type:
        case P.doc_url: {
          expectWire(field, wt, WireType.varint);
          const v = r.int64();
          if (field === P.drop_frames) out.dropFrames = v;
          else if (field === P.keep_frames) out.keepFrames = v;
          else if (field === P.time_nanos) out.timeNanos = v;
          else if (field === P.duration_nanos) out.durationNanos = v;
          else if (field === P.period) out.period = v;
          else if (field === P.default_sample_type) out.defaultSampleType = v;
          else out.docUrl = v;
          break;
        }
        default:
          if (field === 0) r.fail('field number 0 is not valid protobuf');
          r.skip(wt, field);
      }
    }

    if (this.offset === 0 && !last) this.reserveFromFirstPiece(r.pos);
    this.offset += r.pos;
    return r.pos;
  }

  /**
   * Sizes values and labels for the whole profile from its first piece (Go writes the samples
   * first): shared memory left behind by doubling would wait for a full collection, while room
   * never written costs nothing.
   */
  private reserveFromFirstPiece(decoded: number): void {
    const { out, values, labels } = this;
    if (decoded === 0 || out.sampleCount === 0) return;
    const scale = (1.25 * Math.max(this.size, decoded)) / decoded;
    values.reserve(Math.ceil(values.length * scale) + 1024);
    labels.reserve(Math.ceil(labels.length * scale) + 1024);
  }

  /** The profile decoded. */
  finish(): RawProfile {
    const { locStart, locationIds, valueStart, values, labels, out } = this;
    locStart.push(locationIds.length);
    valueStart.push(values.length);
    out.locStart = sharedCopy(locStart.view());
    out.locationIds = locationIds.view();
    out.valueStart = Uint32Array.from(valueStart.view());
    out.values = values.view();
    out.labels = labels.finish();
    return out;
  }
}

/**
 * Whether the top-level field at `pos` ends within `buf`. A field that cannot be read (a varint
 * of over 10 bytes, a wire type pprof never writes) counts as whole: decoding it says what is
 * wrong.
 */
function wholeField(buf: Uint8Array, pos: number): boolean {
  const end = buf.length;
  let p = pos;
  let tag = 0;
  for (let shift = 0; ; shift += 7) {
    if (p >= end) return false;
    if (shift > 63) return true;
    const b = buf[p++]!;
    if (shift < 28) tag |= (b & 0x7f) << shift;
    if (b < 0x80) break;
  }
  const wt = tag & 7;
  if (wt === WireType.fixed64) return p + 8 <= end;
  if (wt === WireType.fixed32) return p + 4 <= end;
  if (wt !== WireType.varint && wt !== WireType.bytes) return true;
  let len = 0;
  for (let shift = 0; ; shift += 7) {
    if (p >= end) return false;
    if (shift > 63) return true;
    const b = buf[p++]!;
    len += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  return wt === WireType.varint || p + len <= end;
}

function expectWire(field: number, wt: number, want: number): void {
  if (wt !== want) {
    const name = fieldNames.get(field) ?? `field ${field}`;
    throw new FormatError(
      `not a pprof profile: Profile.${name} (field ${field}) has wire type ${wireTypeName(wt)}, expected ${wireTypeName(want)}`,
    );
  }
}

function decodeSample(
  r: WireReader,
  end: number,
  locationIds: GrowableIds,
  values: GrowableFloats,
  labels: LabelColumns,
): void {
  const outerEnd = r.end;
  r.end = end;
  while (r.pos < end) {
    const t = r.uint();
    if (t === SAMPLE_LOC_PACKED) {
      const e = r.lengthDelimitedEnd('Sample.location_id');
      readPackedIds(r, e, locationIds);
    } else if (t === SAMPLE_VALUE_PACKED) {
      const e = r.lengthDelimitedEnd('Sample.value');
      while (r.pos < e) values.push(r.int64());
    } else if (t === SAMPLE_LOC_ONE) {
      locationIds.push(r.uint64());
    } else if (t === SAMPLE_VALUE_ONE) {
      values.push(r.int64());
    } else if (t === SAMPLE_LABEL) {
      const e = r.lengthDelimitedEnd('Sample.label');
      decodeLabel(r, e, labels);
    } else {
      wrongOrUnknown(r, t, 'Sample', [S.location_id, S.value, S.label]);
    }
  }
  r.end = outerEnd;
}

/**
 * Reads a packed run of location ids: the hot loop of the decoder (tens of millions of ids in a
 * large profile), so ids of up to three bytes are decoded inline into the typed array.
 */
function readPackedIds(r: WireReader, end: number, ids: GrowableIds): void {
  ids.reserve(end - r.pos); // every varint takes at least one byte
  if (ids.short) {
    readShortIds(r, end, ids);
    return;
  }
  if (!ids.narrow) {
    while (r.pos < end) ids.push(r.uint64());
    return;
  }
  const buf = r.buf;
  const data = ids.data;
  let len = ids.length;
  let pos = r.pos;
  while (pos < end) {
    const b0 = buf[pos]!;
    if (b0 < 0x80) {
      data[len++] = b0;
      pos += 1;
      continue;
    }
    const b1 = buf[pos + 1]!;
    if (b1 < 0x80) {
      data[len++] = (b0 & 0x7f) | (b1 << 7);
      pos += 2;
      continue;
    }
    const b2 = buf[pos + 2]!;
    if (b2 < 0x80) {
      data[len++] = (b0 & 0x7f) | ((b1 & 0x7f) << 7) | (b2 << 14);
      pos += 3;
      continue;
    }
    // A longer id: let the reader decode it, and store it the general way.
    r.pos = pos;
    ids.length = len;
    ids.push(r.uint64());
    if (r.pos > end) r.fail('a varint runs past the end of Sample.location_id');
    readPackedIds(r, end, ids);
    return;
  }
  if (pos !== end) {
    r.pos = end;
    r.fail('a varint runs past the end of Sample.location_id');
  }
  r.pos = pos;
  ids.length = len;
}

/** `readPackedIds` into Uint16 storage, while every id is under 65,536 (Go numbers them 1..n). */
function readShortIds(r: WireReader, end: number, ids: GrowableIds): void {
  const buf = r.buf;
  const data = ids.data;
  let len = ids.length;
  let pos = r.pos;
  while (pos < end) {
    const b0 = buf[pos]!;
    if (b0 < 0x80) {
      data[len++] = b0;
      pos += 1;
      continue;
    }
    const b1 = buf[pos + 1]!;
    if (b1 < 0x80) {
      data[len++] = (b0 & 0x7f) | (b1 << 7);
      pos += 2;
      continue;
    }
    const b2 = buf[pos + 2]!;
    if (b2 < 0x04) {
      data[len++] = (b0 & 0x7f) | ((b1 & 0x7f) << 7) | (b2 << 14);
      pos += 3;
      continue;
    }
    // A larger id: the reader decodes it and the storage widens.
    r.pos = pos;
    ids.length = len;
    ids.push(r.uint64());
    if (r.pos > end) r.fail('a varint runs past the end of Sample.location_id');
    readPackedIds(r, end, ids);
    return;
  }
  if (pos !== end) {
    r.pos = end;
    r.fail('a varint runs past the end of Sample.location_id');
  }
  r.pos = pos;
  ids.length = len;
}

function decodeLabel(r: WireReader, end: number, labels: LabelColumns): void {
  const outerEnd = r.end;
  r.end = end;
  let key = 0;
  let str = 0;
  let num = 0;
  let numUnit = 0;
  while (r.pos < end) {
    const t = r.uint();
    const field = t >>> 3;
    if ((t & 7) !== WireType.varint) {
      wrongOrUnknown(r, t, 'Label', [LB.key, LB.str, LB.num, LB.num_unit]);
      continue;
    }
    const v = r.int64();
    if (field === LB.key) key = v;
    else if (field === LB.str) str = v;
    else if (field === LB.num) num = v;
    else if (field === LB.num_unit) numUnit = v;
  }
  r.end = outerEnd;
  labels.push(key, str, num, numUnit);
}

const emptyLabels: RawLabels = {
  start: new Uint32Array(1),
  key: new Float64Array(0),
  str: new Float64Array(0),
  num: new Float64Array(0),
  numUnit: new Float64Array(0),
};

/** The ids as a Uint32Array in shared memory. */
function sharedCopy(ids: Uint16Array | Uint32Array | Float64Array): Uint32Array {
  const out = typed(Uint32Array, ids.length, true);
  out.set(ids);
  return out;
}

/** Collects labels column-wise (heap profiles carry one per sample: no object per label). */
class LabelColumns {
  // In shared memory, as the stacks: a profile read on a worker thread comes back uncopied.
  private readonly start = new GrowableIds(1024);
  private readonly key = new GrowableFloats(1024, true);
  private readonly str = new GrowableFloats(1024, true);
  private readonly num = new GrowableFloats(1024, true);
  private readonly numUnit = new GrowableFloats(1024, true);

  /**
   * Room for `n` more labels in one step: what a growing array leaves behind in shared memory
   * waits for a full collection, so the decoder sizes the columns once from an estimate.
   */
  reserve(n: number): void {
    for (const c of [this.key, this.str, this.num, this.numUnit]) c.reserve(c.length + n);
  }

  get length(): number {
    return this.key.length;
  }

  startSample(): void {
    this.start.push(this.key.length);
  }

  push(key: number, str: number, num: number, numUnit: number): void {
    this.key.push(key);
    this.str.push(str);
    this.num.push(num);
    this.numUnit.push(numUnit);
  }

  finish(): RawLabels {
    this.start.push(this.key.length);
    return {
      start: sharedCopy(this.start.view()),
      key: this.key.view(),
      str: this.str.view(),
      num: this.num.view(),
      numUnit: this.numUnit.view(),
    };
  }
}

function decodeLocation(r: WireReader, end: number): RawLocation {
  const outerEnd = r.end;
  r.end = end;
  const loc: RawLocation = { id: 0, mappingId: 0, address: 0, lines: [], isFolded: false };
  while (r.pos < end) {
    const t = r.uint();
    const field = t >>> 3;
    const wt = t & 7;
    if (field === LOC.line && wt === WireType.bytes) {
      const e = r.lengthDelimitedEnd('Location.line');
      loc.lines.push(decodeLine(r, e));
    } else if (wt === WireType.varint && field !== LOC.line) {
      const v = r.uint64();
      if (field === LOC.id) loc.id = v;
      else if (field === LOC.mapping_id) loc.mappingId = v;
      else if (field === LOC.address) loc.address = v;
      else if (field === LOC.is_folded) loc.isFolded = v !== 0;
    } else {
      wrongOrUnknown(r, t, 'Location', [
        LOC.id,
        LOC.mapping_id,
        LOC.address,
        LOC.line,
        LOC.is_folded,
      ]);
    }
  }
  r.end = outerEnd;
  return loc;
}

function decodeLine(r: WireReader, end: number): RawLine {
  const outerEnd = r.end;
  r.end = end;
  const line: RawLine = { functionId: 0, line: 0, column: 0 };
  while (r.pos < end) {
    const t = r.uint();
    const field = t >>> 3;
    if ((t & 7) !== WireType.varint) {
      wrongOrUnknown(r, t, 'Line', [LN.function_id, LN.line, LN.column]);
      continue;
    }
    const v = r.int64();
    if (field === LN.function_id) line.functionId = v;
    else if (field === LN.line) line.line = v;
    else if (field === LN.column) line.column = v;
  }
  r.end = outerEnd;
  return line;
}

/** A known field with the wrong wire type is an error; an unknown field is skipped. */
function wrongOrUnknown(r: WireReader, t: number, message: string, known: number[]): void {
  const field = t >>> 3;
  const wt = t & 7;
  if (known.includes(field)) {
    throw new FormatError(
      `not a pprof profile: ${message} field ${field} has wire type ${wireTypeName(wt)}`,
    );
  }
  if (field === 0) r.fail('field number 0 is not valid protobuf');
  r.skip(wt, field);
}

function decodeSmall(
  type: (typeof pprofTypes)[keyof typeof pprofTypes],
  buf: Uint8Array,
  r: WireReader,
  end: number,
): Record<string, unknown> {
  let msg: Record<string, unknown>;
  try {
    msg = type.decode(buf.subarray(r.pos, end)) as unknown as Record<string, unknown>;
  } catch (err) {
    throw new FormatError(
      `not a pprof profile: a ${type.name} message at byte ${r.offset + r.pos} does not decode (${(err as Error).message})`,
    );
  }
  r.pos = end;
  return msg;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

function decodeString(buf: Uint8Array, start: number, end: number): string {
  // Most profile strings are short ASCII (function and file names): skip TextDecoder for those.
  if (end - start < 64) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii)
      return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
  }
  return utf8.decode(buf.subarray(start, end));
}
