/** `perfgate collect URL`: profiles from a running service's /debug/pprof endpoints. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findLeaks } from '../../analyze/leaks.js';
import { collectFromService } from '../../collect/pprof-http.js';
import { processRunner } from '../../collect/runner.js';
import { UserError } from '../../errors.js';
import { parseGoroutines } from '../../parse/goroutine/index.js';
import { readInteger } from '../../settings/values.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

export const defaultPprofProfiles = 'profile?seconds=10,heap,allocs,goroutine,block,mutex';

export const collectUsage = `Usage: perfgate collect <url> [options]

Takes profiles from a running Go service's net/http/pprof endpoints (e.g.
http://127.0.0.1:6060/debug/pprof) and writes them to --out.

Options:
  --profiles LIST   what to take (default: ${defaultPprofProfiles});
                    goroutine?debug=1 and goroutine?debug=2 give the text dumps
  --load COMMAND    a shell command that puts load on the service: a goroutine snapshot is taken
                    before it, the cpu profile during it, the rest after; goroutines that grew are
                    reported as leaks
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
  const fetched = await collectFromService(settings, log, load);
  await mkdir(out, { recursive: true });
  for (const f of fetched) {
    await writeFile(path.join(out, f.fileName), f.bytes);
    io.stdout(`${path.join(out, f.fileName)}  (${f.spec}, ${f.format})\n`);
    for (const n of f.notes) io.stdout(`  note: ${n}\n`);
  }
  const before = fetched.find((f) => f.fileName === 'goroutine-before.pb.gz');
  const after = fetched.find((f) => f.fileName === 'goroutine.pb.gz');
  if (before && after) {
    const leaks = findLeaks(
      parseGoroutines(after.bytes, 'after'),
      parseGoroutines(before.bytes, 'before'),
    );
    for (const w of leaks) {
      io.stdout(
        `leak: +${w.head - (w.base ?? 0)} goroutines (${w.base} → ${w.head}) started by ${w.origin?.fn ?? '?'}, waiting in ${w.blocking?.fn ?? '?'}\n`,
      );
    }
    if (leaks.length === 0) io.stdout('no goroutine leak during the load\n');
  }
  return 0;
}
