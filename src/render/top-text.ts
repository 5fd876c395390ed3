/** Renders a top table in the layout of `go tool pprof -top`. */
import type { TopReport } from '../report/top-report.js';
import { padLeft } from '../units/go-format.js';
import { percentage, scaleValue, scaledLabel } from '../units/pprof-units.js';

/**
 * The header lines pprof prints above a top table. The time is in UTC, in pprof's layout
 * (`2006-01-02 15:04:05 MST`; pprof uses the local zone, UTC on a CI runner).
 */
export function topHeaderLines(report: TopReport): string[] {
  const { header, sampleType, total } = report;
  const value = (v: number) => scaledLabel(v, sampleType.unit, report.displayUnit);
  const lines: string[] = [];
  if (header.file) lines.push(`File: ${header.file}`);
  if (header.buildId) lines.push(`Build ID: ${header.buildId}`);
  lines.push(...header.comments);
  lines.push(`Type: ${sampleType.type}`);
  if (header.docUrl) lines.push(`Doc: ${header.docUrl}`);
  if (header.timeNanos) lines.push(`Time: ${utcTime(header.timeNanos)}`);
  if (header.durationNanos) {
    const [ns, unit] = scaleValue(total, sampleType.unit, 'nanoseconds');
    const ratio = unit === 'ns' && ns !== 0 ? `(${percentage(ns, header.durationNanos)})` : '';
    lines.push(
      `Duration: ${scaledLabel(header.durationNanos, 'nanoseconds', 'auto')}, Total samples = ${value(total)} ${ratio}`,
    );
  }
  lines.push(
    `Showing nodes accounting for ${value(report.shownFlat)}, ${percentage(report.shownFlat, total).trim()} of ${value(total)} total`,
  );
  if (report.rows.length < report.functionCount) {
    lines.push(`Showing top ${report.rows.length} nodes out of ${report.functionCount}`);
  }
  return lines;
}

/** The whole table as text, header lines first, one row per function. */
export function renderTopText(report: TopReport): string {
  const { sampleType, total } = report;
  const value = (v: number) => scaledLabel(v, sampleType.unit, report.displayUnit);
  const out = topHeaderLines(report);
  out.push(
    `${padLeft('flat', 10)} ${padLeft('flat', 5)}% ${padLeft('sum', 5)}% ${padLeft('cum', 10)} ${padLeft('cum', 5)}%`,
  );
  for (const row of report.rows) {
    const marker = row.inline ? ` (${row.inline})` : '';
    out.push(
      `${padLeft(value(row.flat), 10)} ${percentage(row.flat, total)} ${percentage(row.sumFlat, total)} ${padLeft(value(row.cum), 10)} ${percentage(row.cum, total)}  ${row.name}${marker}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** `2026-11-30 07:16:45 UTC`: Go's `2006-01-02 15:04:05 MST` layout, in UTC. */
function utcTime(nanos: number): string {
  return `${new Date(Math.floor(nanos / 1e6)).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
