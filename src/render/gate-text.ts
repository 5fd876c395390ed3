/** The gate's verdict as text (terminal) and markdown. */
import type { GateFinding, GateResult, Limit } from '../analyze/gate.js';
import { unitClass } from '../model/units.js';
import { commonScale, formatScaled, scaleOne } from './bench-scale.js';
import { formatFixed } from './go-format.js';
import { codeCell, table } from './markdown.js';

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

/** The verdict line: `FAIL: 2 regressions, 1 improvement`. */
export function verdictLine(r: GateResult): string {
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${r.verdict === 'fail' ? 'FAIL' : 'PASS'}: ${n(r.regressions.length, 'regression')}, ${n(r.improvements.length, 'improvement')} (${r.findings.length} comparisons)`;
}

/** The gate's result for a terminal. */
export function renderGateText(r: GateResult): string {
  const lines = [verdictLine(r)];
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
  const missing = r.findings.filter((f) => f.verdict === 'only-base' || f.verdict === 'only-head');
  if (missing.length > 0) {
    lines.push('', 'Only on one side:');
    for (const f of missing)
      lines.push(`  ${f.name}  ${f.unit}  only in ${f.verdict === 'only-base' ? 'base' : 'head'}`);
  }
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
      f.unit,
      b,
      h,
      formatChange(f.change),
      evidenceOf(f),
      formatLimit(f.limit, f.unit),
    ];
  });
  return table(['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'limit'], rows, [
    'l',
    'l',
    'r',
    'r',
    'r',
    'l',
    'l',
  ]);
}

/** The gate's result as GitHub markdown. */
export function renderGateMarkdown(r: GateResult): string {
  const icon = r.verdict === 'fail' ? '❌' : '✅';
  let out = `${icon} **${verdictLine(r)}**\n`;
  if (r.regressions.length > 0) out += `\n${findingTable(r.regressions, evidence)}\n`;
  if (r.improvements.length > 0) {
    out += `\n<details><summary>Improvements (${r.improvements.length})</summary>\n\n${findingTable(r.improvements, evidence)}\n\n</details>\n`;
  }
  return out;
}
