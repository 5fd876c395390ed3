/**
 * The differential flame graph: frames read from the page's data, coloured by their change
 * against base and laid out as absolutely positioned boxes (root on top, width the head value,
 * or base's, to see the frames head no longer has). Names that do not fit are shortened from the
 * left, so a narrow frame still shows its method.
 */
import type { PageGraph } from '../../../report/page-data.js';
import { fitName } from './format.js';

const ROW = 18; // px per frame row
const MIN_PX = 0.5; // frames narrower than this are not drawn (zoom in to see them)
const TEXT_PX = 24; // frames narrower than this show no name
const PAD_PX = 9; // a frame's padding and border, left of and beside its name
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
 * lack its frames, and the page then says so instead of failing.
 */
export function drawable(g: PageGraph | undefined): g is PageGraph {
  const f = g?.frames;
  return (
    !!f &&
    typeof g.unit === 'string' &&
    Array.isArray(f.parent) &&
    f.parent.length > 0 &&
    [f.name, f.file, f.line, f.head, f.base].every(
      (c) => Array.isArray(c) && c.length === f.parent.length,
    )
  );
}

/** The frames of the data's columns, root first, each linked to its parent, strings looked up. */
export function readGraph(g: PageGraph, text: (index: unknown) => string): Graph {
  const { parent, name, file, line, head, base } = g.frames;
  const frames: Frame[] = [];
  for (let i = 0; i < parent.length; i++) {
    const up = i === 0 ? null : (frames[parent[i]!] ?? null);
    const small = name[i] === -1;
    const f: Frame = {
      id: i,
      name: i === 0 ? 'root' : small ? 'small frames' : text(name[i]),
      file: text(file[i]),
      line: line[i]!,
      head: head[i]!,
      base: base[i]!,
      small,
      children: [],
      parent: up,
      depth: up ? up.depth + 1 : 0,
    };
    frames.push(f);
    up?.children.push(f);
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
  /** Which run's values give the widths: head's, or base's (then frames gone in head show). */
  widths: 'head' | 'base';
}

/** The value that gives a frame its width in a view. */
const widthOf = (view: View, f: Frame) => (view.widths === 'base' ? f.base : f.head);

let charPx = 0;

/** The width of one character of a frame's (monospace) name, measured once. */
function charWidth(container: HTMLElement): number {
  if (charPx > 0) return charPx;
  const probe = document.createElement('div');
  probe.className = 'frame';
  probe.style.visibility = 'hidden';
  probe.style.padding = '0';
  probe.style.width = 'auto';
  probe.textContent = 'x'.repeat(100);
  container.appendChild(probe);
  charPx = probe.getBoundingClientRect().width / 100 || 7;
  probe.remove();
  return charPx;
}

function frameElement(
  view: View,
  f: Frame,
  box: { x: number; w: number; px: number; charPx: number },
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
  if (f.base > 0 && !(f.head > 0)) el.dataset.removed = 'true';
  const removed = gone(f).length;
  if (removed > 0) el.dataset.gone = String(removed);
  const px = box.w * box.px;
  if (px >= TEXT_PX) el.textContent = fitName(f.name, Math.floor((px - PAD_PX) / box.charPx));
  return el;
}

/**
 * Draws the view into its container: the zoomed frame's ancestors dimmed across the full width,
 * then the frame and everything under it wide enough to see, in the order of the data.
 */
export function drawFlame(container: HTMLElement, view: View): void {
  container.textContent = '';
  const z = view.zoom ?? view.graph.root;
  const px = container.clientWidth || 1200;
  const cp = charWidth(container);
  const frag = document.createDocumentFragment();
  for (let a = z.parent; a; a = a.parent) {
    frag.appendChild(frameElement(view, a, { x: 0, w: 1, px, charPx: cp }, true));
  }
  const scale = widthOf(view, z) > 0 ? widthOf(view, z) : 1;
  let depth = z.depth;
  const todo: [Frame, number, number][] = [[z, 0, 1]];
  while (todo.length > 0) {
    const [f, x, w] = todo.pop()!;
    frag.appendChild(frameElement(view, f, { x, w, px, charPx: cp }, false));
    depth = Math.max(depth, f.depth);
    let cx = x;
    for (const c of f.children) {
      const v = widthOf(view, c);
      if (!(v > 0)) continue;
      const cw = v / scale;
      if (cw * px >= MIN_PX) todo.push([c, cx, cw]);
      cx += cw;
    }
  }
  container.style.height = `${(depth + 1) * ROW}px`;
  container.appendChild(frag);
}
