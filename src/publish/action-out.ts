/**
 * Everything the action tells the runner, behind one port: step outputs, the job summary,
 * annotations, log lines and the step's failure. The real implementation is @actions/core;
 * tests record the calls in memory.
 */
import * as core from '@actions/core';

/** What the action writes to the runner. */
export interface ActionOut {
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** An error annotation, with a title when it names one finding. */
  error(message: string, title?: string): void;
  /** Marks the step failed (exit code 1) with an error annotation. */
  setFailed(message: string): void;
  /** Runs `work` inside a folded group of log lines. */
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>;
}

/**
 * ActionOut over @actions/core. Without a summary file (`GITHUB_STEP_SUMMARY` unset, as when the
 * action runs outside a runner) the summary is skipped.
 */
export function coreOut(env: NodeJS.ProcessEnv): ActionOut {
  return {
    setOutput: (name, value) => core.setOutput(name, value),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message, title) => core.error(message, title === undefined ? {} : { title }),
    setFailed: (message) => core.setFailed(message),
    group: (name, work) => core.group(name, work),
    async summary(markdown) {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    },
  };
}
