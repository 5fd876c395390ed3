/**
 * The base branch's past baselines as small charts, one per benchmark × unit: each past commit's
 * center with its interval, coloured by the CPU model it ran on, a dashed line where the runner's
 * CPU changed, and head marked at the right. Names and CPU models are data: they reach the page
 * as text only.
 */
import type { PageHistory, PageHistorySeries } from '../../../report/page-data.js';
import { formatQuantity, quantityKind } from '../../../units/human.js';

/**
 * The SVG namespace, as the HTML parser gives an `<svg>` element: the page holds no URL, not even
 * a namespace's (its self-containment check looks for none).
 */
const SVG = (new DOMParser().parseFromString('<svg></svg>', 'text/html').body.firstElementChild
  ?.namespaceURI ?? '') as 'http://www.w3.org/2000/svg';
const W = 320;
const H = 140;
const PAD = { left: 58, right: 30, top: 10, bottom: 22 };
/** Colours of the CPU models, in the order they appear (repeating past the last). */
const CPU_COLOURS = ['#0969da', '#bf8700', '#8250df', '#1a7f37', '#cf222e', '#57606a'];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  parent: Element,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent.appendChild(el);
  return el;
}

function titled(el: SVGElement, text: string): void {
  const t = document.createElementNS(SVG, 'title');
  t.textContent = text;
  el.appendChild(t);
}

function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** A value as the comment writes it, with what it is per: `253.2 KiB/op`, `2,415 allocs/op`. */
function value(v: number, unit: string): string {
  const q = formatQuantity(v, unit);
  if (quantityKind(unit) === 'count') return `${q} ${unit}`;
  const per = unit.indexOf('/');
  return per < 0 ? q : `${q}${unit.slice(per)}`;
}

/** One series' chart. */
function chart(h: PageHistory, s: PageHistorySeries, colourOf: (cpu: string) => string) {
  const card = html('figure', '', `history-card${s.regression ? ' regression' : ''}`);
  const caption = html('figcaption', '');
  caption.append(html('code', s.name), html('span', ` ${s.unit}`));
  if (s.regression) caption.append(html('span', ' regressed', 'tag'));
  if (s.pkg) caption.append(html('div', s.pkg, 'muted'));
  card.append(caption);

  const n = h.commits.length;
  const numbers = [...s.centers, ...s.lo, ...s.hi].filter((v): v is number => v !== null);
  if (s.head) {
    numbers.push(s.head.center);
    for (const b of [s.head.lo, s.head.hi]) if (b !== null) numbers.push(b);
  }
  let lo = Math.min(...numbers);
  let hi = Math.max(...numbers);
  // A flat line (every value the same) is drawn in the middle of a range around it.
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  const pad = (hi - lo) * 0.06;
  [lo, hi] = [lo - pad, hi + pad];
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / n);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;

  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img' }, card);
  titled(root, `${s.name} ${s.unit}: ${n} past commits of ${h.branch} and head`);
  svg('rect', { x: PAD.left, y: PAD.top, width: plotW, height: plotH, class: 'plot' }, root);
  for (const v of [hi - pad, lo + pad]) {
    svg('line', { x1: PAD.left - 4, x2: PAD.left, y1: y(v), y2: y(v), class: 'tick' }, root);
    const t = svg('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, root);
    t.textContent = formatQuantity(v, s.unit);
  }
  // Where the runner's CPU model changed between two commits.
  for (let i = 1; i < n; i++) {
    if (h.commits[i]!.cpu === h.commits[i - 1]!.cpu) continue;
    const at = (x(i - 1) + x(i)) / 2;
    const line = svg(
      'line',
      { x1: at, x2: at, y1: PAD.top, y2: PAD.top + plotH, class: 'runner-change' },
      root,
    );
    titled(
      line,
      `runner CPU changed: ${h.commits[i - 1]!.cpu || 'unknown'} → ${h.commits[i]!.cpu || 'unknown'}`,
    );
  }
  const path: string[] = [];
  s.centers.forEach((c, i) => {
    if (c !== null) path.push(`${path.length === 0 ? 'M' : 'L'}${x(i)},${y(c)}`);
  });
  if (path.length > 1) svg('path', { d: path.join(' '), class: 'trend' }, root);
  s.centers.forEach((c, i) => {
    if (c === null) return;
    const commit = h.commits[i]!;
    const lo = s.lo[i];
    const hi = s.hi[i];
    if (lo !== null && lo !== undefined && hi !== null && hi !== undefined)
      svg('line', { x1: x(i), x2: x(i), y1: y(lo), y2: y(hi), class: 'interval' }, root);
    const dot = svg('circle', { cx: x(i), cy: y(c), r: 3, fill: colourOf(commit.cpu) }, root);
    dot.setAttribute('class', 'past');
    titled(
      dot,
      `${commit.commit.slice(0, 12)} · ${commit.date.slice(0, 10)} · ${value(c, s.unit)}${commit.cpu ? ` · ${commit.cpu}` : ''}`,
    );
  });
  if (s.head) {
    const hx = x(n);
    const { center, lo: hlo, hi: hhi } = s.head;
    if (hlo !== null && hhi !== null)
      svg('line', { x1: hx, x2: hx, y1: y(hlo), y2: y(hhi), class: 'interval head' }, root);
    const r = 5;
    const mark = svg(
      'path',
      {
        d: `M${hx},${y(center) - r} L${hx + r},${y(center)} L${hx},${y(center) + r} L${hx - r},${y(center)} Z`,
        class: 'head-mark',
      },
      root,
    );
    titled(mark, `head · ${value(center, s.unit)}`);
    const t = svg('text', { x: hx, y: H - 6, 'text-anchor': 'middle', class: 'head-label' }, root);
    t.textContent = 'head';
  }
  const t = svg('text', { x: PAD.left, y: H - 6, class: 'axis' }, root);
  t.textContent =
    n > 0 ? `${h.commits[0]!.commit.slice(0, 7)} … ${h.commits[n - 1]!.commit.slice(0, 7)}` : '';
  return card;
}

/** Draws the history into its section. */
export function drawHistory(h: PageHistory, section: HTMLElement): void {
  section.replaceChildren();
  const commits = h.commits.length;
  section.append(
    html('h2', `History: the last ${commits} baseline${commits === 1 ? '' : 's'} of ${h.branch}`),
  );
  const cpus = [...new Set(h.commits.map((c) => c.cpu))];
  const colourOf = (cpu: string) => CPU_COLOURS[cpus.indexOf(cpu) % CPU_COLOURS.length]!;
  const legend = html('p', '', 'history-legend');
  for (const cpu of cpus) {
    const item = html('span', cpu || 'CPU unknown', 'cpu');
    item.style.setProperty('--cpu', colourOf(cpu));
    legend.append(item);
  }
  legend.append(html('span', 'head', 'l-head'));
  if (cpus.length > 1) legend.append(html('span', 'runner CPU changed', 'l-change'));
  section.append(legend);
  const grid = html('div', '', 'history-grid');
  for (const s of h.series) grid.append(chart(h, s, colourOf));
  section.append(grid);
  if (h.omitted > 0)
    section.append(
      html('p', `${h.omitted} more benchmark units are in the history file.`, 'muted'),
    );
  section.hidden = false;
}
