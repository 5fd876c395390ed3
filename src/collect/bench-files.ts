/**
 * Reading benchmark output files: the one loader of the CLI and the action. A file is read (a
 * missing or non-regular file is named), then checked by parseBenchOutput (binary data, no
 * results, values that are not measurements). The only difference between callers is what an
 * empty file means: a file given on the command line must hold results, while a run's output
 * that is empty is a side without results, which the gate then reports as nothing compared.
 */
import path from 'node:path';
import type { BenchFile } from '../model/bench.js';
import { parseBenchText } from '../parse/benchfmt/index.js';
import { mergeBenchFiles, parseBenchOutput } from '../parse/benchfmt/load.js';
import { readInputFile } from './files.js';

/** The largest benchmark output file read (10⁶ results are about 100 MB). */
export const MAX_BENCH_FILE_BYTES = 256 * 1024 * 1024;

/** What an empty file means: an error naming it, or a side without results. */
export type EmptyFile = 'error' | 'no-results';

/** Reads one benchmark output file, known by `label` in messages (default: its path). */
export async function readBenchFile(
  file: string,
  options: { label?: string; empty?: EmptyFile } = {},
): Promise<BenchFile> {
  const label = options.label ?? file;
  const bytes = await readInputFile(file, MAX_BENCH_FILE_BYTES);
  if (options.empty === 'no-results' && new TextDecoder().decode(bytes).trim() === '')
    return parseBenchText('', label);
  return parseBenchOutput(bytes, label);
}

/**
 * Reads a run's output files (paths relative to `dir`, labelled by `labelOf`, by default their
 * paths) as one side; an empty file is a run without results. Undefined when there are no files.
 */
export async function readBenchSide(
  dir: string,
  files: string[],
  label: string,
  labelOf: (file: string) => string = (f) => f,
): Promise<BenchFile | undefined> {
  if (files.length === 0) return undefined;
  const parsed: BenchFile[] = [];
  for (const f of files)
    parsed.push(await readBenchFile(path.join(dir, f), { label: labelOf(f), empty: 'no-results' }));
  return mergeBenchFiles(label, parsed);
}
