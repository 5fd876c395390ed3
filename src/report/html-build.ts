/**
 * Builds the HTML report's model from a run's profiles (and its gate, insights and verdict): a
 * flame graph and a top table per profile pair and sample type worth looking at, and the verdict
 * view the comment states; and from the model, the data the page's script draws (`PageData`).
 */
import { displayName } from '../analyze/function-name.js';
import { profileFunctionTable } from '../analyze/functions.js';
import type { GateResult } from '../analyze/gate.js';
import type { ProfileInsights, ProfilePair } from '../analyze/profile-insights.js';
import type { Profile } from '../model/profile.js';
import { type FlameNode, flameGraph } from './flame.js';
import type { HtmlReportModel, HtmlTopRow, HtmlTopTable } from './html-model.js';
import type { PageData, PageFrame } from './page-data.js';
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

function flatCum(p: Profile | undefined, type: string): Map<string, { flat: number; cum: number }> {
  const out = new Map<string, { flat: number; cum: number }>();
  if (!p) return out;
  const i = p.sampleTypes.findIndex((t) => t.type === type);
  if (i < 0) return out;
  for (const f of profileFunctionTable(p, i).functions)
    out.set(f.name, { flat: f.flat, cum: f.cum });
  return out;
}

function total(p: Profile | undefined, type: string): number {
  if (!p) return 0;
  const i = p.sampleTypes.findIndex((t) => t.type === type);
  return i < 0 ? 0 : profileFunctionTable(p, i).total;
}

/** The top table of a pair: every function of either side, by head flat. */
export function topTable(pair: ProfilePair, type: string): HtmlTopTable {
  const h = flatCum(pair.head, type);
  const b = flatCum(pair.base, type);
  const where = new Map<string, { file: string; line: number }>();
  for (const p of [pair.base, pair.head])
    for (const fn of p?.functions ?? [])
      where.set(displayName(fn), { file: fn.filename, line: fn.startLine });
  const rows: HtmlTopRow[] = [...new Set([...h.keys(), ...b.keys()])].map((name) => ({
    name,
    file: where.get(name)?.file ?? '',
    line: where.get(name)?.line ?? 0,
    headFlat: h.get(name)?.flat ?? 0,
    baseFlat: b.get(name)?.flat ?? 0,
    headCum: h.get(name)?.cum ?? 0,
    baseCum: b.get(name)?.cum ?? 0,
  }));
  rows.sort((x, y) => Math.abs(y.headFlat) - Math.abs(x.headFlat) || x.name.localeCompare(y.name));
  const unit = pair.head.sampleTypes.find((t) => t.type === type)?.unit ?? '';
  return {
    profile: pair.name,
    sampleType: type,
    unit,
    headTotal: total(pair.head, type),
    baseTotal: total(pair.base, type),
    rows,
  };
}

/** The whole HTML report's model. */
export function htmlReportModel(
  title: string,
  pairs: ProfilePair[],
  gate: GateResult | undefined,
  insights: ProfileInsights | undefined,
  problems: string[] = [],
  report?: Pick<RunReport, 'verdict' | 'reason' | 'gate' | 'profiles' | 'acceptance'>,
): HtmlReportModel {
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
  for (const pair of pairs) {
    const types = pair.head.sampleTypes.map((t) => t.type);
    const wanted = pair.name.includes('heap')
      ? ['inuse_space']
      : shown.filter((t) => t !== 'inuse_space');
    for (const type of wanted) {
      if (!types.includes(type)) continue;
      if (pair.head.samples.count === 0) {
        model.problems.push(`${pair.name}: the profile has no samples`);
        break;
      }
      const g = flameGraph(pair.name, pair.head, pair.base, type);
      if (!g) continue;
      model.graphs.push(g);
      model.tops.push(topTable(pair, type));
    }
  }
  return model;
}

/** The page's data: the model's graphs and tables with every name and file sent once. */
export function pageData(model: HtmlReportModel): PageData {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = ids.size));
    return i;
  };
  const frame = (n: FlameNode): PageFrame => ({
    ...n,
    name: id(n.name),
    file: id(n.file),
    children: n.children.map(frame),
  });
  // A broken model may lack a root: the page says so rather than the renderer throwing.
  const graphs = model.graphs.map((g) => ({ ...g, root: g.root ? frame(g.root) : g.root }));
  const tops = model.tops.map((t) => ({
    ...t,
    rows: t.rows.map((r) => ({ ...r, name: id(r.name), file: id(r.file) })),
  }));
  return {
    strings: [...ids.keys()],
    graphs,
    tops,
    ...(model.verdict ? { verdict: model.verdict } : {}),
    ...(model.history ? { history: model.history } : {}),
  };
}
