/**
 * The PR comment and the job summary, rendered from the run report. The comment is what an
 * engineer reads in twenty seconds: the verdict, the regressions, where the baseline came from;
 * details fold away. Names come from untrusted input and are escaped.
 */
import type { GateFinding } from '../analyze/gate.js';
import { age, profileRegressionCount, type RunReport } from '../report/run-report.js';
import {
  findingTable,
  formatChange,
  formatPair,
  sideOnlyMarkdown,
  verdictNotes,
} from './gate-text.js';
import { formatFixed } from '../units/go-format.js';
import { renderInsightsMarkdown } from './insights.js';
import { codeCell, escapeMarkdown, table } from './markdown.js';

/** GitHub rejects comments longer than this. */
export const COMMENT_LIMIT = 65536;
const MAX_ROWS = 20;

/** The hidden marker that identifies this key's comment, so it is updated rather than reposted. */
export function commentMarker(key: string): string {
  return `<!-- perfgate:${key.replace(/--/g, '-').replace(/>/g, '')} -->`;
}

function icon(r: RunReport): string {
  return r.verdict === 'fail'
    ? '❌'
    : r.verdict === 'pass'
      ? '✅'
      : r.verdict === 'no-comparison'
        ? '⚠️'
        : 'ℹ️';
}

const verdictWords: Record<RunReport['verdict'], string> = {
  pass: 'pass',
  fail: 'fail',
  'no-baseline': 'no baseline',
  'no-comparison': 'nothing compared',
};

/** `### ❌ perfgate: fail · 3 benchmarks regressed · 1 improved · 2 functions grew`. */
function headline(r: RunReport): string {
  const g = r.gate;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const counts: string[] = [];
  if (g && g.verdict !== 'no-comparison') {
    counts.push(`${plural(g.benchmarks.regressed.length, 'benchmark')} regressed`);
    counts.push(`${g.benchmarks.improved.length} improved`);
    if (g.power.length > 0) counts.push('⚠️ some units not judged');
  }
  if (r.profiles?.changes.length) {
    counts.push(`${plural(profileRegressionCount(r.profiles), 'function')} grew in profiles`);
  }
  const tail = counts.map((c) => ` · ${c}`).join('');
  return `### ${icon(r)} perfgate: ${verdictWords[r.verdict]}${tail}`;
}

function baselineLine(r: RunReport): string {
  const b = r.baseline;
  if (!b) return 'No baseline was found for this comparison.';
  const shown = /^[0-9a-f]{13,40}$/.test(b.commit) ? b.commit.slice(0, 12) : b.commit;
  const commit = /^[0-9a-f]{7,40}$/.test(b.commit) ? `\`${shown}\`` : codeCell(shown);
  const where = b.branch ? ` on ${codeCell(b.branch)}` : '';
  const when = b.createdAt ? `, measured ${age(b.createdAt, r.generatedAt)} ago` : '';
  const how =
    b.source === 'rerun'
      ? 'base rerun in this job, interleaved with head'
      : b.source === 'artifact'
        ? `stored baseline${b.runUrl ? ` from [this run](${b.runUrl})` : ''}`
        : 'baseline from a file';
  return `Base ${commit}${where}${when} (${how}).`;
}

function evidence(f: GateFinding): string {
  if (f.method === 'exact') return 'exact';
  return f.p === undefined ? '' : `p=${formatFixed(f.p, 3)}`;
}

function topFindings(fs: GateFinding[], max: number): string {
  const shown = fs.slice(0, max);
  const more = fs.length > max ? `\n\n…and ${fs.length - max} more in the job summary.` : '';
  return `${findingTable(shown, evidence)}${more}`;
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** The body of the PR comment (marker first), at most COMMENT_LIMIT characters. */
export function renderComment(r: RunReport, maxRows = MAX_ROWS): string {
  const parts = [
    commentMarker(r.key),
    headline(r),
    '',
    `${escapeMarkdown(r.reason)}. ${baselineLine(r)}`,
  ];
  if (r.failures.length > 0) {
    parts.push(
      '',
      '**The benchmark run failed:**',
      '',
      '```',
      ...r.failures.map((f) => f.replace(/```/g, "'''")),
      '```',
    );
  }
  const g = r.gate;
  if (g) {
    for (const n of verdictNotes(g)) parts.push('', `> ⚠️ ${escapeMarkdown(n)}`);
    if (g.regressions.length > 0) parts.push('', topFindings(g.regressions, maxRows));
    if (g.improvements.length > 0) {
      parts.push(
        '',
        details(`Improvements (${g.improvements.length})`, topFindings(g.improvements, maxRows)),
      );
    }
    const ungated = g.findings.filter(
      (f) => !f.gated && (f.verdict === 'regression' || f.verdict === 'improvement'),
    );
    if (ungated.length > 0) {
      parts.push(
        '',
        details(
          `Timings, not gated (${ungated.length} changes)`,
          `The baseline was measured in another run, on another machine: timings drift there by tens of percent on identical code, so they are shown but do not fail the gate. Use \`baseline: rerun\` to gate them.\n\n${topFindings(ungated, maxRows)}`,
        ),
      );
    }
    for (const block of sideOnlyMarkdown(g)) parts.push('', block);
  } else if (r.headOnly) {
    parts.push(
      '',
      `Measured ${r.headOnly.benchmarks} benchmark results and ${r.headOnly.profiles} profiles in head.`,
    );
  }
  if (r.profiles) {
    const insights = renderInsightsMarkdown(r.profiles, {
      hotspotsNewOrGrownOnly: r.baseline !== undefined,
    });
    if (insights) parts.push('', '#### Profiles', '', insights);
  }
  const notes = [...r.warnings, ...(g?.notes ?? [])];
  if (notes.length > 0) parts.push('', ...notes.map((n) => `> ${escapeMarkdown(n)}`));
  const links = [
    r.links.html && `[HTML report with flame graphs](${r.links.html})`,
    r.links.run && `[Run](${r.links.run})`,
    r.links.summary && `[job summary](${r.links.summary})`,
  ]
    .filter(Boolean)
    .join(' · ');
  if (links) parts.push('', `<sub>${links}</sub>`);
  return fit(parts.join('\n'), r);
}

/** Cuts a body over the limit, keeping the marker and verdict, with a note pointing onwards. */
function fit(body: string, r: RunReport): string {
  if (body.length <= COMMENT_LIMIT) return body;
  const note = `\n\n**This report was cut to fit a comment.** The full report is in the ${r.links.summary ? `[job summary](${r.links.summary})` : 'job summary'}.`;
  const cut = body.slice(0, COMMENT_LIMIT - note.length - 1);
  return cut.slice(0, cut.lastIndexOf('\n')) + note;
}

/** The job summary: the comment's content with every finding, not only the top ones. */
export function renderSummary(r: RunReport): string {
  const body = renderComment({ ...r, links: { ...r.links, summary: undefined } }, Infinity);
  const g = r.gate;
  let all = '';
  if (g && g.findings.length > 0) {
    const rows = g.findings.map((f) => {
      const [b, h] = formatPair(f);
      return [
        codeCell(f.name),
        f.unit,
        b,
        h,
        formatChange(f.change),
        evidence(f),
        f.verdict + (f.restates ? ` (restates ${f.restates})` : f.gated ? '' : ' (not gated)'),
      ];
    });
    all = `\n\n${details(`All comparisons (${g.findings.length})`, table(['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'verdict'], rows, ['l', 'l', 'r', 'r', 'r', 'l', 'l']))}`;
  }
  const full = body.replace(/^<!--.*-->\n/, '') + all + '\n';
  if (full.length <= SUMMARY_LIMIT) return full;
  const note =
    '\n\n**This summary was cut to fit the 1 MiB limit of job summaries.** The whole report is in the `report-json` output file.\n';
  const cut = full.slice(0, SUMMARY_LIMIT - note.length);
  return cut.slice(0, cut.lastIndexOf('\n')) + note;
}

/** Job summaries over 1 MiB are refused by the runner; stay clear of it (UTF-8 may take more bytes). */
export const SUMMARY_LIMIT = 900_000;
