/** Allocation hotspots as text and as a markdown table. */
import type { Hotspot } from '../analyze/hotspots.js';
import { scaleOne } from '../units/bench-scale.js';
import { scaledLabel } from '../units/pprof-units.js';
import { codeCell, escapeMarkdown, table } from './markdown.js';

const bytes = (n: number) => (n === 0 ? '0 B' : `${scaleOne(n, 'binary')}B`);
const time = (ns: number) => scaledLabel(ns, 'nanoseconds');

function where(h: Hotspot): string {
  return h.site.file ? `${h.site.file}:${h.site.line}` : '';
}

function amounts(h: Hotspot): string {
  const parts: string[] = [];
  const signed = (n: number, fmt: (n: number) => string) =>
    `${n >= 0 ? '+' : '-'}${fmt(Math.abs(n))}`;
  if (h.head.bytes > 0 || (h.base?.bytes ?? 0) > 0) {
    parts.push(
      h.base
        ? `${bytes(h.base.bytes)} → ${bytes(h.head.bytes)} (${signed(h.head.bytes - h.base.bytes, bytes)})`
        : bytes(h.head.bytes),
    );
  }
  if (h.head.cpuNs > 0 || (h.base?.cpuNs ?? 0) > 0) {
    parts.push(
      h.base ? `cpu ${time(h.base.cpuNs)} → ${time(h.head.cpuNs)}` : `cpu ${time(h.head.cpuNs)}`,
    );
  }
  return parts.join(', ');
}

/** For a terminal. */
export function renderHotspotsText(hs: Hotspot[]): string {
  if (hs.length === 0) return 'No allocation hotspots.\n';
  return (
    hs
      .map(
        (h) =>
          `${h.isNew ? 'NEW ' : ''}${h.site.fn}  ${where(h)}\n  ${h.kind}: ${amounts(h)}\n  advice: ${h.advice}\n  (${h.evidence})`,
      )
      .join('\n\n') + '\n'
  );
}

/** For the PR comment and summary. */
export function renderHotspotsMarkdown(hs: Hotspot[], max = 10): string {
  if (hs.length === 0) return 'No allocation hotspots.\n';
  const rows = hs.slice(0, max).map((h) => [
    `${h.isNew ? '🆕 ' : ''}${codeCell(h.site.fn)}${where(h) ? `<br>${codeCell(where(h))}` : ''}`,
    h.kind,
    escapeMarkdown(amounts(h)),
    h.advice, // perfgate's own text: markdown as written
  ]);
  return `${table(['site', 'kind', 'allocated', 'advice'], rows, ['l', 'l', 'l', 'l'])}\n`;
}
