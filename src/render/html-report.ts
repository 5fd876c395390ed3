/**
 * The HTML report: one self-contained file (inline CSS and script, no network when viewed) with a
 * differential flame graph and a sortable top table per profile pair and sample type, the
 * benchmark comparison, hotspots and goroutine leaks. The static sections are rendered here; the
 * graph and table are drawn in the page from the model's JSON, so the file stays small.
 */
import type { GateFinding, GateResult } from '../analyze/gate.js';
import type { Hotspot } from '../analyze/hotspots.js';
import type { LeakWarning } from '../analyze/leaks.js';
import type { FlameNode } from '../report/flame.js';
import type { HtmlReportModel } from '../report/html-model.js';
import { formatChange, formatPair, verdictLine } from './gate-text.js';
import { formatFixed } from './go-format.js';
import { scaledLabel } from './pprof-units.js';

/** Text made inert in HTML (element content and quoted attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` become `\u003c`..., so no
 * string in it can close the element, and U+2028/2029 are escaped for older parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The page's value formatter: pprof's `scaledLabel` and `percentage` (see pprof-units.ts) in plain
 * JavaScript. Go rounds exact ties to even where JavaScript rounds them up, so ties are found on
 * the exact decimal expansion, as go-format.ts does. Exported so tests hold it to the original.
 */
export const pageFormatterScript = String.raw`
const UNIT_TYPES = [
  [[['B', ['b', 'byte'], 1], ['kB', ['kb', 'kbyte', 'kilobyte'], 2 ** 10],
    ['MB', ['mb', 'mbyte', 'megabyte'], 2 ** 20], ['GB', ['gb', 'gbyte', 'gigabyte'], 2 ** 30],
    ['TB', ['tb', 'tbyte', 'terabyte'], 2 ** 40], ['PB', ['pb', 'pbyte', 'petabyte'], 2 ** 50]], 'B'],
  [[['ns', ['ns', 'nanosecond'], 1], ['us', ['\u03bcs', 'us', 'microsecond'], 1e3],
    ['ms', ['ms', 'millisecond'], 1e6], ['s', ['s', 'sec', 'second'], 1e9],
    ['hrs', ['hour', 'hr'], 3600e9]], 's'],
];
function findUnit(units, name) {
  let n = name.toLowerCase();
  if (n.length > 2 && n.endsWith('s')) n = n.slice(0, -1);
  return units.find((u) => u[1].includes(n));
}
function scaleValue(value, unit) {
  if (value < 0) {
    const [v, u] = scaleValue(-value, unit);
    return [-v, u];
  }
  for (const [units, fallback] of UNIT_TYPES) {
    const from = findUnit(units, unit);
    if (!from) continue;
    const base = value * from[2];
    let to;
    for (const u of units) if (base / u[2] >= 1) to = u;
    to = to || units.find((u) => u[0] === fallback);
    return [base / to[2], to[0]];
  }
  return [value, ''];
}
// The exact decimal digits of |x| (toFixed(100) is exact below 1e21) and the point's position.
function exactDigits(x) {
  const s = Math.abs(x).toFixed(100);
  const dot = s.indexOf('.');
  const all = s.slice(0, dot) + s.slice(dot + 1);
  const first = all.search(/[1-9]/);
  if (first < 0) return { digits: '', point: 0 };
  return { digits: all.slice(first).replace(/0+$/, ''), point: dot - first };
}
// Keeps 'keep' digits, rounding half to even; carry is true when the digits grew by one (9.99 -> 10.0).
function roundDigits(digits, keep) {
  if (keep < 0) return { digits: '', carry: false };
  if (digits.length <= keep) return { digits, carry: false };
  const next = digits.charCodeAt(keep) - 48;
  const prev = keep > 0 ? digits.charCodeAt(keep - 1) - 48 : 0;
  const up = next > 5 || (next === 5 && (/[1-9]/.test(digits.slice(keep + 1)) || prev % 2 === 1));
  const kept = digits.slice(0, keep).split('').map(Number);
  if (!up) return { digits: kept.join(''), carry: false };
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === 9) kept[i--] = 0;
  if (i < 0) return { digits: '1' + kept.join(''), carry: true };
  kept[i]++;
  return { digits: kept.join(''), carry: false };
}
// Go's %.<prec>f.
function formatFixed(x, prec) {
  const neg = x < 0 || Object.is(x, -0);
  const { digits, point } = exactDigits(x);
  const r = roundDigits(digits, point + prec);
  const pt = r.digits === '' ? 0 : point + (r.carry ? 1 : 0);
  const full = ((pt < 0 ? '0'.repeat(-pt) : '') + r.digits).padEnd(Math.max(pt, 0) + prec, '0');
  const intLen = Math.max(pt, 0);
  const int = intLen > 0 ? full.slice(0, intLen) : '0';
  const body = prec > 0 ? int + '.' + full.slice(intLen, intLen + prec) : int;
  return neg ? '-' + body : body;
}
// Go's %.<prec>g for x > 0 (percentages).
function formatGeneral(x, prec) {
  if (x === 0) return '0';
  const exact = exactDigits(x);
  const r = roundDigits(exact.digits, prec);
  const digs = r.digits.replace(/0+$/, '');
  const nd = digs.length;
  const dp = exact.point + (r.carry ? 1 : 0);
  const exp = dp - 1;
  const eprec = prec > nd && nd >= dp ? nd : prec;
  if (exp < -4 || exp >= eprec) {
    const mant = nd > 1 ? digs[0] + '.' + digs.slice(1) : digs;
    const e = Math.abs(exp);
    return mant + 'e' + (exp < 0 ? '-' : '+') + (e < 10 ? '0' + e : e);
  }
  const fracDigits = Math.max((prec > dp ? nd : prec) - dp, 0);
  const int = dp > 0 ? digs.slice(0, dp).padEnd(dp, '0') : '0';
  const frac = (dp < 0 ? '0'.repeat(-dp) : '') + digs.slice(Math.max(dp, 0));
  return fracDigits > 0 ? int + '.' + frac.padEnd(fracDigits, '0').slice(0, fracDigits) : int;
}
// A value as pprof prints it: 1.50MB, 10ms, 120.
function scaledLabel(value, unit) {
  const [v, u] = scaleValue(value, unit);
  let s = formatFixed(v, 2);
  if (s.endsWith('.00')) s = s.slice(0, -3);
  if (s === '0' || s === '-0') return '0';
  return s + u;
}
// A share of the total as pprof prints it (without its padding): 12.34%, 0.5%, 100%.
function percentage(value, total) {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '100%';
  if (ratio >= 1) return formatFixed(ratio, 2) + '%';
  return formatGeneral(ratio, 2) + '%';
}
`;

/**
 * The page's data. Function names and file paths repeat across frames, graphs and tables, so
 * they are sent once, in `strings`, and referred to by index (a third of the size).
 */
export function pageData(model: HtmlReportModel): {
  strings: string[];
  graphs: unknown[];
  tops: unknown[];
} {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = ids.size));
    return i;
  };
  const node = (n: FlameNode): unknown => ({
    ...n,
    name: id(n.name),
    file: id(n.file),
    children: n.children.map(node),
  });
  // A broken model may lack a root: the page says so rather than the renderer throwing.
  const graphs = model.graphs.map((g) => ({ ...g, root: g.root ? node(g.root) : g.root }));
  const tops = model.tops.map((t) => ({
    ...t,
    rows: t.rows.map((r) => ({ ...r, name: id(r.name), file: id(r.file) })),
  }));
  return { strings: [...ids.keys()], graphs, tops };
}

/** The page's behaviour: flame graph, tooltip, zoom, search, top table, sample-type switch. */
const pageScript = String.raw`
(() => {
  'use strict';
  const ROW = 18; // px per frame row
  const MIN_PX = 0.5; // frames narrower than this are not drawn (zoom in to see them)
  const TEXT_PX = 24; // frames narrower than this show no name
  const SAME = 0.001; // changes under this share of the total are "unchanged"
  const FULL = 0.2; // a change of this share of the total gets the strongest colour
  const MAX_ROWS = 500;
  const $ = (id) => document.getElementById(id);

  function showMessage(text) {
    const box = $('message');
    const p = document.createElement('p');
    p.textContent = text;
    box.appendChild(p);
    box.hidden = false;
  }

  let data;
  try {
    data = JSON.parse($('data').textContent || '');
  } catch (err) {
    showMessage('The report\u2019s data could not be read (' + err.message + ').');
    return;
  }
  const graphs = Array.isArray(data.graphs) ? data.graphs : [];
  const tops = Array.isArray(data.tops) ? data.tops : [];
  const strings = Array.isArray(data.strings) ? data.strings : [];
  const text = (v) => (typeof v === 'number' ? String(strings[v] ?? '') : String(v ?? ''));
  if (!$('viewer') || graphs.length === 0) return;

  const state = { graph: null, top: null, zoom: null, term: '', sort: { key: 'flat', dir: -1 } };

  const valid = (g) => !!g && !!g.root && typeof g.root.head === 'number' && typeof g.unit === 'string';
  const label = (v) => scaledLabel(v, state.graph.unit);
  const signed = (v) => (v > 0 ? '+' : '') + label(v);
  const total = (g) => Math.max(Math.abs(g.headTotal), Math.abs(g.baseTotal)) || 1;

  // Numbers the frames (root first), links each to its parent and looks up its strings.
  function prepare(g) {
    const nodes = [];
    const todo = [[g.root, null, 0]];
    while (todo.length > 0) {
      const [n, parent, depth] = todo.pop();
      if (!Array.isArray(n.children)) n.children = [];
      n.name = text(n.name);
      n.file = text(n.file);
      n.id = nodes.length;
      n.parent = parent;
      n.depth = depth;
      nodes.push(n);
      for (let i = n.children.length - 1; i >= 0; i--) todo.push([n.children[i], n, depth + 1]);
    }
    return nodes;
  }

  // Colour by absolute change, or by change of share when the runs had different lengths (a
  // time-boxed cpu profile of a slower head covers the same seconds but fewer operations).
  let byShare = false;

  function change(g, n) {
    const r =
      byShare && g.headTotal > 0 && g.baseTotal > 0
        ? n.head / g.headTotal - n.base / g.baseTotal
        : (n.head - n.base) / total(g);
    const kind = Math.abs(r) < SAME ? 'same' : r > 0 ? 'grow' : 'shrink';
    const t = Math.sqrt(Math.min(1, Math.abs(r) / FULL));
    const colour =
      kind === 'same'
        ? 'hsl(0, 0%, 84%)'
        : kind === 'grow'
          ? 'hsl(0, 85%, ' + (88 - 36 * t).toFixed(1) + '%)'
          : 'hsl(130, 55%, ' + (86 - 36 * t).toFixed(1) + '%)';
    return { kind, colour };
  }

  const gone = (n) => n.children.filter((c) => !(c.head > 0) && c.base > 0);

  function frameElement(g, n, x, w, px, ancestor) {
    const el = document.createElement('div');
    const c = change(g, n);
    el.className = 'frame ' + c.kind + (n.small ? ' small' : '') + (ancestor ? ' ancestor' : '');
    el.style.left = x * 100 + '%';
    el.style.width = w * 100 + '%';
    el.style.top = n.depth * ROW + 'px';
    el.style.backgroundColor = c.colour;
    el.dataset.id = String(n.id);
    el.dataset.name = n.name;
    el.dataset.head = String(n.head);
    el.dataset.base = String(n.base);
    if (n.base === 0 && n.head > 0) el.dataset.new = 'true';
    const removed = gone(n).length;
    if (removed > 0) el.dataset.gone = String(removed);
    if (w * px >= TEXT_PX) el.textContent = n.name;
    return el;
  }

  function draw() {
    const g = state.graph;
    const flame = $('flame');
    flame.textContent = '';
    const z = state.zoom || g.root;
    const px = flame.clientWidth || 1200;
    const frag = document.createDocumentFragment();
    for (let a = z.parent; a; a = a.parent) frag.appendChild(frameElement(g, a, 0, 1, px, true));
    const scale = z.head > 0 ? z.head : 1;
    let depth = z.depth;
    const todo = [[z, 0, 1]];
    while (todo.length > 0) {
      const [n, x, w] = todo.pop();
      frag.appendChild(frameElement(g, n, x, w, px, false));
      depth = Math.max(depth, n.depth);
      let cx = x;
      for (const c of n.children) {
        if (!(c.head > 0)) continue;
        const cw = c.head / scale;
        if (cw * px >= MIN_PX) todo.push([c, cx, cw]);
        cx += cw;
      }
    }
    flame.style.height = (depth + 1) * ROW + 'px';
    flame.appendChild(frag);
    $('reset-zoom').disabled = !state.zoom;
    markMatches();
  }

  function field(name, text) {
    $('tooltip').querySelector('[data-field="' + name + '"]').textContent = text;
  }

  function showTip(n, ev) {
    const g = state.graph;
    const tip = $('tooltip');
    const delta = n.head - n.base;
    field('name', n.small ? 'small frames (merged: each under ' + (g.minFraction * 100) + '% of the total)' : n.name);
    field('file', n.file ? n.file + ':' + n.line : '');
    field('base', label(n.base));
    field('head', label(n.head));
    field(
      'delta',
      n.base === 0 && n.head !== 0
        ? signed(delta) + ' (new in head)'
        : signed(delta) + ' (' + (delta >= 0 ? '+' : '-') + percentage(delta, total(g)) + ' of total)',
    );
    field('share', percentage(n.head, g.headTotal) + ' of head, ' + percentage(n.base, g.baseTotal) + ' of base');
    const removed = gone(n);
    field(
      'gone',
      removed.length === 0
        ? ''
        : 'gone in head: ' + removed.slice(0, 5).map((c) => c.name + ' (' + label(c.base) + ')').join(', ') +
            (removed.length > 5 ? ', \u2026' : ''),
    );
    tip.hidden = false;
    const x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const below = ev.clientY + 16;
    const y = below + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 8 : below;
    tip.style.left = Math.max(4, x) + 'px';
    tip.style.top = Math.max(4, y) + 'px';
  }

  const hideTip = () => ($('tooltip').hidden = true);
  const frameAt = (ev) => (ev.target instanceof Element ? ev.target.closest('.frame') : null);

  function onHover(ev) {
    const el = frameAt(ev);
    if (!el) return hideTip();
    showTip(state.graph.nodes[Number(el.dataset.id)], ev);
  }

  function zoomTo(n) {
    state.zoom = n && n !== state.graph.root ? n : null;
    hideTip();
    draw();
  }

  function markMatches() {
    const term = state.term.toLowerCase();
    const flame = $('flame');
    const matches = (name) => term !== '' && name.toLowerCase().includes(term);
    flame.classList.toggle('searching', term !== '');
    for (const el of flame.querySelectorAll('.frame')) el.classList.toggle('match', matches(el.dataset.name));
    for (const tr of $('top').tBodies[0].rows) tr.classList.toggle('match', matches(tr.dataset.name));
    const info = $('search-info');
    if (term === '') return (info.textContent = '');
    // The head value under matching frames, each stack counted once (the topmost match).
    let count = 0;
    let head = 0;
    for (const n of state.graph.nodes) {
      if (!matches(n.name)) continue;
      count++;
      let a = n.parent;
      while (a && !matches(a.name)) a = a.parent;
      if (!a) head += Math.max(0, n.head);
    }
    info.textContent =
      count + (count === 1 ? ' frame' : ' frames') + ' \u00b7 ' + label(head) + ' (' + percentage(head, state.graph.headTotal) + ' of head)';
  }

  const SORT = {
    name: (r) => r.name,
    flat: (r) => r.headFlat,
    flatPct: (r) => r.headFlat,
    cum: (r) => r.headCum,
    cumPct: (r) => r.headCum,
    dflat: (r) => r.headFlat - r.baseFlat,
    dcum: (r) => r.headCum - r.baseCum,
  };

  function cell(tr, text, cls, title) {
    const td = tr.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
    if (title) td.title = title;
  }

  const trend = (d) => (d > 0 ? 'num up' : d < 0 ? 'num down' : 'num');

  function renderTop() {
    const table = $('top');
    const body = table.tBodies[0];
    body.textContent = '';
    const t = state.top;
    const note = $('top-note');
    if (!t || !Array.isArray(t.rows)) {
      note.textContent = 'No top table for this profile.';
      return;
    }
    const get = SORT[state.sort.key];
    const dir = state.sort.dir;
    const rows = t.rows.slice().sort((a, b) => {
      const x = get(a);
      const y = get(b);
      const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
      return c * dir || a.name.localeCompare(b.name);
    });
    for (const r of rows.slice(0, MAX_ROWS)) {
      const tr = body.insertRow();
      tr.dataset.name = r.name;
      const df = r.headFlat - r.baseFlat;
      const dc = r.headCum - r.baseCum;
      cell(tr, label(r.headFlat), 'num');
      cell(tr, percentage(r.headFlat, t.headTotal), 'num');
      cell(tr, label(r.headCum), 'num');
      cell(tr, percentage(r.headCum, t.headTotal), 'num');
      cell(tr, signed(df), trend(df), 'base ' + label(r.baseFlat));
      cell(tr, signed(dc), trend(dc), 'base ' + label(r.baseCum));
      cell(tr, r.name, 'name', r.file ? r.file + ':' + r.line : '');
    }
    note.textContent =
      rows.length > MAX_ROWS ? 'The first ' + MAX_ROWS + ' of ' + rows.length + ' functions.' : rows.length + ' functions.';
    for (const th of table.tHead.rows[0].cells) {
      const on = th.dataset.key === state.sort.key;
      th.setAttribute('aria-sort', on ? (dir < 0 ? 'descending' : 'ascending') : 'none');
    }
    markMatches();
  }

  function select(i) {
    const g = graphs[i];
    hideTip();
    state.zoom = null;
    if (!valid(g)) {
      $('flame').textContent = '';
      $('top').tBodies[0].textContent = '';
      showMessage('Graph ' + (i + 1) + ' of the report could not be read.');
      return;
    }
    if (!g.nodes) g.nodes = prepare(g);
    state.graph = g;
    state.top = tops.find((t) => t && t.profile === g.profile && t.sampleType === g.sampleType) || null;
    if (state.top && Array.isArray(state.top.rows) && !state.top.ready) {
      for (const r of state.top.rows) {
        r.name = text(r.name);
        r.file = text(r.file);
      }
      state.top.ready = true;
    }
    const d = g.headTotal - g.baseTotal;
    $('totals').textContent =
      'head ' + label(g.headTotal) + ' \u00b7 base ' + label(g.baseTotal) + ' \u00b7 \u0394 ' + signed(d) +
      (g.baseTotal === 0 ? ' \u00b7 no base profile: every frame is new' : '') +
      (g.root.head === 0 ? ' \u00b7 no samples in head' : '');
    draw();
    renderTop();
  }

  function run() {
    const picker = $('sample-type');
    picker.addEventListener('change', () => select(Number(picker.value)));
    const flame = $('flame');
    flame.addEventListener('mousemove', onHover);
    flame.addEventListener('mouseover', onHover);
    flame.addEventListener('mouseleave', hideTip);
    flame.addEventListener('click', (ev) => {
      const el = frameAt(ev);
      if (el) zoomTo(state.graph.nodes[Number(el.dataset.id)]);
    });
    $('reset-zoom').addEventListener('click', () => zoomTo(null));
    $('by-share').addEventListener('change', (ev) => {
      byShare = ev.target.checked;
      draw();
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && state.zoom) zoomTo(null);
    });
    $('search').addEventListener('input', (ev) => {
      state.term = ev.target.value.trim();
      if (state.graph) markMatches();
    });
    $('top').tHead.addEventListener('click', (ev) => {
      const th = ev.target instanceof Element ? ev.target.closest('th') : null;
      if (!th || !state.graph) return;
      const key = th.dataset.key;
      state.sort = key === state.sort.key ? { key, dir: -state.sort.dir } : { key, dir: key === 'name' ? 1 : -1 };
      renderTop();
    });
    let pending = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => state.graph && draw());
    });
    select(Number(picker.value) || 0);
  }

  try {
    run();
  } catch (err) {
    $('viewer').hidden = true;
    showMessage('The flame graph could not be drawn (' + err.message + ').');
  }
})();
`;

const style = `
:root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa; --grow: #c62828; --shrink: #2e7d32; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
header { padding: 10px 20px; border-bottom: 1px solid var(--border); display: flex; align-items: baseline; gap: 14px; flex-wrap: wrap; background: var(--panel); }
h1 { font-size: 19px; margin: 0; }
h2 { font-size: 16px; margin: 22px 0 8px; }
main { padding: 10px 20px 40px; }
code, .mono, .frame, #top td.name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted, #totals, #search-info, #top-note { color: var(--muted); }
.badge { font-weight: 600; padding: 1px 8px; border-radius: 10px; font-size: 12px; color: #fff; }
.badge.pass { background: var(--shrink); } .badge.fail { background: var(--grow); }
#message { border: 1px solid #d4a72c; background: #fff8c5; padding: 6px 14px; border-radius: 6px; margin: 8px 0; }
#message p { margin: 6px 0; }
.toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
select, input, button { font: inherit; padding: 3px 6px; }
#search { width: 240px; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; color: var(--muted); margin: 4px 0; }
.legend span::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -2px; background: var(--sw); }
.legend .l-grow { --sw: hsl(0, 85%, 62%); } .legend .l-shrink { --sw: hsl(130, 55%, 60%); } .legend .l-same { --sw: hsl(0, 0%, 84%); }
.legend .l-new::before { outline: 1px dashed #6a1b9a; outline-offset: -1px; background: repeating-linear-gradient(135deg, #fff 0 2px, transparent 2px 6px), hsl(0, 85%, 70%); }
#totals { margin: 4px 0; font-size: 13px; }
#flame { position: relative; width: 100%; overflow: hidden; border: 1px solid var(--border); min-height: 18px; }
.frame { position: absolute; height: 17px; line-height: 17px; font-size: 11.5px; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-right: 1px solid #fff; cursor: pointer; color: #111; }
.frame:hover { filter: brightness(0.9); }
.frame.small { font-style: italic; color: #444; }
.frame[data-new="true"] { outline: 1px dashed #6a1b9a; outline-offset: -1px; background-image: repeating-linear-gradient(135deg, rgba(255, 255, 255, 0.3) 0 2px, transparent 2px 6px); }
.frame.ancestor { opacity: 0.55; }
#flame.searching .frame:not(.match) { opacity: 0.3; }
.frame.match { box-shadow: inset 0 0 0 2px #0969da; }
#tooltip { position: fixed; z-index: 10; pointer-events: none; background: #fff; border: 1px solid var(--border); border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); padding: 8px 10px; max-width: 560px; font-size: 12px; }
#tooltip .tt-name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 600; word-break: break-all; }
#tooltip dl { display: grid; grid-template-columns: auto 1fr; gap: 1px 10px; margin: 6px 0 0; }
#tooltip dt { color: var(--muted); } #tooltip dd { margin: 0; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
th { background: var(--panel); white-space: nowrap; }
#top th { cursor: pointer; user-select: none; }
#top th[aria-sort="descending"]::after { content: " \\25BE"; } #top th[aria-sort="ascending"]::after { content: " \\25B4"; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.up { color: var(--grow); } td.down { color: var(--shrink); }
#top tr.match td { background: #ddf4ff; }
tr.regression td:first-child { border-left: 3px solid var(--grow); } tr.improvement td:first-child { border-left: 3px solid var(--shrink); }
.new { color: #6a1b9a; font-weight: 600; }
pre { background: var(--panel); padding: 8px; overflow: auto; font-size: 12px; }
`;

function evidence(f: GateFinding): string {
  if (f.method === 'exact') return 'exact';
  if (f.p === undefined) return '';
  return `p=${formatFixed(f.p, 3)}${f.method === 'wilcoxon' ? ' paired' : ''}`;
}

const td = (html: string, numeric = false) => `<td${numeric ? ' class="num"' : ''}>${html}</td>`;

function findingsTable(fs: GateFinding[]): string {
  const rows = fs.map((f) => {
    const [base, head] = formatPair(f);
    const cells = [
      td(`<code>${escapeHtml(f.name)}</code>`),
      td(escapeHtml(f.unit)),
      td(escapeHtml(base), true),
      td(escapeHtml(head), true),
      td(escapeHtml(formatChange(f.change)), true),
      td(escapeHtml(evidence(f))),
      td(escapeHtml(f.verdict + (f.gated ? '' : ' (not gated)'))),
    ];
    return `<tr class="${escapeHtml(f.verdict)}">${cells.join('')}</tr>`;
  });
  const head = ['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'verdict'];
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The gate's notes, then each finding's (too few samples, ...), as the text report lists them. */
function gateNotes(r: GateResult): string[] {
  return [
    ...r.notes,
    ...new Set(r.findings.flatMap((f) => f.notes.map((n) => `${f.name} ${f.unit}: ${n}`))),
  ];
}

function gateSection(r: GateResult): string {
  const shown = new Set([...r.regressions, ...r.improvements]);
  const others = r.findings.filter((f) => !shown.has(f));
  const parts = [`<h2>Benchmarks</h2>`, `<p><strong>${escapeHtml(verdictLine(r))}</strong></p>`];
  if (r.regressions.length > 0) parts.push(`<h3>Regressions</h3>`, findingsTable(r.regressions));
  if (r.improvements.length > 0) parts.push(`<h3>Improvements</h3>`, findingsTable(r.improvements));
  if (others.length > 0) {
    parts.push(
      `<details><summary>Other comparisons (${others.length})</summary>${findingsTable(others)}</details>`,
    );
  }
  return `<section id="benchmarks">${parts.join('\n')}</section>`;
}

/** perfgate's own advice, whose `code` spans become <code>. */
function adviceHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function hotspotsSection(hs: Hotspot[]): string {
  const amount = (base: number | undefined, head: number, unit: string) =>
    base === undefined
      ? scaledLabel(head, unit)
      : `${scaledLabel(base, unit)} → ${scaledLabel(head, unit)}`;
  const rows = hs.map((h) => {
    const where = h.site.file
      ? `<br><code class="muted">${escapeHtml(`${h.site.file}:${h.site.line}`)}</code>`
      : '';
    const cells = [
      td(
        `${h.isNew ? '<span class="new">new</span> ' : ''}<code>${escapeHtml(h.site.fn)}</code>${where}`,
      ),
      td(escapeHtml(h.kind)),
      td(escapeHtml(amount(h.base?.bytes, h.head.bytes, 'bytes')), true),
      td(escapeHtml(amount(h.base?.cpuNs, h.head.cpuNs, 'nanoseconds')), true),
      td(adviceHtml(h.advice)),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const head = ['site', 'kind', 'allocated (base → head)', 'cpu', 'advice'];
  return `<section id="hotspots"><h2>Allocation hotspots</h2><table><thead><tr>${head.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function leakItem(w: LeakWarning): string {
  const fn = (f: { fn: string } | undefined) =>
    f ? `<code>${escapeHtml(f.fn)}</code>` : 'an unknown function';
  const counts =
    w.severity === 'leak'
      ? `+${w.head - (w.base ?? 0)} goroutines (${w.base ?? 0} → ${w.head})`
      : `${w.head} goroutines parked at one site`;
  const state = w.state
    ? ` [${escapeHtml(w.state)}${w.waitMinutes ? `, ${w.waitMinutes} minutes` : ''}]`
    : '';
  const stack = w.stack.map((f) => `${f.fn}\n    ${f.file}:${f.line}`).join('\n');
  return `<li>⚠️ ${counts} started by ${fn(w.origin)}, waiting in ${fn(w.blocking)}${state}<details><summary>stack</summary><pre>${escapeHtml(stack)}</pre></details></li>`;
}

function notesSection(notes: string[]): string {
  if (notes.length === 0) return '';
  return `<section id="notes"><h2>Notes</h2><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>`;
}

function messageBox(model: HtmlReportModel): string {
  const lines: string[] = [];
  if (model.graphs.length === 0) {
    lines.push(
      'No profiles to show: this report has no profile with samples. Give perfgate head (and base) profiles such as cpu.pb.gz and allocs.pb.gz to get flame graphs.',
    );
  }
  if (model.problems.length > 0) {
    lines.push(
      `${model.problems.length === 1 ? 'A profile' : 'Some profiles'} could not be shown:`,
    );
  }
  const items = model.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  const body =
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') + (items ? `<ul>${items}</ul>` : '');
  return `<div id="message" role="status"${body ? '' : ' hidden'}>${body}</div>`;
}

const topColumns: [string, string][] = [
  ['flat', 'flat'],
  ['flatPct', 'flat%'],
  ['cum', 'cum'],
  ['cumPct', 'cum%'],
  ['dflat', 'Δflat'],
  ['dcum', 'Δcum'],
  ['name', 'function'],
];

function viewer(model: HtmlReportModel): string {
  if (model.graphs.length === 0) return '';
  const options = model.graphs
    .map((g, i) => `<option value="${i}">${escapeHtml(`${g.profile} · ${g.sampleType}`)}</option>`)
    .join('');
  const headers = topColumns
    .map(([key, text]) => `<th data-key="${key}" title="sort by ${text}">${text}</th>`)
    .join('');
  return `<section id="viewer" aria-label="Profiles">
<div class="toolbar">
<label>Profile <select id="sample-type">${options}</select></label>
<input id="search" type="search" placeholder="Search functions" aria-label="Search functions">
<span id="search-info"></span>
<button id="reset-zoom" type="button" disabled>Reset zoom</button>
<label title="Colour by the change of each frame's share of its total, for runs of different lengths"><input id="by-share" type="checkbox"> colour by share</label>
</div>
<div class="legend"><span class="l-grow">grew in head</span><span class="l-shrink">shrank</span><span class="l-same">unchanged</span><span class="l-new">new in head</span><span>width: head · click a frame to zoom, the root to reset</span></div>
<p id="totals"></p>
<div id="flame" aria-label="Differential flame graph"></div>
<h2>Top functions</h2>
<table id="top"><thead><tr>${headers}</tr></thead><tbody></tbody></table>
<p id="top-note"></p>
</section>`;
}

const tooltip = `<div id="tooltip" role="tooltip" hidden>
<div class="tt-name" data-field="name"></div>
<div class="muted" data-field="file"></div>
<dl><dt>base</dt><dd data-field="base"></dd><dt>head</dt><dd data-field="head"></dd><dt>delta</dt><dd data-field="delta"></dd><dt>share</dt><dd data-field="share"></dd></dl>
<div class="muted" data-field="gone"></div>
</div>`;

function generatedLine(iso: string): string {
  const shown = iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1 UTC');
  return `<span class="muted">generated <time datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time></span>`;
}

/** The report as one self-contained HTML page. */
export function renderHtmlReport(model: HtmlReportModel): string {
  const gate = model.gate;
  const insights = model.insights;
  const badge = gate
    ? `<span class="badge ${gate.verdict}">${gate.verdict === 'fail' ? 'FAIL' : 'PASS'}</span>`
    : '';
  const sections = [
    messageBox(model),
    '<noscript><p>The flame graph and the top table need JavaScript; the sections below do not.</p></noscript>',
    viewer(model),
    gate ? gateSection(gate) : '',
    insights && insights.hotspots.length > 0 ? hotspotsSection(insights.hotspots) : '',
    insights && insights.leaks.length > 0
      ? `<section id="leaks"><h2>Goroutine leaks</h2><ul>${insights.leaks.map(leakItem).join('')}</ul></section>`
      : '',
    notesSection([...(gate ? gateNotes(gate) : []), ...(insights?.notes ?? [])]),
  ];
  const data = jsonForScript(pageData(model));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(model.title)}</title>
<style>${style}</style>
</head>
<body>
<header><h1>${escapeHtml(model.title)}</h1>${badge}${generatedLine(model.generatedAt)}</header>
<main>
${sections.filter((s) => s !== '').join('\n')}
</main>
${tooltip}
<script type="application/json" id="data">${data}</script>
<script>${pageFormatterScript}${pageScript}</script>
</body>
</html>
`;
}
