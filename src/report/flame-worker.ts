/**
 * The entry point of the flame graph thread (bundled as dist/flame-worker.js, started by
 * flame-thread.ts): builds one pair's kept tree from the arrays it is given and sends it back.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildKept } from './flame-kept.js';
import type { KeptReply, KeptRequest } from './flame-thread.js';

if (isMainThread || !parentPort) {
  process.stderr.write('flame-worker.js runs on a worker thread that perfgate starts\n');
  process.exit(2);
}
const { sides, min, totals } = workerData as KeptRequest;
let reply: KeptReply;
try {
  reply = { kept: buildKept(sides, min, totals) };
} catch (err) {
  reply = { error: String(err) };
}
parentPort.postMessage(reply);
