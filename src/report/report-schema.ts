/**
 * A run report read back from JSON that someone else wrote — a fork's run leaves report.json for
 * `mode: comment`, which posts it with a write token — checked field by field against the
 * report's types: strings of bounded length, finite numbers, verdicts and kinds from their enums,
 * arrays of bounded size. The result is a new object holding only the known fields (never the
 * parsed input itself); the advice of a hotspot is taken from perfgate's own table by its kind,
 * and links are left for the caller to rebuild from what it trusts.
 */
import type { GateFinding, GateOptions, GateResult, LimitRule } from '../analyze/gate.js';
import { type HotspotKind, advice } from '../analyze/hotspots.js';
import { type LeakKind, leakAdvice } from '../analyze/leaks.js';
import type { ProfileInsights } from '../analyze/profile-insights.js';
import type { RunReport } from './run-report.js';

/** Why a report was refused: the path of the first bad field and what was expected there. */
export class ReportSchemaError extends Error {
  override readonly name = 'ReportSchemaError';
}

type Check<T> = (x: unknown, at: string) => T;

function fail(at: string, expected: string, x: unknown): never {
  const got =
    x === undefined ? 'nothing' : x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x;
  throw new ReportSchemaError(`${at}: expected ${expected}, found ${got}`);
}

/** Lengths: a name or unit, a one-line message, a failure's output. */
const NAME = 500;
const LINE = 2000;
const TEXT = 20_000;
/** Sizes: rows of a table, notes. */
const ROWS = 5000;
const FEW = 200;

const str =
  (max: number): Check<string> =>
  (x, at) =>
    typeof x === 'string' && x.length <= max
      ? x
      : fail(at, `a string of at most ${max} characters`, x);

const num: Check<number> = (x, at) =>
  typeof x === 'number' && Number.isFinite(x) ? x : fail(at, 'a finite number', x);

const count: Check<number> = (x, at) =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : fail(at, 'a whole number', x);

const bool: Check<boolean> = (x, at) => (typeof x === 'boolean' ? x : fail(at, 'true or false', x));

function oneOf<T extends string>(...values: T[]): Check<T> {
  return (x, at) =>
    values.includes(x as T) ? (x as T) : fail(at, `one of ${values.join(', ')}`, x);
}

/** Absent or null: undefined (JSON has no undefined). */
function opt<T>(c: Check<T>): Check<T | undefined> {
  return (x, at) => (x === undefined || x === null ? undefined : c(x, at));
}

function arr<T>(c: Check<T>, max: number): Check<T[]> {
  return (x, at) => {
    if (!Array.isArray(x) || x.length > max) fail(at, `a list of at most ${max} items`, x);
    return x.map((v, i) => c(v, `${at}[${i}]`));
  };
}

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

function obj<T>(shape: Shape<T>): Check<T> {
  return (x, at) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(at, 'an object', x);
    const o = x as Record<string, unknown>;
    const out = {} as T;
    for (const k of Object.keys(shape) as (keyof T & string)[]) {
      const v = shape[k](o[k], `${at}.${k}`);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
}

/** A relative change: JSON writes the Infinity of a change from zero as null. */
const change: Check<number | undefined> = (x, at) =>
  x === null ? Infinity : x === undefined ? undefined : num(x, at);

const iso: Check<string> = (x, at) => {
  const s = str(40)(x, at);
  return Number.isFinite(Date.parse(s)) ? s : fail(at, 'an ISO date', x);
};

const summary = obj({ center: num, lo: num, hi: num, n: count, warnings: arr(str(LINE), FEW) });
const limit = obj({ pct: num, floor: num });

const finding: Check<GateFinding> = obj<GateFinding>({
  name: str(NAME),
  unit: str(NAME),
  config: arr((x, at) => {
    if (!Array.isArray(x) || x.length !== 2) fail(at, 'a [key, value] pair', x);
    return [str(NAME)(x[0], `${at}[0]`), str(NAME)(x[1], `${at}[1]`)] as [string, string];
  }, 50),
  base: opt(summary),
  head: opt(summary),
  method: oneOf('exact', 'mann-whitney', 'wilcoxon', 'none'),
  p: opt(num),
  rawP: opt(num),
  change,
  limit,
  higherIsBetter: bool,
  verdict: oneOf(
    'regression',
    'improvement',
    'unchanged',
    'inconclusive',
    'only-base',
    'only-head',
  ),
  gated: bool,
  restates: opt(str(NAME)),
  notes: arr(str(LINE), FEW),
});

const rule: Check<LimitRule> = obj<LimitRule>({ unit: str(NAME), pattern: opt(str(NAME)), limit });

const options: Check<GateOptions> = obj<GateOptions>({
  alpha: num,
  confidence: num,
  correction: oneOf('none', 'holm', 'bh'),
  test: oneOf('mann-whitney', 'wilcoxon'),
  rules: arr(rule, FEW),
  fallback: limit,
  gateTimings: bool,
  identity: opt(arr(str(NAME), 50)),
});

const names = arr(str(NAME), ROWS);
const side = obj({
  label: str(NAME),
  benchmarks: count,
  packages: names,
  examples: names,
});

const gate: Check<GateResult> = obj<GateResult>({
  findings: arr(finding, ROWS),
  verdict: oneOf('pass', 'fail', 'no-comparison'),
  regressions: arr(finding, ROWS),
  improvements: arr(finding, ROWS),
  benchmarks: obj({
    compared: count,
    regressed: names,
    improved: names,
    added: names,
    removed: names,
  }),
  machines: opt(str(LINE)),
  power: arr(
    obj({
      unit: str(NAME),
      blind: count,
      tested: count,
      n: count,
      minP: num,
      threshold: num,
      family: count,
      countNeeded: count,
    }),
    FEW,
  ),
  cause: opt(str(LINE)),
  sides: obj({ base: side, head: side }),
  notes: arr(str(LINE), FEW),
  options,
});

const frame = obj({ fn: str(NAME), file: str(NAME), line: count });
/** A number that may be infinite (JSON writes Infinity as null). */
const unbounded: Check<number> = (x, at) => (x === null ? Infinity : num(x, at));

const fnChange = obj({
  name: str(NAME),
  benchmark: opt(str(NAME)),
  file: str(NAME),
  line: count,
  leaf: opt(str(NAME)),
  basis: oneOf('total', 'benchmark', 'per-op'),
  base: num,
  head: num,
  delta: num,
  sharePoints: unbounded,
  events: obj({ base: num, head: num }),
  p: num,
  significant: bool,
  regression: bool,
});
const amounts = obj({ bytes: num, objects: num, cpuNs: num });
const kinds = Object.keys(advice) as HotspotKind[];
const leakKinds = Object.keys(leakAdvice) as LeakKind[];

const profiles: Check<ProfileInsights> = obj<ProfileInsights>({
  changes: arr(
    obj({
      profile: str(NAME),
      sampleType: str(NAME),
      unit: str(NAME),
      baseTotal: num,
      headTotal: num,
      perBenchmark: bool,
      grown: arr(fnChange, FEW),
      shrunk: arr(fnChange, FEW),
      limitPoints: opt(num),
    }),
    FEW,
  ),
  hotspots: arr((x, at) => {
    const h = obj({
      site: frame,
      benchmark: opt(str(NAME)),
      basis: oneOf('total', 'per-op', 'share'),
      kind: oneOf(...kinds),
      evidence: str(LINE),
      base: opt(amounts),
      head: amounts,
      function: opt(obj({ base: amounts, head: amounts })),
      isNew: bool,
      moved: bool,
      grown: bool,
    })(x, at);
    return { ...h, advice: advice[h.kind] };
  }, FEW),
  leaks: arr((x, at) => {
    const w = obj({
      severity: oneOf('leak', 'parked'),
      key: str(TEXT),
      base: opt(count),
      head: count,
      entry: opt(frame),
      createdBy: opt(frame),
      blocking: opt(frame),
      state: opt(str(NAME)),
      waitMinutes: opt(num),
      kind: oneOf(...leakKinds),
      stack: arr(frame, FEW),
    })(x, at);
    return { ...w, advice: leakAdvice[w.kind] };
  }, FEW),
  goroutinesCompared: opt(bool),
  notes: arr(str(LINE), FEW),
});

/** The fields of a report that come from the run; links are the caller's to rebuild. */
type ReportData = Omit<RunReport, 'links'>;

const report: Check<ReportData> = obj<ReportData>({
  verdict: oneOf('pass', 'fail', 'no-baseline', 'no-comparison', 'incomplete', 'accepted'),
  reason: str(LINE),
  key: str(NAME),
  headCommit: str(NAME),
  gate: opt(gate),
  profiles: opt(profiles),
  baseline: opt(
    obj({
      source: oneOf('artifact', 'rerun', 'path', 'files'),
      commit: str(NAME),
      branch: opt(str(NAME)),
      createdAt: opt(iso),
      runUrl: opt(str(LINE)),
    }),
  ),
  timingsGated: bool,
  headOnly: opt(obj({ benchmarks: count, profiles: count })),
  failures: arr(str(TEXT), FEW),
  warnings: arr(str(LINE), FEW),
  generatedAt: iso,
  savedBaseline: opt(obj({ commit: str(NAME), branch: opt(str(NAME)) })),
  shards: opt(
    obj({
      names: arr(str(NAME), FEW),
      incomplete: arr(obj({ shard: str(NAME), why: str(LINE) }), FEW),
    }),
  ),
  acceptance: opt(
    obj({
      label: str(NAME),
      by: opt(str(NAME)),
      patterns: arr(str(NAME), FEW),
      excused: arr(str(NAME), FEW),
    }),
  ),
  history: opt(
    obj({
      branch: str(NAME),
      commits: count,
      positions: arr(
        obj({
          name: str(NAME),
          unit: str(NAME),
          head: num,
          min: num,
          max: num,
          commits: count,
          place: oneOf('worse', 'within', 'better'),
          cpus: count,
        }),
        FEW,
      ),
    }),
  ),
});

/**
 * Checks parsed JSON as a run report and returns a copy of its known fields, with empty links;
 * throws ReportSchemaError naming the first field that is wrong.
 */
export function readReportData(json: unknown): RunReport {
  return { ...report(json, 'report'), links: { run: undefined, summary: undefined } };
}
