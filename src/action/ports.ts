/**
 * What the action's orchestration is given to reach the world: the REST API, artifacts, child
 * processes and the runner's outputs. main.ts wires the real ones; tests pass in-memory ones.
 */
import type { Runner } from '../collect/runner.js';
import type { ActionOut } from '../publish/action-out.js';
import type { Artifacts } from '../publish/artifacts.js';
import type { GitHubApi } from '../publish/github-api.js';
import type { RunContext } from './context.js';
import type { ActionSettings } from './settings.js';

/** The action's ports. */
export interface ActionPorts {
  api: GitHubApi;
  artifacts: Artifacts;
  runner: Runner;
  out: ActionOut;
}

/** One run of the action: what it was asked, where it runs, and where it keeps files. */
export interface ActionRun {
  settings: ActionSettings;
  ctx: RunContext;
  /** A folder of its own for this run (collected data, downloads, reports). */
  workDir: string;
  /** The checked-out repository, to find Go sources in. */
  workspace: string;
}
