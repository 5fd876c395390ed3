/**
 * Running a JavaScript benchmark suite built on tinybench, and writing its results in the Go
 * benchmark format so the same comparison and gate apply. A statistical sample is one round's
 * mean per task, over several rounds: the iterations inside a round are not independent of each
 * other, and treating them as samples would make every difference "significant".
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Bench, type Task } from 'tinybench';
import { UserError } from '../errors.js';
import type { Log } from './go-bench.js';

/** What to run. */
export interface JsBenchSettings {
  /** The suite module: exports a tinybench `Bench` (default or `bench`) or tasks (default or `tasks`). */
  module: string;
  /** How many rounds (samples) per task; at least 5. */
  rounds: number;
  /** Time budget per task per round, in milliseconds, when the module exports plain tasks. */
  time: number;
}

/** The smallest number of rounds that gives a comparison any power. */
export const MIN_ROUNDS = 5;

type TaskFn = () => unknown;

interface BenchLike {
  run(): Promise<unknown>;
  tasks: Task[];
}

function isBench(x: unknown): x is BenchLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    'run' in x &&
    'tasks' in x &&
    Array.isArray((x as BenchLike).tasks)
  );
}

function isTaskMap(x: unknown): x is Record<string, TaskFn> {
  return (
    typeof x === 'object' &&
    x !== null &&
    Object.values(x).length > 0 &&
    Object.values(x).every((v) => typeof v === 'function')
  );
}

/** Loads the suite: a configured Bench, or a Bench made from exported tasks. */
async function loadSuite(s: JsBenchSettings): Promise<BenchLike> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path.resolve(s.module)).href)) as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`${s.module}: cannot load the benchmark module: ${(err as Error).message}`);
  }
  for (const candidate of [mod.default, mod.bench]) if (isBench(candidate)) return candidate;
  for (const candidate of [mod.default, mod.tasks]) {
    if (isTaskMap(candidate)) {
      const bench = new Bench({ time: s.time });
      for (const [name, fn] of Object.entries(candidate)) bench.add(name, fn);
      return bench;
    }
  }
  throw new UserError(
    `${s.module}: exports no tinybench Bench (as default or "bench") and no tasks (an object of functions, as default or "tasks")`,
  );
}

/** A benchmark name for the Go format: no spaces. */
export function benchName(task: string): string {
  return `Benchmark${task.trim().replace(/\s+/g, '_')}`;
}

/** Runs the suite `rounds` times and returns Go-format results, one line per task per round. */
export async function runJsBench(s: JsBenchSettings, log: Log): Promise<string> {
  if (s.rounds < MIN_ROUNDS) {
    throw new UserError(
      `--rounds: ${s.rounds} is too few: at least ${MIN_ROUNDS} rounds are needed to compare`,
    );
  }
  const bench = await loadSuite(s);
  const lines = [
    `os: ${process.platform}`,
    `arch: ${process.arch}`,
    `runtime: node ${process.version}`,
    `pkg: ${s.module.replace(/\\/g, '/')}`,
  ];
  for (let round = 1; round <= s.rounds; round++) {
    log(`round ${round}/${s.rounds}: ${bench.tasks.length} tasks`);
    await bench.run();
    for (const task of bench.tasks) {
      const r = task.result;
      if (r.state !== 'completed') {
        const reason = 'error' in r && r.error instanceof Error ? r.error.message : r.state;
        lines.push(`--- FAIL: ${benchName(task.name)}`, `    ${reason}`);
        continue;
      }
      const nsPerOp = r.latency.mean * 1e6;
      lines.push(`${benchName(task.name)} ${r.latency.samplesCount} ${nsPerOp} ns/op`);
    }
  }
  return `${lines.join('\n')}\n`;
}
