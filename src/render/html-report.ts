/**
 * The HTML report: one self-contained file (inline CSS and script, no network when viewed). Its
 * sections, top to bottom, go from what decided the run to the evidence: the verdict and its
 * profile regressions, the benchmark comparison and its history, the profiles (a differential flame graph and a
 * top table per profile pair and sample type), hotspots, goroutine leaks, and folded notes. Each
 * section is one function of the model in `reportSections`, so a section is added in one place.
 * The static sections are rendered here; the verdict, graph and table are drawn in the page from
 * the model's JSON (`PageData`), so the file stays small, by the page's script and style sheet in
 * html/page/, which scripts/gen-page.mjs bundles into html/page-assets.generated.ts.
 */
import type { GateFinding, GateResult } from '../analyze/gate.js';
import type { Hotspot } from '../analyze/hotspots.js';
import type { LeakWarning } from '../analyze/leaks.js';
import { pageData } from '../report/html-build.js';
import type { HtmlReportModel } from '../report/html-model.js';
import {
  bySeverity,
  formatChange,
  formatPair,
  formatPValue,
  verdictLine,
  verdictNotes,
} from './gate-text.js';
import { allocatedText, benchmarkLabel, cpuText } from './hotspots.js';
import { leakHeadline } from './leak-text.js';
import { pageScript, pageStyle } from './html/page-assets.generated.js';

/** Text made inert in HTML (element content and quoted attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` become `\u003c`..., so no
 * string in it can close the element, and U+2028/2029 are escaped for older parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function evidence(f: GateFinding): string {
  if (f.method === 'exact') return 'exact';
  if (f.p === undefined) return '';
  return `${formatPValue(f.p)}${f.method === 'wilcoxon' ? ' paired' : ''}`;
}

const td = (html: string, numeric = false) => `<td${numeric ? ' class="num"' : ''}>${html}</td>`;

function findingsTable(fs: GateFinding[]): string {
  const rows = fs.map((f) => {
    const [base, head] = formatPair(f);
    const cells = [
      td(`<code>${escapeHtml(f.name)}</code>`),
      td(escapeHtml(f.unit)),
      td(escapeHtml(base), true),
      td(escapeHtml(head), true),
      td(escapeHtml(formatChange(f)), true),
      td(escapeHtml(evidence(f))),
      td(escapeHtml(f.verdict + (f.gated ? '' : ' (not gated)'))),
    ];
    return `<tr class="${escapeHtml(f.verdict)}">${cells.join('')}</tr>`;
  });
  const head = ['benchmark', 'unit', 'base', 'head', 'change', 'evidence', 'verdict'];
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * Each finding's notes (too few samples, ...), as the text report lists them. The run's own
 * notes (one run per benchmark, ...) say what was not judged: they stand beside the verdict.
 */
function gateNotes(r: GateResult): string[] {
  return [...new Set(r.findings.flatMap((f) => f.notes.map((n) => `${f.name} ${f.unit}: ${n}`)))];
}

/** The benchmark comparison: each table in the comment's order, the most severe change first. */
function gateSection(r: GateResult): string {
  const shown = new Set([...r.regressions, ...r.improvements]);
  const others = bySeverity(r.findings.filter((f) => !shown.has(f)));
  const regressions = bySeverity(r.regressions);
  const improvements = bySeverity(r.improvements);
  const parts = [
    `<h2>Benchmarks</h2>`,
    `<p><strong>${escapeHtml(verdictLine(r))}</strong></p>`,
    ...[...verdictNotes(r), ...r.notes].map((n) => `<p>⚠️ ${escapeHtml(n)}</p>`),
  ];
  if (regressions.length > 0) parts.push(`<h3>Regressions</h3>`, findingsTable(regressions));
  if (improvements.length > 0) {
    parts.push(
      `<details><summary>Improvements (${improvements.length})</summary>${findingsTable(improvements)}</details>`,
    );
  }
  if (others.length > 0) {
    parts.push(
      `<details><summary>Other comparisons (${others.length})</summary>${findingsTable(others)}</details>`,
    );
  }
  return `<section id="benchmarks">${parts.join('\n')}</section>`;
}

/** perfgate's own advice, whose `code` spans become <code>. */
function adviceHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function hotspotsSection(hs: Hotspot[]): string {
  const rows = hs.map((h) => {
    const where = h.site.file
      ? `<br><code class="muted">${escapeHtml(`${h.site.file}:${h.site.line}`)}</code>`
      : '';
    const bench = h.benchmark
      ? `<br><span class="muted">in <code>${escapeHtml(benchmarkLabel(h))}</code></span>`
      : '';
    const cells = [
      td(
        `${h.isNew ? '<span class="new">new</span> ' : ''}<code>${escapeHtml(h.site.fn)}</code>${where}${bench}`,
      ),
      td(escapeHtml(h.kind)),
      td(escapeHtml(allocatedText(h)), true),
      td(escapeHtml(cpuText(h)), true),
      td(adviceHtml(h.advice)),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const head = ['site', 'kind', 'allocated (base → head)', 'cpu', 'advice'];
  return `<section id="hotspots"><h2>Allocation hotspots</h2><table><thead><tr>${head.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function leakItem(w: LeakWarning): string {
  const headline = leakHeadline(w, {
    code: (c) => `<code>${escapeHtml(c)}</code>`,
    text: escapeHtml,
  });
  const stack = w.stack.map((f) => `${f.fn}\n    ${f.file}:${f.line}`).join('\n');
  return `<li>⚠️ ${headline}<br>Fix: ${escapeHtml(w.advice)}<details><summary>stack</summary><pre>${escapeHtml(stack)}</pre></details></li>`;
}

/**
 * The notes of the run, folded: the gate's and the insights' notes, and the profiles that could
 * not be shown (those open the page only when no profile could be shown at all).
 */
function notesSection(model: HtmlReportModel): string {
  const gate = model.gate;
  const notes = [
    ...(model.graphs.length > 0 ? model.problems : []),
    ...(gate ? gateNotes(gate) : []),
    ...(model.insights?.notes ?? []),
  ];
  if (notes.length === 0) return '';
  const items = notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<section id="notes"><details><summary>Notes (${notes.length})</summary><ul>${items}</ul></details></section>`;
}

/**
 * The message box: shown when there is no profile to show (with the reasons), and where the page's
 * script says what it could not draw; hidden otherwise.
 */
function messageBox(model: HtmlReportModel): string {
  if (model.graphs.length > 0) return '<div id="message" role="status" hidden></div>';
  const lines = [
    'No profiles to show: this report has no profile with samples. Give perfgate head (and base) profiles such as cpu.pb.gz and allocs.pb.gz to get flame graphs.',
  ];
  if (model.problems.length > 0) {
    lines.push(
      `${model.problems.length === 1 ? 'A profile' : 'Some profiles'} could not be shown:`,
    );
  }
  const items = model.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  const body =
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') + (items ? `<ul>${items}</ul>` : '');
  return `<div id="message" role="status">${body}</div>`;
}

const topColumns: [string, string][] = [
  ['flat', 'flat'],
  ['flatPct', 'flat%'],
  ['cum', 'cum'],
  ['cumPct', 'cum%'],
  ['dflat', 'Δflat'],
  ['dcum', 'Δcum'],
  ['name', 'function'],
];

function viewer(model: HtmlReportModel): string {
  if (model.graphs.length === 0) return '';
  const options = model.graphs
    .map((g, i) => `<option value="${i}">${escapeHtml(`${g.profile} · ${g.sampleType}`)}</option>`)
    .join('');
  const headers = topColumns
    .map(([key, text]) => `<th data-key="${key}" title="sort by ${text}">${text}</th>`)
    .join('');
  return `<section id="viewer" aria-label="Profiles">
<h2>Profiles</h2>
<div class="toolbar">
<label>Profile <select id="sample-type">${options}</select></label>
<input id="search" type="search" placeholder="Search functions" aria-label="Search functions">
<span id="search-info"></span>
<button id="reset-zoom" type="button" disabled>Reset zoom</button>
<label title="Colour by the change of each frame's share of its total, for runs of different lengths"><input id="by-share" type="checkbox"> colour by share</label>
<label title="Draw each frame as wide as its value in base: the frames head no longer has appear"><input id="base-widths" type="checkbox"> widths of base</label>
</div>
<div class="legend"><span class="l-grow">grew in head</span><span class="l-shrink">shrank</span><span class="l-same">unchanged</span><span class="l-new">new in head</span><span class="l-gone">gone in head (widths of base)</span><span>width: head, or base · click a frame to zoom, the root to reset</span></div>
<p id="totals"></p>
<div id="flame" aria-label="Differential flame graph"></div>
<h2>Top functions</h2>
<table id="top"><thead><tr>${headers}</tr></thead><tbody></tbody></table>
<p id="top-note"></p>
</section>`;
}

const tooltip = `<div id="tooltip" role="tooltip" hidden>
<div class="tt-name" data-field="name"></div>
<div class="muted" data-field="file"></div>
<dl><dt>base</dt><dd data-field="base"></dd><dt>head</dt><dd data-field="head"></dd><dt>delta</dt><dd data-field="delta"></dd><dt>share</dt><dd data-field="share"></dd></dl>
<div class="muted" data-field="gone"></div>
</div>`;

function generatedLine(iso: string): string {
  const shown = iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1 UTC');
  return `<span class="muted">generated <time datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time></span>`;
}

/** One section of the report page: its HTML from the model, or '' when it has nothing to show. */
export type ReportSection = (model: HtmlReportModel) => string;

const verdictSection: ReportSection = (model) =>
  model.verdict ? '<section id="verdict" aria-label="Verdict" hidden></section>' : '';

const benchmarksSection: ReportSection = (model) => (model.gate ? gateSection(model.gate) : '');

/** Each benchmark against the branch's past baselines, drawn by the page's script. */
const historySection: ReportSection = (model) =>
  model.history ? '<section id="history" aria-label="History" hidden></section>' : '';

const profilesSection: ReportSection = (model) =>
  model.graphs.length === 0
    ? ''
    : '<noscript><p>The flame graph and the top table need JavaScript; the other sections do not.</p></noscript>\n' +
      viewer(model);

const hotspots: ReportSection = (model) =>
  model.insights && model.insights.hotspots.length > 0
    ? hotspotsSection(model.insights.hotspots)
    : '';

const leaks: ReportSection = (model) =>
  model.insights && model.insights.leaks.length > 0
    ? `<section id="leaks"><h2>Goroutine leaks</h2><ul>${model.insights.leaks.map(leakItem).join('')}</ul></section>`
    : '';

/**
 * The page's sections, top to bottom: what decided the run first (verdict and regressions), then
 * the benchmarks, the profiles and what they show, and the notes, folded.
 */
export const reportSections: readonly ReportSection[] = [
  messageBox,
  verdictSection,
  benchmarksSection,
  historySection,
  profilesSection,
  hotspots,
  leaks,
  notesSection,
];

/** The report as one self-contained HTML page. */
export function renderHtmlReport(
  model: HtmlReportModel,
  sections: readonly ReportSection[] = reportSections,
): string {
  // The run's verdict when there is one (benchmarks and profiles), else the benchmark gate's.
  const verdict = model.verdict?.verdict ?? model.gate?.verdict;
  const badge =
    verdict === 'pass' || verdict === 'fail'
      ? `<span class="badge ${verdict}">${verdict === 'fail' ? 'FAIL' : 'PASS'}</span>`
      : '';
  const body = sections.map((section) => section(model)).filter((s) => s !== '');
  const data = jsonForScript(pageData(model));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(model.title)}</title>
<style>${pageStyle}</style>
</head>
<body>
<header><h1>${escapeHtml(model.title)}</h1>${badge}${generatedLine(model.generatedAt)}</header>
<main>
${body.join('\n')}
</main>
${tooltip}
<script type="application/json" id="data">${data}</script>
<script>${pageScript}</script>
</body>
</html>
`;
}
