/**
 * Resolves the wire layer (ids, string indices) into the profile model and validates it: every
 * string index in range, ids unique and non-zero, no dangling references, one value per sample
 * type in every sample.
 */
import { FormatError } from '../../errors.js';
import type {
  LabelTable,
  Line,
  Location,
  Mapping,
  Profile,
  ProfileFunction,
  ValueType,
} from '../../model/profile.js';
import type { RawProfile, RawValueType } from './decode.js';

function invalid(message: string): never {
  throw new FormatError(`invalid profile: ${message}`);
}

/** Builds the profile model from a decoded Profile message, or throws a FormatError. */
export function resolveProfile(raw: RawProfile): Profile {
  const strings = raw.strings;
  if (strings.length === 0) {
    throw new FormatError('not a pprof profile: it has no string table');
  }
  if (strings[0] !== '') {
    throw new FormatError('not a pprof profile: its string table does not start with ""');
  }
  const str = (index: number, what: string): string => {
    const s = strings[index];
    if (s === undefined || !Number.isInteger(index)) {
      invalid(
        `${what}: string index ${index} is out of range (the string table has ${strings.length} entries)`,
      );
    }
    return s;
  };
  const valueType = (v: RawValueType, what: string): ValueType => ({
    type: str(v.type, `${what} type`),
    unit: str(v.unit, `${what} unit`),
  });

  if (raw.sampleTypes.length === 0) {
    throw new FormatError('not a pprof profile: it declares no sample types');
  }
  const sampleTypes = raw.sampleTypes.map((v, i) => valueType(v, `sample type ${i}`));

  const mappings: Mapping[] = [];
  const mappingById = new Map<number, Mapping>();
  for (const m of raw.mappings) {
    checkId(m.id, 'mapping', mappingById);
    const mapping: Mapping = {
      ...m,
      filename: str(m.filename, `mapping ${m.id} filename`),
      buildId: str(m.buildId, `mapping ${m.id} build id`),
    };
    mappings.push(mapping);
    mappingById.set(m.id, mapping);
  }

  const functions: ProfileFunction[] = [];
  const functionById = new Map<number, ProfileFunction>();
  for (const f of raw.functions) {
    checkId(f.id, 'function', functionById);
    const fn: ProfileFunction = {
      id: f.id,
      name: str(f.name, `function ${f.id} name`),
      systemName: str(f.systemName, `function ${f.id} system name`),
      filename: str(f.filename, `function ${f.id} filename`),
      startLine: f.startLine,
    };
    functions.push(fn);
    functionById.set(f.id, fn);
  }

  const locations: Location[] = [];
  const locationIndexById = new Map<number, number>();
  for (const l of raw.locations) {
    checkId(l.id, 'location', locationIndexById);
    let mapping: Mapping | undefined;
    if (l.mappingId !== 0) {
      mapping = mappingById.get(l.mappingId);
      if (!mapping)
        invalid(`location ${l.id} refers to mapping id ${l.mappingId}, which is not defined`);
    }
    const lines: Line[] = l.lines.map((ln) => {
      let fn: ProfileFunction | undefined;
      if (ln.functionId !== 0) {
        fn = functionById.get(ln.functionId);
        if (!fn) {
          invalid(`location ${l.id} refers to function id ${ln.functionId}, which is not defined`);
        }
      }
      return { fn, line: ln.line, column: ln.column };
    });
    locationIndexById.set(l.id, locations.length);
    locations.push({ id: l.id, mapping, address: l.address, lines, isFolded: l.isFolded });
  }

  const width = sampleTypes.length;
  const count = raw.sampleCount;
  const values = sampleValues(raw, width);
  const stack = stackIndices(raw, locationIndexById);
  const labels = labelTable(raw, strings);

  const defaultName =
    raw.defaultSampleType === 0 ? '' : str(raw.defaultSampleType, 'default sample type');
  let defaultSampleIndex = sampleTypes.findIndex(
    (t) => defaultName !== '' && t.type === defaultName,
  );
  if (defaultSampleIndex < 0) defaultSampleIndex = width - 1;

  return {
    sampleTypes,
    defaultSampleIndex,
    samples: { count, width, values, stackStart: raw.locStart, stack, labels },
    locations,
    functions,
    mappings,
    dropFrames: str(raw.dropFrames, 'drop_frames'),
    keepFrames: str(raw.keepFrames, 'keep_frames'),
    timeNanos: raw.timeNanos,
    durationNanos: raw.durationNanos,
    periodType: raw.periodType && valueType(raw.periodType, 'period type'),
    period: raw.period,
    comments: raw.comments.map((c, i) => str(c, `comment ${i}`)),
    docUrl: str(raw.docUrl, 'doc_url'),
  };
}

function checkId(id: number, what: string, seen: Map<number, unknown>): void {
  if (id === 0) invalid(`a ${what} has id 0 (ids must be non-zero)`);
  if (seen.has(id)) invalid(`${what} id ${id} is defined twice`);
}

/** Checks every label's string indices and keeps the columns. */
function labelTable(raw: RawProfile, strings: string[]): LabelTable {
  const { start, key, str, num, numUnit } = raw.labels;
  const n = strings.length;
  for (let j = 0; j < key.length; j++) {
    for (const [what, column] of [
      ['key', key],
      ['value', str],
      ['unit', numUnit],
    ] as const) {
      const index = column[j]!;
      if (index < 0 || index >= n || !Number.isInteger(index)) {
        let sample = 0;
        while (start[sample + 1]! <= j) sample++;
        invalid(
          `sample ${sample} label ${what}: string index ${index} is out of range (the string table has ${n} entries)`,
        );
      }
    }
  }
  return { start, key, str, num, numUnit, strings };
}

/** Checks each sample has one value per sample type and returns the values, `width` per sample. */
function sampleValues(raw: RawProfile, width: number): Float64Array {
  const { valueStart, values, sampleCount } = raw;
  if (values.length !== sampleCount * width || valueStart[sampleCount] !== values.length) {
    invalid(wrongValueCount(raw, width));
  }
  for (let i = 0; i < sampleCount; i++) {
    if (valueStart[i] !== i * width) invalid(wrongValueCount(raw, width));
  }
  return values;
}

function wrongValueCount(raw: RawProfile, width: number): string {
  for (let i = 0; i < raw.sampleCount; i++) {
    const n = raw.valueStart[i + 1]! - raw.valueStart[i]!;
    if (n !== width) {
      return `sample ${i} has ${n} values but the profile declares ${width} sample types`;
    }
  }
  return `samples have ${raw.values.length} values in all, not ${width} per sample`;
}

/** Turns the samples' location ids into location indices, rejecting ids that are not defined. */
function stackIndices(raw: RawProfile, indexById: Map<number, number>): Uint16Array | Uint32Array {
  const ids = raw.locationIds;
  let maxId = 0;
  for (const id of indexById.keys()) if (id > maxId) maxId = id;
  // Go numbers locations 1..n: a dense table is much faster than a Map for tens of millions of frames.
  const dense = maxId <= 4 * indexById.size + 1024;
  const table = dense ? new Int32Array(maxId + 1).fill(-1) : undefined;
  if (table) for (const [id, index] of indexById) table[id] = index;
  if (table && ids instanceof Uint32Array) return idsToIndices(ids, table, raw);
  if (table && ids instanceof Uint16Array) return shortIdsToIndices(ids, table, raw);
  const out = new Uint32Array(ids.length);
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    const index = table ? (id < table.length ? table[id]! : -1) : (indexById.get(id) ?? -1);
    if (index < 0) {
      invalid(`${sampleOf(raw, j)} refers to location id ${id}, which is not defined`);
    }
    out[j] = index;
  }
  return out;
}

/** The common case, kept monomorphic for speed: 32-bit ids through a dense table, in place. */
function idsToIndices(ids: Uint32Array, table: Int32Array, raw: RawProfile): Uint32Array {
  const n = ids.length;
  const size = table.length;
  for (let j = 0; j < n; j++) {
    const id = ids[j]!;
    const index = id < size ? table[id]! : -1;
    if (index < 0) {
      invalid(`${sampleOf(raw, j)} refers to location id ${id}, which is not defined`);
    }
    ids[j] = index;
  }
  return ids;
}

/** `idsToIndices` for ids stored as Uint16 (indices are never larger than the ids' count). */
function shortIdsToIndices(ids: Uint16Array, table: Int32Array, raw: RawProfile): Uint16Array {
  const n = ids.length;
  const size = table.length;
  for (let j = 0; j < n; j++) {
    const id = ids[j]!;
    const index = id < size ? table[id]! : -1;
    if (index < 0) {
      invalid(`${sampleOf(raw, j)} refers to location id ${id}, which is not defined`);
    }
    ids[j] = index;
  }
  return ids;
}

function sampleOf(raw: RawProfile, frame: number): string {
  let lo = 0;
  let hi = raw.sampleCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (raw.locStart[mid]! <= frame) lo = mid;
    else hi = mid - 1;
  }
  return `sample ${lo}`;
}
