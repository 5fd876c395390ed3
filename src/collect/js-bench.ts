/**
 * Running a JavaScript benchmark suite built on tinybench, and writing its results in the Go
 * benchmark format so the same comparison and gate apply. A statistical sample is one round's
 * median iteration time per task, over several rounds: the iterations inside a round are not
 * independent of each other, and treating them as samples would make every difference
 * "significant".
 *
 * Every round is a fresh `node` process (dist/js-round.js), as every Go round is a fresh test
 * binary: rounds are independent measurements, the suite cannot touch perfgate's own process,
 * and it runs in the environment all benchmark code gets (child-env.ts: no token, no workflow
 * command files). With a base ref, base's suite (from a temporary git worktree) and head's run
 * in alternating rounds.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, readFile, realpath, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { Log } from './go-bench.js';
import { benchmarkEnv } from './child-env.js';
import { withBaseWorktree } from './git-worktree.js';
import type { JsRoundReport, JsTaskRound } from './js-suite.js';
import type { Runner } from './runner.js';

/** What to run. */
export interface JsBenchSettings {
  /** The suite module: exports a tinybench `Bench` (default or `bench`) or tasks (default or `tasks`). */
  module: string;
  /** How the module is named in the output and in messages (default: `module`). */
  label?: string;
  /** How many rounds (samples) per task; at least 5. */
  rounds: number;
  /** Time budget per task per round, in milliseconds, when the module exports plain tasks. */
  time: number;
  /** Where the suite's process runs (default: the current directory). */
  cwd?: string;
  /** The round runner script (default: js-round.js beside this bundle). */
  worker?: string;
}

/** Settings of the interleaved base rerun of a JS suite. */
export interface JsInterleavedSettings extends JsBenchSettings {
  /** The base commit: a ref or sha of the repository holding the module. */
  baseRef: string;
  /**
   * When base has no such module: an error (true), or an empty base output (false: the caller
   * treats it as no baseline).
   */
  requireBase: boolean;
}

/** Base and head outputs of an interleaved run; round r is the r-th result of each task. */
export interface JsInterleavedRun {
  base: string;
  head: string;
  baseSha: string;
  rounds: number;
}

/** The smallest number of rounds that gives a comparison any power. */
export const MIN_ROUNDS = 5;

/** A benchmark name for the Go format: no spaces. */
export function benchName(task: string): string {
  return `Benchmark${task.trim().replace(/\s+/g, '_')}`;
}

/**
 * Milliseconds as nanoseconds to the picosecond: the clock's nanoseconds as they were read
 * (`1853`), not the binary fraction's tail (`1852.999999982785`).
 */
function nanoseconds(ms: number): number {
  return Number((ms * 1e6).toFixed(3));
}

/**
 * Rounds of a suite in the Go benchmark format: a header, then one line per task per round, so
 * round r is the r-th line of each benchmark. The module goes under `jsmodule:`, not `pkg:`, so
 * suites in files of different names still compare task by task.
 */
export function formatJsRounds(label: string, rounds: JsTaskRound[][]): string {
  const lines = [
    `os: ${process.platform}`,
    `arch: ${process.arch}`,
    `runtime: node ${process.version}`,
    `jsmodule: ${label.replace(/\\/g, '/')}`,
  ];
  for (const round of rounds) {
    for (const t of round)
      lines.push(`${benchName(t.name)} ${t.samples} ${nanoseconds(t.medianMs)} ns/op`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The round runner: js-round.js beside this bundle in dist/, or, when this module runs from its
 * TypeScript source (in tests), the built one in dist/.
 */
function defaultWorker(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  const relative = fromSource ? '../../dist/js-round.js' : './js-round.js';
  const worker = fileURLToPath(new URL(relative, import.meta.url));
  if (!existsSync(worker)) {
    throw new Error(`the JS round runner ${worker} is missing: run \`npm run build\``);
  }
  return worker;
}

function checkRounds(rounds: number): void {
  if (rounds < MIN_ROUNDS) {
    throw new UserError(
      `--rounds: ${rounds} is too few: at least ${MIN_ROUNDS} rounds are needed to compare`,
    );
  }
}

/** What Node imports as a module (TypeScript where Node strips types itself). */
const moduleExtensions = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

async function moduleFile(s: JsBenchSettings): Promise<string> {
  let file: string;
  try {
    file = await realpath(path.resolve(s.module));
  } catch {
    throw new UserError(`${s.label ?? s.module}: no such benchmark module`);
  }
  if (!moduleExtensions.includes(path.extname(file).toLowerCase())) {
    throw new UserError(
      `${s.label ?? s.module}: not a JavaScript module (a tinybench suite is a ${moduleExtensions.join(', ')} file)`,
    );
  }
  return file;
}

async function runFolder(s: JsBenchSettings): Promise<string> {
  const dir = s.cwd ?? '.';
  try {
    return await realpath(path.resolve(dir));
  } catch {
    throw new UserError(`${dir}: no such folder to run the suite in`);
  }
}

/** One side of a run: which module, where, and how it is named in messages. */
interface Side {
  module: string;
  cwd: string;
  label: string;
}

const lastLines = (text: string, n: number) => text.trim().split('\n').slice(-n).join('\n');

/** Runs one round of a suite in a fresh `node` process and returns its tasks' measurements. */
async function runRoundProcess(
  runner: Runner,
  worker: string,
  side: Side,
  timeMs: number,
  reportFile: string,
): Promise<JsTaskRound[]> {
  await rm(reportFile, { force: true });
  const r = await runner.run(process.execPath, [worker, side.module, String(timeMs), reportFile], {
    cwd: side.cwd,
    env: benchmarkEnv(process.env),
  });
  let report: JsRoundReport;
  try {
    report = JSON.parse(await readFile(reportFile, 'utf8')) as JsRoundReport;
  } catch {
    const output = r.output.trim() === '' ? '' : `:\n${lastLines(r.output, 20)}`;
    throw new UserError(
      `${side.label}: the suite's process exited with ${r.code} before finishing a round${output}`,
    );
  }
  if ('error' in report) throw new UserError(`${side.label}: ${report.error}`);
  return report.tasks;
}

/** Runs the suite in `rounds` fresh processes and returns Go-format results. */
export async function runJsBench(s: JsBenchSettings, runner: Runner, log: Log): Promise<string> {
  checkRounds(s.rounds);
  const label = s.label ?? s.module;
  const side: Side = { module: await moduleFile(s), cwd: await runFolder(s), label };
  const worker = s.worker ?? defaultWorker();
  const work = await mkdtemp(path.join(tmpdir(), 'perfgate-js-'));
  try {
    const rounds: JsTaskRound[][] = [];
    for (let round = 1; round <= s.rounds; round++) {
      log(`round ${round}/${s.rounds}: ${label}`);
      rounds.push(
        await runRoundProcess(runner, worker, side, s.time, path.join(work, 'round.json')),
      );
    }
    return formatJsRounds(label, rounds);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const isInside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Gives the base worktree head's installed packages: every `node_modules` folder on the way from
 * the repository's top to the module's folder is linked into the worktree (it holds only
 * committed files). Returns the links made, to remove them before the worktree goes.
 */
async function linkNodeModules(root: string, tree: string, moduleDir: string): Promise<string[]> {
  const links: string[] = [];
  const parts = path
    .relative(root, moduleDir)
    .split(path.sep)
    .filter((p) => p !== '');
  for (let i = 0; i <= parts.length; i++) {
    const rel = path.join(...parts.slice(0, i), 'node_modules');
    const from = path.join(root, rel);
    const to = path.join(tree, rel);
    if (!existsSync(from) || existsSync(to) || !existsSync(path.dirname(to))) continue;
    await symlink(from, to, 'junction');
    links.push(to);
  }
  return links;
}

/**
 * Runs base's suite (from a temporary worktree of `baseRef`) and head's in `rounds` rounds of one
 * fresh process per side, alternating which side goes first (base-head, head-base, ...).
 */
export async function runJsBenchInterleaved(
  s: JsInterleavedSettings,
  runner: Runner,
  log: Log,
): Promise<JsInterleavedRun> {
  checkRounds(s.rounds);
  const label = s.label ?? s.module;
  const headModule = await moduleFile(s);
  const headCwd = await runFolder(s);
  const worker = s.worker ?? defaultWorker();
  return withBaseWorktree(runner, path.dirname(headModule), s.baseRef, log, async (wt) => {
    const moduleRel = path.relative(wt.root, headModule);
    const base: Side = {
      module: path.join(wt.tree, moduleRel),
      cwd: isInside(wt.root, headCwd)
        ? path.join(wt.tree, path.relative(wt.root, headCwd))
        : path.dirname(path.join(wt.tree, moduleRel)),
      label: `${label} (base ${wt.baseSha.slice(0, 12)})`,
    };
    const head: Side = { module: headModule, cwd: headCwd, label };
    const sides = { base: existsSync(base.module) ? base : undefined, head };
    if (!sides.base) {
      const missing = `base ${wt.baseSha.slice(0, 12)} (${s.baseRef}) has no ${moduleRel}`;
      if (s.requireBase) throw new UserError(`${missing}: nothing to compare head's suite with`);
      log(`${missing}: only head runs`);
    }
    const links = await linkNodeModules(wt.root, wt.tree, path.dirname(headModule));
    if (links.length > 0) log(`base runs with head's installed node_modules`);
    try {
      const rounds = { base: [] as JsTaskRound[][], head: [] as JsTaskRound[][] };
      for (let round = 0; round < s.rounds; round++) {
        const order: ('base' | 'head')[] = round % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
        for (const name of order) {
          const side = sides[name];
          if (!side) continue;
          log(`round ${round + 1}/${s.rounds}: ${name} ${label}`);
          const report = path.join(wt.work, `${name}.json`);
          rounds[name].push(await runRoundProcess(runner, worker, side, s.time, report));
        }
      }
      return {
        base: sides.base ? formatJsRounds(label, rounds.base) : '',
        head: formatJsRounds(label, rounds.head),
        baseSha: wt.baseSha,
        rounds: s.rounds,
      };
    } finally {
      for (const link of links) {
        if ((await lstat(link)).isSymbolicLink()) await unlink(link);
      }
    }
  });
}
