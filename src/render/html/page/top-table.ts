/**
 * The top table beside the graph: the functions of either run with flat, flat%, cum, cum% and
 * their changes, as `go tool pprof -top` prints them, first by the change of flat (growth first)
 * and sortable by any column.
 */
import type { PageTopTable } from '../../../report/page-data.js';
import { label, share, signed } from './format.js';

const MAX_ROWS = 500;

/** A row with its function's name and file looked up. */
export interface TopRow {
  name: string;
  file: string;
  line: number;
  headFlat: number;
  baseFlat: number;
  headCum: number;
  baseCum: number;
}

/** A table ready to show. */
export interface Top {
  data: PageTopTable;
  rows: TopRow[];
}

/** Whether a table of the data can be shown: every column as long as the names. */
export function readable(t: PageTopTable | undefined): t is PageTopTable {
  const r = t?.rows;
  if (!r || !Array.isArray(r.name)) return false;
  const cols = [r.file, r.line, r.headFlat, r.baseFlat, r.headCum, r.baseCum];
  return cols.every((c) => Array.isArray(c) && c.length === r.name.length);
}

/** The rows of the data's columns, strings looked up. */
export function readTop(t: PageTopTable, text: (index: unknown) => string): Top {
  const c = t.rows;
  return {
    data: t,
    rows: c.name.map((name, i) => ({
      name: text(name),
      file: text(c.file[i]),
      line: c.line[i]!,
      headFlat: c.headFlat[i]!,
      baseFlat: c.baseFlat[i]!,
      headCum: c.headCum[i]!,
      baseCum: c.baseCum[i]!,
    })),
  };
}

/** The order a table is first shown in: the change of flat, growth first. */
export const firstSort: Sort = { key: 'dflat', dir: -1 };

const byNumber =
  (get: (r: TopRow) => number) =>
  (a: TopRow, b: TopRow): number =>
    get(a) - get(b);

/** The columns' ascending orders, by the column header's `data-key`. */
const ORDER = {
  name: (a: TopRow, b: TopRow) => a.name.localeCompare(b.name),
  flat: byNumber((r) => r.headFlat),
  flatPct: byNumber((r) => r.headFlat),
  cum: byNumber((r) => r.headCum),
  cumPct: byNumber((r) => r.headCum),
  dflat: byNumber((r) => r.headFlat - r.baseFlat),
  dcum: byNumber((r) => r.headCum - r.baseCum),
};

/** A column the table sorts by. */
export type SortKey = keyof typeof ORDER;

/** A column and its direction: 1 ascending, -1 descending. */
export interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

/** Whether a column header's key names a sortable column. */
export function isSortKey(key: string | undefined): key is SortKey {
  return key !== undefined && Object.hasOwn(ORDER, key);
}

/** The sort after a click on a column: the same column flips, another starts at its natural order. */
export function nextSort(sort: Sort, key: SortKey): Sort {
  if (key === sort.key) return { key, dir: sort.dir === 1 ? -1 : 1 };
  return { key, dir: key === 'name' ? 1 : -1 };
}

function cell(tr: HTMLTableRowElement, text: string, cls?: string, title?: string): void {
  const td = tr.insertCell();
  td.textContent = text;
  if (cls) td.className = cls;
  if (title) td.title = title;
}

const trend = (d: number) => (d > 0 ? 'num up' : d < 0 ? 'num down' : 'num');

/**
 * Fills the table's body with the first rows in the sort's order (ties by name) and says how
 * many there are in `note`; a graph without a table says so.
 */
export function renderTop(
  table: HTMLTableElement,
  note: HTMLElement,
  top: Top | null,
  sort: Sort,
  unit: string,
): void {
  const body = table.tBodies[0]!;
  body.textContent = '';
  if (!top) {
    note.textContent = 'No top table for this profile.';
    return;
  }
  const order = ORDER[sort.key];
  const rows = top.rows
    .slice()
    .sort((a, b) => order(a, b) * sort.dir || a.name.localeCompare(b.name));
  const total = top.data.headTotal;
  for (const r of rows.slice(0, MAX_ROWS)) {
    const tr = body.insertRow();
    tr.dataset.name = r.name;
    const df = r.headFlat - r.baseFlat;
    const dc = r.headCum - r.baseCum;
    cell(tr, label(r.headFlat, unit), 'num');
    cell(tr, share(r.headFlat, total), 'num');
    cell(tr, label(r.headCum, unit), 'num');
    cell(tr, share(r.headCum, total), 'num');
    cell(tr, signed(df, unit), trend(df), `base ${label(r.baseFlat, unit)}`);
    cell(tr, signed(dc, unit), trend(dc), `base ${label(r.baseCum, unit)}`);
    cell(tr, r.name, 'name', r.file ? `${r.file}:${r.line}` : '');
  }
  const all = Math.max(top.data.functions ?? 0, rows.length);
  note.textContent =
    all > Math.min(rows.length, MAX_ROWS)
      ? `The first ${Math.min(rows.length, MAX_ROWS)} of ${all} functions by this column.`
      : `${rows.length} functions.`;
  for (const th of table.tHead!.rows[0]!.cells) {
    const on = th.dataset.key === sort.key;
    th.setAttribute('aria-sort', on ? (sort.dir < 0 ? 'descending' : 'ascending') : 'none');
  }
}
