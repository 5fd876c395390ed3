/** Checks a parsed benchmark file is usable, with messages that name the file and the cause. */
import { UserError } from '../../errors.js';
import type { BenchFailure, BenchFile, Diagnostic } from '../../model/bench.js';
import { parseBenchText } from './index.js';

/** One failure as a message: `head.txt:12: BenchmarkFatal failed: --- FAIL: ...`. */
export function failureMessage(f: BenchFailure): string {
  return `${f.file}:${f.line}: ${failureText(f)}`;
}

/** One failure without its position: `BenchmarkPanic-2 panicked:` and the indented stack. */
export function failureText(f: BenchFailure): string {
  const detail = f.detail.trim();
  switch (f.kind) {
    case 'build':
      return `package ${f.subject} failed to build${detail ? `:\n${indent(detail)}` : ''}`;
    case 'panic':
      return `${f.subject ? `${f.subject} ` : ''}panicked${detail ? `:\n${indent(detail)}` : ''}`;
    case 'package':
      return `package ${f.subject} failed`;
    default:
      return `${f.subject} failed${detail ? `:\n${indent(detail)}` : ''}`;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** How many leading bytes are sniffed for binary content. */
const SNIFF_BYTES = 8192;

/** What a file that is not text is, from its first bytes; undefined for text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const starts = (...magic: number[]) => magic.every((b, i) => head[i] === b);
  if (starts(0x1f, 0x8b)) return 'a gzip file (a pprof profile?)';
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return 'an executable (ELF; a test binary?)';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a zip archive';
  if (head.includes(0)) return 'binary data';
  try {
    // stream: a multi-byte character cut at the end of the sniffed bytes is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return 'binary data (not UTF-8 text)';
  }
  return undefined;
}

/** binaryKind for text that was already decoded (invalid bytes became U+FFFD). */
function binaryTextKind(text: string): string | undefined {
  const head = text.slice(0, SNIFF_BYTES);
  if (head.startsWith('\u001f\ufffd')) return 'a gzip file (a pprof profile?)';
  if (head.startsWith('\u007fELF')) return 'an executable (ELF; a test binary?)';
  if (head.startsWith('PK\u0003\u0004')) return 'a zip archive';
  if (head.includes('\u0000')) return 'binary data';
  if (head.includes('\ufffd\ufffd')) return 'binary data (not UTF-8 text)';
  return undefined;
}

/**
 * Values that are not measurements, one line per benchmark and cause, at its first line:
 * `x.txt:6: NaN value for unit x in BenchmarkA-8 (and 9 more lines)`.
 */
function invalidValueMessages(file: BenchFile): string[] {
  const byCause = new Map<string, { first: Diagnostic; more: number }>();
  for (const d of file.diagnostics) {
    if (!d.fatal) continue;
    const seen = byCause.get(d.message);
    if (seen) seen.more++;
    else byCause.set(d.message, { first: d, more: 0 });
  }
  return [...byCause.values()].map(
    ({ first, more }) =>
      `${first.file}:${first.line}: ${first.message}${more > 0 ? ` (and ${more} more line${more > 1 ? 's' : ''})` : ''}`,
  );
}

/**
 * Parses benchmark output that must hold results. A UserError naming the file when it is
 * binary (a profile given by mistake), empty, has no result lines, or holds values that are not
 * measurements (NaN, ±Inf, negative times or sizes). Failures are kept on the file for the
 * caller to judge.
 */
export function parseBenchOutput(input: string | Uint8Array, label: string): BenchFile {
  const kind = typeof input === 'string' ? binaryTextKind(input) : binaryKind(input);
  if (kind) throw new UserError(`${label}: not benchmark text: it is ${kind}`);
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (text.trim() === '') throw new UserError(`${label}: empty file: no benchmark results`);
  const file = parseBenchText(text, label);
  // A benchmark that panicked may print `0 NaN ns/op` first: its failure is the message that
  // counts (the caller reports it and the run fails), not the NaN it left behind.
  const invalid = file.failures.length > 0 ? [] : invalidValueMessages(file);
  if (invalid.length > 0) throw new UserError(invalid.join('\n'));
  if (file.results.length === 0 && file.failures.length === 0) {
    const start = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(0, 3)
      .map((l) => `\n    ${l.slice(0, 200)}`)
      .join('');
    const lines =
      file.diagnostics.length > 0
        ? file.diagnostics.map((d) => `\n${d.file}:${d.line}: ${d.message}`).join('')
        : `\nit starts:${start}`;
    throw new UserError(
      `${label}: no benchmark results: expected lines like "BenchmarkName-8  1000  1234 ns/op"${lines}`,
    );
  }
  return file;
}

/**
 * Benchmarks reported with different units on the two sides (e.g. one run had -benchmem):
 * those units cannot be compared.
 */
export function unitMismatches(base: BenchFile, head: BenchFile): string[] {
  const unitsOf = (f: BenchFile) => {
    const m = new Map<string, Set<string>>();
    for (const r of f.results) {
      const s = m.get(r.name) ?? new Set<string>();
      for (const v of r.values) s.add(v.unit);
      m.set(r.name, s);
    }
    return m;
  };
  const b = unitsOf(base);
  const h = unitsOf(head);
  const out: string[] = [];
  for (const [name, bu] of b) {
    const hu = h.get(name);
    if (!hu) continue;
    const same = bu.size === hu.size && [...bu].every((u) => hu.has(u));
    if (!same) {
      out.push(
        `${name} reports ${[...bu].join(', ')} in ${base.label} but ${[...hu].join(', ')} in ${head.label}: run both sides with the same flags (e.g. -benchmem)`,
      );
    }
  }
  return out;
}

/** Several files of one side (Go and JS output, several packages) as one. */
export function mergeBenchFiles(label: string, files: BenchFile[]): BenchFile {
  const units: BenchFile['units'] = {};
  for (const f of files)
    for (const [u, m] of Object.entries(f.units)) units[u] = { ...m, ...units[u] };
  return {
    label,
    results: files.flatMap((f) => f.results),
    failures: files.flatMap((f) => f.failures),
    diagnostics: files.flatMap((f) => f.diagnostics),
    units,
  };
}
