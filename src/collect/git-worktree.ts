/**
 * A base commit checked out in a temporary git worktree for the length of a task, then removed:
 * how a same-job base rerun gets base's files without touching the user's checkout.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Log } from './go-bench.js';
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
  const verify = await runner.run(
    'git',
    ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`],
    {
      cwd: dirInRepo,
    },
  );
  if (verify.code !== 0) {
    throw new UserError(`base ref "${baseRef}" is not a commit of the repository at ${root}`);
  }
  const baseSha = verify.stdout.trim();
  const work = await mkdtemp(path.join(tmpdir(), 'perfgate-rerun-'));
  const tree = path.join(work, 'base');
  try {
    log(`checking out base ${baseSha.slice(0, 12)} (${baseRef}) into a temporary worktree`);
    await git(runner, root, ['worktree', 'add', '--detach', tree, baseSha]);
    return await task({ root, tree, baseSha, work });
  } finally {
    await runner.run('git', ['worktree', 'remove', '--force', tree], { cwd: root });
    await rm(work, { recursive: true, force: true });
  }
}
