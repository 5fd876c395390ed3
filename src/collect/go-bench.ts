/**
 * Running Go benchmarks: `go test -bench` per package, or the same-job base rerun, where the
 * base commit (in a git worktree) and the head are built once and their benchmarks run in
 * alternating rounds (base, head, then head, base, ...) so the machine's drift hits both alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Runner } from './runner.js';

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

/** Log lines for the user (progress of long steps). */
export type Log = (line: string) => void;

interface GoPackage {
  importPath: string;
  dir: string;
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
      '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}\t{{.Dir}}{{end}}',
      ...patterns,
    ],
    { cwd: dir },
  );
  if (r.code !== 0) {
    throw new UserError(`go list ${patterns.join(' ')} failed in ${dir}:\n${r.output.trim()}`);
  }
  return r.output
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [importPath, pkgDir] = l.split('\t') as [string, string];
      return { importPath, dir: pkgDir };
    });
}

function benchFlags(s: GoBenchSettings, prefix: string): string[] {
  const f = [`-${prefix}run`, '^$', `-${prefix}bench`, s.bench, `-${prefix}benchmem`];
  if (s.benchtime) f.push(`-${prefix}benchtime`, s.benchtime);
  if (s.cpu) f.push(`-${prefix}cpu`, s.cpu);
  return f;
}

const fileSafe = (importPath: string) => importPath.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * Runs `go test -bench` once per package (profiles need one package per run) and returns the
 * whole output, failures included: the parser reports them.
 */
export async function runGoBench(
  s: GoBenchSettings,
  runner: Runner,
  log: Log,
): Promise<{ text: string; profiles: string[] }> {
  const packages = await listTestPackages(runner, s.dir, s.packages);
  if (packages.length === 0) {
    throw new UserError(`no packages with tests match ${s.packages.join(' ')} in ${s.dir}`);
  }
  let text = '';
  const profiles: string[] = [];
  for (const [i, pkg] of packages.entries()) {
    log(
      `[${i + 1}/${packages.length}] go test -bench ${s.bench} -count ${s.count} ${pkg.importPath}`,
    );
    const args = ['test', ...benchFlags(s, ''), '-count', String(s.count)];
    if (s.profilesDir) {
      const base = path.join(s.profilesDir, fileSafe(pkg.importPath));
      args.push('-cpuprofile', `${base}.cpu.pb.gz`, '-memprofile', `${base}.mem.pb.gz`);
      profiles.push(`${base}.cpu.pb.gz`, `${base}.mem.pb.gz`);
    }
    args.push(pkg.importPath);
    const r = await runner.run('go', args, { cwd: s.dir, onLine: log });
    text += r.output.endsWith('\n') || r.output === '' ? r.output : `${r.output}\n`;
  }
  return { text, profiles };
}

/** Settings of the interleaved base rerun. */
export interface InterleavedSettings extends GoBenchSettings {
  /** The base commit: a ref or sha of the repository holding `dir`. */
  baseRef: string;
}

/** Base and head outputs of an interleaved run; round r is the r-th result of each benchmark. */
export interface InterleavedRun {
  base: string;
  head: string;
  baseSha: string;
  rounds: number;
}

async function git(runner: Runner, cwd: string, args: string[]): Promise<string> {
  const r = await runner.run('git', args, { cwd });
  if (r.code !== 0) throw new UserError(`git ${args.join(' ')} failed:\n${r.output.trim()}`);
  return r.output.trim();
}

/**
 * Builds test binaries of base (in a temporary git worktree) and head once, then runs every
 * package's benchmarks in `count` rounds, alternating which side goes first.
 */
export async function runGoBenchInterleaved(
  s: InterleavedSettings,
  runner: Runner,
  log: Log,
): Promise<InterleavedRun> {
  const root = await git(runner, s.dir, ['rev-parse', '--show-toplevel']);
  const verify = await runner.run(
    'git',
    ['rev-parse', '--verify', '--quiet', `${s.baseRef}^{commit}`],
    {
      cwd: s.dir,
    },
  );
  if (verify.code !== 0) {
    throw new UserError(`base ref "${s.baseRef}" is not a commit of the repository at ${root}`);
  }
  const baseSha = verify.output.trim();
  const work = await mkdtemp(path.join(tmpdir(), 'perfgate-rerun-'));
  const tree = path.join(work, 'base');
  try {
    log(`checking out base ${baseSha.slice(0, 12)} (${s.baseRef}) into a temporary worktree`);
    await git(runner, root, ['worktree', 'add', '--detach', tree, baseSha]);
    const baseDir = path.join(tree, path.relative(root, path.resolve(s.dir)));
    const headPkgs = await listTestPackages(runner, s.dir, s.packages);
    const basePkgs = new Map(
      (await listTestPackages(runner, baseDir, s.packages).catch(() => [])).map((p) => [
        p.importPath,
        p,
      ]),
    );
    if (headPkgs.length === 0) {
      throw new UserError(`no packages with tests match ${s.packages.join(' ')} in ${s.dir}`);
    }
    // Build each side once.
    const sides: {
      pkg: GoPackage;
      base?: { bin: string; dir: string };
      head: { bin: string; dir: string };
    }[] = [];
    let base = '';
    let head = '';
    for (const [i, pkg] of headPkgs.entries()) {
      log(`[${i + 1}/${headPkgs.length}] building test binaries of ${pkg.importPath}`);
      const headBin = path.join(work, `${i}.head.test`);
      const hb = await runner.run('go', ['test', '-c', '-o', headBin, pkg.importPath], {
        cwd: s.dir,
      });
      if (hb.code !== 0) {
        head += hb.output;
        continue;
      }
      const entry: (typeof sides)[number] = { pkg, head: { bin: headBin, dir: pkg.dir } };
      const basePkg = basePkgs.get(pkg.importPath);
      if (basePkg) {
        const baseBin = path.join(work, `${i}.base.test`);
        const bb = await runner.run('go', ['test', '-c', '-o', baseBin, pkg.importPath], {
          cwd: baseDir,
        });
        if (bb.code === 0) entry.base = { bin: baseBin, dir: basePkg.dir };
        else base += buildFailure(pkg.importPath, bb.output);
      }
      sides.push(entry);
    }
    for (const entry of sides) {
      const outputs = { base: [] as string[], head: [] as string[] };
      for (let round = 0; round < s.count; round++) {
        const order: ('base' | 'head')[] = round % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
        for (const side of order) {
          const target = entry[side];
          if (!target) continue;
          log(`round ${round + 1}/${s.count}: ${side} ${entry.pkg.importPath}`);
          const r = await runner.run(target.bin, [...benchFlags(s, 'test.'), '-test.count', '1'], {
            cwd: target.dir,
          });
          outputs[side].push(r.output);
        }
      }
      base += mergeRounds(outputs.base);
      head += mergeRounds(outputs.head);
    }
    return { base, head, baseSha, rounds: s.count };
  } finally {
    await runner.run('git', ['worktree', 'remove', '--force', tree], { cwd: root });
    await rm(work, { recursive: true, force: true });
  }
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
