/**
 * Markdown built from blocks and fitted to a size limit (GitHub's 65,536 characters for a
 * comment, 1 MiB for a job summary). A block is either fixed text, always kept, or a list that can
 * give up items: when the whole is too long, the least important lists are shortened first, each
 * saying how many items it left out. A block is never cut inside, so no fence, table or
 * `<details>` is ever left open, and what must stay (the verdict, the links) stays.
 */

/** A block that can be shown with fewer of its items. */
export interface Shortenable {
  /** Higher numbers give way first. */
  priority: number;
  /** How many items the block holds in full. */
  items: number;
  /** The block with its first `keep` items (and a line saying how many were left out), or ''. */
  render(keep: number): string;
}

/** Fixed text (kept whole) or a shortenable list. Blocks are joined by newlines. */
export type Block = string | Shortenable;

/** A shortenable block; `render(items)` is the block in full. */
export function shortenable(
  priority: number,
  items: number,
  render: (keep: number) => string,
): Shortenable {
  return { priority, items, render };
}

/** `… and 137 more leaks, in the job summary` (items left out of a shortened block). */
export function moreLine(left: number, what: string, where: string): string {
  return `… and ${left} more ${what}${where ? `, ${where}` : ''}`;
}

/** The size of text as a limit counts it: UTF-16 code units (GitHub's comment check) or bytes. */
export type Measure = (text: string) => number;

/** String length: never less than the characters GitHub counts. */
export const characters: Measure = (s) => s.length;
/** UTF-8 bytes, as the runner counts a job summary. */
export const utf8Bytes: Measure = (s) => Buffer.byteLength(s, 'utf8');

function joined(parts: string[]): string {
  return parts.filter((p, i) => p !== '' || i === 0 || parts[i - 1] !== '').join('\n');
}

/**
 * The blocks as one text within `limit`: every block in full when that fits, else the
 * shortenable blocks shortened, highest priority number first (later blocks first among
 * equals), each keeping as many items as still fit.
 */
export function fitBlocks(blocks: Block[], limit: number, measure: Measure = characters): string {
  const text = (i: number, k: number) => {
    const b = blocks[i]!;
    return typeof b === 'string' ? b : b.render(k);
  };
  const parts = blocks.map((b) => (typeof b === 'string' ? b : b.render(b.items)));
  const whole = () => joined(parts);
  if (measure(whole()) <= limit) return whole();

  const order = blocks
    .map((b, i) => ({ b, i }))
    .filter((x): x is { b: Shortenable; i: number } => typeof x.b !== 'string')
    .sort((x, y) => y.b.priority - x.b.priority || y.i - x.i);
  for (const { b, i } of order) {
    // The rest is fixed while this block shrinks: measure it once.
    const rest = measure(joined(parts.map((p, j) => (j === i ? '\u0000' : p)))) - 1;
    const fits = (k: number) => rest + measure(text(i, k)) <= limit;
    if (!fits(0)) {
      // Even its shortest form is too long: shortest it is, and the next block gives way too.
      const short = text(i, 0);
      if (measure(short) < measure(parts[i]!)) parts[i] = short;
      continue;
    }
    let lo = 0;
    let hi = b.items;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    parts[i] = text(i, lo);
    return whole();
  }
  // Still too long: the shortenable blocks go altogether, then (the last resort, fixed text alone
  // over the limit) the text is cut at a line.
  for (const { i } of order) {
    parts[i] = '';
    if (measure(whole()) <= limit) return whole();
  }
  const all = whole();
  let end = Math.min(all.length, limit);
  while (end > 0 && measure(all.slice(0, end)) > limit) end = Math.floor(end * 0.9);
  return all.slice(0, Math.max(0, all.lastIndexOf('\n', end)));
}
