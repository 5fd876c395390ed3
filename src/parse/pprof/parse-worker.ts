/**
 * The entry point of the profile thread (bundled as dist/parse-worker.js, started by thread.ts):
 * reads one profile and sends it back, or the reason it is not one.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FormatError } from '../../errors.js';
import { readPprof } from './index.js';
import type { ParseReply, ParseRequest } from './thread.js';

if (isMainThread || !parentPort) {
  process.stderr.write('parse-worker.js runs on a worker thread that perfgate starts\n');
  process.exit(2);
}
const port = parentPort;
const { bytes, options } = workerData as ParseRequest;
readPprof(bytes, options).then(
  (profile) => port.postMessage({ profile } satisfies ParseReply),
  (err: unknown) => {
    // Anything but a FormatError is a fault of the thread: the main thread reads it again.
    if (err instanceof FormatError)
      port.postMessage({ formatError: err.message } satisfies ParseReply);
    else throw err;
  },
);
