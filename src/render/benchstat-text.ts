/**
 * Benchmark comparison tables as text, in benchstat's layout, and as benchstat's CSV: a user can
 * put perfgate's output next to benchstat's and see the same numbers and the same `~`.
 */
import type { BenchTable } from '../analyze/bench-compare.js';
import type { Comparison, Summary } from '../analyze/stats/index.js';
import { unitClass } from '../units/bench-units.js';
import { commonScale, formatScaled, scaleOne } from '../units/bench-scale.js';
import { formatFixed, formatGoValue } from '../units/go-format.js';
import { TextGrid } from './text-grid.js';

/** The CI as benchstat prints it: the larger distance from the center, in percent. */
export function pctRange(s: Summary): string {
  if (!Number.isFinite(s.lo) || !Number.isFinite(s.hi)) return '∞';
  const sign = Math.sign(s.center);
  if (Number.isNaN(sign) || sign !== Math.sign(s.lo) || sign !== Math.sign(s.hi)) return '?';
  if (s.center === 0) return '0%';
  const v = Math.max(s.hi / s.center - 1, 1 - s.lo / s.center);
  return `${formatFixed(100 * v, 0)}%`;
}

/** The delta column: `~` when not significant, else the change of the centers in percent. */
export function formatDelta(c: Comparison, base: number, head: number): string {
  if (c.p > c.alpha) return '~';
  if (base === head) return '0.00%';
  if (base === 0) return '?';
  return signedPercent((head / base - 1) * 100);
}

function signedPercent(pct: number): string {
  const s = formatFixed(pct, 2);
  return `${s.startsWith('-') ? s : `+${s}`}%`;
}

/** `p=0.012 n=10`, `n=10+8`, or just `n=3` for exact comparisons. */
export function comparisonText(c: Comparison): string {
  const p = c.p !== 0 ? `p=${formatFixed(c.p, 3)} ` : '';
  return p + (c.n1 === c.n2 ? `n=${c.n1}` : `n=${c.n1}+${c.n2}`);
}

const superDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(i: number): string {
  return String(i)
    .split('')
    .map((d) => superDigits[Number(d)])
    .join('');
}

/** One table in benchstat's text layout, with its footnotes. */
export function renderBenchTableText(t: BenchTable): string {
  const grid = new TextGrid();
  const start = (e: number) => (e === 0 ? 1 : 1 + 3 + (e - 1) * 6);
  const notes: string[] = [];
  const warn = (...lists: string[][]) => {
    const marks: string[] = [];
    for (const list of lists) {
      for (const w of list) {
        let i = notes.indexOf(w);
        if (i < 0) i = notes.push(w) - 1;
        marks.push(superscript(i + 1));
      }
    }
    grid.cell(marks.join(' '));
  };
  const rEdge = start(t.columns.length + 1);

  grid.newRow();
  t.columns.forEach((label, e) => {
    const l = start(e);
    grid.at(l).span(start(e + 1) - l, label, { align: 'center', margin: ' │ ' });
  });
  grid.at(rEdge).cell('', { margin: ' │' });

  grid.newRow();
  t.columns.forEach((_, e) => {
    const l = start(e);
    grid.at(l).span(3, t.unit, { align: 'center', margin: ' │ ' });
    if (e > 0) grid.span(3, 'vs base', { align: 'left', margin: '  ' });
    for (let j = l + 1; j < grid.column; j++) grid.shrink(j);
  });
  grid.at(rEdge).cell('', { margin: ' │' });

  const cls = unitClass(t.unit);
  for (const row of t.rows) {
    grid.newRow().cell(row.name);
    const scaler = commonScale(
      row.cells.filter((c) => c !== undefined).map((c) => c.summary.center),
      cls,
    );
    row.cells.forEach((cell, e) => {
      if (!cell) return;
      grid.at(start(e));
      grid.cell(formatScaled(cell.summary.center, scaler), { align: 'right' });
      grid.cell(pctRange(cell.summary), { align: 'right', margin: ' ± ' });
      warn(cell.summary.warnings);
      if (e > 0 && cell.comparison && cell.baseCenter !== undefined) {
        grid.cell(formatDelta(cell.comparison, cell.baseCenter, cell.summary.center), {
          align: 'right',
        });
        grid.cell(`(${comparisonText(cell.comparison)})`);
        warn(cell.comparison.warnings);
      }
    });
  }

  if (t.rows.length > 1) {
    grid.newRow().cell('geomean');
    t.summaries.forEach((s, e) => {
      if (s.geomean !== undefined)
        grid.at(start(e)).cell(scaleOne(s.geomean, cls), { align: 'right' });
      if (e > 0) {
        grid.at(start(e) + 3);
        if (s.ratio !== undefined)
          grid.cell(signedPercent((s.ratio - 1) * 100), { align: 'right' });
        else grid.cell('?');
      }
      grid.at(start(e + 1) - 1);
      warn(s.warnings);
    });
  }

  let out = grid.format();
  notes.forEach((n, i) => (out += `${superscript(i + 1)} ${n}\n`));
  return out;
}

/** All tables as benchstat prints them: changed configuration lines above each table. */
export function renderBenchstatText(tables: BenchTable[]): string {
  const parts: string[] = [];
  let previous: [string, string][] | undefined;
  for (const t of tables) {
    const header = t.config
      .filter(([k, v], i) => !previous || previous[i]?.[0] !== k || previous[i]?.[1] !== v)
      .map(([k, v]) => `${k}: ${v}\n`)
      .join('');
    previous = t.config;
    parts.push(header + renderBenchTableText(t));
  }
  return parts.join('\n');
}

/** benchstat's `-format csv`: full-precision centers in base units; warnings returned apart. */
export function renderBenchstatCsv(tables: BenchTable[]): { csv: string; warnings: string[] } {
  const records: string[][] = [];
  const warnings: string[] = [];
  let previous: [string, string][] | undefined;
  tables.forEach((t, ti) => {
    if (ti > 0) records.push([]);
    for (const [i, [k, v]] of t.config.entries()) {
      if (previous && previous[i]?.[0] === k && previous[i]?.[1] === v) continue;
      records.push([`${k}: ${v}`]);
    }
    previous = t.config;
    const width = 1 + 2 + (t.columns.length - 1) * 4;
    const labels = [''];
    t.columns.forEach((c, e) => labels.push(c, '', ...(e > 0 ? ['', ''] : [])));
    records.push(labels.concat(new Array(width - labels.length).fill('')));
    const units = [''];
    t.columns.forEach((_, e) => units.push(t.unit, 'CI', ...(e > 0 ? ['vs base', 'P'] : [])));
    records.push(units);
    const note = (col: number, list: string[]) => {
      for (const w of list) warnings.push(`${columnLetter(col)}${records.length + 1}: ${w}`);
    };
    for (const row of t.rows) {
      const rec = [row.name];
      row.cells.forEach((cell, e) => {
        const at = e === 0 ? 1 : 3 + (e - 1) * 4;
        if (!cell) return;
        while (rec.length < at) rec.push('');
        rec.push(formatGoValue(cell.summary.center), pctRange(cell.summary));
        note(at, cell.summary.warnings);
        if (e > 0 && cell.comparison && cell.baseCenter !== undefined) {
          rec.push(
            formatDelta(cell.comparison, cell.baseCenter, cell.summary.center),
            comparisonText(cell.comparison),
          );
          note(at + 2, cell.comparison.warnings);
        }
      });
      records.push(rec);
    }
    const gm = ['geomean'];
    t.summaries.forEach((s, e) => {
      gm.push(s.geomean !== undefined ? formatGoValue(s.geomean) : '', '');
      if (e > 0) gm.push(s.ratio !== undefined ? signedPercent((s.ratio - 1) * 100) : '?', '');
      note(e === 0 ? 1 : 3 + (e - 1) * 4, s.warnings);
    });
    records.push(gm);
  });
  return { csv: records.map((r) => r.map(csvField).join(',')).join('\n') + '\n', warnings };
}

function csvField(s: string): string {
  if (s === '' || (!/[",\r\n]/.test(s) && !s.startsWith(' '))) return s;
  return `"${s.replace(/"/g, '""')}"`;
}

function columnLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
