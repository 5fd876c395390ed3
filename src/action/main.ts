/**
 * The GitHub Action's entry point: reads the settings and the run's context, wires the real
 * ports (REST API, artifacts, processes, @actions/core) and hands over to the mode asked for.
 * A bad input fails the step with one line before any work starts.
 */
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processRunner } from '../collect/runner.js';
import { UserError } from '../errors.js';
import { type ActionOut, coreOut } from '../publish/action-out.js';
import { githubArtifacts } from '../publish/artifacts.js';
import { GitHubCallFailed, octokitApi } from '../publish/github-api.js';
import { renderErrorSummary } from '../render/error-summary.js';
import { commentMode } from './comment-mode.js';
import { type RunContext, readRunContext } from './context.js';
import { gateMode } from './gate-mode.js';
import { mergeMode } from './merge-mode.js';
import type { ActionPorts, ActionRun } from './ports.js';
import { type ActionSettings, readActionSettings } from './settings.js';

async function readPayload(env: NodeJS.ProcessEnv): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch (err) {
    throw new UserError(
      `GITHUB_EVENT_PATH ${env.GITHUB_EVENT_PATH}: cannot be read as JSON (${(err as Error).message})`,
    );
  }
}

/** The real ports for this run. */
function realPorts(s: ActionSettings, ctx: RunContext, out: ActionOut): ActionPorts {
  const target = { token: s.token, owner: ctx.owner, repo: ctx.repo, apiUrl: ctx.apiUrl };
  return {
    api: octokitApi(s.token, ctx.owner, ctx.repo, ctx.apiUrl),
    artifacts: githubArtifacts(target),
    runner: processRunner,
    out,
  };
}

/** Runs one mode of the action with the given ports; a UserError fails the step with one line. */
export async function runAction(run: ActionRun, ports: ActionPorts): Promise<void> {
  try {
    if (run.settings.mode === 'comment') await commentMode(run, ports);
    else if (run.settings.mode === 'merge') await mergeMode(run, ports);
    else await gateMode(run, ports);
  } catch (err) {
    // A run that stopped before its verdict still tells the workflow (verdict: error) and the
    // reader of the job summary what stopped it; `mode: comment` posts no report of its own.
    if (run.settings.mode !== 'comment' || err instanceof GitHubCallFailed)
      ports.out.setOutput('verdict', 'error');
    if (run.settings.mode !== 'comment' && run.settings.summary) {
      await ports.out.summary(renderErrorSummary(stepMessage(err))).catch(() => undefined);
    }
    failStep(ports.out, err);
  }
}

/** What the step's failure says. */
function stepMessage(err: unknown): string {
  return err instanceof UserError
    ? err.message
    : `internal error: ${(err as Error).stack ?? String(err)}`;
}

function failStep(out: ActionOut, err: unknown): void {
  // GitHub not answering is not a verdict on the code: the step fails and says which call.
  if (err instanceof GitHubCallFailed) out.setOutput('verdict', 'error');
  out.setFailed(`perfgate: ${stepMessage(err)}`);
}

/** Runs the action as the runner starts it: inputs and context from the environment. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const out = coreOut(env);
  let action: ActionRun;
  try {
    const settings = readActionSettings((name) => core.getInput(name), env);
    const ctx = readRunContext(env, await readPayload(env));
    action = {
      settings,
      ctx,
      workDir: path.join(env.RUNNER_TEMP ?? tmpdir(), `perfgate-${ctx.runId}-${ctx.runAttempt}`),
      workspace: env.GITHUB_WORKSPACE ?? '.',
    };
  } catch (err) {
    failStep(out, err);
    return;
  }
  await runAction(action, realPorts(action.settings, action.ctx, out));
}
