/**
 * The report page's script: reads the data embedded in the page (`PageData`, written by the
 * builder) and draws the flame graph and top table of the chosen profile and sample type, with a
 * tooltip, zoom, search, a sample-type switch and base's widths, and the run's verdict. A page
 * whose data cannot be read or drawn says so in its message box rather than staying blank.
 */
import type { PageData, PageGraph } from '../../../report/page-data.js';
import { byId, reason, showMessage } from './dom.js';
import {
  type Frame,
  type Graph,
  drawFlame,
  drawable,
  gone,
  readGraph,
  total,
} from './flame-graph.js';
import { label, share, signed } from './format.js';
import {
  type Sort,
  type Top,
  firstSort,
  isSortKey,
  nextSort,
  readTop,
  readable,
  renderTop,
} from './top-table.js';
import { drawVerdict } from './verdict.js';
import { drawHistory } from './history-chart.js';

/** The page's elements, found once. */
function elements() {
  return {
    viewer: byId('viewer', HTMLElement),
    picker: byId('sample-type', HTMLSelectElement),
    flame: byId('flame', HTMLDivElement),
    tooltip: byId('tooltip', HTMLDivElement),
    totals: byId('totals', HTMLParagraphElement),
    search: byId('search', HTMLInputElement),
    searchInfo: byId('search-info', HTMLSpanElement),
    resetZoom: byId('reset-zoom', HTMLButtonElement),
    byShare: byId('by-share', HTMLInputElement),
    baseWidths: byId('base-widths', HTMLInputElement),
    top: byId('top', HTMLTableElement),
    topNote: byId('top-note', HTMLParagraphElement),
  };
}

type Elements = ReturnType<typeof elements>;

/** What is shown: the graph (null until one is drawn), its table, zoom, search and sort. */
interface State {
  graph: Graph | null;
  /** The frame zoomed into, or null for the root. */
  zoom: Frame | null;
  /** Colour by change of share rather than absolute change (see flame-graph.ts). */
  byShare: boolean;
  /** Which run's values give the widths (base's shows the frames head no longer has). */
  widths: 'head' | 'base';
  top: Top | null;
  term: string;
  sort: Sort;
}

/** The viewer over the data's graphs and tables. */
function viewer(data: PageData, el: Elements) {
  const text = (i: unknown) =>
    typeof i === 'number' ? String(data.strings[i] ?? '') : String(i ?? '');
  const read = new Map<number, { graph: Graph; top: Top | null }>();
  const state: State = {
    graph: null,
    zoom: null,
    byShare: false,
    widths: 'head',
    top: null,
    term: '',
    sort: firstSort,
  };

  function field(name: string, value: string): void {
    const f = el.tooltip.querySelector(`[data-field="${name}"]`);
    if (f) f.textContent = value;
  }

  function showTip(graph: Graph, f: Frame, ev: MouseEvent): void {
    const g = graph.data;
    const delta = f.head - f.base;
    const merged = `small frames (merged: each under ${g.minFraction * 100}% of the total)`;
    field('name', f.small ? merged : f.name);
    field('file', f.file ? `${f.file}:${f.line}` : '');
    field('base', label(f.base, g.unit));
    field('head', label(f.head, g.unit));
    field(
      'delta',
      f.base === 0 && f.head !== 0
        ? `${signed(delta, g.unit)} (new in head)`
        : `${signed(delta, g.unit)} (${delta >= 0 ? '+' : '-'}${share(delta, total(g))} of total)`,
    );
    field('share', `${share(f.head, g.headTotal)} of head, ${share(f.base, g.baseTotal)} of base`);
    const removed = gone(f);
    const listed = removed.slice(0, 5).map((c) => `${c.name} (${label(c.base, g.unit)})`);
    field(
      'gone',
      removed.length === 0
        ? ''
        : `gone in head: ${listed.join(', ')}${removed.length > 5 ? ', \u2026' : ''}`,
    );
    const tip = el.tooltip;
    tip.hidden = false;
    const x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const below = ev.clientY + 16;
    const y =
      below + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 8 : below;
    tip.style.left = `${Math.max(4, x)}px`;
    tip.style.top = `${Math.max(4, y)}px`;
  }

  const hideTip = () => {
    el.tooltip.hidden = true;
  };

  /** The frame under the pointer, if any. */
  function frameAt(ev: Event): Frame | undefined {
    const target = ev.target instanceof Element ? ev.target.closest<HTMLElement>('.frame') : null;
    if (!target || !state.graph) return undefined;
    return state.graph.frames[Number(target.dataset.id)];
  }

  function onHover(ev: MouseEvent): void {
    const f = frameAt(ev);
    if (!f || !state.graph) return hideTip();
    showTip(state.graph, f, ev);
  }

  /** Marks the frames and rows whose function name contains the search term, and sums them. */
  function markMatches(): void {
    const term = state.term.toLowerCase();
    const matches = (name: string | undefined) =>
      term !== '' && (name ?? '').toLowerCase().includes(term);
    el.flame.classList.toggle('searching', term !== '');
    for (const f of el.flame.querySelectorAll<HTMLElement>('.frame')) {
      f.classList.toggle('match', matches(f.dataset.name));
    }
    for (const tr of el.top.tBodies[0]!.rows)
      tr.classList.toggle('match', matches(tr.dataset.name));
    if (term === '' || !state.graph) {
      el.searchInfo.textContent = '';
      return;
    }
    // The head value under matching frames, each stack counted once (the topmost match).
    const g = state.graph;
    let count = 0;
    let head = 0;
    for (const f of g.frames) {
      if (!matches(f.name)) continue;
      count++;
      let a = f.parent;
      while (a && !matches(a.name)) a = a.parent;
      if (!a) head += Math.max(0, f.head);
    }
    const frames = `${count} ${count === 1 ? 'frame' : 'frames'}`;
    const value = `${label(head, g.data.unit)} (${share(head, g.data.headTotal)} of head)`;
    el.searchInfo.textContent = `${frames} \u00b7 ${value}`;
  }

  function draw(): void {
    const { graph, zoom, byShare, widths } = state;
    if (!graph) return;
    drawFlame(el.flame, { graph, zoom, byShare, widths });
    el.resetZoom.disabled = !zoom;
    markMatches();
  }

  function drawTop(): void {
    if (!state.graph) return;
    renderTop(el.top, el.topNote, state.top, state.sort, state.graph.data.unit);
    markMatches();
  }

  function zoomTo(f: Frame | null): void {
    if (!state.graph) return;
    state.zoom = f && f !== state.graph.root ? f : null;
    hideTip();
    draw();
  }

  /** The graph's frames and the table of its profile and sample type (if the data has one). */
  function readPair(g: PageGraph): { graph: Graph; top: Top | null } {
    const t = data.tops.find((t) => t && t.profile === g.profile && t.sampleType === g.sampleType);
    return { graph: readGraph(g, text), top: readable(t) ? readTop(t, text) : null };
  }

  function select(i: number): void {
    const g = data.graphs[i];
    hideTip();
    state.zoom = null;
    if (!drawable(g)) {
      state.graph = null;
      el.flame.textContent = '';
      el.top.tBodies[0]!.textContent = '';
      showMessage(`Graph ${i + 1} of the report could not be read.`);
      return;
    }
    let pair = read.get(i);
    if (!pair) read.set(i, (pair = readPair(g)));
    const { graph } = pair;
    state.graph = graph;
    state.top = pair.top;
    const d = g.headTotal - g.baseTotal;
    el.totals.textContent =
      `head ${label(g.headTotal, g.unit)} \u00b7 base ${label(g.baseTotal, g.unit)}` +
      ` \u00b7 \u0394 ${signed(d, g.unit)}` +
      (g.baseTotal === 0 ? ' \u00b7 no base profile: every frame is new' : '') +
      (graph.root.head === 0 ? ' \u00b7 no samples in head' : '');
    draw();
    drawTop();
  }

  function listen(): void {
    el.picker.addEventListener('change', () => select(Number(el.picker.value)));
    el.flame.addEventListener('mousemove', onHover);
    el.flame.addEventListener('mouseover', onHover);
    el.flame.addEventListener('mouseleave', hideTip);
    el.flame.addEventListener('click', (ev) => {
      const f = frameAt(ev);
      if (f) zoomTo(f);
    });
    el.resetZoom.addEventListener('click', () => zoomTo(null));
    el.byShare.addEventListener('change', () => {
      state.byShare = el.byShare.checked;
      draw();
    });
    el.baseWidths.addEventListener('change', () => {
      state.widths = el.baseWidths.checked ? 'base' : 'head';
      el.flame.classList.toggle('base-widths', el.baseWidths.checked);
      draw();
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && state.zoom) zoomTo(null);
    });
    el.search.addEventListener('input', () => {
      state.term = el.search.value.trim();
      if (state.graph) markMatches();
    });
    el.top.tHead!.addEventListener('click', (ev) => {
      const th = ev.target instanceof Element ? ev.target.closest('th') : null;
      const key = th?.dataset.key;
      if (!isSortKey(key) || !state.graph) return;
      state.sort = nextSort(state.sort, key);
      drawTop();
    });
    let pending = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(draw);
    });
  }

  return { select, listen };
}

/** The embedded data; lists a broken model lacks read as empty. */
function readData(json: string): PageData {
  const data = JSON.parse(json) as Partial<PageData> | null;
  return {
    strings: Array.isArray(data?.strings) ? data.strings : [],
    graphs: Array.isArray(data?.graphs) ? data.graphs : [],
    tops: Array.isArray(data?.tops) ? data.tops : [],
    ...(data?.verdict ? { verdict: data.verdict } : {}),
    ...(data?.history ? { history: data.history } : {}),
  };
}

function main(): void {
  let data: PageData;
  try {
    data = readData(byId('data', HTMLScriptElement).textContent || '');
  } catch (err) {
    showMessage(`The report\u2019s data could not be read (${reason(err)}).`);
    return;
  }
  const verdict = document.getElementById('verdict');
  if (data.verdict && verdict) {
    try {
      drawVerdict(data.verdict, verdict);
    } catch (err) {
      showMessage(`The verdict could not be drawn (${reason(err)}).`);
    }
  }
  const history = document.getElementById('history');
  if (data.history && history) {
    try {
      drawHistory(data.history, history);
    } catch (err) {
      showMessage(`The history could not be drawn (${reason(err)}).`);
    }
  }
  if (!document.getElementById('viewer') || data.graphs.length === 0) return;
  try {
    const el = elements();
    const v = viewer(data, el);
    v.listen();
    v.select(Number(el.picker.value) || 0);
  } catch (err) {
    const box = document.getElementById('viewer');
    if (box) box.hidden = true;
    showMessage(`The flame graph could not be drawn (${reason(err)}).`);
  }
}

main();
// When the page can be used: read by `npm run bench` for the time to interactive.
performance.mark('perfgate:interactive');
