/**
 * The Go benchmark text format (golang.org/x/perf/benchfmt): configuration lines, result lines,
 * `Unit` metadata lines; everything else is ignored, as benchfmt does, except what says that
 * something failed (`--- FAIL:`, panics, `FAIL pkg`, build errors), which becomes a BenchFailure.
 * Lines that start like a result but do not parse are diagnostics, and parsing goes on.
 */
import type {
  BenchFailure,
  BenchFile,
  BenchResult,
  BenchValue,
  Diagnostic,
  UnitMetadata,
} from '../../model/bench.js';
import { isNonNegativeUnit, tidyUnit } from '../../units/bench-units.js';

/** Maximum detail lines kept for one failure (a panic's goroutine dump can be long). */
const MAX_DETAIL_LINES = 40;

const configKey = /^[^\s:A-Z]*$/u;

/**
 * A configuration line `key: value`: key starts lower-case and has no space or upper-case
 * letter; the value follows one or more blanks (or nothing). `panic:` is not configuration here:
 * it is a failure.
 */
function configLine(line: string): [string, string] | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const key = line.slice(0, colon);
  if (!/^\p{Ll}/u.test(key) || !configKey.test(key)) return undefined;
  const rest = line.slice(colon + 1);
  if (rest !== '' && !/^[ \t]/.test(rest)) return undefined;
  return [key, rest.replace(/^[ \t]+/, '')];
}

/** Go's strconv.Atoi, as benchfmt uses it: optional sign, digits, underscores between digits. */
function parseIterations(text: string): number | undefined {
  if (!/^[+-]?\d(_?\d)*$/.test(text)) return undefined;
  return Number(text.replace(/_/g, ''));
}

/** Go's ParseFloat as benchfmt uses it: decimal floats, Inf, NaN; no hex (Inf and NaN are read, then refused). */
function parseMeasurement(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d+)?$/.test(text))
    return undefined;
  const v = Number(text.replace(/_/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

interface ParseState {
  file: BenchFile;
  config: Record<string, string>;
  /** The failure whose indented detail lines are still being collected. */
  open: BenchFailure | undefined;
}

/** Parses one file of `go test -bench` output (or any benchfmt text). */
export function parseBenchText(text: string, label: string): BenchFile {
  const file: BenchFile = { label, results: [], failures: [], diagnostics: [], units: {} };
  const state: ParseState = { file, config: {}, open: undefined };
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => parseLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, i + 1, state));
  return file;
}

function parseLine(line: string, n: number, state: ParseState): void {
  const { file } = state;
  const pos = { file: file.label, line: n };
  if (state.open && collectDetail(line, state.open)) return;
  state.open = undefined;

  if (line.startsWith('Benchmark')) {
    const failure = failureOnResultLine(line, pos);
    if (failure) {
      addFailure(state, failure);
      return;
    }
    const parsed = parseResultLine(line);
    if (parsed === 'skip') return;
    if (typeof parsed === 'string') {
      file.diagnostics.push({ ...pos, message: parsed });
      return;
    }
    if ('invalid' in parsed) {
      file.diagnostics.push({ ...pos, message: parsed.invalid, fatal: true });
      return;
    }
    file.results.push({ ...parsed, config: { ...state.config }, pos });
    return;
  }
  if (line.startsWith('Unit')) {
    const fields = line.split(/\s+/).filter((f) => f !== '');
    if (fields[0] === 'Unit') {
      const message = parseUnitLine(fields, file.units);
      if (message) file.diagnostics.push({ ...pos, message });
      return;
    }
  }
  const failure = failureLine(line, pos);
  if (failure) {
    addFailure(state, failure);
    return;
  }
  const kv = configLine(line);
  if (kv) {
    const [key, value] = kv;
    if (value === '') delete state.config[key];
    else state.config[key] = value;
  }
}

/**
 * Why a value cannot be a measurement in its unit (NaN, ±Inf, a negative time or size), or
 * undefined when it can. benchfmt reads such values; perfgate refuses them, since no statistic
 * or verdict over them means anything.
 */
function invalidValue(value: number, unit: string, name: string): string | undefined {
  const where = `for unit ${unit} in Benchmark${name}`;
  if (Number.isNaN(value)) return `NaN value ${where}`;
  if (!Number.isFinite(value)) return `${value > 0 ? '+Inf' : '-Inf'} value ${where}`;
  if (value < 0 && isNonNegativeUnit(unit)) {
    return `negative value ${value} ${where} (${unit} cannot be negative)`;
  }
  return undefined;
}

/**
 * Parses `Name iters value unit ...` after `Benchmark`; a string is a syntax error, `invalid` a
 * value that is not a measurement.
 */
function parseResultLine(
  line: string,
): Omit<BenchResult, 'config' | 'pos'> | 'skip' | string | { invalid: string } {
  const rest = line.slice('Benchmark'.length);
  const nameEnd = rest.search(/\s/);
  if (nameEnd < 0) return 'skip'; // `go test -v` prints the bare name first
  const name = rest.slice(0, nameEnd);
  const fields = rest
    .slice(nameEnd)
    .split(/\s+/)
    .filter((f) => f !== '');
  if (fields.length === 0) return 'missing iteration count';
  const iterations = parseIterations(fields[0]!);
  if (iterations === undefined) return 'parsing iteration count: invalid syntax';
  if (fields.length === 1) return 'missing measurements';
  const values: BenchValue[] = [];
  for (let i = 1; i < fields.length; i += 2) {
    const value = parseMeasurement(fields[i]!);
    if (value === undefined) return 'parsing measurement: invalid syntax';
    const unit = fields[i + 1];
    if (unit === undefined) return 'missing units';
    const invalid = invalidValue(value, unit, name);
    if (invalid) return { invalid };
    const tidy = tidyUnit(unit);
    const tidied = value * tidy.factor;
    // benchfmt keeps the original unit when tidying leaves the value unchanged (0, ±Inf).
    if (tidied === value || tidy.unit === unit) values.push({ value, unit });
    else values.push({ value: tidied, unit: tidy.unit, orig: { value, unit } });
  }
  return { name, iterations, values };
}

function parseUnitLine(fields: string[], units: Record<string, UnitMetadata>): string | undefined {
  const unit = fields[1];
  if (unit === undefined) return 'missing unit';
  const tidied = tidyUnit(unit).unit;
  const meta = (units[tidied] ??= {});
  for (const field of fields.slice(2)) {
    const eq = field.indexOf('=');
    if (eq <= 0) return 'expected key=value';
    const key = field.slice(0, eq);
    const value = field.slice(eq + 1);
    if (key === 'assume') {
      const assume = value === 'exact' ? 'exact' : 'nothing';
      if (meta.assume && meta.assume !== assume) {
        return `metadata assume of unit ${tidied} already set to ${meta.assume}`;
      }
      meta.assume = assume;
    } else if (key === 'better' && (value === 'higher' || value === 'lower')) {
      if (meta.better && meta.better !== value) {
        return `metadata better of unit ${tidied} already set to ${meta.better}`;
      }
      meta.better = value;
    }
  }
  return undefined;
}

/** A benchmark that failed or panicked, reported on its own result line. */
function failureOnResultLine(line: string, pos: Diagnostic | { file: string; line: number }) {
  const m = /^Benchmark(\S+)\s+(--- FAIL: .*|panic: .*)$/.exec(line);
  if (!m) return undefined;
  const kind = m[2]!.startsWith('panic:') ? 'panic' : 'benchmark';
  return failure(kind, `Benchmark${m[1]}`, m[2]!, pos);
}

function failure(
  kind: BenchFailure['kind'],
  subject: string,
  detail: string,
  pos: { file: string; line: number },
): BenchFailure {
  return { file: pos.file, line: pos.line, kind, subject, detail };
}

/** Lines of go test output that report a failure. */
function failureLine(line: string, pos: { file: string; line: number }): BenchFailure | undefined {
  let m = /^\s*--- FAIL: (\S+)/.exec(line);
  if (m) return failure('benchmark', m[1]!, line.trim(), pos);
  if (line.startsWith('panic: ')) return failure('panic', '', line, pos);
  m = /^FAIL\s+(\S+)\s+\[build failed\]/.exec(line);
  if (m) return failure('build', m[1]!, line, pos);
  m = /^FAIL\s+(\S+)\s+\S+s$/.exec(line) ?? /^FAIL\s+(\S+)\s+\[setup failed\]/.exec(line);
  if (m) return failure('package', m[1]!, line, pos);
  m = /^# (\S+)/.exec(line);
  if (m) return failure('build', m[1]!, '', pos);
  return undefined;
}

/** Adds a failure, merging a package's FAIL line into an earlier build failure of it. */
function addFailure(state: ParseState, f: BenchFailure): void {
  const failures = state.file.failures;
  const build = failures.find((x) => x.kind === 'build' && x.subject === f.subject);
  if (build && f.kind === 'build') {
    build.detail = [build.detail, f.detail].filter((d) => d !== '').join('\n');
    return;
  }
  failures.push(f);
  state.open = f;
}

/**
 * Lines that belong to the failure above them: indented log lines, compiler errors after
 * `# pkg`, and a panic's goroutine dump. Returns false at the first line that does not.
 */
function collectDetail(line: string, f: BenchFailure): boolean {
  const belongs =
    f.kind === 'build'
      ? /^\S+\.go:\d+(:\d+)?: /.test(line) || /^\s+/.test(line)
      : f.kind === 'panic'
        ? line !== '' &&
          !/^(FAIL|ok|PASS|exit status)\b/.test(line) &&
          !line.startsWith('Benchmark')
        : /^\s{4}/.test(line);
  if (!belongs)
    return f.kind === 'panic' && line === '' && !f.detail.endsWith('\n\n') && addBlank(f);
  const count = f.detail.split('\n').length;
  if (count < MAX_DETAIL_LINES) f.detail = f.detail === '' ? line : `${f.detail}\n${line}`;
  else if (count === MAX_DETAIL_LINES) f.detail += '\n…';
  return true;
}

function addBlank(f: BenchFailure): boolean {
  // A panic's dump has blank lines between goroutines; keep reading through one.
  f.detail += '\n';
  return true;
}
