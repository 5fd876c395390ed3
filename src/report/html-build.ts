/**
 * Builds the HTML report's model from a run's profiles (and its gate, insights and verdict): a
 * flame graph and a top table per profile pair and sample type worth looking at, and the verdict
 * view the comment states; and from the model, the data the page's script draws (`PageData`).
 */
import { functionTotals } from '../analyze/function-totals.js';
import type { GateResult } from '../analyze/gate.js';
import type { ProfileInsights, ProfilePair } from '../analyze/profile-insights.js';
import type { Profile } from '../model/profile.js';
import { type FlameGraph, type FlameNode, flameGraphs, flameGraphsOffThread } from './flame.js';
import type { HtmlReportModel, HtmlTopRow, HtmlTopTable } from './html-model.js';
import type { PageData, PageFrames, PageTopRows } from './page-data.js';
import type { RunReport } from './run-report.js';
import { verdictView } from './verdict-view.js';

/** The sample types shown per kind of profile. */
const shown = [
  'cpu',
  'alloc_space',
  'alloc_objects',
  'inuse_space',
  'delay',
  'contentions',
  'goroutine',
];

/** Rows kept per column of a top table: the page shows this many at a time. */
export const TOP_ROWS = 500;

/** The orders the page sorts a top table by, each the way it is first shown. */
const rowOrders: ((a: HtmlTopRow, b: HtmlTopRow) => number)[] = [
  (a, b) => b.headFlat - b.baseFlat - (a.headFlat - a.baseFlat),
  (a, b) => a.headFlat - a.baseFlat - (b.headFlat - b.baseFlat),
  (a, b) => b.headCum - b.baseCum - (a.headCum - a.baseCum),
  (a, b) => a.headCum - a.baseCum - (b.headCum - b.baseCum),
  (a, b) => Math.abs(b.headFlat) - Math.abs(a.headFlat),
  (a, b) => Math.abs(b.headCum) - Math.abs(a.headCum),
];

/** The rows worth sending: the first `limit` by each order the page offers. */
function firstRows(rows: HtmlTopRow[], limit: number): HtmlTopRow[] {
  if (rows.length <= limit) return rows;
  const kept = new Set<HtmlTopRow>();
  for (const order of rowOrders) {
    const sorted = [...rows].sort((a, b) => order(a, b) || (a.name < b.name ? -1 : 1));
    for (const r of sorted.slice(0, limit)) kept.add(r);
  }
  return rows.filter((r) => kept.has(r));
}

/** One side's rows by name, for the given sample types. */
function sideRows(p: Profile | undefined, types: string[]) {
  if (!p) return undefined;
  const indices = types.map((type) => p.sampleTypes.findIndex((t) => t.type === type));
  const present = indices.filter((x) => x >= 0);
  const totals = functionTotals(p, present);
  const col = indices.map((x) => present.indexOf(x));
  const byName = new Map<string, number>();
  totals.names.forEach((name, fn) => name !== '' && byName.set(name, fn));
  return { totals, col, byName };
}

/**
 * The top tables of a pair, one per sample type, from one walk of each profile: the functions of
 * either side by the change of flat (growth first), the first `limit` by each column the page
 * sorts by.
 */
export function topTables(pair: ProfilePair, types: string[], limit = TOP_ROWS): HtmlTopTable[] {
  const h = sideRows(pair.head, types)!;
  const b = sideRows(pair.base, types);
  const names = [...new Set([...h.byName.keys(), ...(b?.byName.keys() ?? [])])];
  return types.map((type, t) => {
    const value = (side: typeof b, name: string, of: 'flat' | 'cum') => {
      const fn = side?.byName.get(name);
      const c = side?.col[t] ?? -1;
      if (!side || fn === undefined || c < 0) return 0;
      return side.totals[of][fn * side.totals.types + c]!;
    };
    const all: HtmlTopRow[] = [];
    for (const name of names) {
      const row = {
        name,
        file: '',
        line: 0,
        headFlat: value(h, name, 'flat'),
        baseFlat: value(b, name, 'flat'),
        headCum: value(h, name, 'cum'),
        baseCum: value(b, name, 'cum'),
      };
      if (row.headFlat === 0 && row.baseFlat === 0 && row.headCum === 0 && row.baseCum === 0)
        continue;
      const fn = h.totals.fns[h.byName.get(name) ?? -1] ?? b?.totals.fns[b.byName.get(name) ?? -1];
      row.file = fn?.filename ?? '';
      row.line = fn?.startLine ?? 0;
      all.push(row);
    }
    const rows = firstRows(all, limit);
    rows.sort((x, y) => rowOrders[0]!(x, y) || rowOrders[2]!(x, y) || (x.name < y.name ? -1 : 1));
    const total = (side: typeof b) =>
      side && side.col[t]! >= 0 ? side.totals.total[side.col[t]!]! : 0;
    return {
      profile: pair.name,
      sampleType: type,
      unit: pair.head.sampleTypes.find((x) => x.type === type)?.unit ?? '',
      headTotal: total(h),
      baseTotal: total(b),
      functions: all.length,
      rows,
    };
  });
}

/** The top table of a pair and one sample type (see `topTables`). */
export function topTable(pair: ProfilePair, type: string, limit = TOP_ROWS): HtmlTopTable {
  return topTables(pair, [type], limit)[0]!;
}

/** The sample types a pair's graphs and tables show (none: the pair is not drawn). */
function wantedTypes(pair: ProfilePair): string[] {
  const types = pair.head.sampleTypes.map((t) => t.type);
  return (
    pair.name.includes('heap') ? ['inuse_space'] : shown.filter((t) => t !== 'inuse_space')
  ).filter((t) => types.includes(t));
}

/** Each drawn pair's flame graphs, one per wanted sample type. */
export type PairGraphs = Map<ProfilePair, (FlameGraph | undefined)[]>;

/**
 * Starts building the flame graphs of the pairs the report draws, a large pair's on a worker
 * thread (one pair at a time): the caller goes on with other work and hands the promise to
 * `buildHtmlReportModel`.
 */
export function startFlameGraphs(pairs: ProfilePair[]): Promise<PairGraphs> {
  const graphs = pairGraphs(pairs);
  // Awaited later, by buildHtmlReportModel: a failure must not count as unhandled meanwhile.
  graphs.catch(() => undefined);
  return graphs;
}

async function pairGraphs(pairs: ProfilePair[]): Promise<PairGraphs> {
  const out: PairGraphs = new Map();
  for (const pair of pairs) {
    const wanted = wantedTypes(pair);
    if (wanted.length === 0 || pair.head.samples.count === 0) continue;
    out.set(pair, await flameGraphsOffThread(pair.name, pair.head, pair.base, wanted));
  }
  return out;
}

type ReportOf = Pick<RunReport, 'verdict' | 'reason' | 'gate' | 'profiles' | 'acceptance'>;

/** The model without its graphs and tables, and the tables of every pair drawn. */
function modelAndTables(
  title: string,
  pairs: ProfilePair[],
  gate: GateResult | undefined,
  insights: ProfileInsights | undefined,
  problems: string[],
  report: ReportOf | undefined,
): { model: HtmlReportModel; tables: Map<ProfilePair, HtmlTopTable[]> } {
  const model: HtmlReportModel = {
    title,
    generatedAt: new Date().toISOString(),
    graphs: [],
    tops: [],
    gate,
    insights,
    problems: [...problems],
    ...(report ? { verdict: verdictView(report) } : {}),
  };
  // Each profile is walked once for all its sample types: once for the graphs, once for the tables.
  const tables = new Map<ProfilePair, HtmlTopTable[]>();
  for (const pair of pairs) {
    const wanted = wantedTypes(pair);
    if (wanted.length === 0) continue;
    if (pair.head.samples.count === 0) {
      model.problems.push(`${pair.name}: the profile has no samples`);
      continue;
    }
    tables.set(pair, topTables(pair, wanted));
  }
  return { model, tables };
}

/** Adds each drawn pair's graphs (built here when not given) and tables to the model. */
function withGraphs(
  model: HtmlReportModel,
  tables: Map<ProfilePair, HtmlTopTable[]>,
  graphs: PairGraphs,
): HtmlReportModel {
  for (const [pair, tops] of tables) {
    const pairGraphs =
      graphs.get(pair) ?? flameGraphs(pair.name, pair.head, pair.base, wantedTypes(pair));
    pairGraphs.forEach((g, t) => {
      if (!g) return;
      model.graphs.push(g);
      model.tops.push(tops[t]!);
    });
  }
  return model;
}

/** The whole HTML report's model, built on this thread. */
export function htmlReportModel(
  title: string,
  pairs: ProfilePair[],
  gate: GateResult | undefined,
  insights: ProfileInsights | undefined,
  problems: string[] = [],
  report?: ReportOf,
): HtmlReportModel {
  const { model, tables } = modelAndTables(title, pairs, gate, insights, problems, report);
  return withGraphs(model, tables, new Map());
}

/**
 * `htmlReportModel`, with the flame graphs `startFlameGraphs` was started on (else they are
 * started here): the tables are made while a large pair's graphs are built on another thread.
 */
export async function buildHtmlReportModel(
  title: string,
  pairs: ProfilePair[],
  gate: GateResult | undefined,
  insights: ProfileInsights | undefined,
  problems: string[] = [],
  report?: ReportOf,
  graphs: Promise<PairGraphs> = startFlameGraphs(pairs),
): Promise<HtmlReportModel> {
  const { model, tables } = modelAndTables(title, pairs, gate, insights, problems, report);
  return withGraphs(model, tables, await graphs);
}

/** A graph's frames as columns, depth first (a frame's children in the model's order). */
function frameColumns(root: FlameNode, id: (s: string) => number): PageFrames {
  const out: PageFrames = { parent: [], name: [], file: [], line: [], head: [], base: [] };
  const todo: [FlameNode, number][] = [[root, -1]];
  while (todo.length > 0) {
    const [n, parent] = todo.pop()!;
    const at = out.parent.length;
    out.parent.push(parent);
    out.name.push(n.small ? -1 : id(n.name));
    out.file.push(id(n.file));
    out.line.push(n.line);
    out.head.push(n.head);
    out.base.push(n.base);
    for (let i = n.children.length - 1; i >= 0; i--) todo.push([n.children[i]!, at]);
  }
  return out;
}

/** A table's rows as columns. */
function rowColumns(rows: HtmlTopRow[], id: (s: string) => number): PageTopRows {
  return {
    name: rows.map((r) => id(r.name)),
    file: rows.map((r) => id(r.file)),
    line: rows.map((r) => r.line),
    headFlat: rows.map((r) => r.headFlat),
    baseFlat: rows.map((r) => r.baseFlat),
    headCum: rows.map((r) => r.headCum),
    baseCum: rows.map((r) => r.baseCum),
  };
}

/** The page's data: the model's graphs and tables as columns, with every name and file sent once. */
export function pageData(model: HtmlReportModel): PageData {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = ids.size));
    return i;
  };
  // A broken model may lack a root: the page says so rather than the renderer throwing.
  const graphs = model.graphs.map(({ root, ...g }) => ({
    ...g,
    frames: (root ? frameColumns(root, id) : undefined) as PageFrames,
  }));
  const tops = model.tops.map((t) => ({
    ...t,
    functions: t.functions ?? t.rows.length,
    rows: rowColumns(t.rows, id),
  }));
  return {
    strings: [...ids.keys()],
    graphs,
    tops,
    ...(model.verdict ? { verdict: model.verdict } : {}),
    ...(model.history ? { history: model.history } : {}),
  };
}
