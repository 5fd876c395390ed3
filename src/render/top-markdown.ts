/** Renders a top table as GitHub markdown. */
import type { TopReport } from '../report/top-report.js';
import { codeCell, escapeMarkdown, table } from './markdown.js';
import { percentage, scaledLabel } from '../units/pprof-units.js';

/** A heading line and a table with pprof's columns. */
export function renderTopMarkdown(report: TopReport): string {
  const { sampleType, total } = report;
  const value = (v: number) => scaledLabel(v, sampleType.unit, report.displayUnit);
  const rows = report.rows.map((r) => [
    value(r.flat),
    percentage(r.flat, total).trim(),
    percentage(r.sumFlat, total).trim(),
    value(r.cum),
    percentage(r.cum, total).trim(),
    codeCell(r.name) + (r.inline ? ` (${r.inline})` : ''),
  ]);
  const shown =
    report.rows.length < report.functionCount
      ? `, top ${report.rows.length} of ${report.functionCount} functions`
      : '';
  const heading = `**${escapeMarkdown(report.source)}** · ${escapeMarkdown(sampleType.type)} · total ${value(total)}${shown}`;
  return `${heading}\n\n${table(['flat', 'flat%', 'sum%', 'cum', 'cum%', 'function'], rows, [
    'r',
    'r',
    'r',
    'r',
    'r',
    'l',
  ])}\n`;
}
