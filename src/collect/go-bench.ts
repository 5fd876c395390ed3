/**
 * Running Go benchmarks: `go test -bench` per package, or the same-job base rerun, where the
 * base commit (in a git worktree) and the head are built once and their benchmarks run in
 * alternating rounds (base, head, then head, base, ...) so the machine's drift hits both alike.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { withBaseWorktree } from './git-worktree.js';
import { parseBenchText } from '../parse/benchfmt/index.js';
import { failureText } from '../parse/benchfmt/load.js';
import type { RunResult, Runner } from './runner.js';

/** What to run. */
export interface GoBenchSettings {
  /** The Go module (or any directory inside it) to run in. */
  dir: string;
  /** Package patterns, e.g. `./...`. */
  packages: string[];
  /** `-bench` regular expression. */
  bench: string;
  count: number;
  benchtime?: string;
  cpu?: string;
  /** Write a cpu and a mem profile per package here (plain runs only). */
  profilesDir?: string;
}

/**
 * Log lines for the user (progress of long steps). `fold`, when given, runs a command with its
 * raw output folded under one title line (a `::group::` in the action's log); without it the
 * title is logged and only result lines follow.
 */
export interface Log {
  (line: string): void;
  fold?: <T>(title: string, work: () => Promise<T>) => Promise<T>;
}

/** One argument as a POSIX shell reads it back: quoted unless plainly safe. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./=:,+@%-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line as it can be pasted into a shell. */
export function commandLine(cmd: string, args: string[]): string {
  return [cmd, ...args].map(shellQuote).join(' ');
}

const isResultLine = (l: string) => /^Benchmark\S*\s+\d+\s/.test(l);

/**
 * Runs a command under a title: folded with all its output when the log folds, else the title
 * and, for a plain run, its result lines (the progress of a terminal run; a round's lines would
 * only repeat each other).
 */
async function runLogged(
  runner: Runner,
  log: Log,
  title: string,
  cmd: string,
  args: string[],
  cwd: string,
  resultLines = true,
): Promise<RunResult> {
  if (log.fold) {
    const fold = log.fold;
    return fold(title, async () => {
      if (title !== commandLine(cmd, args)) log(commandLine(cmd, args));
      return runner.run(cmd, args, { cwd, onLine: (l) => log(l) });
    });
  }
  log(title);
  const onLine = (l: string) => void (resultLines && isResultLine(l) && log(l));
  return runner.run(cmd, args, { cwd, onLine });
}

/** Which side of a comparison a run belongs to. */
export type Side = 'base' | 'head';

/**
 * A go test run that failed (a build error, a panic, b.Fatal, a flag the test binary refused):
 * it stops the whole run, reported once. `output` is what the run printed (stdout and stderr as
 * they came), for callers that keep it as the side's benchmark output.
 */
export class GoTestFailed extends UserError {
  constructor(
    message: string,
    readonly side: Side,
    readonly output: string,
  ) {
    super(message);
  }
}

interface GoPackage {
  importPath: string;
  dir: string;
  /** Its _test.go files (in-package and external), relative to dir. */
  testFiles: string[];
}

/** Packages with test files matching the patterns, in `go list` order. */
export async function listTestPackages(
  runner: Runner,
  dir: string,
  patterns: string[],
): Promise<GoPackage[]> {
  const r = await runner.run(
    'go',
    [
      'list',
      '-f',
      '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}\t{{.Dir}}\t{{join .TestGoFiles ","}},{{join .XTestGoFiles ","}}{{end}}',
      ...patterns,
    ],
    { cwd: dir },
  );
  if (r.code !== 0) {
    // go's own lines (one per pattern or package at fault), kept on one line.
    const cause = r.output.trim().split(/\r?\n/).filter(Boolean).join('; ');
    throw new UserError(`go list ${patterns.join(' ')} failed in ${dir}: ${cause}`);
  }
  return r.stdout
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [importPath, pkgDir, files] = l.split('\t') as [string, string, string];
      return { importPath, dir: pkgDir, testFiles: files.split(',').filter((f) => f !== '') };
    });
}

/**
 * The part of a `-bench` expression that names top-level benchmarks, as `go test -list` matches
 * it: go splits the expression at slashes outside brackets and parentheses, one part per level of
 * sub-benchmarks, after splitting it at such `|`s into alternatives (testing's splitRegexp).
 */
export function topLevelBenchRegex(re: string): string {
  const alternatives: string[][] = [[]];
  let part = '';
  let brackets = 0;
  let parens = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\' && i + 1 < re.length) {
      part += c + re[++i];
      continue;
    }
    if (c === '[') brackets++;
    else if (c === ']') brackets = Math.max(0, brackets - 1);
    else if (c === '(' && brackets === 0) parens++;
    else if (c === ')' && brackets === 0) parens--;
    else if ((c === '/' || c === '|') && brackets === 0 && parens === 0) {
      alternatives[alternatives.length - 1]!.push(part);
      part = '';
      if (c === '|') alternatives.push([]);
      continue;
    }
    part += c;
  }
  alternatives[alternatives.length - 1]!.push(part);
  const tops = alternatives.map((a) => a[0]!);
  return tops.length === 1 ? tops[0]! : tops.map((t) => `(?:${t})`).join('|');
}

/** What a failed go test run printed, as one message: its failures, or else its last lines. */
export function goTestFailure(what: string, code: number, output: string): string {
  const parsed = parseBenchText(output, what);
  const failures = parsed.failures
    .filter((f) => f.kind !== 'package' || parsed.failures.length === 1)
    // go test does not always print a benchmark's name before it panics; its stack names it.
    .map((f) =>
      f.kind === 'panic' && f.subject === ''
        ? { ...f, subject: /\.(Benchmark\w+)\(/.exec(f.detail)?.[1] ?? '' }
        : f,
    );
  const printed = output
    .trim()
    .split('\n')
    .filter((l) => !/^(FAIL|ok|PASS|exit status \d+)\b/.test(l) && !l.startsWith('?'))
    .slice(-20)
    .join('\n');
  // A package that failed without a failing benchmark (TestMain exiting, a log.Fatal in init):
  // what it printed is the only clue.
  const onlyPackage = failures.length === 1 && failures[0]!.kind === 'package';
  const body =
    failures.length === 0
      ? output.trim().split('\n').slice(-20).join('\n')
      : onlyPackage && printed !== ''
        ? `${failureText(failures[0]!)}:\n${printed
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n')}`
        : failures.map(failureText).join('\n');
  return `${what} failed (exit status ${code}):\n${body
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}`;
}

/** Whether any of a package's test files declares a benchmark function. */
async function declaresBenchmarks(pkg: GoPackage): Promise<boolean> {
  for (const f of pkg.testFiles) {
    const text = await readFile(path.join(pkg.dir, f), 'utf8').catch(() => '');
    if (/^func Benchmark\w*\s*\(/m.test(text)) return true;
  }
  return false;
}

/**
 * The packages with a top-level benchmark matching the `-bench` expression, found with
 * `go test -list` per package before any round, so a build failure is found here, once, and the
 * rounds run only these packages. A package whose test files declare no benchmark at all is
 * never listed: listing runs its TestMain, which may be slow (building a plugin) or fail.
 */
async function packagesWithBenchmarks(
  runner: Runner,
  dir: string,
  bench: string,
  packages: GoPackage[],
  side: Side,
  log: Log,
): Promise<GoPackage[]> {
  const found: GoPackage[] = [];
  for (const pkg of packages) {
    if (!(await declaresBenchmarks(pkg))) continue;
    const args = ['test', '-list', topLevelBenchRegex(bench), pkg.importPath];
    const r = await runner.run('go', args, { cwd: dir });
    if (r.code !== 0) {
      const what = `${side === 'base' ? 'base: ' : ''}${commandLine('go', args)}`;
      throw new GoTestFailed(goTestFailure(what, r.code, r.output), side, r.output);
    }
    if (r.stdout.split('\n').some((l) => l.startsWith('Benchmark'))) found.push(pkg);
  }
  const skipped = packages.length - found.length;
  if (skipped > 0 && found.length > 0) {
    log(
      `${side}: benchmarks matching ${shellQuote(bench)} are in ${found.map((p) => p.importPath).join(', ')}; ${skipped} other package${skipped === 1 ? '' : 's'} not run`,
    );
  }
  return found;
}

/** Whether go test's output holds neither a result nor a failure (every benchmark skipped). */
function printedNothing(text: string): boolean {
  const parsed = parseBenchText(text, '');
  return parsed.results.length === 0 && parsed.failures.length === 0;
}

function noResults(s: GoBenchSettings, packages: GoPackage[]): UserError {
  return new UserError(
    `go test printed no benchmark results for -bench ${shellQuote(s.bench)} in ${packages.map((p) => p.importPath).join(', ')}: the matching benchmarks were skipped (b.Skip) or returned before reporting (go test -v shows why)`,
  );
}

function noBenchmarks(s: GoBenchSettings, where = ''): UserError {
  return new UserError(
    `no benchmark matches -bench '${s.bench}' in ${s.packages.join(' ')}${where}`,
  );
}

function benchFlags(s: GoBenchSettings, prefix: string): string[] {
  const f = [`-${prefix}run`, '^$', `-${prefix}bench`, s.bench, `-${prefix}benchmem`];
  if (s.benchtime) f.push(`-${prefix}benchtime`, s.benchtime);
  if (s.cpu) f.push(`-${prefix}cpu`, s.cpu);
  return f;
}

const fileSafe = (importPath: string) => importPath.replace(/[^A-Za-z0-9._-]+/g, '_');

/** The cpu and mem profile files of one package in a folder. */
function profilePaths(dir: string, importPath: string): { cpu: string; mem: string } {
  const base = path.join(dir, fileSafe(importPath));
  return { cpu: `${base}.cpu.pb.gz`, mem: `${base}.mem.pb.gz` };
}

/**
 * Runs `go test -bench` once per package with a matching benchmark (profiles need one package
 * per run) and returns its standard output. A run that fails stops everything (GoTestFailed);
 * test binaries kept for profiling go to a temporary folder, never into the user's tree.
 */
export async function runGoBench(
  s: GoBenchSettings,
  runner: Runner,
  log: Log,
): Promise<{ text: string; profiles: string[] }> {
  const all = await listTestPackages(runner, s.dir, s.packages);
  if (all.length === 0) {
    throw new UserError(`no packages with tests match ${s.packages.join(' ')} in ${s.dir}`);
  }
  const packages = await packagesWithBenchmarks(runner, s.dir, s.bench, all, 'head', log);
  if (packages.length === 0) throw noBenchmarks(s);
  const bins = await mkdtemp(path.join(tmpdir(), 'perfgate-bin-'));
  let text = '';
  const profiles: string[] = [];
  try {
    for (const [i, pkg] of packages.entries()) {
      const args = ['test', ...benchFlags(s, ''), '-count', String(s.count)];
      if (s.profilesDir) {
        const p = profilePaths(s.profilesDir, pkg.importPath);
        // go test keeps the test binary when profiling: -o puts it outside the user's tree.
        args.push('-o', path.join(bins, `${i}.test`), '-cpuprofile', p.cpu, '-memprofile', p.mem);
        profiles.push(p.cpu, p.mem);
      }
      args.push(pkg.importPath);
      // A failure is reported once, by the error below.
      const r = await runLogged(runner, log, commandLine('go', args), 'go', args, s.dir);
      if (r.code !== 0) {
        const what = `go test -bench ${shellQuote(s.bench)} ${pkg.importPath}`;
        throw new GoTestFailed(goTestFailure(what, r.code, r.output), 'head', r.output);
      }
      text += r.stdout.endsWith('\n') || r.stdout === '' ? r.stdout : `${r.stdout}\n`;
    }
  } finally {
    await rm(bins, { recursive: true, force: true });
  }
  if (printedNothing(text)) throw noResults(s, packages);
  return { text, profiles };
}

/** Settings of the interleaved base rerun. */
export interface InterleavedSettings extends GoBenchSettings {
  /** The base commit: a ref or sha of the repository holding `dir`. */
  baseRef: string;
  /**
   * When base has no matching benchmark: an error (true), or an empty base output (false: the
   * caller treats it as no baseline).
   */
  requireBaseBenchmarks: boolean;
  /** After the rounds, one profiled run per side and package, its profiles in these folders. */
  profiles?: { base: string; head: string };
}

/** Base and head outputs of an interleaved run; round r is the r-th result of each benchmark. */
export interface InterleavedRun {
  base: string;
  head: string;
  baseSha: string;
  rounds: number;
  /** Profile files written per side (empty unless asked for). */
  profiles: { base: string[]; head: string[] };
}

/** A built test binary of one side of a package, and where it runs. */
interface Target {
  bin: string;
  dir: string;
}

interface PackagePair {
  pkg: GoPackage;
  base?: Target;
  head: Target;
}

/**
 * Runs one test binary under a log title; a failure stops the run (GoTestFailed), reported once.
 */
async function runTarget(
  runner: Runner,
  log: Log,
  title: string,
  target: Target,
  args: string[],
  side: Side,
  what: string,
): Promise<string> {
  const r = await runLogged(runner, log, title, target.bin, args, target.dir, false);
  if (r.code !== 0) {
    throw new GoTestFailed(goTestFailure(what, r.code, r.output), side, r.output);
  }
  return r.stdout;
}

/** Builds one side's test binary of a package into `bin`. */
async function buildTarget(
  runner: Runner,
  cwd: string,
  pkg: GoPackage,
  bin: string,
  side: Side,
): Promise<Target> {
  const r = await runner.run('go', ['test', '-c', '-o', bin, pkg.importPath], { cwd });
  if (r.code !== 0) {
    throw new GoTestFailed(
      goTestFailure(`${side}: go test -c ${pkg.importPath}`, r.code, r.output),
      side,
      buildFailure(pkg.importPath, r.output),
    );
  }
  return { bin, dir: pkg.dir };
}

/**
 * Checks both sides (packages, matching benchmarks, builds) before any round, builds each
 * side's test binaries once, then runs every package's benchmarks in `count` rounds, alternating
 * which side goes first; with `profiles`, one more profiled run per side after the rounds.
 */
export async function runGoBenchInterleaved(
  s: InterleavedSettings,
  runner: Runner,
  log: Log,
): Promise<InterleavedRun> {
  return withBaseWorktree(runner, s.dir, s.baseRef, log, async ({ root, tree, baseSha, work }) => {
    const baseDir = path.join(tree, path.relative(root, path.resolve(s.dir)));
    const headAll = await listTestPackages(runner, s.dir, s.packages);
    if (headAll.length === 0) {
      throw new UserError(`no packages with tests match ${s.packages.join(' ')} in ${s.dir}`);
    }
    const headPkgs = await packagesWithBenchmarks(runner, s.dir, s.bench, headAll, 'head', log);
    if (headPkgs.length === 0) throw noBenchmarks(s);
    const baseAll = (await listTestPackages(runner, baseDir, s.packages).catch(() => [])).filter(
      (p) => headPkgs.some((h) => h.importPath === p.importPath),
    );
    const basePkgs = new Map(
      (await packagesWithBenchmarks(runner, baseDir, s.bench, baseAll, 'base', log)).map((p) => [
        p.importPath,
        p,
      ]),
    );
    if (basePkgs.size === 0 && s.requireBaseBenchmarks) {
      throw noBenchmarks(
        s,
        ` at base ${s.baseRef} (${baseSha.slice(0, 12)}): nothing to compare with`,
      );
    }
    const pairs: PackagePair[] = [];
    for (const [i, pkg] of headPkgs.entries()) {
      log(`[${i + 1}/${headPkgs.length}] building test binaries of ${pkg.importPath}`);
      const head = await buildTarget(runner, s.dir, pkg, path.join(work, `${i}.head.test`), 'head');
      const basePkg = basePkgs.get(pkg.importPath);
      const base = basePkg
        ? await buildTarget(runner, baseDir, basePkg, path.join(work, `${i}.base.test`), 'base')
        : undefined;
      pairs.push(base ? { pkg, head, base } : { pkg, head });
    }
    let base = '';
    let head = '';
    const flags = benchFlags(s, 'test.');
    for (const pair of pairs) {
      const outputs = { base: [] as string[], head: [] as string[] };
      for (let round = 0; round < s.count; round++) {
        const order: Side[] = round % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
        for (const side of order) {
          const target = pair[side];
          if (!target) continue;
          const title = `round ${round + 1}/${s.count}: ${side} ${pair.pkg.importPath}`;
          const what = `${side}: ${pair.pkg.importPath} -test.bench ${shellQuote(s.bench)} (round ${round + 1})`;
          const args = [...flags, '-test.count', '1'];
          outputs[side].push(await runTarget(runner, log, title, target, args, side, what));
        }
      }
      base += mergeRounds(outputs.base);
      head += mergeRounds(outputs.head);
    }
    if (printedNothing(head)) throw noResults(s, headPkgs);
    // A base whose benchmarks all skipped has no results to compare with: an empty side.
    if (printedNothing(base)) base = '';
    const profiles = s.profiles ? await profileSides(s, s.profiles, pairs, runner, log) : undefined;
    return { base, head, baseSha, rounds: s.count, profiles: profiles ?? { base: [], head: [] } };
  });
}

/** One profiled run per side and package, after the rounds (profiling slows what it measures). */
async function profileSides(
  s: GoBenchSettings,
  dirs: { base: string; head: string },
  pairs: PackagePair[],
  runner: Runner,
  log: Log,
): Promise<{ base: string[]; head: string[] }> {
  const written = { base: [] as string[], head: [] as string[] };
  for (const pair of pairs) {
    for (const side of ['base', 'head'] as const) {
      const target = pair[side];
      if (!target) continue;
      const p = profilePaths(path.resolve(dirs[side]), pair.pkg.importPath);
      const args = [
        ...benchFlags(s, 'test.'),
        '-test.count',
        '1',
        '-test.cpuprofile',
        p.cpu,
        '-test.memprofile',
        p.mem,
      ];
      const title = `profiling ${side} ${pair.pkg.importPath}`;
      await runTarget(runner, log, title, target, args, side, `${side}: ${title}`);
      written[side].push(p.cpu, p.mem);
    }
  }
  return written;
}

/** A failed `go test -c` in the format go test reports build failures in, so it is never lost. */
function buildFailure(importPath: string, output: string): string {
  const body = output.trim().startsWith('#') ? output.trim() : `# ${importPath}\n${output.trim()}`;
  return `${body}\nFAIL\t${importPath} [build failed]\n`;
}

/**
 * One package's rounds as one benchmark output: the first round's header lines, then every
 * round's result and failure lines in order, so round r is the r-th line of each benchmark.
 */
export function mergeRounds(rounds: string[]): string {
  if (rounds.length === 0) return '';
  const lines = (t: string) => t.split('\n').filter((l) => l !== '');
  const isResult = (l: string) => l.startsWith('Benchmark');
  const isNoise = (l: string) => l === 'PASS' || /^ok\s/.test(l);
  const header = lines(rounds[0]!).filter(
    (l) => !isResult(l) && !isNoise(l) && /^[a-z][^:\s]*: /.test(l),
  );
  const body = rounds.flatMap((r) => lines(r).filter((l) => !isNoise(l) && !header.includes(l)));
  return `${[...header, ...body].join('\n')}\n`;
}
