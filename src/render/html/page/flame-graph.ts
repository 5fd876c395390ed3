/**
 * The differential flame graph: frames read from the page's data, coloured by their change
 * against base and laid out as absolutely positioned boxes (root on top, width the head value).
 */
import type { PageFrame, PageGraph } from '../../../report/page-data.js';

const ROW = 18; // px per frame row
const MIN_PX = 0.5; // frames narrower than this are not drawn (zoom in to see them)
const TEXT_PX = 24; // frames narrower than this show no name
const SAME = 0.001; // changes under this share of the total are "unchanged"
const FULL = 0.2; // a change of this share of the total gets the strongest colour

/** A frame as the page draws it: names looked up, numbered root first, linked to its parent. */
export interface Frame {
  /** Its index in `Graph.frames` (and its element's `data-id`). */
  id: number;
  name: string;
  file: string;
  line: number;
  head: number;
  base: number;
  small: boolean;
  children: Frame[];
  parent: Frame | null;
  depth: number;
}

/** A graph ready to draw: the data's graph and its frames, root first. */
export interface Graph {
  data: PageGraph;
  frames: Frame[];
  root: Frame;
}

/**
 * Whether a graph of the data can be drawn. The data is the builder's, but a broken model may
 * lack a root, and the page then says so instead of failing.
 */
export function drawable(g: PageGraph | undefined): g is PageGraph {
  return !!g && !!g.root && typeof g.root.head === 'number' && typeof g.unit === 'string';
}

/** Numbers the frames (root first), links each to its parent and looks up its strings. */
export function readGraph(g: PageGraph, text: (index: unknown) => string): Graph {
  const frames: Frame[] = [];
  const todo: [PageFrame, Frame | null, number][] = [[g.root, null, 0]];
  while (todo.length > 0) {
    const [n, parent, depth] = todo.pop()!;
    const f: Frame = {
      id: frames.length,
      name: text(n.name),
      file: text(n.file),
      line: n.line,
      head: n.head,
      base: n.base,
      small: n.small === true,
      children: [],
      parent,
      depth,
    };
    frames.push(f);
    parent?.children.push(f);
    const kids = Array.isArray(n.children) ? n.children : [];
    for (let i = kids.length - 1; i >= 0; i--) todo.push([kids[i]!, f, depth + 1]);
  }
  return { data: g, frames, root: frames[0]! };
}

/** The larger of the two totals (1 for empty runs), which changes are measured against. */
export function total(g: PageGraph): number {
  return Math.max(Math.abs(g.headTotal), Math.abs(g.baseTotal)) || 1;
}

/** The children of a frame that head no longer has. */
export function gone(f: Frame): Frame[] {
  return f.children.filter((c) => !(c.head > 0) && c.base > 0);
}

/**
 * A frame's kind of change and its colour: by absolute change, or by change of share when the
 * runs had different lengths (a time-boxed cpu profile of a slower head covers the same seconds
 * but fewer operations).
 */
function change(g: PageGraph, f: Frame, byShare: boolean): { kind: string; colour: string } {
  const r =
    byShare && g.headTotal > 0 && g.baseTotal > 0
      ? f.head / g.headTotal - f.base / g.baseTotal
      : (f.head - f.base) / total(g);
  const kind = Math.abs(r) < SAME ? 'same' : r > 0 ? 'grow' : 'shrink';
  const t = Math.sqrt(Math.min(1, Math.abs(r) / FULL));
  const colour =
    kind === 'same'
      ? 'hsl(0, 0%, 84%)'
      : kind === 'grow'
        ? `hsl(0, 85%, ${(88 - 36 * t).toFixed(1)}%)`
        : `hsl(130, 55%, ${(86 - 36 * t).toFixed(1)}%)`;
  return { kind, colour };
}

/** How a graph is drawn: which frame fills the width, and how frames are coloured. */
export interface View {
  graph: Graph;
  /** The frame zoomed into, or null for the root. */
  zoom: Frame | null;
  byShare: boolean;
}

function frameElement(
  view: View,
  f: Frame,
  box: { x: number; w: number; px: number },
  ancestor: boolean,
): HTMLDivElement {
  const el = document.createElement('div');
  const c = change(view.graph.data, f, view.byShare);
  el.className = `frame ${c.kind}${f.small ? ' small' : ''}${ancestor ? ' ancestor' : ''}`;
  el.style.left = `${box.x * 100}%`;
  el.style.width = `${box.w * 100}%`;
  el.style.top = `${f.depth * ROW}px`;
  el.style.backgroundColor = c.colour;
  el.dataset.id = String(f.id);
  el.dataset.name = f.name;
  el.dataset.head = String(f.head);
  el.dataset.base = String(f.base);
  if (f.base === 0 && f.head > 0) el.dataset.new = 'true';
  const removed = gone(f).length;
  if (removed > 0) el.dataset.gone = String(removed);
  if (box.w * box.px >= TEXT_PX) el.textContent = f.name;
  return el;
}

/**
 * Draws the view into its container: the zoomed frame's ancestors dimmed across the full width,
 * then the frame and everything under it wide enough to see.
 */
export function drawFlame(container: HTMLElement, view: View): void {
  container.textContent = '';
  const z = view.zoom ?? view.graph.root;
  const px = container.clientWidth || 1200;
  const frag = document.createDocumentFragment();
  for (let a = z.parent; a; a = a.parent) {
    frag.appendChild(frameElement(view, a, { x: 0, w: 1, px }, true));
  }
  const scale = z.head > 0 ? z.head : 1;
  let depth = z.depth;
  const todo: [Frame, number, number][] = [[z, 0, 1]];
  while (todo.length > 0) {
    const [f, x, w] = todo.pop()!;
    frag.appendChild(frameElement(view, f, { x, w, px }, false));
    depth = Math.max(depth, f.depth);
    let cx = x;
    for (const c of f.children) {
      if (!(c.head > 0)) continue;
      const cw = c.head / scale;
      if (cw * px >= MIN_PX) todo.push([c, cx, cw]);
      cx += cw;
    }
  }
  container.style.height = `${(depth + 1) * ROW}px`;
  container.appendChild(frag);
}
