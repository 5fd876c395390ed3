/** Allocation hotspots as text and as a markdown table. */
import type { Hotspot, HotspotAmounts } from '../analyze/hotspots.js';
import { formatFixed } from '../units/go-format.js';
import { formatBytes, formatPercent, formatSeconds } from '../units/human.js';
import { codeCell, escapeMarkdown, pathText, proseWithCode, table } from './markdown.js';

const bytes = (n: number) => formatBytes(n);
const time = (ns: number) => formatSeconds(ns / 1e9);
const percent = (f: number) => `${formatFixed(100 * f, 1)}%`;

function where(h: Hotspot): string {
  if (!h.site.file) return '';
  return h.site.line > 0 ? `${h.site.file}:${h.site.line}` : h.site.file;
}

/** The benchmark a hotspot was measured in, without its package: `BenchmarkX`. */
export function benchmarkLabel(h: Hotspot): string {
  return h.benchmark ? h.benchmark.slice(h.benchmark.lastIndexOf('.') + 1) : '';
}

function signed(n: number, fmt: (n: number) => string): string {
  return `${n >= 0 ? '+' : '-'}${fmt(Math.abs(n))}`;
}

/** One amount in the hotspot's basis: a total, a value per operation, or a share of the benchmark. */
function amount(h: Hotspot, v: number, kind: 'bytes' | 'cpu'): string {
  if (h.basis === 'share') return percent(v);
  const text = kind === 'bytes' ? bytes(v) : time(v);
  return h.basis === 'per-op' ? `${text}/op` : text;
}

function change(h: Hotspot, base: number, head: number, kind: 'bytes' | 'cpu'): string {
  const fmt = (n: number) => amount(h, n, kind);
  const rel = base > 0 ? `, ${formatPercent((100 * (head - base)) / base)}` : '';
  return `${fmt(base)} → ${fmt(head)} (${signed(head - base, fmt)}${rel})`;
}

/** What the hotspot allocated (base → head when compared), in its basis. */
export function allocatedText(h: Hotspot): string {
  if (h.kind === 'gc') return '';
  const of = h.basis === 'share' ? ' of the benchmark' : '';
  if (h.moved && h.function) {
    return `moved within the function: ${change(h, h.function.base.bytes, h.function.head.bytes, 'bytes')}${of}`;
  }
  if (h.head.bytes === 0 && (h.base?.bytes ?? 0) === 0) return '';
  return h.base
    ? `${change(h, h.base.bytes, h.head.bytes, 'bytes')}${of}`
    : `${amount(h, h.head.bytes, 'bytes')}${of}`;
}

/** CPU time in allocation and growth routines (base → head when compared), in its basis. */
export function cpuText(h: Hotspot): string {
  if (h.kind === 'gc') return '';
  const b: HotspotAmounts | undefined = h.base;
  if (h.head.cpuNs === 0 && (b?.cpuNs ?? 0) === 0) return '';
  const fmt = (n: number) => amount(h, n, 'cpu');
  return b ? `cpu ${fmt(b.cpuNs)} → ${fmt(h.head.cpuNs)}` : `cpu ${fmt(h.head.cpuNs)}`;
}

function amounts(h: Hotspot): string {
  return [allocatedText(h), cpuText(h)].filter((x) => x !== '').join(', ');
}

/** For a terminal. */
export function renderHotspotsText(hs: Hotspot[]): string {
  if (hs.length === 0) return 'No allocation hotspots.\n';
  return (
    hs
      .map(
        (h) =>
          `${h.isNew ? 'NEW ' : ''}${h.site.fn}  ${where(h)}${h.benchmark ? `  (${benchmarkLabel(h)})` : ''}\n  ${h.kind}: ${amounts(h)}\n  advice: ${h.advice}\n  (${h.evidence})`,
      )
      .join('\n\n') + '\n'
  );
}

/** For the PR comment and summary. */
export function renderHotspotsMarkdown(hs: Hotspot[], max = 10): string {
  if (hs.length === 0) return 'No allocation hotspots.\n';
  const rows = hs.slice(0, max).map((h) => [
    `${h.isNew ? '🆕 ' : ''}${codeCell(h.site.fn)}${h.site.file ? `<br><code>${pathText(h.site.file, h.site.line || undefined)}</code>` : ''}${h.benchmark ? `<br><sub>in ${codeCell(benchmarkLabel(h))}</sub>` : ''}`,
    h.kind,
    escapeMarkdown(amounts(h)),
    proseWithCode(h.advice), // perfgate's words, quoting names from the run in backticks
  ]);
  return `${table(['site', 'kind', 'allocated', 'advice'], rows, ['l', 'l', 'l', 'l'])}\n`;
}
