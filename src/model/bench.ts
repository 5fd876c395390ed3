/** The benchmark model: results of `go test -bench` (or any benchfmt producer) and JS suites. */
import type { UnitMetadata } from '../units/bench-units.js';

export type { UnitMetadata };

/** Where something came from: a file (or a label) and a 1-based line. */
export interface SourcePos {
  file: string;
  line: number;
}

/** One measurement of a result line: a value in a unit, tidied (ns/op → sec/op, MB/s → B/s). */
export interface BenchValue {
  value: number;
  unit: string;
  /** The value and unit as written, when tidying changed them. */
  orig?: { value: number; unit: string };
}

/** One benchmark result line: `BenchmarkName-8  1000  1234 ns/op  56 B/op`. */
export interface BenchResult {
  /** The full name without the `Benchmark` prefix, e.g. `Parse/large-8` (benchstat's `.fullname`). */
  name: string;
  iterations: number;
  values: BenchValue[];
  /** The file configuration in force (`goos`, `pkg`, `cpu`, ...). */
  config: Record<string, string>;
  pos: SourcePos;
}

/** A problem in the input that did not stop parsing: `file:line: message`. */
export interface Diagnostic extends SourcePos {
  message: string;
  /**
   * The file cannot be used while it holds this: a value that is not a measurement (NaN, ±Inf, a
   * negative time or size). Parsing still goes on, so every such line is found at once.
   */
  fatal?: true;
}

/** A benchmark, test binary or package that failed: never dropped silently. */
export interface BenchFailure extends SourcePos {
  kind: 'benchmark' | 'package' | 'build' | 'panic';
  /** The benchmark or package that failed, when known. */
  subject: string;
  /** What the tool said (e.g. the compiler's messages), possibly several lines. */
  detail: string;
}

/** Everything read from one benchmark output file. */
export interface BenchFile {
  /** The label the file is known by (its path, or `label=path`'s label). */
  label: string;
  results: BenchResult[];
  failures: BenchFailure[];
  diagnostics: Diagnostic[];
  /** Metadata by tidied unit. */
  units: Record<string, UnitMetadata>;
}
