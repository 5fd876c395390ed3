/**
 * The action's settings, read once from its inputs into one typed object. Every bad value fails
 * before any work starts, with a message naming the input and quoting the value.
 */
import { type GateOptions, defaultGateOptions } from '../analyze/gate.js';
import { defaultShareLimits } from '../analyze/profile-insights.js';
import { UserError } from '../errors.js';
import { readBenchRegex, readBenchtime, readPackagePatterns } from '../settings/go-flags.js';
import { readLimitRules } from '../settings/limits.js';
import { readChoice, readFraction, readInteger } from '../settings/values.js';
import { SHARD_NAME } from '../report/shards.js';

/** Where the baseline comes from. */
export type BaselineSource =
  { kind: 'artifact' } | { kind: 'rerun' } | { kind: 'none' } | { kind: 'path'; path: string };

/** Everything the action was asked to do. */
export interface ActionSettings {
  /**
   * `gate` runs, compares and reports; `comment` posts the report of a triggering run; `merge`
   * judges the legs of a job matrix (each a `gate` with `shard`) as one run.
   */
  mode: 'gate' | 'comment' | 'merge';
  /** This leg's name in a job matrix: it uploads its results for the merge and posts nothing. */
  shard: string | undefined;
  /** The legs the merge expects (undefined: the shards of the baseline it compares against). */
  shards: string[] | undefined;
  /** Whether a missing or failed leg fails the merge's step or only warns. */
  missingShards: 'fail' | 'warn';
  workingDirectory: string;
  goPackages: string[];
  goBench: string;
  count: number;
  benchtime: string | undefined;
  jsBench: string | undefined;
  profiles: string[];
  benchOutput: string[];
  baseline: BaselineSource;
  baselineKey: string;
  /** Undefined: save on pushes to the default branch only. */
  saveBaseline: boolean | undefined;
  retentionDays: number | undefined;
  gate: GateOptions;
  /** Per sample type, the share growth (percentage points) of a function that fails the gate. */
  profileLimits: Record<string, number>;
  /** Write the HTML report (undefined: when there are profiles). */
  htmlReport: boolean | undefined;
  /**
   * Also write a cpu and a mem profile per Go package (with `baseline: rerun`: one profiled run
   * per side after the rounds).
   */
  goProfiles: boolean;
  /** A running service's /debug/pprof endpoint to take profiles from. */
  pprof:
    | {
        url: string;
        profiles: string[];
        waitSeconds: number;
        timeoutSeconds: number;
        load: string | undefined;
      }
    | undefined;
  /** Whether time units (sec/op, rates) may fail the gate; undefined: only with `baseline: rerun`. */
  gateTimings: boolean | undefined;
  failOn: 'regression' | 'never';
  missingBaseline: 'pass' | 'fail';
  comment: 'always' | 'on-change' | 'never';
  /** The pull request label that accepts its regressions: reported, not failing the step. */
  acceptLabel: string;
  summary: boolean;
  token: string;
}

/** The label that accepts a pull request's regressions unless `accept-label` names another. */
export const DEFAULT_ACCEPT_LABEL = 'perfgate: accept';

/** Reads an input by name (as `core.getInput` does: trimmed, '' when unset). */
export type GetInput = (name: string) => string;

const inputName = (name: string) => `input '${name}'`;

function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function bool(get: GetInput, name: string, fallback: boolean | undefined): boolean | undefined {
  const v = get(name);
  if (v === '' || v === 'auto') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new UserError(`${inputName(name)}: ${JSON.stringify(v)} is not true, false or auto`);
}

function baselineSource(value: string): BaselineSource {
  const v = value === '' ? 'artifact' : value;
  if (v === 'artifact' || v === 'rerun' || v === 'none') return { kind: v };
  return { kind: 'path', path: v };
}

/** The default baseline key: workflow and job, so several gates in one repository keep apart. */
export function defaultBaselineKey(env: NodeJS.ProcessEnv): string {
  return [env.GITHUB_WORKFLOW, env.GITHUB_JOB].filter((s) => s).join('-') || 'default';
}

/** `alloc_space=5, cpu=off`: share growth limits in percentage points, or off. */
function readProfileLimits(text: string): Record<string, number> {
  const limits: Record<string, number> = { ...defaultShareLimits };
  for (const raw of list(text)) {
    const m = /^([a-z_]+)\s*=\s*(off|\d+(?:\.\d+)?)\s*(?:pp)?$/.exec(raw);
    if (!m) {
      throw new UserError(
        `${inputName('profile-limits')}: ${JSON.stringify(raw)} is not a limit (e.g. "alloc_space=5" in percentage points, or "cpu=off")`,
      );
    }
    if (m[2] === 'off') delete limits[m[1]!];
    else limits[m[1]!] = Number(m[2]);
  }
  return limits;
}

/** GitHub's longest label name. */
const MAX_LABEL = 50;

/** The accept label's name: one line of at most 50 characters, as GitHub's labels are. */
function labelName(input: string, value: string): string {
  // eslint-disable-next-line no-control-regex
  if (value.length > MAX_LABEL || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new UserError(
      `${inputName(input)}: ${JSON.stringify(value.slice(0, 80))} is not a label name (one line of at most ${MAX_LABEL} characters, e.g. "perfgate: accept")`,
    );
  }
  return value;
}

/** A leg's name: it becomes part of an artifact's name and of a folder's. */
function shardName(input: string, value: string): string {
  if (!SHARD_NAME.test(value)) {
    throw new UserError(
      `${inputName(input)}: ${JSON.stringify(value)} is not a shard name (letters, digits, '.', '_' and '-', at most 64, e.g. "linux" or "pkg-1")`,
    );
  }
  return value;
}

/** `shard`, `shards` and `missing-shards`, checked against the mode. */
function readShardInputs(get: GetInput, mode: ActionSettings['mode']) {
  const shard = get('shard') === '' ? undefined : shardName('shard', get('shard'));
  if (shard !== undefined && mode !== 'gate') {
    throw new UserError(
      `${inputName('shard')}: a leg of a job matrix runs with mode: gate (this is mode: ${mode}); the merge job takes 'shards' instead`,
    );
  }
  const names = list(get('shards')).map((n) => shardName('shards', n));
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined)
    throw new UserError(`${inputName('shards')}: ${JSON.stringify(dup)} is named twice`);
  if (names.length > 0 && mode !== 'merge') {
    throw new UserError(
      `${inputName('shards')}: only the merge job (mode: merge) expects shards; a leg names itself with 'shard'`,
    );
  }
  return {
    shard,
    shards: names.length > 0 ? names : undefined,
    missingShards: readChoice(inputName('missing-shards'), get('missing-shards') || 'fail', [
      'fail',
      'warn',
    ] as const),
  };
}

/** Reads and checks every input. */
export function readActionSettings(get: GetInput, env: NodeJS.ProcessEnv): ActionSettings {
  const mode = readChoice(inputName('mode'), get('mode') || 'gate', [
    'gate',
    'comment',
    'merge',
  ] as const);
  const shardInputs = readShardInputs(get, mode);
  const goPackages = list(get('go-packages'));
  if (goPackages.length > 0) readPackagePatterns(inputName('go-packages'), goPackages);
  const jsBench = get('js-bench') || undefined;
  const profiles = list(get('profiles'));
  const benchOutput = list(get('bench-output'));
  const pprofUrl = get('pprof-url');
  // Read together so a bad value fails even when pprof-url is unset.
  const pprofInputs = {
    profiles: get('pprof-profiles'),
    wait: get('pprof-wait'),
    timeout: get('pprof-timeout'),
    load: get('pprof-load'),
  };
  if (pprofUrl !== '' && !/^https?:\/\//.test(pprofUrl)) {
    throw new UserError(
      `${inputName('pprof-url')}: ${JSON.stringify(pprofUrl)} is not an http:// or https:// URL`,
    );
  }
  const nothing =
    goPackages.length + profiles.length + benchOutput.length === 0 && !jsBench && !pprofUrl;
  if (mode === 'gate' && nothing) {
    throw new UserError(
      "nothing to measure: set at least one of the inputs 'go-packages', 'js-bench', 'profiles', 'bench-output' or 'pprof-url'",
    );
  }
  const baseline = baselineSource(get('baseline'));
  if (baseline.kind === 'rerun' && goPackages.length === 0 && !jsBench) {
    throw new UserError(
      `input 'baseline': "rerun" runs the benchmarks again on the base commit; set 'go-packages' or 'js-bench' too`,
    );
  }
  const gate: GateOptions = { ...defaultGateOptions, rules: [...defaultGateOptions.rules] };
  const maxRegression = get('max-regression');
  if (maxRegression !== '')
    gate.rules.push(...readLimitRules(inputName('max-regression'), maxRegression));
  if (get('alpha') !== '') gate.alpha = readFraction(inputName('alpha'), get('alpha'));
  if (get('correction') !== '') {
    gate.correction = readChoice(inputName('correction'), get('correction'), [
      'none',
      'holm',
      'bh',
    ] as const);
  }
  const profileLimits = readProfileLimits(get('profile-limits'));
  const count = get('count') === '' ? 10 : readInteger(inputName('count'), get('count'), 1, 1000);
  const retention = get('retention-days');
  return {
    mode,
    ...shardInputs,
    workingDirectory: get('working-directory') || '.',
    goPackages,
    goBench: readBenchRegex(inputName('go-bench'), get('go-bench') || '.'),
    count,
    benchtime: get('benchtime')
      ? readBenchtime(inputName('benchtime'), get('benchtime'))
      : undefined,
    jsBench,
    profiles,
    benchOutput,
    baseline,
    baselineKey: get('baseline-key') || defaultBaselineKey(env),
    saveBaseline: bool(get, 'save-baseline', undefined),
    retentionDays:
      retention === '' ? undefined : readInteger(inputName('retention-days'), retention, 1, 400),
    gate,
    profileLimits,
    goProfiles: bool(get, 'go-profiles', false) ?? false,
    htmlReport: bool(get, 'html-report', undefined),
    pprof:
      pprofUrl === ''
        ? undefined
        : {
            url: pprofUrl,
            profiles: list(
              get('pprof-profiles') || 'profile?seconds=10, heap, allocs, goroutine, block, mutex',
            ),
            waitSeconds:
              get('pprof-wait') === ''
                ? 30
                : readInteger(inputName('pprof-wait'), get('pprof-wait'), 0, 3600),
            timeoutSeconds:
              get('pprof-timeout') === ''
                ? 30
                : readInteger(inputName('pprof-timeout'), get('pprof-timeout'), 1, 3600),
            load: pprofInputs.load || undefined,
          },
    gateTimings: bool(get, 'gate-timings', undefined),
    failOn: readChoice(inputName('fail-on'), get('fail-on') || 'regression', [
      'regression',
      'never',
    ] as const),
    missingBaseline: readChoice(inputName('missing-baseline'), get('missing-baseline') || 'pass', [
      'pass',
      'fail',
    ] as const),
    comment: readChoice(inputName('comment'), get('comment') || 'always', [
      'always',
      'on-change',
      'never',
    ] as const),
    acceptLabel: labelName('accept-label', get('accept-label') || DEFAULT_ACCEPT_LABEL),
    summary: bool(get, 'summary', true) ?? true,
    token: get('github-token'),
  };
}
