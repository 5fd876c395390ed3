/**
 * The one way text from a run reaches markdown. Benchmark names, units, function names, paths,
 * goroutine dumps, notes and messages are written by the code under test (for a fork, by anyone):
 * everything here makes such text inert in GitHub markdown, so it can never add an element, a
 * link, a mention, a table cell or a fold, nor push a comment or a summary past its size limit.
 * Links are never made from this text: they come from the run's context (the run, the artifact).
 */
import { markdownTable } from 'markdown-table';

/** The longest a single name (a benchmark, a function, a unit) is shown, in characters. */
export const MAX_NAME = 200;
/** The longest a file path is shown, in characters (its end kept: the file's name). */
export const MAX_PATH = 300;
/** The longest a message (a warning, a note, a failure line) is shown, in characters. */
export const MAX_MESSAGE = 2000;

// C0 controls except tab (line breaks are handled apart), DEL, C1 controls; also the line and
// paragraph separators and the bidirectional overrides, which reorder what a reader sees.
const controls =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as a reader is shown it: control characters removed, line breaks made spaces, and at most
 * `max` characters (whole code points; a cut is marked with `…`).
 */
export function plainText(text: string, max = MAX_MESSAGE): string {
  return cutText(text, max, 'end');
}

/** A file path as plainText makes it, cut at its start (`…/internal/x/file.go`). */
export function plainPath(path: string, max = MAX_PATH): string {
  return cutText(path, max, 'start');
}

function cutText(text: string, max: number, cut: 'start' | 'end'): string {
  const flat = text.replace(/\r\n?|\n/g, ' ').replace(controls, '');
  if (flat.length <= max) return flat;
  // A code point is one or two code units: 2·max units hold at least max points.
  const window = cut === 'end' ? flat.slice(0, 2 * max) : flat.slice(-2 * max);
  const points = Array.from(window);
  if (flat.length <= 2 * max && points.length <= max) return flat;
  return cut === 'end'
    ? `${points.slice(0, max - 1).join('')}…`
    : `…${points.slice(-(max - 1)).join('')}`;
}

/** What starts a block when a line begins with it: a list item, a quote, a heading, indentation. */
const blockStart = /^(?:[-+=>]|[ \t]+)/;

const entityChars = /[&<>"'|*_`[\]~\\@#!{}$]/g;

/**
 * Makes untrusted text inert in GitHub markdown: no HTML, no emphasis or links, no table-cell
 * breaks, no @mentions or #references. Characters become numeric entities, which render as-is.
 * Autolinks are found after entities are decoded for e-mail addresses, and GitHub finds
 * @mentions and #references in the rendered text, so an `@` or `#` before a name or number is
 * followed by an invisible `<wbr>` that ends the text run; `www.` and `://` lose the character the
 * autolink parser starts from. The text is first made plain (see plainText), cut at `max`.
 */
export function escapeMarkdown(text: string, max = MAX_MESSAGE): string {
  return escapeInline(text, max)
    .replace(blockStart, (m) => `&#${m.charCodeAt(0)};${m.slice(1)}`)
    .replace(/^(\d{1,9})([.)])/, (_, n: string, c: string) => `${n}&#${c.charCodeAt(0)};`);
}

/** escapeMarkdown for text that never starts a line (a part after a code span). */
function escapeInline(text: string, max: number): string {
  return plainText(text, max)
    .replace(entityChars, (c, at: number, all: string) =>
      (c === '@' || c === '#') && /[\w.+-]/.test(all[at + 1] ?? '')
        ? `&#${c.charCodeAt(0)};<wbr>`
        : `&#${c.charCodeAt(0)};`,
    )
    .replace(/(www)\./gi, '$1&#46;')
    .replace(/:\/\//g, '&#58;//');
}

/** Untrusted text shown as code (a function or benchmark name), cut at `max` characters. */
export function codeCell(text: string, max = MAX_NAME): string {
  return `<code>${escapeMarkdown(text, max)}</code>`;
}

/** An untrusted file path and line (`path:line`), escaped, the path cut at its start. */
export function pathText(file: string, line?: number): string {
  return escapeMarkdown(`${plainPath(file)}${line === undefined ? '' : `:${line}`}`);
}

/**
 * One line of untrusted text inside a fenced code block: no line break (which would end an
 * indented block, and with it the fence), no control characters, no run of three backticks
 * (which would close the fence), at most `max` characters.
 */
export function fenceLine(text: string, max = MAX_MESSAGE): string {
  return plainText(text, max).replace(/`{3,}/g, (m) => "'".repeat(m.length));
}

/**
 * perfgate's own prose that quotes names from a run in backticks (advice naming a function or a
 * variable): the quoted parts as code cells, the rest escaped. A backtick inside a name can only
 * move where code starts and ends; every part stays inert.
 */
export function proseWithCode(text: string): string {
  return text
    .split(/`([^`]*)`/)
    .map((part, i) =>
      i === 0
        ? escapeMarkdown(part)
        : i % 2 === 1
          ? codeCell(part)
          : escapeInline(part, MAX_MESSAGE),
    )
    .join('');
}

/** A GitHub markdown table; `align` per column: 'l', 'r' or 'c'. */
export function table(header: string[], rows: string[][], align: ('l' | 'r' | 'c')[]): string {
  return markdownTable([header, ...rows], { align });
}
