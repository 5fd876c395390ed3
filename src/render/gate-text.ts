/** The gate's verdict as text (terminal) and markdown. */
import type { GateFinding, GateResult, Limit, PowerNote } from '../analyze/gate.js';
import { formatFixed } from '../units/go-format.js';
import {
  formatQuantity,
  formatQuantityPair,
  formatRelativeChange,
  quantityKind,
} from '../units/human.js';
import { SHARD_KEY } from '../report/shards.js';
import { pctRange } from './benchstat-text.js';
import { codeCell, escapeMarkdown, MAX_NAME, table } from './markdown.js';

/** The leg of a job matrix a finding was measured on (merged runs only). */
export function shardOf(f: GateFinding): string | undefined {
  return f.config.find(([k]) => k === SHARD_KEY)?.[1];
}

type Align = 'l' | 'r' | 'c';

/**
 * A markdown table of findings, with a `shard` column after the benchmark's when they come from
 * the legs of a job matrix (the same benchmark may be on several legs, e.g. one per OS), and a
 * `package` column when asked (the same name may be in several packages).
 */
export function findingsTable(
  fs: GateFinding[],
  headers: string[],
  rows: string[][],
  align: Align[],
  packages = false,
): string {
  const insert = <T>(xs: T[], x: T) => [xs[0]!, x, ...xs.slice(1)];
  let [h, rs, a] = [headers, rows, align];
  if (fs.some((f) => shardOf(f) !== undefined)) {
    [h, rs, a] = [
      insert(h, 'shard'),
      rs.map((r, i) => insert(r, codeCell(shardOf(fs[i]!) ?? ''))),
      insert(a, 'l' as Align),
    ];
  }
  if (packages) {
    [h, rs, a] = [
      insert(h, 'package'),
      rs.map((r, i) => insert(r, codeCell(packageOf(fs[i]!)))),
      insert(a, 'l' as Align),
    ];
  }
  return table(h, rs, a);
}

/** The change of a finding as reviewers read it: `+160%`, `×46.5`, `from 0`, `+0.0011% (+1)`. */
export function formatChange(f: GateFinding): string {
  if (!f.base || !f.head) return '';
  return formatRelativeChange(f.base.center, f.head.center, f.unit);
}

/** A value with its unit, for people: `3.00 µs/op`, `64 B/op`, `2,415 allocs/op`. */
export function quantityWithUnit(value: number, unit: string): string {
  const text = formatQuantity(value, unit);
  if (quantityKind(unit) === 'count') return `${text} ${unit}`;
  const per = unit.indexOf('/');
  return per < 0 ? text : `${text}${unit.slice(per)}`;
}

/** `10%`, `5% and 64 B/op`, `any change`. */
export function formatLimit(limit: Limit, unit: string): string {
  const parts: string[] = [];
  if (limit.pct > 0) parts.push(`${limit.pct}%`);
  if (limit.floor > 0) parts.push(quantityWithUnit(limit.floor, unit));
  return parts.length === 0 ? 'any change' : parts.join(' and ');
}

/** Base and head centers, each scaled on its own, e.g. `["28.6 µs", "74.3 µs"]`. */
export function formatPair(f: GateFinding): [string, string] {
  if (f.base && f.head) return formatQuantityPair(f.base.center, f.head.center, f.unit);
  const one = (s: GateFinding['base']) => (s ? formatQuantity(s.center, f.unit) : '—');
  return [one(f.base), one(f.head)];
}

/** A p-value as evidence: `p=0.017`, or `p<0.001` below what three decimals show. */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p<0.001' : `p=${formatFixed(p, 3)}`;
}

/** benchstat's spread of one side: `± 2%` (the confidence interval around the median). */
export function spreadText(s: NonNullable<GateFinding['base']>): string {
  return `± ${pctRange(s)}`;
}

/** How big a change is, for sorting: the ratio of the centers in either direction. */
function changeSize(f: GateFinding): number {
  const b = f.base?.center;
  const h = f.head?.center;
  if (b === undefined || h === undefined || b === h) return 0;
  if (b === 0 || h === 0) return Infinity;
  return Math.abs(Math.log(Math.abs(h / b)));
}

/** Findings by severity: gated first, then the largest change first (ties keep their order). */
export function bySeverity(fs: readonly GateFinding[]): GateFinding[] {
  return fs
    .map((f, i) => ({ f, i }))
    .sort(
      (x, y) =>
        Number(y.f.gated) - Number(x.f.gated) ||
        // Two changes from 0 (both infinite) differ by NaN, which is falsy: order kept.
        changeSize(y.f) - changeSize(x.f) ||
        x.i - y.i,
    )
    .map((x) => x.f);
}

/**
 * The package of a finding (its identity configuration, e.g. `pkg`), as shown above its group:
 * `perfgate.example/a`, or `key=value` pairs for other identity keys.
 */
export function packageOf(f: GateFinding): string {
  return f.config
    .filter(([k]) => k !== SHARD_KEY)
    .map(([k, v]) => (k === 'pkg' ? v : `${k}=${v}`))
    .join(' ');
}

/** Whether a run's benchmarks come from more than one package (rows then show theirs). */
export function manyPackages(r: GateResult): boolean {
  return new Set(r.findings.map(packageOf)).size > 1;
}

/** Findings in groups by package, in order of each group's first (most severe) finding. */
export function groupByPackage(fs: readonly GateFinding[]): [string, GateFinding[]][] {
  const groups = new Map<string, GateFinding[]>();
  for (const f of fs) {
    const k = packageOf(f);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(f);
  }
  return [...groups];
}

/** What decided a finding, benchstat's way: `p=0.000 n=10+10`, `paired`, `exact, n=5+5`. */
export function evidence(f: GateFinding): string {
  if (f.method === 'exact') return `exact, n=${f.base!.n}+${f.head!.n}`;
  if (f.p === undefined) return '';
  const p = formatFixed(f.p, 3);
  const raw = f.rawP === undefined ? p : formatFixed(f.rawP, 3);
  // benchstat's own p-value, before the run-wide correction, for reading the two side by side.
  const adjusted = raw !== p ? ` (${raw} before correction)` : '';
  return `p=${p}${adjusted} ${f.method === 'wilcoxon' ? 'paired' : 'n=' + f.base!.n + '+' + f.head!.n}`;
}

const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/** Comparisons that stand on their own (a rate that restates sec/op is not one). */
export function comparisonCount(r: GateResult): number {
  return r.findings.filter((f) => f.base && f.head && !f.restates).length;
}

/**
 * The verdict line, counting benchmarks (a benchmark with three regressing units is one):
 * `FAIL: 2 benchmarks regressed (5 units), 1 improved; 8 benchmarks compared (34 comparisons); 1 only
 * in head, 9 only in base`,
 * `PASS: no benchmark regressed; 10 benchmarks compared (30 comparisons)` (no `0 improved`).
 */
export function verdictLine(r: GateResult): string {
  if (r.verdict === 'no-comparison') return `NO COMPARISON: ${r.cause ?? 'nothing to compare'}`;
  const b = r.benchmarks;
  const units = r.regressions.length;
  const regressed =
    b.regressed.length === 0
      ? 'no benchmark regressed'
      : `${plural(b.regressed.length, 'benchmark')} regressed${units > b.regressed.length ? ` (${units} units)` : ''}`;
  const improved = b.improved.length > 0 ? `, ${b.improved.length} improved` : '';
  const compared = `${plural(b.compared, 'benchmark')} compared`;
  const oneSide = [
    b.added.length > 0 && `${b.added.length} only in head`,
    b.removed.length > 0 && `${b.removed.length} only in base`,
  ].filter(Boolean);
  const sides = oneSide.length > 0 ? `; ${oneSide.join(', ')}` : '';
  return `${r.verdict === 'fail' ? 'FAIL' : 'PASS'}: ${regressed}${improved}; ${compared} (${plural(comparisonCount(r), 'comparison')})${sides}`;
}

/** A p-value bound for people: two significant digits. */
function formatP(p: number): string {
  return String(Number(p.toPrecision(2)));
}

/**
 * Why a unit cannot be judged: `sec/op not judged: n = 3 per side cannot reach p ≤ 0.00081,
 * needed for 62 comparisons (holm); use -count ≥ 9`.
 */
export function powerLine(n: PowerNote, r: GateResult): string {
  const which =
    n.blind === n.tested
      ? `${n.unit} not judged`
      : `${n.blind} of ${n.tested} ${n.unit} comparisons not judged`;
  const { correction, alpha } = r.options;
  const need =
    correction === 'none' || n.family <= 1
      ? `p ≤ ${formatP(n.threshold)} (alpha)`
      : `p ≤ ${formatP(n.threshold)}, needed among ${n.family} tested comparisons (${correction}, alpha ${alpha})`;
  return `${which}: n = ${n.n} per side cannot reach ${need}; the smallest possible is ${formatP(n.minP)}; use -count ≥ ${n.countNeeded}`;
}

/** Lines a reader must see next to the verdict: other machines, blind units. */
export function verdictNotes(r: GateResult): string[] {
  const out: string[] = [];
  if (r.machines) out.push(`base and head ran on different machines (${r.machines})`);
  for (const n of r.power) out.push(powerLine(n, r));
  return out;
}

/** Benchmarks only on one side, each with its own numbers. */
export function sideOnlyLines(r: GateResult): { added: string[]; removed: string[] } {
  const line = (f: GateFinding) => {
    const s = (f.head ?? f.base)!;
    return `${f.name}  ${quantityWithUnit(s.center, f.unit)}`;
  };
  return {
    added: r.findings.filter((f) => f.verdict === 'only-head').map(line),
    removed: r.findings.filter((f) => f.verdict === 'only-base').map(line),
  };
}

/** One finding on a terminal line: `GrowSlice  sec/op  28.6 µs ± 2% → 74.3 µs ± 1%  +160%  …`. */
function findingLine(f: GateFinding): string {
  const [b, h] = formatPair(f);
  const side = (v: string, s: GateFinding['base']) =>
    s && s.n > 1 && f.method !== 'exact' ? `${v} ${spreadText(s)}` : v;
  return `${f.name}  ${f.unit}  ${side(b, f.base)} → ${side(h, f.head)}  ${formatChange(f)}  ${evidence(f)}  (limit ${formatLimit(f.limit, f.unit)})`;
}

/** The gate's result for a terminal: most severe first, by package when there are several. */
export function renderGateText(r: GateResult): string {
  // The run-wide notes (one run per benchmark) say what was not judged: beside the verdict.
  const lines = [verdictLine(r), ...verdictNotes(r), ...r.notes];
  const grouped = manyPackages(r);
  const section = (title: string, fs: GateFinding[]) => {
    if (fs.length === 0) return;
    lines.push('', `${title}:`);
    if (!grouped) {
      for (const f of bySeverity(fs)) lines.push(`  ${findingLine(f)}`);
      return;
    }
    for (const [pkg, group] of groupByPackage(bySeverity(fs))) {
      lines.push(`  ${pkg || '(no package)'}`, ...group.map((f) => `    ${findingLine(f)}`));
    }
  };
  section('Regressions', r.regressions);
  section('Improvements', r.improvements);
  const { added, removed } = sideOnlyLines(r);
  if (added.length > 0) lines.push('', 'Only in head (added):', ...added.map((l) => `  ${l}`));
  if (removed.length > 0)
    lines.push('', 'Only in base (removed):', ...removed.map((l) => `  ${l}`));
  const notes = [
    ...new Set(r.findings.flatMap((f) => f.notes.map((n) => `${f.name} ${f.unit}: ${n}`))),
  ];
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((n) => `  ${n}`));
  return `${lines.join('\n')}\n`;
}

/** The package line above a group of findings: `Package <code>perfgate.example/a</code>`. */
function packageLine(pkg: string): string {
  return pkg === '' ? '**No package**' : `**Package** ${codeCell(pkg)}`;
}

/**
 * Findings as a markdown table, in the order given; `evidenceOf` says what decided each (p-value,
 * exact). `grouped`: one table per package, each under its package's name.
 */
export function findingTable(
  fs: GateFinding[],
  evidenceOf: (f: GateFinding) => string,
  grouped = false,
): string {
  const one = (group: GateFinding[]) => {
    const rows = group.map((f) => {
      const [b, h] = formatPair(f);
      return [
        codeCell(f.name),
        escapeMarkdown(f.unit, MAX_NAME),
        b,
        h,
        formatChange(f),
        evidenceOf(f),
        escapeMarkdown(formatLimit(f.limit, f.unit), MAX_NAME + 40),
      ];
    });
    return findingsTable(
      group,
      ['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'limit'],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'l', 'l'],
    );
  };
  if (!grouped) return one(fs);
  return groupByPackage(fs)
    .map(([pkg, group]) => `${packageLine(pkg)}\n\n${one(group)}`)
    .join('\n\n');
}

/** One side's center and spread, benchstat's way: `28.6 µs ± 2%` (exact values: no spread). */
function sideSpread(value: string, s: GateFinding['base'], exact: boolean): string {
  if (!s) return '—';
  return exact || s.n < 2 ? value : `${value} ${spreadText(s)}`;
}

/** The test that decided, benchstat's way: `p=0.000 n=10+10`, `exact, n=10+10`. */
function testText(f: GateFinding): string {
  const n = f.base && f.head ? `n=${f.base.n}+${f.head.n}` : '';
  if (f.method === 'exact') return `exact, ${n}`;
  if (f.p === undefined) return `not tested, ${n}`;
  const p = formatFixed(f.p, 3);
  const raw = f.rawP !== undefined ? formatFixed(f.rawP, 3) : p;
  const paired = f.method === 'wilcoxon' ? ' paired' : '';
  return `p=${p}${raw !== p ? ` (${raw} before correction)` : ''} ${n}${paired}`;
}

/**
 * The statistics behind findings, as benchstat prints them: each side's median with its 95%
 * confidence interval (`± 2%`), the p-value and the sample sizes; one table per package when
 * `grouped`.
 */
export function spreadTable(fs: GateFinding[], grouped = false): string {
  const one = (group: GateFinding[]) => {
    const rows = group.map((f) => {
      const [b, h] = formatPair(f);
      const exact = f.method === 'exact';
      return [
        codeCell(f.name),
        escapeMarkdown(f.unit, MAX_NAME),
        sideSpread(b, f.base, exact),
        sideSpread(h, f.head, exact),
        testText(f),
      ];
    });
    return findingsTable(group, ['benchmark', 'unit', 'base', 'head', 'test'], rows, [
      'l',
      'l',
      'r',
      'r',
      'l',
    ]);
  };
  if (!grouped) return one(fs);
  return groupByPackage(fs)
    .map(([pkg, group]) => `${packageLine(pkg)}\n\n${one(group)}`)
    .join('\n\n');
}

/** Benchmarks only on one side as folded markdown tables, each with its own numbers. */
export function sideOnlyMarkdown(r: GateResult): string[] {
  const block = (title: string, verdict: 'only-head' | 'only-base', column: string) => {
    const fs = r.findings.filter((f) => f.verdict === verdict);
    if (fs.length === 0) return [];
    const rows = fs.map((f) => {
      const s = (f.head ?? f.base)!;
      return [codeCell(f.name), escapeMarkdown(f.unit, MAX_NAME), formatQuantity(s.center, f.unit)];
    });
    const n = new Set(fs.map((f) => JSON.stringify([f.config, f.name]))).size;
    const table = findingsTable(
      fs,
      ['benchmark', 'unit', column],
      rows,
      ['l', 'l', 'r'],
      manyPackages(r),
    );
    return [
      `<details><summary>${title} (${n} benchmark${n === 1 ? '' : 's'})</summary>\n\n${table}\n\n</details>`,
    ];
  };
  return [
    ...block('Only in head: added, not compared', 'only-head', 'head'),
    ...block('Only in base: removed or renamed, not compared', 'only-base', 'base'),
  ];
}

/** The gate's result as GitHub markdown: most severe first, by package when there are several. */
export function renderGateMarkdown(r: GateResult): string {
  const icon = r.verdict === 'fail' ? '❌' : r.verdict === 'pass' ? '✅' : '⚠️';
  const grouped = manyPackages(r);
  let out = `${icon} **${escapeMarkdown(verdictLine(r))}**\n`;
  for (const n of verdictNotes(r)) out += `\n- ⚠️ ${escapeMarkdown(n)}\n`;
  if (r.regressions.length > 0) {
    const fs = bySeverity(r.regressions);
    out += `\n${findingTable(fs, evidence, grouped)}\n`;
    out += `\n<details><summary>Statistics: median ± 95% confidence interval, p-value, runs</summary>\n\n${spreadTable(fs, grouped)}\n\n</details>\n`;
  }
  if (r.improvements.length > 0) {
    out += `\n<details><summary>Improvements (${r.improvements.length})</summary>\n\n${findingTable(bySeverity(r.improvements), evidence, grouped)}\n\n</details>\n`;
  }
  for (const block of sideOnlyMarkdown(r)) out += `\n${block}\n`;
  return out;
}
