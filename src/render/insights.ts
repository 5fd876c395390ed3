/** Profile insights as markdown: function changes (with a chart), hotspots, goroutine leaks. */
import type { LeakWarning } from '../analyze/leaks.js';
import type {
  FunctionChange,
  ProfileInsights,
  SampleTypeChanges,
} from '../analyze/profile-insights.js';
import { formatFixed } from '../units/go-format.js';
import { renderHotspotsMarkdown } from './hotspots.js';
import { codeCell, escapeMarkdown, table } from './markdown.js';
import { scaledLabel } from '../units/pprof-units.js';

const points = (p: number) => `${p >= 0 ? '+' : ''}${formatFixed(p, 1)} pp`;

/** Sample types worth showing: a share moved by at least one point, or the gate tripped. */
export function notableChanges(changes: SampleTypeChanges[]): SampleTypeChanges[] {
  return changes.filter((c) => c.grown.some((f) => f.regression || f.sharePoints >= 1));
}

function changeRows(c: SampleTypeChanges, fs: FunctionChange[]): string[][] {
  const v = (x: number) => scaledLabel(x, c.unit);
  return fs.map((f) => [
    `${f.regression ? '❌ ' : ''}${codeCell(f.name)}${f.file ? `<br><sub>${escapeMarkdown(`${f.file}:${f.line}`)}</sub>` : ''}`,
    v(f.base),
    v(f.head),
    `${f.delta >= 0 ? '+' : ''}${v(f.delta)}`,
    points(f.sharePoints),
  ]);
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
    const limit =
      c.limitPoints === undefined ? 'reported only' : `gate: share +${c.limitPoints} pp`;
    parts.push(
      '',
      `**${escapeMarkdown(c.sampleType)}** in ${codeCell(c.profile)} (${limit})`,
      '',
      table(['function', 'base', 'head', 'delta', 'share'], changeRows(c, c.grown), [
        'l',
        'r',
        'r',
        'r',
        'r',
      ]),
    );
  }
  if (notable[0]) parts.push('', changesChart(notable[0]));
  const hotspots = options.hotspotsNewOrGrownOnly
    ? p.hotspots.filter(
        (h) => h.isNew || (h.base !== undefined && h.head.bytes > 1.1 * h.base.bytes + 1024),
      )
    : p.hotspots;
  if (hotspots.length > 0)
    parts.push('', '**Allocation hotspots**', '', renderHotspotsMarkdown(hotspots).trimEnd());
  if (p.notes.length > 0) parts.push('', ...p.notes.map((n) => `> ${escapeMarkdown(n)}`));
  return parts.join('\n').trim();
}
