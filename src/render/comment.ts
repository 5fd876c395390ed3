/**
 * The PR comment and the job summary, rendered from the run report. The comment is what an
 * engineer reads in twenty seconds: the verdict, the regressions, where the baseline came from;
 * details fold away. Names come from untrusted input and are escaped.
 */
import type { GateFinding } from '../analyze/gate.js';
import { profileRegressionCount } from '../analyze/verdict.js';
import { age, type RunReport } from '../report/run-report.js';
import {
  findingTable,
  findingsTable,
  formatChange,
  formatPair,
  sideOnlyMarkdown,
  verdictNotes,
} from './gate-text.js';
import { formatFixed } from '../units/go-format.js';
import { insightBlocks } from './insights.js';
import { codeCell, escapeMarkdown, fenceLine, MAX_NAME } from './markdown.js';
import { type Block, fitBlocks, moreLine, shortenable, utf8Bytes } from './sections.js';

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
      : r.verdict === 'no-comparison' || r.verdict === 'incomplete'
        ? '⚠️'
        : 'ℹ️';
}

const verdictWords: Record<RunReport['verdict'], string> = {
  pass: 'pass',
  fail: 'fail',
  'no-baseline': 'no baseline',
  'no-comparison': 'nothing compared',
  incomplete: 'incomplete',
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

/** A commit as shown: a sha's first 12 digits as code, anything else escaped. */
function commitText(commit: string): string {
  const shown = /^[0-9a-f]{13,40}$/.test(commit) ? commit.slice(0, 12) : commit;
  return /^[0-9a-f]{7,40}$/.test(commit) ? `\`${shown}\`` : codeCell(shown);
}

/** Where the baseline came from, then the head commit measured (when it is a commit). */
function baselineLine(r: RunReport): string {
  const sha = /^[0-9a-f]{7,40}$/.test(r.headCommit) && !(r.savedBaseline && !r.baseline);
  const head = sha ? ` Head ${commitText(r.headCommit)}.` : '';
  return `${baseSource(r)}${head}`;
}

function baseSource(r: RunReport): string {
  const b = r.baseline;
  const saved = r.savedBaseline;
  if (!b && saved) {
    const on = saved.branch ? ` on ${codeCell(saved.branch)}` : '';
    return `Baseline saved for ${commitText(saved.commit)}${on}: pull requests are compared with it.`;
  }
  if (!b) return 'No baseline was found for this comparison.';
  const commit = commitText(b.commit);
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

/** Where what a shortened comment leaves out can be read. */
function elsewhere(r: RunReport): string {
  if (r.links.summary) return `in the [job summary](${r.links.summary})`;
  if (r.links.html) return `in the [HTML report](${r.links.html})`;
  return '';
}

/** Text that gives way (vanishes) before the sections above it when space runs out. */
function droppable(text: string): Block {
  return shortenable(5, 1, (keep) => (keep > 0 ? text : ''));
}

/** A fold that gives way before the sections above it. */
function foldBlock(summary: string, body: string): Block {
  return droppable(details(summary, body));
}

/**
 * The comment as blocks: fixed text (marker, verdict, links) and sections that can be shortened,
 * in reading order; the links block is always the last.
 */
function commentBlocks(r: RunReport, maxRows: number): Block[] {
  const parts: Block[] = [
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
      shortenable(1, r.failures.length, (keep) => {
        const left = r.failures.length - keep;
        const lines = r.failures
          .slice(0, keep)
          .flatMap((f) => f.split(/\r\n?|\n/))
          .map((l) => fenceLine(l));
        const more = left > 0 ? `\n\n${moreLine(left, 'lines', elsewhere(r))}` : '';
        return ['```', ...lines, '```'].join('\n') + more;
      }),
    );
  }
  const missing = r.shards?.incomplete ?? [];
  if (missing.length > 0) {
    const lines = missing.map((m) => `- shard ${codeCell(m.shard)}: ${escapeMarkdown(m.why)}`);
    parts.push(
      '',
      '**Shards missing or failed** (their benchmarks were not judged):',
      '',
      ...lines,
    );
  }
  const g = r.gate;
  if (g) {
    for (const n of verdictNotes(g)) parts.push('', `> ⚠️ ${escapeMarkdown(n)}`);
    if (g.regressions.length > 0) {
      const shown = Math.min(g.regressions.length, maxRows);
      parts.push(
        '',
        shortenable(1, shown, (keep) => topFindings(g.regressions, Math.max(keep, 1))),
      );
    }
    if (g.improvements.length > 0) {
      parts.push(
        '',
        foldBlock(`Improvements (${g.improvements.length})`, topFindings(g.improvements, maxRows)),
      );
    }
    const ungated = g.findings.filter(
      (f) => !f.gated && (f.verdict === 'regression' || f.verdict === 'improvement'),
    );
    if (ungated.length > 0) {
      parts.push(
        '',
        foldBlock(
          `Timings, not gated (${ungated.length} changes)`,
          `The baseline was measured in another run, on another machine: timings drift there by tens of percent on identical code, so they are shown but do not fail the gate. Use \`baseline: rerun\` to gate them.\n\n${topFindings(ungated, maxRows)}`,
        ),
      );
    }
    for (const block of sideOnlyMarkdown(g)) parts.push('', droppable(block));
  } else if (r.headOnly) {
    parts.push(
      '',
      `Measured ${r.headOnly.benchmarks} benchmark results and ${r.headOnly.profiles} profiles in head.`,
    );
  }
  if (r.profiles) {
    const insights = insightBlocks(r.profiles, {
      hotspotsNewOrGrownOnly: r.baseline !== undefined,
      elsewhere: elsewhere(r),
    });
    if (insights.length > 0) parts.push('', '#### Profiles', '', ...insights);
  }
  const notes = [...r.warnings, ...(g?.notes ?? [])];
  if (notes.length > 0) {
    parts.push(
      '',
      shortenable(6, notes.length, (keep) => {
        const lines = notes.slice(0, keep).map((n) => `> ${escapeMarkdown(n)}`);
        const left = notes.length - keep;
        if (left > 0) lines.push(`> ${moreLine(left, 'notes', elsewhere(r))}`);
        return lines.join('\n');
      }),
    );
  }
  const links = [
    r.links.html && `[HTML report with flame graphs](${r.links.html})`,
    r.links.run && `[Run](${r.links.run})`,
    r.links.summary && `[job summary](${r.links.summary})`,
  ]
    .filter(Boolean)
    .join(' · ');
  parts.push('', links ? `<sub>${links}</sub>` : '');
  return parts;
}

/**
 * The body of the PR comment (marker first), at most COMMENT_LIMIT characters: sections are
 * shortened, least important first, rather than cut, and the links stay at the end.
 */
export function renderComment(r: RunReport, maxRows = MAX_ROWS): string {
  return fitBlocks(commentBlocks(r, maxRows), COMMENT_LIMIT).trimEnd();
}

/** The job summary: the comment's content with every finding, not only the top ones. */
export function renderSummary(r: RunReport): string {
  const blocks = commentBlocks({ ...r, links: { ...r.links, summary: undefined } }, Infinity);
  blocks.shift(); // the comment's marker
  const g = r.gate;
  if (g && g.findings.length > 0) {
    const rows = g.findings.map((f) => {
      const [b, h] = formatPair(f);
      return [
        codeCell(f.name),
        escapeMarkdown(f.unit, MAX_NAME),
        b,
        h,
        formatChange(f.change),
        evidence(f),
        escapeMarkdown(
          f.verdict + (f.restates ? ` (restates ${f.restates})` : f.gated ? '' : ' (not gated)'),
          MAX_NAME,
        ),
      ];
    });
    const all = shortenable(1, rows.length, (keep) => {
      if (keep === 0) return '';
      const left = rows.length - keep;
      const more =
        left > 0 ? `\n\n${moreLine(left, 'comparisons', 'in the `report-json` output file')}` : '';
      return details(
        `All comparisons (${rows.length})`,
        findingsTable(
          g.findings.slice(0, keep),
          ['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'verdict'],
          rows.slice(0, keep),
          ['l', 'l', 'r', 'r', 'r', 'l', 'l'],
        ) + more,
      );
    });
    blocks.splice(-1, 0, all, '');
  }
  return `${fitBlocks(blocks, SUMMARY_LIMIT, utf8Bytes).trimEnd()}\n`;
}

/** The runner refuses job summaries over 1 MiB (in UTF-8 bytes); stay clear of it. */
export const SUMMARY_LIMIT = 1_000_000;
