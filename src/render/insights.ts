/** Profile insights as markdown: function changes (with a chart), hotspots, goroutine leaks. */
import type { Hotspot } from '../analyze/hotspots.js';
import type { LeakWarning } from '../analyze/leaks.js';
import type {
  FunctionChange,
  ProfileInsights,
  SampleTypeChanges,
} from '../analyze/profile-insights.js';
import { notableRow } from '../report/verdict-view.js';
import { formatFixed } from '../units/go-format.js';
import { renderHotspotsMarkdown } from './hotspots.js';
import { codeCell, escapeMarkdown, table } from './markdown.js';
import { scaledLabel } from '../units/pprof-units.js';

const points = (p: number) => `${p >= 0 ? '+' : ''}${formatFixed(p, 1)} pp`;

/** Rows worth showing: the gate tripped, or a share moved by a point beyond sampling noise. */
export function notableRows(c: SampleTypeChanges): FunctionChange[] {
  return c.grown.filter(notableRow);
}

/** Sample types worth showing: some row is notable. */
export function notableChanges(changes: SampleTypeChanges[]): SampleTypeChanges[] {
  return changes.filter((c) => notableRows(c).length > 0);
}

/** `BenchmarkX` of `pkg.BenchmarkX`. */
const shortBenchmark = (b: string) => b.slice(b.lastIndexOf('.') + 1);

function changeRows(c: SampleTypeChanges, fs: FunctionChange[]): string[][] {
  return fs.map((f) => {
    const v = (x: number) => `${scaledLabel(x, c.unit)}${f.basis === 'per-op' ? '/op' : ''}`;
    const under = [
      f.file ? escapeMarkdown(`${f.file}:${f.line}`) : '',
      f.benchmark ? `in ${codeCell(shortBenchmark(f.benchmark))}` : '',
      f.leaf ? `via ${codeCell(f.leaf)}` : '',
    ].filter((x) => x !== '');
    return [
      `${f.regression ? '❌ ' : ''}${codeCell(f.name)}${under.length ? `<br><sub>${under.join(' · ')}</sub>` : ''}`,
      v(f.base),
      v(f.head),
      `${f.delta >= 0 ? '+' : ''}${v(f.delta)}`,
      points(f.sharePoints),
    ];
  });
}

/** What a sample type's points are points of. */
function pointsOf(c: SampleTypeChanges): string {
  const basis = c.grown[0]?.basis;
  if (basis === 'per-op') return 'points of the benchmark’s base value per op';
  if (basis === 'benchmark') return 'points of share within the benchmark';
  return 'points of share of the profile';
}

/** Safe text for a Mermaid label: no quotes, brackets or backticks. */
function mermaidLabel(s: string): string {
  const short = s.length > 28 ? `...${s.slice(-25)}` : s;
  return short.replace(/[^A-Za-z0-9_.()*/ -]/g, '_');
}

/** A bar chart of the top growths of one sample type, base vs head (GitHub renders Mermaid). */
export function changesChart(c: SampleTypeChanges): string {
  const top = c.grown.slice(0, 5);
  if (top.length === 0) return '';
  const scale = Math.max(...top.map((f) => Math.max(f.base, f.head)));
  const [unitFactor, unitName] =
    c.unit === 'bytes' ? [2 ** 20, 'MiB'] : c.unit === 'nanoseconds' ? [1e6, 'ms'] : [1, c.unit];
  const num = (x: number) => formatFixed(x / unitFactor, scale / unitFactor < 10 ? 2 : 0);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(c.sampleType)}: base vs head"`,
    `  x-axis [${top.map((f) => `"${mermaidLabel(f.name)}"`).join(', ')}]`,
    `  y-axis "${mermaidLabel(unitName)}"`,
    `  bar [${top.map((f) => num(f.base)).join(', ')}]`,
    `  bar [${top.map((f) => num(f.head)).join(', ')}]`,
    '```',
  ].join('\n');
}

function leakLine(w: LeakWarning): string {
  const origin = w.origin ? codeCell(w.origin.fn) : 'unknown';
  const blocking = w.blocking ? codeCell(w.blocking.fn) : 'unknown';
  const state = w.state
    ? ` [${escapeMarkdown(w.state)}${w.waitMinutes ? `, ${w.waitMinutes} minutes` : ''}]`
    : '';
  const counts =
    w.severity === 'leak'
      ? `+${w.head - (w.base ?? 0)} goroutines (${w.base ?? 0} → ${w.head})`
      : `${w.head} goroutines`;
  const stack = w.stack
    .map((f) => `${f.fn}\n    ${f.file}:${f.line}`)
    .join('\n')
    .replace(/```/g, "'''");
  return `- ⚠️ ${counts} started by ${origin}, waiting in ${blocking}${state}\n\n  <details><summary>stack</summary>\n\n  \`\`\`\n${stack}\n  \`\`\`\n\n  </details>`;
}

/**
 * A hotspot that is new, grew beyond sampling noise, or moved to another line of its function
 * (shown with the function's change); the GC row only exists when GC grew.
 */
function newOrGrown(h: Hotspot): boolean {
  return h.isNew || h.grown || h.moved || h.kind === 'gc';
}

/** The profile part of the comment or summary. */
export function renderInsightsMarkdown(
  p: ProfileInsights,
  options: { hotspotsNewOrGrownOnly: boolean },
): string {
  const parts: string[] = [];
  const leaks = p.leaks;
  if (leaks.length > 0) {
    const title = leaks.some((l) => l.severity === 'leak')
      ? '**Goroutine leaks**'
      : '**Many goroutines parked at one site**';
    parts.push(title, '', ...leaks.map(leakLine));
  }
  const notable = notableChanges(p.changes);
  for (const c of notable) {
    const limit = c.limitPoints === undefined ? 'reported only' : `gate: +${c.limitPoints} pp`;
    parts.push(
      '',
      `**${escapeMarkdown(c.sampleType)}** in ${codeCell(c.profile)} (${limit}; ${pointsOf(c)})`,
      '',
      table(['function', 'base', 'head', 'delta', 'pp'], changeRows(c, notableRows(c)), [
        'l',
        'r',
        'r',
        'r',
        'r',
      ]),
    );
  }
  if (notable[0]) parts.push('', changesChart(notable[0]));
  const hotspots = options.hotspotsNewOrGrownOnly ? p.hotspots.filter(newOrGrown) : p.hotspots;
  if (hotspots.length > 0)
    parts.push('', '**Allocation hotspots**', '', renderHotspotsMarkdown(hotspots).trimEnd());
  if (p.notes.length > 0) parts.push('', ...p.notes.map((n) => `> ${escapeMarkdown(n)}`));
  return parts.join('\n').trim();
}
