/**
 * A small world for running the action's orchestration in the test process: one repository
 * (acme/app) with an in-memory GitHub and artifact store, and helpers that run the action for a
 * push, a pull request or a workflow_run event as the runner would describe them. Every test
 * makes its own world, so no test depends on what another left behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRunContext } from '../../src/action/context.js';
import { runAction } from '../../src/action/main.js';
import { readActionSettings } from '../../src/action/settings.js';
import { type Written } from './gfm.js';
import { MemoryArtifacts, MemoryGitHub, type MemoryOut, memoryPorts } from './memory-ports.js';

export const REPO_ID = 1001;
export const BASE_SHA = 'b'.repeat(40);
export const repository = { id: REPO_ID, full_name: 'acme/app', default_branch: 'main' };

/** One repository's GitHub, artifacts and a scratch folder. */
export class World {
  readonly github = new MemoryGitHub();
  readonly artifacts = new MemoryArtifacts();
  readonly work = mkdtempSync(path.join(tmpdir(), 'perfgate-world-'));
  private runs = 0;

  /** Runs the action for an event; returns what it told the runner. */
  async run(
    event: 'push' | 'pull_request' | 'workflow_run',
    payload: Record<string, unknown>,
    inputs: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<MemoryOut> {
    const n = ++this.runs;
    const vars: NodeJS.ProcessEnv = {
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_REPOSITORY_ID: String(REPO_ID),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: String(5000 + n),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_EVENT_NAME: event,
      GITHUB_WORKFLOW: 'benchmarks',
      GITHUB_JOB: 'bench',
      ...env,
    };
    const all: Record<string, string> = { 'github-token': 'test-token', ...inputs };
    const settings = readActionSettings((name) => (all[name] ?? '').trim(), vars);
    const ctx = readRunContext(vars, payload);
    const pr = ctx.pullRequest;
    this.artifacts.currentRun = {
      id: ctx.runId,
      headBranch: pr ? 'feature' : ctx.branch,
      headSha: pr?.headSha ?? ctx.sha,
      repositoryId: REPO_ID,
    };
    const ports = memoryPorts(this.github, this.artifacts);
    await runAction(
      { settings, ctx, workDir: path.join(this.work, `run-${n}`), workspace: process.cwd() },
      ports,
    );
    for (const markdown of ports.out.summaries)
      this.written.push({ what: `run ${n}'s job summary`, markdown });
    for (const [pr, list] of this.github.comments) {
      for (const c of list) {
        if (!this.written.some((x) => x.markdown === c.body))
          this.written.push({ what: `run ${n}'s comment on #${pr}`, markdown: c.body });
      }
    }
    return ports.out;
  }

  /** A push to main at `sha` (`env` adds to the runner's variables, e.g. one GITHUB_RUN_ID for the jobs of one workflow run). */
  push(
    sha: string,
    inputs: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<MemoryOut> {
    return this.run('push', { ref: 'refs/heads/main', after: sha, repository }, inputs, {
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      ...env,
    });
  }

  /** A pull request into main (from `headRepo`, by default this repository), with its labels. */
  pullRequest(
    number: number,
    inputs: Record<string, string>,
    headRepo = 'acme/app',
    env: Record<string, string> = {},
    labels: string[] = [],
  ): Promise<MemoryOut> {
    const headSha = `${number}`.padStart(40, 'e');
    this.github.heads.set(number, headSha);
    return this.run(
      'pull_request',
      {
        number,
        pull_request: {
          number,
          base: { ref: 'main', sha: BASE_SHA, repo: { full_name: 'acme/app' } },
          head: { ref: 'feature', sha: headSha, repo: { full_name: headRepo } },
          labels: labels.map((name) => ({ name })),
        },
        repository,
      },
      inputs,
      { GITHUB_SHA: headSha, GITHUB_REF: `refs/pull/${number}/merge`, ...env },
    );
  }

  /** Every comment body (each version) and job summary the runs wrote, in order. */
  readonly written: Written[] = [];

  /** The comments on a pull request. */
  comments(pr: number) {
    return this.github.comments.get(pr) ?? [];
  }

  dispose(): void {
    rmSync(this.work, { recursive: true, force: true });
  }
}
