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
 * A log line that cannot be a workflow command: the runner takes a line that starts with `::`
 * (after spaces) or holds `##[` as a command, and lines logged with info() are not escaped by
 * @actions/core (annotations are: their line breaks become `%0A`). Benchmark output is logged as
 * it comes, so a benchmark printing `::add-mask::` or `::error::` gets a zero-width space in it.
 */
export function inertLog(message: string): string {
  return message
    .split(/(\r\n?|\n)/)
    .map((line) => line.replace(/^(\s*):/, '$1:\u200b').replace(/##\[/g, '#\u200b#['))
    .join('');
}

/**
 * ActionOut over @actions/core. Without a summary file (`GITHUB_STEP_SUMMARY` unset, as when the
 * action runs outside a runner) the summary is skipped.
 */
export function coreOut(env: NodeJS.ProcessEnv): ActionOut {
  return {
    setOutput: (name, value) => core.setOutput(name, value),
    info: (message) => core.info(inertLog(message)),
    warning: (message) => core.warning(inertLog(message)),
    error: (message, title) =>
      core.error(inertLog(message), title === undefined ? {} : { title: inertLog(title) }),
    setFailed: (message) => core.setFailed(inertLog(message)),
    group: (name, work) => core.group(name, work),
    async summary(markdown) {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    },
  };
}
