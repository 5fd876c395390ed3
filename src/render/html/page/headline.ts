/**
 * The verdict's headline as the PR comment writes it, for the report page (no DOM here: tests
 * compare it with the comment's).
 */
import type { PageVerdict } from '../../../report/page-data.js';

const icons: Record<PageVerdict['verdict'], string> = {
  pass: '\u2705',
  fail: '\u274c',
  'no-comparison': '\u26a0\ufe0f',
  incomplete: '\u26a0\ufe0f',
  'no-baseline': '\u2139\ufe0f',
  accepted: '\u2705',
};

const words: Record<PageVerdict['verdict'], string> = {
  pass: 'pass',
  fail: 'fail',
  'no-baseline': 'no baseline',
  'no-comparison': 'nothing compared',
  incomplete: 'incomplete',
  accepted: 'accepted',
};

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The headline as the comment writes it (without its markdown heading marks). */
export function headlineText(v: PageVerdict): string {
  const counts: string[] = [];
  if (v.benchmarksRegressed !== null && v.benchmarksImproved !== null) {
    counts.push(`${plural(v.benchmarksRegressed, 'benchmark')} regressed`);
    if (v.benchmarksImproved > 0) counts.push(`${v.benchmarksImproved} improved`);
    if (v.unitsNotJudged) counts.push('\u26a0\ufe0f some units not judged');
  }
  if (v.profileRegressions !== null)
    counts.push(`${plural(v.profileRegressions, 'function')} grew in profiles`);
  if (v.goroutines?.leaks) counts.push(plural(v.goroutines.leaks, 'goroutine leak'));
  else if (v.goroutines?.parked) {
    counts.push(`${plural(v.goroutines.parked, 'site')} of parked goroutines`);
  }
  const a = v.verdict === 'accepted' ? v.accepted : undefined;
  const by = a ? ` by label ${a.label}${a.by ? `, applied by @${a.by}` : ''}` : '';
  return `${icons[v.verdict]} perfgate: ${words[v.verdict]}${by}${counts.map((c) => ` \u00b7 ${c}`).join('')}`;
}
