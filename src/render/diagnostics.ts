/**
 * Diagnostics as lines for a terminal or a log: a few of each file, then one line saying how many
 * more there were, so a file of a million bad lines gives a dozen lines of output, not a million.
 */
import type { Diagnostic } from '../model/bench.js';
import { MAX_MESSAGE, plainText } from './markdown.js';

/** How many diagnostics of one file are shown. */
export const SHOWN_DIAGNOSTICS = 10;

/**
 * `file:line: message` for the first `max` diagnostics of each file (control characters removed),
 * then `file: … and 999,990 more lines like this`.
 */
export function diagnosticLines(diagnostics: Diagnostic[], max = SHOWN_DIAGNOSTICS): string[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    for (const d of list.slice(0, max)) {
      lines.push(plainText(`${d.file}:${d.line}: ${d.message}`, MAX_MESSAGE));
    }
    const more = list.length - max;
    if (more > 0) {
      lines.push(
        plainText(
          `${file}: … and ${more.toLocaleString('en-US')} more ${more === 1 ? 'line' : 'lines'} like this`,
        ),
      );
    }
  }
  return lines;
}
