/**
 * Builds a large pair's flame tree on a worker thread (dist/flame-worker.js), so that the main
 * thread makes the top tables and the analysis meanwhile. The worker reads the profiles' stacks
 * and values in place: the decoder keeps them in shared memory, so nothing large is copied.
 * Whenever the thread cannot be used (no worker script beside the bundle, arrays not shared, a
 * small pair, a failing thread), the same tree is built here instead.
 */
import { runOnThread, threadScript } from '../parse/pprof/thread.js';
import { buildKept, type Kept, type KeptSide } from './flame-kept.js';

/** Below this many stack frames in a pair, starting a thread costs more than it saves. */
export const OFF_THREAD_MIN_FRAMES = 2_000_000;

/** The worker's script: beside the bundle, or in dist/ when this module runs from its source. */
export const flameWorkerScript = (): string | undefined => threadScript('flame-worker.js');

const isShared = (a: ArrayBufferView) => a.buffer instanceof SharedArrayBuffer;

/** What the worker is sent, and sends back. */
export interface KeptRequest {
  sides: KeptSide[];
  min: number[];
  totals: [number[], number[]];
}
export type KeptReply = { kept: Kept } | { error: string };

/** `buildKept`, on a worker thread when the pair is large and its arrays are shared. */
export async function keptOffThread(
  sides: KeptSide[],
  min: number[],
  totals: [number[], number[]],
  minFrames = OFF_THREAD_MIN_FRAMES,
): Promise<Kept> {
  let frames = 0;
  for (const s of sides) frames += s.stackStart[s.count] ?? 0;
  const shared = sides.every((s) => isShared(s.stack) && isShared(s.values));
  const script = frames >= minFrames && shared ? flameWorkerScript() : undefined;
  if (!script) return buildKept(sides, min, totals);
  const reply = await keptOnThread(script, { sides, min, totals });
  return 'kept' in reply ? reply.kept : buildKept(sides, min, totals);
}

/** Runs the worker script on one request: its reply, or what went wrong. */
export const keptOnThread = (script: string, request: KeptRequest) =>
  runOnThread<KeptReply>(script, request);
