/** Profile insights as markdown blocks: goroutine leaks, function changes, a chart, hotspots. */
import { shortFunctionName } from '../analyze/function-name.js';
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
import { leakHeadline } from './leak-text.js';
import {
  codeCell,
  escapeMarkdown,
  fenceLine,
  MAX_NAME,
  plainPath,
  pathText,
  table,
} from './markdown.js';
import { formatProfileValue } from '../units/human.js';
import { type Block, moreLine, shortenable } from './sections.js';

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
    const v = (x: number) => `${formatProfileValue(x, c.unit)}${f.basis === 'per-op' ? '/op' : ''}`;
    const under = [
      f.file ? pathText(f.file, f.line || undefined) : '',
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

/** Safe text for a Mermaid label: no quotes, brackets, backticks or markup. */
function mermaidLabel(s: string, max = 40): string {
  const short = s.length > max ? `…${s.slice(-(max - 1))}` : s;
  return short.replace(/[^A-Za-z0-9_.()*/ …-]/g, '_');
}

/** The unit a chart's axis is drawn in, chosen by its largest value (IEC bytes, time). */
function chartUnit(unit: string, max: number): [factor: number, name: string] {
  const steps: [number, string][] =
    unit === 'bytes'
      ? [
          [2 ** 30, 'GiB'],
          [2 ** 20, 'MiB'],
          [2 ** 10, 'KiB'],
          [1, 'B'],
        ]
      : unit === 'nanoseconds'
        ? [
            [1e9, 's'],
            [1e6, 'ms'],
            [1e3, 'µs'],
            [1, 'ns'],
          ]
        : [[1, unit]];
  return steps.find(([f]) => max >= f) ?? steps[steps.length - 1]!;
}

/** A round axis end at or above `max`, at most a quarter above it. */
function axisEnd(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((e) => e >= max) ??
    10 * p) as number;
}

/** The sample type whose growth failed the gate, the one worth a chart. */
export function gatingChanges(changes: SampleTypeChanges[]): SampleTypeChanges | undefined {
  return changes.find((c) => c.grown.some((f) => f.regression));
}

/** Mermaid's settings for the chart: see changesChart. */
const chartInit = JSON.stringify({
  xyChart: { yAxis: { showLabel: false, showTick: false } },
  themeVariables: { xyChart: { plotColorPalette: '#8c959f, #cf222e' } },
});

/**
 * A bar chart of one sample type's top growths (GitHub draws Mermaid): each function's base and
 * head as neighbouring bars, coloured by side, each labelled with its name, side and value.
 * Mermaid draws bars from the plot's edge but places 0 of a labelled value axis a little inside
 * it, so every bar would be longer than its value: the value axis has no tick labels (the values
 * are in the bar labels), which puts 0 at the edge. Two series draw their bars at the same place,
 * so each has a bar only where its side is.
 */
export function changesChart(c: SampleTypeChanges): string {
  const top = c.grown.slice(0, 5);
  if (top.length === 0) return '';
  const max = Math.max(...top.map((f) => Math.max(f.base, f.head)));
  const [factor, axisUnit] = chartUnit(c.unit, max);
  const unitName = top[0]?.basis === 'per-op' ? `${axisUnit}/op` : axisUnit;
  const digits = max / factor < 10 ? 2 : max / factor < 100 ? 1 : 0;
  const num = (x: number) => formatFixed(x / factor, digits);
  const shown = (x: number) => (factor === 1 ? x.toLocaleString('en-US') : num(x));
  const labels = top.flatMap((f) => {
    const name = mermaidLabel(shortFunctionName(f.name));
    return [`"${name} · base ${shown(f.base)}"`, `"${name} · head ${shown(f.head)}"`];
  });
  const base = top.flatMap((f) => [num(f.base), '0']);
  const head = top.flatMap((f) => ['0', num(f.head)]);
  return [
    '```mermaid',
    `%%{init: ${chartInit}}%%`,
    'xychart-beta horizontal',
    `  title "${mermaidLabel(c.sampleType)} in ${mermaidLabel(c.profile)}, ${mermaidLabel(unitName)}: base (grey), head (red)"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${mermaidLabel(unitName)}" 0 --> ${formatFixed(axisEnd(max / factor), digits)}`,
    `  bar "base" [${base.join(', ')}]`,
    `  bar "head" [${head.join(', ')}]`,
    '```',
  ].join('\n');
}

function leakItem(w: LeakWarning): string {
  const headline = leakHeadline(w, { code: codeCell, text: escapeMarkdown });
  // Every line of the stack is indented as the list item's content, so the fence stays in it;
  // fenceLine keeps a line break or a backtick run in a name from ending the item or the fence.
  const stack = w.stack
    .flatMap((f) => [
      fenceLine(f.fn, MAX_NAME),
      `    ${fenceLine(f.line > 0 ? `${plainPath(f.file)}:${f.line}` : plainPath(f.file))}`,
    ])
    .map((l) => `  ${l}`)
    .join('\n');
  return [
    `- ⚠️ ${headline}`,
    '',
    `  Fix: ${escapeMarkdown(w.advice)}`,
    '',
    '  <details><summary>stack</summary>',
    '',
    '  ```',
    stack,
    '  ```',
    '',
    '  </details>',
  ].join('\n');
}

/**
 * A hotspot that is new, grew beyond sampling noise, or moved to another line of its function
 * (shown with the function's change); the GC row only exists when GC grew.
 */
export function newOrGrown(h: Hotspot): boolean {
  return h.isNew || h.grown || h.moved || h.kind === 'gc';
}

/** Where the items left out of a shortened list can be read, e.g. `in the job summary`. */
export interface InsightOptions {
  hotspotsNewOrGrownOnly: boolean;
  elsewhere: string;
}

function leakBlock(leaks: LeakWarning[], elsewhere: string): Block {
  const title = leaks.some((l) => l.severity === 'leak')
    ? '**Goroutine leaks**'
    : '**Many goroutines parked at one site**';
  const what = (n: number) => (n === 1 ? 'leak' : 'leaks');
  return shortenable(2, leaks.length, (keep) => {
    const shown = leaks.slice(0, keep).map(leakItem);
    const left = leaks.length - shown.length;
    const more =
      left === 0
        ? []
        : shown.length === 0
          ? [`${left} ${what(left)} found${elsewhere ? `, listed ${elsewhere}` : ''}.`]
          : [moreLine(left, what(left), elsewhere)];
    return [title, ...shown, ...more].join('\n\n');
  });
}

function changesBlock(notable: SampleTypeChanges[], elsewhere: string): Block {
  const section = (c: SampleTypeChanges) => {
    const limit = c.limitPoints === undefined ? 'reported only' : `gate: +${c.limitPoints} pp`;
    return [
      `**${escapeMarkdown(c.sampleType, MAX_NAME)}** in ${codeCell(c.profile)} (${limit}; ${pointsOf(c)})`,
      '',
      table(['function', 'base', 'head', 'delta', 'pp'], changeRows(c, notableRows(c)), [
        'l',
        'r',
        'r',
        'r',
        'r',
      ]),
    ].join('\n');
  };
  return shortenable(3, notable.length, (keep) => {
    const left = notable.length - keep;
    const more = left > 0 ? [moreLine(left, 'profile tables', elsewhere)] : [];
    return [...notable.slice(0, keep).map(section), ...more].join('\n\n');
  });
}

/**
 * The profile part of the comment or summary, as blocks that can be shortened to fit (its notes
 * go with the run's other notes).
 */
export function insightBlocks(p: ProfileInsights, options: InsightOptions): Block[] {
  const blocks: Block[] = [];
  const add = (b: Block) => blocks.push(...(blocks.length > 0 ? [''] : []), b);
  if (p.leaks.length > 0) add(leakBlock(p.leaks, options.elsewhere));
  const notable = notableChanges(p.changes);
  if (notable.length > 0) add(changesBlock(notable, options.elsewhere));
  const gating = gatingChanges(p.changes);
  if (gating) {
    const chart = changesChart(gating);
    add(shortenable(5, 1, (keep) => (keep > 0 ? chart : '')));
  }
  const hotspots = options.hotspotsNewOrGrownOnly ? p.hotspots.filter(newOrGrown) : p.hotspots;
  if (hotspots.length > 0) {
    const shown = Math.min(hotspots.length, 10);
    add(
      shortenable(4, shown, (keep) => {
        if (keep === 0) return '';
        const left = hotspots.length - keep;
        const more =
          left > 0 && keep < shown ? `\n\n${moreLine(left, 'hotspots', options.elsewhere)}` : '';
        return `**Allocation hotspots**\n\n${renderHotspotsMarkdown(hotspots, keep).trimEnd()}${more}`;
      }),
    );
  }
  return blocks;
}
