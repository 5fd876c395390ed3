/**
 * The words of one goroutine leak, shared by every place that shows it (terminal, comment, HTML
 * report): how many, who created them and on which line, where they wait and on which line, and
 * the advice for their shape. Each renderer passes its own way of writing code and plain text.
 */
import type { LeakWarning } from '../analyze/leaks.js';
import type { GoFrame } from '../model/goroutines.js';

/** How a renderer writes a function name or a `file:line` (code) and any other run text. */
export interface LeakWriters {
  code: (s: string) => string;
  text: (s: string) => string;
}

/** `+120 goroutines (2 → 122)`, or `120 goroutines parked` for a single snapshot. */
export function leakCounts(w: LeakWarning): string {
  return w.severity === 'leak'
    ? `+${w.head - (w.base ?? 0)} goroutines (${w.base ?? 0} → ${w.head})`
    : `${w.head} goroutines parked`;
}

const at = (f: GoFrame, x: LeakWriters) =>
  f.file === '' ? '' : ` at ${x.code(f.line > 0 ? `${f.file}:${f.line}` : f.file)}`;

/**
 * Who made them and where they wait: `created by F at file:line` where the dump shows the creator
 * (debug=2), else the goroutine's own function when it is not where it waits; then
 * `waiting in G at file:line [state, N minutes]`.
 */
export function leakSites(w: LeakWarning, x: LeakWriters): string {
  if (!w.entry) return 'not yet started';
  const origin = w.createdBy
    ? `created by ${x.code(w.createdBy.fn)}${at(w.createdBy, x)}, `
    : w.entry.fn !== w.blocking?.fn
      ? `running ${x.code(w.entry.fn)}, `
      : '';
  const minutes = w.waitMinutes ? `, ${w.waitMinutes} minutes` : '';
  const state = w.state ? ` [${x.text(w.state)}${minutes}]` : '';
  const wait = w.blocking ? `waiting in ${x.code(w.blocking.fn)}${at(w.blocking, x)}${state}` : '';
  return `${origin}${wait}`;
}

/** The whole headline: `+120 goroutines (2 → 122): created by …, waiting in …`. */
export function leakHeadline(w: LeakWarning, x: LeakWriters): string {
  return `${leakCounts(w)}: ${leakSites(w, x)}`;
}

/** Writers for a terminal: everything as it is. */
export const plainWriters: LeakWriters = { code: (s) => s, text: (s) => s };
