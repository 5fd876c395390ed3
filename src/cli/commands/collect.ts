/** `perfgate collect URL`: profiles from a running service's /debug/pprof endpoints. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findLeaks } from '../../analyze/leaks.js';
import { collectFromService, type FetchedProfile } from '../../collect/pprof-http.js';
import { processRunner } from '../../collect/runner.js';
import { UserError } from '../../errors.js';
import { parseGoroutines } from '../../parse/goroutine/index.js';
import { leakHeadline, plainWriters } from '../../render/leak-text.js';
import { readInteger } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

export const defaultPprofProfiles = 'profile?seconds=10,heap,allocs,goroutine,block,mutex';

export const collectUsage = `Usage: perfgate collect <url> [options]

Takes profiles from a running Go service's net/http/pprof endpoints (e.g.
http://127.0.0.1:6060/debug/pprof) and writes them to --out.

Options:
  --profiles LIST   what to take (default: ${defaultPprofProfiles}), checked
                    against the service's pprof index before anything runs;
                    goroutine?debug=1 and goroutine?debug=2 give the text dumps
  --load COMMAND    a shell command that puts load on the service: a goroutine snapshot is taken
                    before it (as debug=2 when asked for), the cpu profile during it, the rest
                    after; goroutines that grew are reported as leaks, with advice. Each profile
                    is written as soon as it is taken, so a failing load keeps what came before
  --wait S          wait up to S seconds for the service to answer (default 30)
  --timeout S       per request, on top of a profile's own seconds (default 30)
  --out DIR         where to write the profiles (default: perfgate-profiles)
`;

export async function runCollect(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('collect', argv, {
    profiles: { type: 'string' },
    load: { type: 'string' },
    wait: { type: 'string' },
    timeout: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UserError(`perfgate collect: expected one URL\n\n${collectUsage}`);
  const url = positionals[0]!;
  if (!/^https?:\/\//.test(url))
    throw new UserError(
      `perfgate collect: ${JSON.stringify(url)} is not an http:// or https:// URL`,
    );
  const out = values.out ?? 'perfgate-profiles';
  const settings = {
    baseUrl: url,
    profiles: (values.profiles ?? defaultPprofProfiles)
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    waitSeconds: values.wait === undefined ? 30 : readInteger('--wait', values.wait, 0),
    timeoutSeconds: values.timeout === undefined ? 30 : readInteger('--timeout', values.timeout, 1),
  };
  const log = (l: string) => io.stderr(`${l}\n`);
  const command = values.load;
  const load = command
    ? async () => {
        const r = await processRunner.run('sh', ['-c', command], { cwd: '.', onLine: log });
        if (r.code !== 0) throw new UserError(`--load: the command exited with ${r.code}`);
      }
    : undefined;
  const kept: FetchedProfile[] = [];
  const keep = async (f: FetchedProfile) => {
    if (kept.length === 0) await mkdir(out, { recursive: true });
    await writeFile(path.join(out, f.fileName), f.bytes);
    kept.push(f);
    io.stdout(`${path.join(out, f.fileName)}  (${f.spec}, ${f.format})\n`);
    for (const n of f.notes) io.stdout(`  note: ${n}\n`);
  };
  try {
    await collectFromService(settings, log, load, keep);
  } catch (err) {
    if (!(err instanceof UserError) || kept.length === 0) throw err;
    const names = kept.map((f) => f.fileName).join(', ');
    throw new UserError(`${err.message}; kept what was taken before it in ${out}: ${names}`);
  }
  reportLeaks(kept, io);
  return 0;
}

/** Leaks during the load: the snapshot before it against the one after, in the same form. */
function reportLeaks(kept: FetchedProfile[], io: CliIO): void {
  const before = kept.find((f) => f.fileName.startsWith('goroutine-before.'));
  const after =
    before &&
    kept.find((f) => f.fileName === before.fileName.replace('goroutine-before', 'goroutine'));
  if (!before || !after) return;
  const leaks = findLeaks(
    parseGoroutines(after.bytes, after.fileName),
    parseGoroutines(before.bytes, before.fileName),
  );
  for (const w of leaks) io.stdout(`leak: ${leakHeadline(w, plainWriters)}\n  fix: ${w.advice}\n`);
  if (leaks.length === 0) io.stdout('no goroutine leak during the load\n');
}
