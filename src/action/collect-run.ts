/**
 * The action's collect stage: run or read what the settings ask for, and keep it in one folder
 * (bench output files, profiles) that can become the next baseline as it is.
 */
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GoTestFailed,
  type InterleavedRun,
  type Log,
  runGoBench,
  runGoBenchInterleaved,
} from '../collect/go-bench.js';
import { expandGlob } from '../collect/glob.js';
import { MIN_ROUNDS, runJsBench, runJsBenchInterleaved } from '../collect/js-bench.js';
import { collectFromService, type FetchedProfile } from '../collect/pprof-http.js';
import type { Runner } from '../collect/runner.js';
import { UserError } from '../errors.js';
import { parseBenchText } from '../parse/benchfmt/index.js';
import { binaryKind } from '../parse/benchfmt/load.js';
import type { ActionSettings } from './settings.js';

/** What one run collected, stored under `dir`. */
export interface Collected {
  dir: string;
  /** Bench output files, relative to dir. */
  benchFiles: string[];
  /** Profiles, relative to dir. */
  profiles: string[];
  /**
   * The base side of an interleaved rerun: its bench files relative to dir (under
   * `rerun-base/`), and its profiles relative to `rerun-base/` (named as head's are in dir).
   */
  rerunBase: { files: string[]; sha: string; profiles: string[] } | undefined;
  /** Things worth telling (an empty block profile and how to turn it on). */
  notes: string[];
  /**
   * Runs that failed (a build error, a panic, a failing TestMain), each as one message in the
   * user's terms: the command, its exit status and what it printed. Their output is kept as the
   * side's benchmark output too, so the run is never saved as a baseline.
   */
  failures: string[];
  /** How each bench file is named to the user, by its path relative to dir (see benchFileLabel). */
  labels: Record<string, string>;
}

/**
 * How a collected benchmark file is named to the user: the output of a run perfgate made is
 * named after the run, a file the user gave by its own path.
 */
export function benchFileLabel(rel: string): string {
  const run = /(?:^|[\\/])(?:\d+-)?(go|js)\.txt$/.exec(rel);
  if (!run) return rel;
  const base = rel.startsWith('rerun-base') ? "base's " : '';
  return `${base}${run[1] === 'go' ? 'go test' : 'js-bench'} output`;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+/, '');

async function matchAll(input: string, patterns: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    const files = await expandGlob(p, cwd);
    if (files.length === 0)
      throw new UserError(`input '${input}': no file matches ${JSON.stringify(p)}`);
    out.push(...files);
  }
  return [...new Set(out)];
}

/** What a Go run left: its outputs per side (and profiles), or the output of a failed run. */
interface GoRun {
  base: string;
  head: string;
  baseSha: string;
  profiles: { base: string[]; head: string[] };
}

/**
 * Runs Go benchmarks; a run that failed (build error, panic) becomes that side's output, so the
 * report shows the failure and the run is never saved as a baseline. Other errors go on up.
 */
async function goRun(
  run: () => Promise<{ text: string; profiles: string[] } | InterleavedRun>,
  log: Log,
  failures: string[],
): Promise<GoRun> {
  try {
    const r = await run();
    return 'text' in r
      ? { base: '', head: r.text, baseSha: '', profiles: { base: [], head: r.profiles } }
      : r;
  } catch (err) {
    if (!(err instanceof GoTestFailed) || parseBenchText(err.output, '').failures.length === 0) {
      throw err;
    }
    log(err.message);
    failures.push(err.message);
    const empty = { base: '', head: '', baseSha: '', profiles: { base: [], head: [] } };
    return { ...empty, [err.side]: err.output };
  }
}

/** The working directory, or an error naming the input when it is missing or not a folder. */
async function workingDirectory(dir: string): Promise<string> {
  const cwd = path.resolve(dir);
  const info = await stat(cwd).catch(() => undefined);
  if (!info) {
    throw new UserError(
      `input 'working-directory': ${JSON.stringify(dir)} does not exist (is the repository checked out there?)`,
    );
  }
  if (!info.isDirectory()) {
    throw new UserError(`input 'working-directory': ${JSON.stringify(dir)} is not a directory`);
  }
  return cwd;
}

/** Runs and reads everything the settings name, into `dir`. */
export async function collectRun(
  s: ActionSettings,
  baseSha: string | undefined,
  dir: string,
  runner: Runner,
  log: Log,
): Promise<Collected> {
  await mkdir(path.join(dir, 'bench'), { recursive: true });
  const c: Collected = {
    dir,
    benchFiles: [],
    profiles: [],
    rerunBase: undefined,
    notes: [],
    failures: [],
    labels: {},
  };
  const cwd = await workingDirectory(s.workingDirectory);
  const keep = async (name: string, text: string, label?: string) => {
    const rel = path.join('bench', `${c.benchFiles.length}-${safe(name)}.txt`);
    await writeFile(path.join(dir, rel), text);
    c.benchFiles.push(rel);
    c.labels[rel] = label ?? benchFileLabel(rel);
  };
  const keepRerunBase = async (name: string, text: string, sha: string) => {
    const rel = path.join('rerun-base', `${name}.txt`);
    await mkdir(path.join(dir, 'rerun-base'), { recursive: true });
    await writeFile(path.join(dir, rel), text);
    c.rerunBase = {
      files: [...(c.rerunBase?.files ?? []), rel],
      sha,
      profiles: c.rerunBase?.profiles ?? [],
    };
  };

  if (s.goPackages.length > 0) {
    const go = {
      dir: cwd,
      packages: s.goPackages,
      bench: s.goBench,
      count: s.count,
      ...(s.benchtime ? { benchtime: s.benchtime } : {}),
    };
    const profilesDir = s.goProfiles ? path.join(dir, 'profiles') : undefined;
    if (profilesDir) await mkdir(profilesDir, { recursive: true });
    if (s.baseline.kind === 'rerun' && baseSha) {
      // Base profiles keep head's file names under rerun-base/, so the two pair up.
      const baseDir = path.join(dir, 'rerun-base');
      const profiles = profilesDir && { base: path.join(baseDir, 'profiles'), head: profilesDir };
      await mkdir(profiles ? profiles.base : baseDir, { recursive: true });
      const run = await goRun(
        () =>
          runGoBenchInterleaved(
            {
              ...go,
              baseRef: baseSha,
              requireBaseBenchmarks: false,
              ...(profiles ? { profiles } : {}),
            },
            runner,
            log,
          ),
        log,
        c.failures,
      );
      await keep('go', run.head);
      await writeFile(path.join(baseDir, 'go.txt'), run.base);
      c.rerunBase = {
        files: [path.join('rerun-base', 'go.txt')],
        sha: run.baseSha || baseSha,
        profiles: run.profiles.base.map((f) => path.relative(baseDir, f)),
      };
      for (const f of run.profiles.head) c.profiles.push(path.relative(dir, f));
    } else {
      const run = await goRun(
        () => runGoBench({ ...go, ...(profilesDir ? { profilesDir } : {}) }, runner, log),
        log,
        c.failures,
      );
      await keep('go', run.head);
      for (const f of run.profiles.head) c.profiles.push(path.relative(dir, f));
    }
  }
  if (s.jsBench) {
    const js = {
      module: path.resolve(cwd, s.jsBench),
      label: s.jsBench,
      rounds: Math.max(s.count, MIN_ROUNDS),
      time: 100,
      cwd,
    };
    if (s.baseline.kind === 'rerun' && baseSha) {
      const run = await runJsBenchInterleaved(
        { ...js, baseRef: baseSha, requireBase: false },
        runner,
        log,
      );
      await keep('js', run.head);
      await keepRerunBase('js', run.base, run.baseSha);
    } else {
      await keep('js', await runJsBench(js, runner, log));
    }
  }
  for (const f of await matchAll('bench-output', s.benchOutput, cwd)) {
    log(`reading benchmark output ${f}`);
    const bytes = await readFile(path.resolve(cwd, f));
    const kind = binaryKind(bytes);
    if (kind) throw new UserError(`input 'bench-output': ${f}: not benchmark text: it is ${kind}`);
    await keep(path.basename(f), new TextDecoder().decode(bytes), f);
  }
  if (s.pprof) {
    const { url, profiles, waitSeconds, timeoutSeconds, load } = s.pprof;
    const kept: string[] = [];
    const keepProfile = async (f: FetchedProfile) => {
      const rel = path.join('profiles', `pprof-${f.fileName}`);
      await mkdir(path.join(dir, 'profiles'), { recursive: true });
      await writeFile(path.join(dir, rel), f.bytes);
      c.profiles.push(rel);
      kept.push(f.fileName);
      for (const n of f.notes) c.notes.push(`${f.spec}: ${n}`);
    };
    try {
      await collectFromService(
        {
          baseUrl: url,
          profiles,
          waitSeconds,
          timeoutSeconds,
          profilesLabel: "input 'pprof-profiles'",
        },
        log,
        load
          ? async () => {
              const r = await runner.run('sh', ['-c', load], { cwd, onLine: log });
              if (r.code !== 0)
                throw new UserError(`input 'pprof-load': the command exited with ${r.code}`);
            }
          : undefined,
        keepProfile,
      );
    } catch (err) {
      if (!(err instanceof UserError) || kept.length === 0) throw err;
      throw new UserError(
        `${err.message}; the profiles taken before it are in ${path.join(dir, 'profiles')}: ${kept.join(', ')}`,
      );
    }
  }
  if (s.profiles.length > 0) {
    await mkdir(path.join(dir, 'profiles'), { recursive: true });
    for (const f of await matchAll('profiles', s.profiles, cwd)) {
      const rel = path.join('profiles', safe(path.relative(cwd, path.resolve(cwd, f))));
      await copyFile(path.resolve(cwd, f), path.join(dir, rel));
      c.profiles.push(rel);
    }
    log(`kept ${c.profiles.length} profiles`);
  }
  return c;
}
