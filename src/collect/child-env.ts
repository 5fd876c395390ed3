/**
 * The environment benchmark code runs in. A pull request's author writes the benchmarks, so
 * whatever they can read, they can print or send away: the action's inputs (the token among
 * them), the runner's service tokens and the workflow command files (writing to those changes
 * the job's outputs, environment or PATH) are taken out. What is kept is the user's environment
 * otherwise: PATH, HOME, GO*, CGO_*, RUNNER_*, CI, what the workflow sets under `env:`, and of
 * the GITHUB_* variables only the run's context listed in CONTEXT_VARIABLES below.
 */

/**
 * GITHUB_* variables kept: the run's context, as GitHub documents its default variables. Every
 * other GITHUB_* name is dropped: GITHUB_TOKEN, the command files (GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY) and any the runner adds later.
 */
export const CONTEXT_VARIABLES: ReadonlySet<string> = new Set([
  'GITHUB_ACTION',
  'GITHUB_ACTION_PATH',
  'GITHUB_ACTION_REPOSITORY',
  'GITHUB_ACTIONS',
  'GITHUB_ACTOR',
  'GITHUB_ACTOR_ID',
  'GITHUB_API_URL',
  'GITHUB_BASE_REF',
  'GITHUB_EVENT_NAME',
  'GITHUB_GRAPHQL_URL',
  'GITHUB_HEAD_REF',
  'GITHUB_JOB',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_PROTECTED',
  'GITHUB_REF_TYPE',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_RETENTION_DAYS',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_SERVER_URL',
  'GITHUB_SHA',
  'GITHUB_TRIGGERING_ACTOR',
  'GITHUB_WORKFLOW',
  'GITHUB_WORKFLOW_REF',
  'GITHUB_WORKFLOW_SHA',
  'GITHUB_WORKSPACE',
]);

/** Whether a variable may reach benchmark code (names compared upper-cased, as Windows does). */
export function keptForBenchmarks(name: string): boolean {
  const n = name.toUpperCase();
  if (n.startsWith('INPUT_') || n.startsWith('ACTIONS_')) return false;
  if (n.startsWith('GITHUB_')) return CONTEXT_VARIABLES.has(n);
  return true;
}

/** `env` without what benchmark code must not see (see the module comment). */
export function benchmarkEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && keptForBenchmarks(k)) out[k] = v;
  return out;
}
