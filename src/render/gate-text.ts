/** The gate's verdict as text (terminal) and markdown. */
import type { GateFinding, GateResult, Limit, PowerNote } from '../analyze/gate.js';
import { unitClass } from '../units/bench-units.js';
import { commonScale, formatScaled, scaleOne } from '../units/bench-scale.js';
import { formatFixed } from '../units/go-format.js';
import { SHARD_KEY } from '../report/shards.js';
import { codeCell, escapeMarkdown, MAX_NAME, table } from './markdown.js';

/** The leg of a job matrix a finding was measured on (merged runs only). */
export function shardOf(f: GateFinding): string | undefined {
  return f.config.find(([k]) => k === SHARD_KEY)?.[1];
}

type Align = 'l' | 'r' | 'c';

/**
 * A markdown table of findings, with a `shard` column after the benchmark's when they come from
 * the legs of a job matrix (the same benchmark may be on several legs, e.g. one per OS).
 */
export function findingsTable(
  fs: GateFinding[],
  headers: string[],
  rows: string[][],
  align: Align[],
): string {
  if (!fs.some((f) => shardOf(f) !== undefined)) return table(headers, rows, align);
  const insert = <T>(xs: T[], x: T) => [xs[0]!, x, ...xs.slice(1)];
  return table(
    insert(headers, 'shard'),
    rows.map((r, i) => insert(r, codeCell(shardOf(fs[i]!) ?? ''))),
    insert(align, 'l' as Align),
  );
}

/** A relative change as `+12.34%`, `-5.00%`, or `new` from a zero base. */
export function formatChange(change: number | undefined): string {
  if (change === undefined) return '';
  if (!Number.isFinite(change)) return 'from 0';
  const s = formatFixed(change * 100, 2);
  return `${s.startsWith('-') ? s : `+${s}`}%`;
}

/** `10%`, `5% and 64`, `any increase`. */
export function formatLimit(limit: Limit, unit: string): string {
  const parts: string[] = [];
  if (limit.pct > 0) parts.push(`${limit.pct}%`);
  if (limit.floor > 0) parts.push(`${scaleOne(limit.floor, unitClass(unit))} ${unit}`);
  return parts.length === 0 ? 'any change' : parts.join(' and ');
}

/** Base and head centers in one scale, e.g. `["23.20µ", "60.61µ"]`. */
export function formatPair(f: GateFinding): [string, string] {
  const values = [f.base?.center, f.head?.center].filter((v): v is number => v !== undefined);
  const s = commonScale(values, unitClass(f.unit));
  return [
    f.base ? formatScaled(f.base.center, s) : '—',
    f.head ? formatScaled(f.head.center, s) : '—',
  ];
}

function evidence(f: GateFinding): string {
  if (f.method === 'exact') return `exact, n=${f.base!.n}+${f.head!.n}`;
  if (f.p === undefined) return '';
  const adjusted = f.rawP !== undefined && f.rawP !== f.p ? ` (raw ${formatFixed(f.rawP, 3)})` : '';
  return `p=${formatFixed(f.p, 3)}${adjusted} ${f.method === 'wilcoxon' ? 'paired' : 'n=' + f.base!.n + '+' + f.head!.n}`;
}

const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/** Comparisons that stand on their own (a rate that restates sec/op is not one). */
export function comparisonCount(r: GateResult): number {
  return r.findings.filter((f) => f.base && f.head && !f.restates).length;
}

/**
 * The verdict line, counting benchmarks (a benchmark with three regressing units is one):
 * `FAIL: 2 benchmarks regressed (5 units), 1 improved; 8 of 8 benchmarks compared (34 comparisons)`.
 */
export function verdictLine(r: GateResult): string {
  if (r.verdict === 'no-comparison') return `NO COMPARISON: ${r.cause ?? 'nothing to compare'}`;
  const b = r.benchmarks;
  const units = r.regressions.length;
  const regressed = `${plural(b.regressed.length, 'benchmark')} regressed${units > b.regressed.length ? ` (${units} units)` : ''}`;
  const total = b.compared + b.added.length;
  const compared = `${b.compared}${total > b.compared ? ` of ${total}` : ''} benchmark${total === 1 ? '' : 's'} compared`;
  return `${r.verdict === 'fail' ? 'FAIL' : 'PASS'}: ${regressed}, ${b.improved.length} improved; ${compared} (${plural(comparisonCount(r), 'comparison')})`;
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
    return `${f.name}  ${scaleOne(s.center, unitClass(f.unit))} ${f.unit}`;
  };
  return {
    added: r.findings.filter((f) => f.verdict === 'only-head').map(line),
    removed: r.findings.filter((f) => f.verdict === 'only-base').map(line),
  };
}

/** The gate's result for a terminal. */
export function renderGateText(r: GateResult): string {
  const lines = [verdictLine(r), ...verdictNotes(r)];
  const section = (title: string, fs: GateFinding[]) => {
    if (fs.length === 0) return;
    lines.push('', `${title}:`);
    for (const f of fs) {
      const [b, h] = formatPair(f);
      lines.push(
        `  ${f.name}  ${f.unit}  ${b} → ${h}  ${formatChange(f.change)}  ${evidence(f)}  (limit ${formatLimit(f.limit, f.unit)})`,
      );
    }
  };
  section('Regressions', r.regressions);
  section('Improvements', r.improvements);
  const { added, removed } = sideOnlyLines(r);
  if (added.length > 0) lines.push('', 'Only in head (added):', ...added.map((l) => `  ${l}`));
  if (removed.length > 0)
    lines.push('', 'Only in base (removed):', ...removed.map((l) => `  ${l}`));
  const notes = [
    ...r.notes,
    ...new Set(r.findings.flatMap((f) => f.notes.map((n) => `${f.name} ${f.unit}: ${n}`))),
  ];
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((n) => `  ${n}`));
  return `${lines.join('\n')}\n`;
}

/** Findings as a markdown table; `evidenceOf` says what decided each (p-value, exact). */
export function findingTable(fs: GateFinding[], evidenceOf: (f: GateFinding) => string): string {
  const rows = fs.map((f) => {
    const [b, h] = formatPair(f);
    return [
      codeCell(f.name),
      escapeMarkdown(f.unit, MAX_NAME),
      b,
      h,
      formatChange(f.change),
      evidenceOf(f),
      escapeMarkdown(formatLimit(f.limit, f.unit), MAX_NAME + 40),
    ];
  });
  return findingsTable(
    fs,
    ['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'limit'],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'l', 'l'],
  );
}

/** Benchmarks only on one side as folded markdown tables, each with its own numbers. */
export function sideOnlyMarkdown(r: GateResult): string[] {
  const block = (title: string, verdict: 'only-head' | 'only-base', column: string) => {
    const fs = r.findings.filter((f) => f.verdict === verdict);
    if (fs.length === 0) return [];
    const rows = fs.map((f) => {
      const s = (f.head ?? f.base)!;
      return [
        codeCell(f.name),
        escapeMarkdown(f.unit, MAX_NAME),
        scaleOne(s.center, unitClass(f.unit)),
      ];
    });
    const n = new Set(fs.map((f) => JSON.stringify([f.config, f.name]))).size;
    return [
      `<details><summary>${title} (${n} benchmark${n === 1 ? '' : 's'})</summary>\n\n${findingsTable(fs, ['benchmark', 'unit', column], rows, ['l', 'l', 'r'])}\n\n</details>`,
    ];
  };
  return [
    ...block('Only in head: added, not compared', 'only-head', 'head'),
    ...block('Only in base: removed or renamed, not compared', 'only-base', 'base'),
  ];
}

/** The gate's result as GitHub markdown. */
export function renderGateMarkdown(r: GateResult): string {
  const icon = r.verdict === 'fail' ? '❌' : r.verdict === 'pass' ? '✅' : '⚠️';
  let out = `${icon} **${escapeMarkdown(verdictLine(r))}**\n`;
  for (const n of verdictNotes(r)) out += `\n> ${escapeMarkdown(n)}\n`;
  if (r.regressions.length > 0) out += `\n${findingTable(r.regressions, evidence)}\n`;
  if (r.improvements.length > 0) {
    out += `\n<details><summary>Improvements (${r.improvements.length})</summary>\n\n${findingTable(r.improvements, evidence)}\n\n</details>\n`;
  }
  for (const block of sideOnlyMarkdown(r)) out += `\n${block}\n`;
  return out;
}
