/**
 * The verdict at the top of the report page: the same headline, reason and counts as the PR
 * comment, and the profile findings behind them (per benchmark and per operation where known).
 */
import type { PageProfileRow, PageVerdict } from '../../../report/page-data.js';
import { label } from './format.js';
import { headlineText } from './headline.js';

function cell(row: HTMLTableRowElement, text: string, className = ''): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function value(r: PageProfileRow, v: number): string {
  return `${label(v, r.unit)}${r.basis === 'per-op' ? '/op' : ''}`;
}

function points(p: number): string {
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)} pp`;
}

/** Draws the verdict into its section. */
export function drawVerdict(v: PageVerdict, section: HTMLElement): void {
  section.replaceChildren();
  const h = document.createElement('h2');
  h.id = 'verdict-headline';
  h.textContent = headlineText(v);
  const p = document.createElement('p');
  p.textContent = `${v.reason}.`;
  section.append(h, p);
  if (v.profileRows.length > 0) {
    const table = document.createElement('table');
    table.id = 'profile-findings';
    const head = table.createTHead().insertRow();
    for (const t of ['function', 'benchmark', 'sample type', 'base', 'head', 'change', 'gate'])
      cell(head, t);
    const body = table.createTBody();
    for (const r of v.profileRows) {
      const row = body.insertRow();
      row.className = r.regression ? 'regression' : '';
      const fn = cell(row, '');
      const code = document.createElement('code');
      code.textContent = r.function;
      const where = document.createElement('div');
      where.className = 'muted';
      where.textContent = [r.file ? `${r.file}:${r.line}` : '', r.leaf ? `via ${r.leaf}` : '']
        .filter((x) => x !== '')
        .join(' \u00b7 ');
      fn.append(code, where);
      cell(row, r.benchmark.slice(r.benchmark.lastIndexOf('.') + 1));
      cell(row, `${r.sampleType} (${r.profile})`);
      cell(row, value(r, r.base), 'num');
      cell(row, value(r, r.head), 'num');
      cell(row, points(r.points), 'num');
      cell(
        row,
        r.regression ? '\u274c fails' : r.limit === null ? 'reported only' : `under +${r.limit} pp`,
      );
    }
    section.append(table);
  }
  section.hidden = false;
}
