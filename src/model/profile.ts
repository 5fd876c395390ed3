/**
 * The profile model: a pprof profile with every id and string index resolved.
 *
 * Samples are stored column-wise in typed arrays rather than as one object per sample: real
 * profiles reach millions of samples and tens of millions of stack frames, and the analysis passes
 * walk them in tight loops. `sampleStack` gives the object view of one sample when that is handier.
 */

/** What a sample value measures, e.g. `{ type: 'alloc_space', unit: 'bytes' }`. */
export interface ValueType {
  type: string;
  unit: string;
}

/** A binary or shared library the profiled program had mapped. */
export interface Mapping {
  id: number;
  memoryStart: number;
  memoryLimit: number;
  fileOffset: number;
  filename: string;
  buildId: string;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

/** A source function. */
export interface ProfileFunction {
  id: number;
  name: string;
  systemName: string;
  filename: string;
  startLine: number;
}

/** One source line of a location; `fn` is undefined when the line names no function. */
export interface Line {
  fn: ProfileFunction | undefined;
  line: number;
  column: number;
}

/** A program counter with the source lines it stands for, innermost inlined function first. */
export interface Location {
  id: number;
  mapping: Mapping | undefined;
  address: number;
  lines: Line[];
  isFolded: boolean;
}

/** A sample label: a string value (`str`) or a number with an optional unit. */
export interface Label {
  key: string;
  str: string;
  num: number;
  numUnit: string;
}

/** All samples of a profile, column-wise. */
export interface SampleTable {
  /** Number of samples. */
  count: number;
  /** Values per sample (the number of sample types). */
  width: number;
  /** `values[i * width + j]` is value j of sample i. */
  values: Float64Array;
  /** Sample i's stack is `stack[stackStart[i] .. stackStart[i + 1])`, leaf first. */
  stackStart: Uint32Array;
  /** Indices into `Profile.locations`: Uint16 while there are fewer than 65,536 of them. */
  stack: Uint16Array | Uint32Array;
  /** Labels of all samples; `sampleLabels` gives one sample's as objects. */
  labels: LabelTable;
}

/**
 * Sample labels, column-wise (heap profiles carry a label on every sample). Sample i's labels are
 * entries `start[i] .. start[i + 1]`; keys, string values and units index `strings`.
 */
export interface LabelTable {
  start: Uint32Array;
  key: Float64Array;
  str: Float64Array;
  num: Float64Array;
  numUnit: Float64Array;
  strings: readonly string[];
}

/** A decoded, resolved and validated pprof profile. */
export interface Profile {
  sampleTypes: ValueType[];
  /** Index into `sampleTypes` of the type shown when none is asked for. */
  defaultSampleIndex: number;
  samples: SampleTable;
  locations: Location[];
  functions: ProfileFunction[];
  mappings: Mapping[];
  dropFrames: string;
  keepFrames: string;
  timeNanos: number;
  durationNanos: number;
  periodType: ValueType | undefined;
  period: number;
  comments: string[];
  docUrl: string;
}

/** The stack of sample `i`, leaf first, as location objects. */
export function sampleStack(profile: Profile, i: number): Location[] {
  const { stackStart, stack } = profile.samples;
  const out: Location[] = [];
  for (let j = stackStart[i]!; j < stackStart[i + 1]!; j++) out.push(profile.locations[stack[j]!]!);
  return out;
}

/** The labels of sample `i`. */
export function sampleLabels(profile: Profile, i: number): Label[] {
  const t = profile.samples.labels;
  const out: Label[] = [];
  for (let j = t.start[i]!; j < t.start[i + 1]!; j++) {
    out.push({
      key: t.strings[t.key[j]!]!,
      str: t.strings[t.str[j]!]!,
      num: t.num[j]!,
      numUnit: t.strings[t.numUnit[j]!]!,
    });
  }
  return out;
}

/** Value `valueIndex` of sample `i`. */
export function sampleValue(profile: Profile, i: number, valueIndex: number): number {
  return profile.samples.values[i * profile.samples.width + valueIndex]!;
}
