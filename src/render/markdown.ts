/** Markdown helpers for text that comes from profiles and benchmarks (untrusted). */
import { markdownTable } from 'markdown-table';

const entityChars = /[&<>"'|*_`[\]~\\@#!{}]/g;

/**
 * Makes untrusted text inert in GitHub markdown: no HTML, no emphasis or links, no table-cell
 * breaks, no @mentions or #references. Characters become numeric entities, which render as-is.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(entityChars, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, ' ');
}

/** Untrusted text shown as code (a function or benchmark name). */
export function codeCell(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

/** A GitHub markdown table; `align` per column: 'l', 'r' or 'c'. */
export function table(header: string[], rows: string[][], align: ('l' | 'r' | 'c')[]): string {
  return markdownTable([header, ...rows], { align });
}
