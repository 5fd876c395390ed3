/**
 * One round of a JavaScript benchmark suite, run inside the suite's own process: load the
 * module, find its tinybench `Bench` (or build one from exported task functions), check that it
 * is a tinybench 6 Bench, reset it, run it once and report each task's median iteration time.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';

/** One task's measurement in one round. */
export interface JsTaskRound {
  name: string;
  /** Iterations tinybench timed in this round. */
  samples: number;
  /**
   * The median time of one iteration, in milliseconds (tinybench's unit). The median, not the
   * mean: on a busy machine the iterations that lose a time slice to another process inflate the
   * mean of a round by how busy the machine was then, not by what the code costs.
   */
  medianMs: number;
}

/** What a round process reports: every task's measurement, or why the suite cannot be measured. */
export type JsRoundReport = { tasks: JsTaskRound[] } | { error: string };

/** A suite that cannot be measured: the message is for the user, without a stack. */
export class SuiteError extends Error {
  override readonly name = 'SuiteError';
}

/** The parts of a tinybench 6 Bench this module uses; a suite's Bench is checked against it. */
interface SuiteBench {
  tasks: SuiteTask[];
  reset(): void;
  run(): Promise<unknown>;
}

interface SuiteTask {
  name: string;
  result: unknown;
}

type TaskFn = () => unknown;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function looksLikeBench(x: unknown): x is { tasks: unknown[]; run: unknown } {
  return isObject(x) && typeof x.run === 'function' && Array.isArray(x.tasks);
}

function isTaskMap(x: unknown): x is Record<string, TaskFn> {
  return (
    isObject(x) &&
    !looksLikeBench(x) &&
    Object.values(x).length > 0 &&
    Object.values(x).every((v) => typeof v === 'function')
  );
}

const stateOf = (task: SuiteTask): unknown =>
  isObject(task.result) ? task.result.state : undefined;

/**
 * Checks that an exported Bench has tinybench 6's shape: `reset()`, and tasks whose result has a
 * `state` (tinybench 2 to 5 leave `result` undefined until a task ran, and report it differently).
 */
function checkSupported(bench: { tasks: unknown[]; run: unknown }): SuiteBench {
  const unsupported =
    'its Bench is not from a supported tinybench: perfgate runs tinybench 6 Benches ' +
    '(tinybench 2 to 5 report results differently); use tinybench 6, or export the task ' +
    'functions instead (an object of functions, as default or "tasks")';
  const b = bench as unknown as Record<string, unknown>;
  if (typeof b.reset !== 'function') throw new SuiteError(unsupported);
  const tasks = bench.tasks as unknown[];
  if (!tasks.every((t) => isObject(t) && typeof t.name === 'string')) {
    throw new SuiteError(unsupported);
  }
  const suite = bench as unknown as SuiteBench;
  suite.reset();
  if (!suite.tasks.every((t) => stateOf(t) === 'not-started')) throw new SuiteError(unsupported);
  if (suite.tasks.length === 0) throw new SuiteError('its Bench has no tasks');
  return suite;
}

/**
 * The line of a syntax error in the module itself, which `import()` does not say: Node's own
 * syntax check names it (`file:///…/suite.mjs:3` on its first line). Undefined when the error is
 * in a module it imports.
 */
function syntaxErrorLine(modulePath: string): number | undefined {
  const r = spawnSync(process.execPath, ['--check', modulePath], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  const first = (r.stderr ?? '').split(/\r?\n/)[0] ?? '';
  const m = /^(.*):(\d+)$/.exec(first);
  if (!m) return undefined;
  const file = m[1]!.startsWith('file:') ? fileURLToPath(m[1]!) : m[1]!;
  return path.resolve(file) === path.resolve(modulePath) ? Number(m[2]) : undefined;
}

/** Loads the suite module: its Bench (default or `bench`), or a Bench made from its tasks. */
export async function loadSuite(modulePath: string, timeMs: number): Promise<SuiteBench> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path.resolve(modulePath)).href)) as Record<string, unknown>;
  } catch (err) {
    const line = err instanceof SyntaxError ? syntaxErrorLine(modulePath) : undefined;
    throw new SuiteError(
      `cannot load the benchmark module: ${(err as Error).message}${line ? ` (line ${line})` : ''}`,
    );
  }
  for (const candidate of [mod.default, mod.bench]) {
    if (looksLikeBench(candidate)) return checkSupported(candidate);
  }
  for (const candidate of [mod.default, mod.tasks]) {
    if (isTaskMap(candidate)) {
      const bench = new Bench({ time: timeMs });
      for (const [name, fn] of Object.entries(candidate)) bench.add(name, fn);
      return bench;
    }
  }
  throw new SuiteError(
    'exports no tinybench Bench (as default or "bench") and no tasks (an object of functions, as default or "tasks")',
  );
}

function taskRound(task: SuiteTask): JsTaskRound {
  const r = isObject(task.result) ? task.result : {};
  if (r.state === 'errored') {
    const error = r.error instanceof Error ? r.error.message : String(r.error);
    throw new SuiteError(`task "${task.name}" threw: ${error}`);
  }
  if (r.state !== 'completed') {
    throw new SuiteError(
      `task "${task.name}" did not complete (tinybench state: ${String(r.state)})`,
    );
  }
  const latency = isObject(r.latency) ? r.latency : {};
  const medianMs = latency.p50;
  const samples = latency.samplesCount;
  if (typeof medianMs !== 'number' || !Number.isFinite(medianMs) || medianMs < 0) {
    throw new SuiteError(
      `task "${task.name}" has no median time (tinybench reported ${String(medianMs)})`,
    );
  }
  return { name: task.name, samples: typeof samples === 'number' ? samples : 0, medianMs };
}

/**
 * Runs the suite once from a reset state (tinybench 6 skips tasks that already ran, so without
 * the reset a second run would repeat the first one's numbers) and returns each task's median.
 */
export async function runRound(bench: SuiteBench): Promise<JsTaskRound[]> {
  bench.reset();
  try {
    await bench.run();
  } catch (err) {
    throw new SuiteError(`the suite failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  return bench.tasks.map(taskRound);
}

/** Loads the suite and runs one round; suite problems become the report's error. */
export async function measureRound(modulePath: string, timeMs: number): Promise<JsRoundReport> {
  try {
    return { tasks: await runRound(await loadSuite(modulePath, timeMs)) };
  } catch (err) {
    if (err instanceof SuiteError) return { error: err.message };
    throw err;
  }
}
