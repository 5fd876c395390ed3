/** Markdown helpers for text that comes from profiles and benchmarks (untrusted). */
import { markdownTable } from 'markdown-table';

const entityChars = /[&<>"'|*_`[\]~\\@#!{}]/g;

/**
 * Makes untrusted text inert in GitHub markdown: no HTML, no emphasis or links, no table-cell
 * breaks, no @mentions or #references. Characters become numeric entities, which render as-is.
 * Autolinks are found after entities are decoded for e-mail addresses (and GitHub finds
 * @mentions in the rendered text), so an `@` before a name is followed by an invisible `<wbr>` that ends
 * the text run; `www.` and `://` lose the character the autolink parser starts from.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(entityChars, (c, at: number, all: string) =>
      c === '@' && /[\w.+-]/.test(all[at + 1] ?? '') ? '&#64;<wbr>' : `&#${c.charCodeAt(0)};`,
    )
    .replace(/(www)\./gi, '$1&#46;')
    .replace(/:\/\//g, '&#58;//')
    .replace(/\r?\n/g, ' ');
}

/** Untrusted text shown as code (a function or benchmark name). */
export function codeCell(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

/** A GitHub markdown table; `align` per column: 'l', 'r' or 'c'. */
export function table(header: string[], rows: string[][], align: ('l' | 'r' | 'c')[]): string {
  return markdownTable([header, ...rows], { align });
}
