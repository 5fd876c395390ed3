/**
 * The history of a branch's baselines: each baseline artifact carries the centers and intervals
 * of every benchmark × unit of the last commits that saved one (with their machine lines), carried
 * forward from the previous baseline and bounded. A pull request's report places head against
 * it: for each regression, whether head is worse than every past commit or within their range;
 * the HTML report draws it. A history file that cannot be read is a note, never a failure.
 */
import { type GateFinding, PROCS_SUFFIX, commonProcs } from '../analyze/gate.js';
import { summarize } from '../analyze/stats/index.js';
import type { BenchFile } from '../model/bench.js';
import { SHARD_KEY } from '../model/shard.js';
import type { PageHistory, PageHistorySeries } from './page-data.js';

/** The history's file inside a baseline artifact. */
export const HISTORY_FILE = 'perfgate-history.json';
/** The schema this perfgate writes and reads. */
export const HISTORY_SCHEMA = 1;
/** The most commits a history keeps (the oldest go first). */
export const HISTORY_LIMIT = 100;

/** One benchmark × unit of one commit: its center and confidence interval (null: unbounded). */
export interface HistoryValue {
  /** The package (`pkg:`), '' when the output had none. */
  pkg: string;
  /** The benchmark's name, without a GOMAXPROCS suffix every result of the run shared. */
  name: string;
  unit: string;
  /** The leg of a job matrix that measured it (merged baselines only). */
  shard?: string;
  center: number;
  lo: number | null;
  hi: number | null;
}

/** One commit of the branch that saved a baseline. */
export interface HistoryPoint {
  commit: string;
  /** When it was measured (ISO). */
  date: string;
  /** The machine lines of its benchmark output (`cpu`, `goos`, `goarch`). */
  machine: Record<string, string>;
  values: HistoryValue[];
}

/** A branch's history of baselines, oldest first. */
export interface BaselineHistory {
  schema: typeof HISTORY_SCHEMA;
  tool: 'perfgate';
  points: HistoryPoint[];
}

const MACHINE_KEYS = ['cpu', 'goos', 'goarch'];

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The point a run adds to its branch's history: every benchmark × unit summarized. */
export function historyPoint(
  head: BenchFile,
  commit: string,
  date: string,
  confidence = 0.95,
): HistoryPoint {
  const strip = commonProcs(head) !== undefined;
  const groups = new Map<
    string,
    { pkg: string; name: string; unit: string; shard: string | undefined; values: number[] }
  >();
  const machine: Record<string, string> = {};
  for (const r of head.results) {
    for (const k of MACHINE_KEYS) {
      const v = r.config[k];
      if (v !== undefined && machine[k] === undefined) machine[k] = v;
    }
    const pkg = r.config.pkg ?? '';
    const shard = r.config[SHARD_KEY];
    const name = strip ? r.name.replace(PROCS_SUFFIX, '') : r.name;
    for (const v of r.values) {
      const key = valueKey(pkg, name, v.unit, shard);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { pkg, name, unit: v.unit, shard, values: [] }));
      g.values.push(v.value);
    }
  }
  const values = [...groups.values()].map(({ pkg, name, unit, shard, values: xs }) => {
    // As the gate summarizes a side: the median and its distribution-free interval.
    const s = summarize(xs, 'nothing', confidence);
    return {
      pkg,
      name,
      unit,
      ...(shard !== undefined ? { shard } : {}),
      center: s.center,
      lo: finite(s.lo),
      hi: finite(s.hi),
    };
  });
  return { commit, date, machine, values };
}

/** The history with a new point: the same commit measured again replaces its point; bounded. */
export function extendHistory(
  previous: BaselineHistory | undefined,
  point: HistoryPoint,
  limit = HISTORY_LIMIT,
): BaselineHistory {
  const kept = (previous?.points ?? []).filter((p) => p.commit !== point.commit);
  return { schema: HISTORY_SCHEMA, tool: 'perfgate', points: [...kept, point].slice(-limit) };
}

/** The most values one point may hold, and the longest text. */
const MAX_VALUES = 20_000;
const MAX_TEXT = 500;

/**
 * Checks parsed JSON as a history; a string says why it cannot be used (not a history, from a
 * newer perfgate, a field of the wrong kind). Numbers that are not finite make it unusable.
 */
export function readHistory(json: unknown): BaselineHistory | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return 'it is not a history (not a JSON object)';
  const o = json as Record<string, unknown>;
  if (o.tool !== 'perfgate') return 'it is not a perfgate history';
  if (typeof o.schema === 'number' && o.schema > HISTORY_SCHEMA)
    return `it has schema ${o.schema}, from a newer perfgate (this one reads schema ${HISTORY_SCHEMA})`;
  if (o.schema !== HISTORY_SCHEMA)
    return `it has schema ${JSON.stringify(o.schema)?.slice(0, 20)}, this perfgate reads schema ${HISTORY_SCHEMA}`;
  if (!Array.isArray(o.points)) return 'its points are not a list';
  const text = (x: unknown) => typeof x === 'string' && x.length <= MAX_TEXT;
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const bound = (x: unknown) => x === null || num(x);
  const points: HistoryPoint[] = [];
  for (const [i, raw] of o.points.slice(-HISTORY_LIMIT).entries()) {
    const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const machine = (
      typeof p.machine === 'object' && p.machine !== null ? p.machine : {}
    ) as Record<string, unknown>;
    const values = Array.isArray(p.values) ? p.values : undefined;
    const valid =
      text(p.commit) &&
      text(p.date) &&
      Object.values(machine).every(text) &&
      values !== undefined &&
      values.length <= MAX_VALUES &&
      values.every((v) => {
        const x = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
        return (
          text(x.pkg) &&
          text(x.name) &&
          text(x.unit) &&
          (x.shard === undefined || text(x.shard)) &&
          num(x.center) &&
          bound(x.lo) &&
          bound(x.hi)
        );
      });
    if (!valid) return `its point ${i + 1} is not a commit with values`;
    points.push({
      commit: p.commit as string,
      date: p.date as string,
      machine: Object.fromEntries(Object.entries(machine)) as Record<string, string>,
      values: (values as HistoryValue[]).map(({ pkg, name, unit, shard, center, lo, hi }) => ({
        pkg,
        name,
        unit,
        ...(shard !== undefined ? { shard } : {}),
        center,
        lo,
        hi,
      })),
    });
  }
  return { schema: HISTORY_SCHEMA, tool: 'perfgate', points };
}

/** Where head sits against the branch's past commits, for one regressed benchmark × unit. */
export interface HistoryPosition {
  name: string;
  unit: string;
  /** Head's center, and the lowest and highest center of the past commits. */
  head: number;
  min: number;
  max: number;
  /** How many past commits measured it. */
  commits: number;
  /** `worse`: worse than every past commit; `better`: better than every one; else `within`. */
  place: 'worse' | 'within' | 'better';
  /** How many CPU models those commits ran on. */
  cpus: number;
}

/** The history as the run report states it: the branch, its length, head's place per regression. */
export interface HistoryView {
  branch: string;
  commits: number;
  positions: HistoryPosition[];
}

/** `pkg`, name, unit and shard: how a finding and a history value are matched. */
function valueKey(pkg: string, name: string, unit: string, shard?: string): string {
  return JSON.stringify(shard === undefined ? [pkg, name, unit] : [pkg, name, unit, shard]);
}

/** The past centers of each benchmark × unit, with the CPU each was measured on, oldest first. */
function seriesOf(h: BaselineHistory): Map<string, { center: number; cpu: string }[]> {
  const out = new Map<string, { center: number; cpu: string }[]>();
  for (const p of h.points) {
    for (const v of p.values) {
      const key = valueKey(v.pkg, v.name, v.unit, v.shard);
      let s = out.get(key);
      if (!s) out.set(key, (s = []));
      s.push({ center: v.center, cpu: p.machine.cpu ?? '' });
    }
  }
  return out;
}

/** A finding's history series: by its name as written, else without its GOMAXPROCS suffix. */
function findSeries<T>(
  series: Map<string, T>,
  f: Pick<GateFinding, 'name' | 'unit' | 'config'>,
): T | undefined {
  const pkg = f.config.find(([k]) => k === 'pkg')?.[1] ?? '';
  const shard = f.config.find(([k]) => k === SHARD_KEY)?.[1];
  return (
    series.get(valueKey(pkg, f.name, f.unit, shard)) ??
    series.get(valueKey(pkg, f.name.replace(PROCS_SUFFIX, ''), f.unit, shard))
  );
}

/** Head against the history, for each regression that the history has measured. */
export function historyView(
  h: BaselineHistory,
  branch: string,
  regressions: GateFinding[],
): HistoryView {
  const series = seriesOf(h);
  const positions: HistoryPosition[] = [];
  for (const f of regressions) {
    const past = findSeries(series, f);
    if (!past || past.length === 0 || !f.head) continue;
    const centers = past.map((p) => p.center);
    const min = Math.min(...centers);
    const max = Math.max(...centers);
    const head = f.head.center;
    const [worst, best] = f.higherIsBetter ? [min, max] : [max, min];
    const worse = f.higherIsBetter ? head < worst : head > worst;
    const better = f.higherIsBetter ? head > best : head < best;
    positions.push({
      name: f.name,
      unit: f.unit,
      head,
      min,
      max,
      commits: past.length,
      place: worse ? 'worse' : better ? 'better' : 'within',
      cpus: new Set(past.map((p) => p.cpu)).size,
    });
  }
  return { branch, commits: h.points.length, positions };
}

/** The most charts the report draws (regressions first). */
export const MAX_CHARTS = 24;

/**
 * The history as the report page draws it: one series per benchmark × unit head or the history's
 * latest commit measured, regressions first, each with head's center and interval.
 */
export function historyChart(
  h: BaselineHistory,
  branch: string,
  head: HistoryPoint | undefined,
  regressions: Pick<GateFinding, 'name' | 'unit' | 'config'>[],
): PageHistory {
  const index = new Map<string, number>();
  const all: PageHistorySeries[] = [];
  const add = (pkg: string, name: string, unit: string, shard?: string) => {
    const key = valueKey(pkg, name, unit, shard);
    if (index.has(key)) return;
    index.set(key, all.length);
    all.push({
      pkg,
      name,
      unit,
      regression: false,
      centers: [],
      lo: [],
      hi: [],
      head: null,
    });
  };
  const last = h.points[h.points.length - 1];
  for (const v of head?.values ?? last?.values ?? []) add(v.pkg, v.name, v.unit, v.shard);
  h.points.forEach((p, i) => {
    for (const v of p.values) {
      const s = all[index.get(valueKey(v.pkg, v.name, v.unit, v.shard)) ?? -1];
      if (!s) continue;
      s.centers[i] = v.center;
      s.lo[i] = v.lo;
      s.hi[i] = v.hi;
    }
  });
  for (const s of all) {
    for (let i = 0; i < h.points.length; i++) {
      s.centers[i] ??= null;
      s.lo[i] ??= null;
      s.hi[i] ??= null;
    }
  }
  for (const v of head?.values ?? []) {
    const s = all[index.get(valueKey(v.pkg, v.name, v.unit, v.shard))!]!;
    s.head = { center: v.center, lo: v.lo, hi: v.hi };
  }
  for (const f of regressions) {
    const s = findSeries(new Map([...index].map(([k, i]) => [k, all[i]!] as const)), f);
    if (s) s.regression = true;
  }
  const measured = all.filter((s) => s.centers.some((c) => c !== null));
  measured.sort((a, b) => Number(b.regression) - Number(a.regression));
  return {
    branch,
    commits: h.points.map((p) => ({
      commit: p.commit,
      date: p.date,
      cpu: p.machine.cpu ?? '',
    })),
    series: measured.slice(0, MAX_CHARTS),
    omitted: Math.max(0, measured.length - MAX_CHARTS),
  };
}
