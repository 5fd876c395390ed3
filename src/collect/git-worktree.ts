/**
 * A base commit checked out in a temporary git worktree for the length of a task, then removed:
 * how a same-job base rerun gets base's files without touching the user's checkout.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Log } from './go-bench.js';
import { benchmarkEnv } from './child-env.js';
import type { Runner } from './runner.js';

/** Where the base commit is checked out. */
export interface BaseWorktree {
  /** The top folder of the repository holding the head files. */
  root: string;
  /** The worktree: base's files, laid out as under `root`. */
  tree: string;
  /** The base commit. */
  baseSha: string;
  /** A temporary folder for the task's own files, removed with the worktree. */
  work: string;
}

async function git(runner: Runner, cwd: string, args: string[]): Promise<string> {
  const r = await runner.run('git', args, { cwd });
  if (r.code !== 0) throw new UserError(`git ${args.join(' ')} failed:\n${r.output.trim()}`);
  return r.stdout.trim();
}

/** The commit `ref` names in the repository, or undefined. */
async function resolveCommit(
  runner: Runner,
  root: string,
  ref: string,
): Promise<string | undefined> {
  const r = await runner.run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: root,
  });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/**
 * The base commit. A shallow clone (actions/checkout fetches one commit unless told otherwise)
 * lacks it: it is fetched from origin, one commit deep, with the credentials the checkout left
 * in the repository's own git config; when that fails, the message names the setting to change.
 */
async function baseCommit(
  runner: Runner,
  root: string,
  baseRef: string,
  log: Log,
): Promise<string> {
  const found = await resolveCommit(runner, root, baseRef);
  if (found) return found;
  const origin = await runner.run('git', ['remote', 'get-url', 'origin'], { cwd: root });
  if (origin.code !== 0) {
    throw new UserError(`base ref "${baseRef}" is not a commit of the repository at ${root}`);
  }
  const shallow = await runner.run('git', ['rev-parse', '--is-shallow-repository'], { cwd: root });
  const isShallow = shallow.stdout.trim() === 'true';
  log(
    `base ${baseRef} is not in this ${isShallow ? 'shallow ' : ''}checkout: fetching it from origin`,
  );
  const fetch = await runner.run(
    'git',
    ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', baseRef],
    { cwd: root, env: { ...benchmarkEnv(process.env), GIT_TERMINAL_PROMPT: '0' } },
  );
  const fetched =
    fetch.code === 0
      ? ((await resolveCommit(runner, root, baseRef)) ??
        (await resolveCommit(runner, root, 'FETCH_HEAD')))
      : undefined;
  if (fetched) return fetched;
  const why = lastLine(fetch.output) || `git fetch exited with ${fetch.code}`;
  if (isShallow) {
    throw new UserError(
      `the base commit ${baseRef} is not in this shallow checkout and could not be fetched from origin (${why}): set \`fetch-depth: 0\` in actions/checkout's \`with:\` so the base commit is checked out too`,
    );
  }
  throw new UserError(
    `base ref "${baseRef}" is not a commit of the repository at ${root}, nor one origin has (${why})`,
  );
}

/** The last non-empty line a command printed. */
function lastLine(output: string): string {
  return (
    output
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .pop() ?? ''
  );
}

/**
 * Checks `baseRef` out in a temporary worktree of the repository holding `dirInRepo`, runs
 * `task` with it and removes the worktree afterwards, whatever happened.
 */
export async function withBaseWorktree<T>(
  runner: Runner,
  dirInRepo: string,
  baseRef: string,
  log: Log,
  task: (wt: BaseWorktree) => Promise<T>,
): Promise<T> {
  const root = await git(runner, dirInRepo, ['rev-parse', '--show-toplevel']);
  const baseSha = await baseCommit(runner, root, baseRef, log);
  const work = await mkdtemp(path.join(tmpdir(), 'perfgate-rerun-'));
  const tree = path.join(work, 'base');
  try {
    // A ref that is the commit itself (the action passes the full sha) is not repeated.
    const named = baseSha.startsWith(baseRef.toLowerCase()) ? '' : ` (${baseRef})`;
    log(`checking out base ${baseSha.slice(0, 12)}${named} into a temporary worktree`);
    await git(runner, root, ['worktree', 'add', '--detach', tree, baseSha]);
    return await task({ root, tree, baseSha, work });
  } finally {
    await runner.run('git', ['worktree', 'remove', '--force', tree], { cwd: root });
    await rm(work, { recursive: true, force: true });
  }
}
