/**
 * The bundled action (dist/index.js) run as the GitHub runner runs it — a node process with the
 * runner's environment variables and files — against a loopback stand-in for GitHub's REST API,
 * artifact service and blob storage (fake-github). `setUp()` gives a test its own stand-in, a
 * scratch folder, and helpers for a push to main and a pull request; every comment and job
 * summary written is rendered with cmark-gfm when the test ends.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { startFakeGitHub } from './fake-github/index.js';
import { type Written, renderingProblems } from './gfm.js';

export const root = process.cwd();
export const BASE_SHA = 'b'.repeat(40);
export const REPO_ID = 1001;
export const BASE = 'fixtures/bench/ab-inter-base.txt';
export const HEAD = 'fixtures/bench/ab-inter-head.txt';
export const repository = { id: REPO_ID, full_name: 'acme/app', default_branch: 'main' };

/** A pull request's event beyond its number: commits, labels, body, and a `labeled` action. */
export interface PullRequestMore {
  headSha?: string;
  baseSha?: string;
  labels?: string[];
  body?: string;
  /** The event's action (`labeled`, `synchronize`, ...), its label and its sender. */
  action?: string;
  label?: string;
  sender?: string;
}

/** What a run of the action left: exit code, log, outputs and job summary. */
export interface Run {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the GITHUB_OUTPUT file's `name<<delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

/** A fake GitHub of its own and a scratch folder, closed when the test ends. */
export async function setUp() {
  const fake = await startFakeGitHub({ repo: { owner: 'acme', name: 'app', id: REPO_ID } });
  const work = mkdtempSync(path.join(tmpdir(), 'perfgate-e2e-'));
  onTestFinished(async () => {
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  });
  let runs = 0;
  /** Every comment body and job summary written, rendered with cmark-gfm when the test ends. */
  const written: Written[] = [];
  /** Text from the run that a test expects to be shown as text, markdown's characters and all. */
  const dataText: string[] = [];
  onTestFinished(() => expect(renderingProblems(written, dataText)).toEqual([]));

  /** Runs dist/index.js as the runner would, for an event with a payload and inputs. */
  async function runAction(
    event: 'push' | 'pull_request' | 'workflow_run',
    payload: object,
    inputs: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<Run> {
    const n = ++runs;
    const dir = path.join(work, `run-${n}`);
    const files = {
      event: `${dir}-event.json`,
      output: `${dir}-output`,
      summary: `${dir}-summary.md`,
    };
    writeFileSync(files.event, JSON.stringify(payload));
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    // Jobs of one workflow run (a matrix and its merge job) share its id, each a job of its own.
    const runId = env.GITHUB_RUN_ID ? Number(env.GITHUB_RUN_ID) : 5000 + n;
    const sha = env.GITHUB_SHA ?? fake.currentRun.headSha;
    fake.currentRun = {
      ...fake.currentRun,
      // The workflow run that uploads: a push's branch and commit, or a pull request's head.
      headSha: sha,
      headBranch: event === 'pull_request' ? 'feature' : fake.repo.defaultBranch,
      runId,
      runBackendId: env.GITHUB_RUN_ID ? `run-${runId}` : `run-${n}`,
      jobBackendId: `job-${n}`,
    };
    const vars: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? work,
      ...fake.env(),
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: root,
      RUNNER_TEMP: work,
      GITHUB_WORKFLOW: 'benchmarks',
      GITHUB_JOB: 'bench',
      'INPUT_GITHUB-TOKEN': 'test-token',
      ...env,
    };
    for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase()}`] = v;
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(root, 'dist/index.js')],
        { env: vars, cwd: root, maxBuffer: 1 << 26 },
        (err, stdout) => {
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout });
        },
      );
    });
    const summary = readFileSync(files.summary, 'utf8');
    if (summary !== '') written.push({ what: `run ${n}'s job summary`, markdown: summary });
    for (const [pr, list] of fake.comments) {
      for (const c of list) {
        if (!written.some((x) => x.markdown === c.body))
          written.push({ what: `run ${n}'s comment on #${pr}`, markdown: c.body });
      }
    }
    return {
      ...result,
      outputs: parseOutputs(readFileSync(files.output, 'utf8')),
      summary,
    };
  }

  const pushMain = (
    inputs: Record<string, string>,
    env: Record<string, string> = {},
    sha = env.GITHUB_SHA ?? BASE_SHA,
  ) =>
    runAction('push', { ref: 'refs/heads/main', after: sha, repository }, inputs, {
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      ...env,
    });

  function pullRequest(
    number: number,
    inputs: Record<string, string>,
    headRepo = 'acme/app',
    env: Record<string, string> = {},
    more: PullRequestMore = {},
  ) {
    const headSha = more.headSha ?? `${number}`.padStart(40, 'e');
    const baseSha = more.baseSha ?? BASE_SHA;
    fake.pulls.set(number, {
      number,
      head: { sha: headSha, repo: { full_name: headRepo } },
      base: { ref: 'main', sha: baseSha },
    });
    return runAction(
      'pull_request',
      {
        ...(more.action ? { action: more.action } : {}),
        number,
        pull_request: {
          number,
          base: { ref: 'main', sha: baseSha, repo: { full_name: 'acme/app' } },
          head: { ref: 'feature', sha: headSha, repo: { full_name: headRepo } },
          labels: (more.labels ?? []).map((name, i) => ({ id: 7000 + i, name, color: 'ededed' })),
          body: more.body ?? null,
        },
        ...(more.label ? { label: { name: more.label, color: 'ededed' } } : {}),
        ...(more.sender ? { sender: { login: more.sender, type: 'User' } } : {}),
        repository,
      },
      inputs,
      { GITHUB_SHA: headSha, GITHUB_REF: `refs/pull/${number}/merge`, ...env },
    );
  }

  const comments = (pr: number) => fake.comments.get(pr) ?? [];
  return { fake, work, runAction, pushMain, pullRequest, comments, dataText };
}
