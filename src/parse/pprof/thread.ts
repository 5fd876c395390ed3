/**
 * Work on a worker thread: a script of dist/ (beside the bundle, or in dist/ when this module
 * runs from its source) given one request, answering with one message. Large arrays travel in
 * shared memory (a SharedArrayBuffer), not copied. Callers keep a way to do the same work on the
 * main thread, for when no thread can be used.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FormatError } from '../../errors.js';
import type { Profile } from '../../model/profile.js';
import { type PprofOptions, readPprof } from './index.js';

/** The path of a worker script of dist/, or undefined when it is not there. */
export function threadScript(name: string): string | undefined {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(
    new URL(fromSource ? `../../../dist/${name}` : `./${name}`, import.meta.url),
  );
  return existsSync(file) ? file : undefined;
}

/** Runs a worker script on one request: its reply, or `{ threadError }` when the thread failed. */
export function runOnThread<Reply>(
  script: string,
  request: unknown,
): Promise<Reply | { threadError: string }> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: request });
    } catch (err) {
      resolve({ threadError: String(err) });
      return;
    }
    worker.once('message', (m: Reply) => resolve(m));
    worker.once('error', (err) => resolve({ threadError: String(err) }));
    worker.once('exit', (code) => resolve({ threadError: `the thread exited (${code})` }));
  });
}

/** Below this many compressed bytes, a profile is read on the main thread. */
export const OFF_THREAD_MIN_BYTES = 1 << 20;

/** What the profile thread is sent, and sends back. */
export interface ParseRequest {
  bytes: Uint8Array;
  options: PprofOptions;
}
export type ParseReply = { profile: Profile } | { formatError: string };

/**
 * `readPprof` on a worker thread (dist/parse-worker.js), for a large profile read while another
 * is read on the main thread: two profiles are decoded at once. The profile comes back with its
 * stacks and values in shared memory, and the errors are those of `readPprof`.
 */
export async function readPprofOffThread(
  bytes: Uint8Array,
  options: PprofOptions = {},
  minBytes = OFF_THREAD_MIN_BYTES,
): Promise<Profile> {
  const script = bytes.length >= minBytes ? threadScript('parse-worker.js') : undefined;
  if (!script) return readPprof(bytes, options);
  const reply = await runOnThread<ParseReply>(script, { bytes, options } satisfies ParseRequest);
  if ('profile' in reply) return reply.profile;
  if ('formatError' in reply) throw new FormatError(reply.formatError);
  return readPprof(bytes, options);
}
