/**
 * The PR comment and the job summary, rendered from the run report. The comment is what an
 * engineer reads in twenty seconds: the verdict, the regressions, where the baseline came from;
 * details fold away. Names come from untrusted input and are escaped.
 */
import type { GateFinding } from '../analyze/gate.js';
import { age, type RunReport } from '../report/run-report.js';
import { verdictView } from '../report/verdict-view.js';
import {
  bySeverity,
  findingTable,
  findingsTable,
  formatChange,
  formatPair,
  formatPValue,
  manyPackages,
  sideOnlyMarkdown,
  spreadTable,
  verdictNotes,
} from './gate-text.js';
import type { HistoryPosition } from '../report/history.js';
import { formatQuantity } from '../units/human.js';
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
    : r.verdict === 'pass' || r.verdict === 'accepted'
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
  accepted: 'accepted',
};

/** `accepted by label <code>perfgate: accept</code>, applied by @login`: the login is untrusted. */
function acceptedBy(r: RunReport): string {
  const a = r.acceptance;
  if (r.verdict !== 'accepted' || !a) return '';
  return ` by label ${codeCell(a.label)}${a.by ? `, applied by ${escapeMarkdown(`@${a.by}`, MAX_NAME)}` : ''}`;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * `### ❌ perfgate: fail · 3 benchmarks regressed · 1 function grew in profiles · 4 goroutine
 * leaks`: the verdict, then each kind of finding counted on its own, improvements only when there
 * are some (the HTML report's headline, src/render/html/page/headline.ts, reads the same).
 */
function headline(r: RunReport): string {
  const v = verdictView(r);
  const counts: string[] = [];
  if (v.benchmarksRegressed !== null && v.benchmarksImproved !== null) {
    counts.push(`${plural(v.benchmarksRegressed, 'benchmark')} regressed`);
    if (v.benchmarksImproved > 0) counts.push(`${v.benchmarksImproved} improved`);
    if (v.unitsNotJudged) counts.push('⚠️ some units not judged');
  }
  if (v.profileRegressions !== null) {
    counts.push(`${plural(v.profileRegressions, 'function')} grew in profiles`);
  }
  if (v.goroutines?.leaks) counts.push(plural(v.goroutines.leaks, 'goroutine leak'));
  else if (v.goroutines?.parked) {
    counts.push(`${plural(v.goroutines.parked, 'site')} of parked goroutines`);
  }
  const tail = counts.map((c) => ` · ${c}`).join('');
  return `### ${icon(r)} perfgate: ${verdictWords[r.verdict]}${acceptedBy(r)}${tail}`;
}

/** A commit as shown: 12 hex digits in backticks, anything else as escaped code. */
function commitText(commit: string): string {
  const shown = /^[0-9a-f]{13,40}$/.test(commit) ? commit.slice(0, 12) : commit;
  return /^[0-9a-f]{7,40}$/.test(commit) ? `\`${shown}\`` : codeCell(shown);
}

/**
 * Where the baseline came from: a run of this workflow that stored it (its commit, branch and
 * age), base rerun in this job interleaved with head, a `baseline:` folder or file, or local
 * files given to `perfgate comment`; then the head commit measured, when it is a commit.
 */
export function baselineLine(r: RunReport): string {
  const source = baseSource(r);
  const shown = r.baseline?.source !== 'files' && !(r.savedBaseline && !r.baseline);
  return shown && /^[0-9a-f]{7,40}$/.test(r.headCommit)
    ? `${source} Head ${commitText(r.headCommit)}.`
    : source;
}

/** baselineLine without the head commit; a push that saved a baseline says which. */
function baseSource(r: RunReport): string {
  const b = r.baseline;
  const saved = r.savedBaseline;
  if (!b && saved) {
    const on = saved.branch ? ` on ${codeCell(saved.branch)}` : '';
    return `Baseline saved for ${commitText(saved.commit)}${on}: pull requests are compared with it.`;
  }
  if (!b) return 'No baseline was found for this comparison.';
  const where = b.branch ? ` on ${codeCell(b.branch)}` : '';
  const ago = b.createdAt ? ` ${age(b.createdAt, r.generatedAt)} ago` : '';
  switch (b.source) {
    case 'rerun':
      return `Base ${commitText(b.commit)}${where}, rerun in this job, interleaved with head.`;
    case 'artifact':
      return `Base ${commitText(b.commit)}${where}: stored baseline, measured${ago || ' at an unknown time'}${b.runUrl ? ` by [this run](${b.runUrl})` : ''}.`;
    case 'files':
      // Head is named by its commit when one was given (--head-commit), else by its file.
      if (/^[0-9a-f]{7,40}$/.test(r.headCommit))
        return `Base from local files: ${codeCell(b.commit)}. Head ${commitText(r.headCommit)}.`;
      return r.headCommit
        ? `Base and head from local files: ${codeCell(b.commit)} → ${codeCell(r.headCommit)}.`
        : `Base from local files: ${codeCell(b.commit)}.`;
    case 'path':
      return b.commit === 'unknown'
        ? 'Base from the benchmark output file given as `baseline:` (no commit recorded).'
        : `Base ${commitText(b.commit)}${where}: baseline folder given as \`baseline:\`${ago ? `, measured${ago}` : ''}.`;
  }
}

/** Where head sits against one regression's past commits, in words, its numbers in one scale. */
function placeText(p: HistoryPosition, branch: string): string {
  const past = `the last ${p.commits === 1 ? 'commit' : `${p.commits} commits`} of ${branch}`;
  const slower = p.unit === 'sec/op';
  const where =
    p.place === 'worse'
      ? `${slower ? 'slower' : 'worse'} than each of ${past}`
      : p.place === 'better'
        ? `${slower ? 'faster' : 'better'} than each of ${past}`
        : `within the range of ${past}`;
  const unit = escapeMarkdown(p.unit, MAX_NAME);
  const [head, min, max] = [p.head, p.min, p.max].map((v) => formatQuantity(v, p.unit));
  const range = min === max ? `all ${min}` : `${min} to ${max}`;
  const cpus = p.cpus > 1 ? `; measured on ${p.cpus} CPU models` : '';
  return `- ${codeCell(p.name)} ${unit}: head ${head} is ${where} (${range}${cpus})`;
}

/** Head against the base branch's past baselines, for each regression they measured. */
function historyLines(r: RunReport): string {
  const h = r.history;
  if (!h || h.positions.length === 0) return '';
  const branch = codeCell(h.branch || 'the base branch');
  return [
    `**Against ${branch}'s past baselines** (${h.commits} ${h.commits === 1 ? 'commit' : 'commits'} kept):`,
    '',
    ...h.positions.map((p) => placeText(p, branch)),
  ].join('\n');
}

function evidence(f: GateFinding): string {
  if (f.method === 'exact') return 'exact';
  return f.p === undefined ? '' : formatPValue(f.p);
}

/** The most severe findings (at most `max`), by package when the run has several. */
function topFindings(fs: GateFinding[], max: number, grouped: boolean): string {
  const shown = bySeverity(fs).slice(0, max);
  const more = fs.length > max ? `\n\n…and ${fs.length - max} more in the job summary.` : '';
  return `${findingTable(shown, evidence, grouped)}${more}`;
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
 * Notes and warnings, folded, one list item each; the list gives way first when space runs out.
 */
function notesBlock(notes: string[], where: string): Block {
  return shortenable(6, notes.length, (keep) => {
    if (keep === 0) return '';
    const items = notes.slice(0, keep).map((n) => `- ${escapeMarkdown(n)}`);
    const left = notes.length - keep;
    if (left > 0) items.push(`- ${moreLine(left, 'notes', where)}`);
    return details(`Notes (${notes.length})`, items.join('\n'));
  });
}

/** The verdict's reason (a phrase: `no regression beyond the limits`) as a sentence's start. */
function sentence(reason: string): string {
  return reason.replace(/^[a-z]/, (c) => c.toUpperCase());
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
    `${escapeMarkdown(sentence(r.reason))}. ${baselineLine(r)}`,
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
    // What the gate could not judge stands beside the verdict, not folded among the notes.
    const notes = [...verdictNotes(g), ...g.notes];
    // Benchmarks of base that head lacks escape the gate (renamed or removed): said up front.
    const removed = g.benchmarks.removed.length;
    if (removed > 0 && g.verdict !== 'no-comparison') {
      notes.push(
        `${plural(removed, 'benchmark')} of base ${removed === 1 ? 'is' : 'are'} not in head (removed or renamed), so not compared`,
      );
    }
    if (notes.length > 0) parts.push('', notes.map((n) => `- ⚠️ ${escapeMarkdown(n)}`).join('\n'));
    const grouped = manyPackages(g);
    if (g.regressions.length > 0) {
      const shown = Math.min(g.regressions.length, maxRows);
      parts.push(
        '',
        shortenable(1, shown, (keep) => topFindings(g.regressions, Math.max(keep, 1), grouped)),
        '',
        foldBlock(
          'Statistics: median ± 95% confidence interval, p-value, runs (as benchstat prints them)',
          spreadTable(bySeverity(g.regressions).slice(0, maxRows), grouped),
        ),
      );
      const past = historyLines(r);
      if (past) parts.push('', droppable(past));
    }
    if (g.improvements.length > 0) {
      parts.push(
        '',
        foldBlock(
          `Improvements (${g.improvements.length})`,
          topFindings(g.improvements, maxRows, grouped),
        ),
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
          `The baseline was measured in another run, on another machine: timings drift there by tens of percent on identical code, so they are shown but do not fail the gate. Use \`baseline: rerun\` to gate them.\n\n${topFindings(ungated, maxRows, grouped)}`,
        ),
      );
    }
    for (const block of sideOnlyMarkdown(g)) parts.push('', droppable(block));
  } else if (r.headOnly) {
    parts.push(
      '',
      `Measured ${plural(r.headOnly.benchmarks, 'benchmark result')} and ${plural(r.headOnly.profiles, 'profile')} in head.`,
    );
  }
  if (r.profiles) {
    const insights = insightBlocks(r.profiles, {
      hotspotsNewOrGrownOnly: r.baseline !== undefined,
      elsewhere: elsewhere(r),
    });
    if (insights.length > 0) parts.push('', '#### Profiles', '', ...insights);
  }
  const notes = [...r.warnings, ...(r.profiles?.notes ?? [])];
  if (notes.length > 0) parts.push('', notesBlock(notes, elsewhere(r)));
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

/**
 * Whether a change is real as benchstat decides: exact values that differ, or a test's p-value
 * (after the run's correction) at most alpha. Anything else reads `~`, as benchstat prints it.
 */
function significant(f: GateFinding, alpha: number): boolean {
  if (f.method === 'exact') return true;
  return f.p !== undefined && f.p <= alpha;
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
        significant(f, g.options.alpha) ? formatChange(f) : '~',
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
        `\`~\`: no significant change (p > ${g.options.alpha}${g.options.correction === 'none' ? '' : `, ${g.options.correction}-corrected`}, or too few runs); the medians are in base and head.\n\n` +
          findingsTable(
            g.findings.slice(0, keep),
            ['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'verdict'],
            rows.slice(0, keep),
            ['l', 'l', 'r', 'r', 'r', 'l', 'l'],
            manyPackages(g),
          ) +
          more,
      );
    });
    blocks.splice(-1, 0, all, '');
  }
  return `${fitBlocks(blocks, SUMMARY_LIMIT, utf8Bytes).trimEnd()}\n`;
}

/** The runner refuses job summaries over 1 MiB (in UTF-8 bytes); stay clear of it. */
export const SUMMARY_LIMIT = 1_000_000;
