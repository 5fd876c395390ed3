/** Checks a parsed benchmark file is usable, with messages that name the file and the cause. */
import { UserError } from '../../errors.js';
import type { BenchFailure, BenchFile } from '../../model/bench.js';
import { parseBenchText } from './index.js';

/** One failure as a message: `head.txt:12: BenchmarkFatal failed: --- FAIL: ...`. */
export function failureMessage(f: BenchFailure): string {
  const where = `${f.file}:${f.line}`;
  const detail = f.detail.trim();
  switch (f.kind) {
    case 'build':
      return `${where}: package ${f.subject} failed to build${detail ? `:\n${indent(detail)}` : ''}`;
    case 'panic':
      return `${where}: ${f.subject ? `${f.subject} ` : ''}panicked${detail ? `:\n${indent(detail)}` : ''}`;
    case 'package':
      return `${where}: package ${f.subject} failed`;
    default:
      return `${where}: ${f.subject} failed${detail ? `:\n${indent(detail)}` : ''}`;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/**
 * Parses benchmark text that must hold results: an empty file, or one with no result lines, is a
 * UserError naming the file. Failures are kept on the file for the caller to judge.
 */
export function parseBenchOutput(text: string, label: string): BenchFile {
  if (text.trim() === '') throw new UserError(`${label}: empty file: no benchmark results`);
  const file = parseBenchText(text, label);
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
