/**
 * The job summary of a run that stopped before it reached a verdict (a build that fails before
 * any round, no benchmark matching, a base commit the checkout lacks): what stopped it, as text.
 */
import { fenceLine } from './markdown.js';

/** The most lines of the message shown (a compiler's or a TestMain's output can be long). */
const MAX_LINES = 60;

/** `### ⛔ perfgate: error` and the message in a code block (its text inert). */
export function renderErrorSummary(message: string): string {
  const lines = message.split(/\r\n?|\n/);
  const shown = lines.slice(0, MAX_LINES).map((l) => fenceLine(l));
  if (lines.length > MAX_LINES) shown.push(`… ${lines.length - MAX_LINES} more lines in the log`);
  return [
    '### ⛔ perfgate: error',
    '',
    'The run stopped before a verdict; nothing was compared and no baseline was saved:',
    '',
    '```',
    ...shown,
    '```',
    '',
  ].join('\n');
}
