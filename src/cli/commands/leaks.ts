/** `perfgate leaks <before> <after>`: goroutines that grew, by where they started and where they wait. */
import { defaultLeakOptions, findLeaks, mixedFormsNote } from '../../analyze/leaks.js';
import { readInputFile } from '../../collect/files.js';
import { UserError, withSource } from '../../errors.js';
import type { GoroutineSnapshot } from '../../model/goroutines.js';
import { parseGoroutines } from '../../parse/goroutine/index.js';
import { readInteger } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { readFormat } from '../shared-options.js';
import { leakHeadline, plainWriters } from '../../render/leak-text.js';

export const leaksUsage = `Usage: perfgate leaks [<before>] <after> [options]

Compares two goroutine dumps (pprof goroutine profiles, or debug=1 / debug=2 text from
/debug/pprof/goroutine) and warns about groups of goroutines that grew, grouped by where they
were started and where they wait. With one dump, warns about many goroutines parked at one site.
Exit code 1 when there is a warning.

Options:
  --min-growth N     a group must grow by at least N goroutines (default 10)
  --min-ratio R      ...and to at least R times its count before (default 2)
  --parked N         with one dump: N goroutines at one site (default 100)
  --ignore GLOBS     function globs of long-lived goroutines to ignore (comma-separated),
                     added to the defaults (testing.*, os/signal.*, runtime/pprof.*, ...)
  --format FORMAT    text (default) or json
`;

async function load(file: string): Promise<GoroutineSnapshot> {
  try {
    return parseGoroutines(await readInputFile(file), file);
  } catch (err) {
    throw withSource(file, err);
  }
}

export async function runLeaks(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('leaks', argv, {
    'min-growth': { type: 'string' },
    'min-ratio': { type: 'string' },
    parked: { type: 'string' },
    ignore: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length < 1 || positionals.length > 2) {
    throw new UserError(
      `perfgate leaks: expected one or two goroutine dumps, got ${positionals.length}\n\n${leaksUsage}`,
    );
  }
  const format = readFormat(values.format, ['text', 'json']);
  const options = {
    minGrowth:
      values['min-growth'] === undefined
        ? defaultLeakOptions.minGrowth
        : readInteger('--min-growth', values['min-growth'], 1),
    minRatio:
      values['min-ratio'] === undefined ? defaultLeakOptions.minRatio : Number(values['min-ratio']),
    parkedThreshold:
      values.parked === undefined
        ? defaultLeakOptions.parkedThreshold
        : readInteger('--parked', values.parked, 1),
    ignore: [
      ...defaultLeakOptions.ignore,
      ...(values.ignore ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ],
  };
  if (!(options.minRatio >= 1))
    throw new UserError(
      `perfgate leaks: --min-ratio: ${JSON.stringify(values['min-ratio'])} is not a number of at least 1`,
    );
  const after = await load(positionals[positionals.length - 1]!);
  const before = positionals.length === 2 ? await load(positionals[0]!) : undefined;
  for (const w of [...(before?.warnings ?? []), ...after.warnings]) io.stderr(`warning: ${w}\n`);
  const mixed = mixedFormsNote(after, before);
  if (mixed) io.stderr(`note: ${mixed}\n`);
  const leaks = findLeaks(after, before, options);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(leaks, null, 2)}\n`);
  } else if (leaks.length === 0) {
    io.stdout(
      `No goroutine leaks: ${before ? `${before.total} → ` : ''}${after.total} goroutines.\n`,
    );
  } else {
    for (const w of leaks) {
      io.stdout(`${leakHeadline(w, plainWriters)}\n  fix: ${w.advice}\n`);
      for (const f of w.stack) io.stdout(`    ${f.fn}\n        ${f.file}:${f.line}\n`);
    }
  }
  return leaks.length > 0 ? 1 : 0;
}
