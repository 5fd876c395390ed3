/**
 * Text from a run is inert in everything perfgate renders. A fixed table of hostile strings and
 * strings from a seeded generator go into every name, unit, path, stack, note, warning, failure
 * and baseline field of a real run's report; the comment, the job summary, the CLI's markdown and
 * the top table are rendered by cmark-gfm (as GitHub renders them), the HTML report is parsed by
 * parse5, and each must have exactly the structure it has with a plain word in those places: no
 * element, link, fold or table cell more or less, no @mention or #reference in the text.
 */
import { readFileSync } from 'node:fs';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, test } from 'vitest';
import { gate, type GateResult } from '../../src/analyze/gate.js';
import { type ProfileInsights, profileInsights } from '../../src/analyze/profile-insights.js';
import { functionTable } from '../../src/analyze/functions.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { COMMENT_LIMIT, renderComment, renderSummary } from '../../src/render/comment.js';
import { renderGateMarkdown } from '../../src/render/gate-text.js';
import { renderHtmlReport } from '../../src/render/html-report.js';
import { renderTopMarkdown } from '../../src/render/top-markdown.js';
import { htmlReportModel } from '../../src/report/html-build.js';
import type { RunReport } from '../../src/report/run-report.js';
import { topReport } from '../../src/report/top-report.js';
import { SUMMARY_LIMIT } from '../../src/render/comment.js';
import { mentions, parseGfm } from '../helpers/gfm.js';
import { goroutineDump, runReport } from '../helpers/reports.js';

type Node = DefaultTreeAdapterMap['node'];

/** Strings a pull request's author could put in a name, a unit, a path or a goroutine dump. */
const hostileTable = [
  '|',
  'a|b|c',
  '<b>bold</b>',
  '<details><summary>x</summary>',
  '</details></td></tr></table>',
  '@org/team',
  'cc @octocat please',
  '[x](https://evil.example)',
  '![img](https://evil.example/i.png)',
  'https://evil.example/path',
  'www.evil.example',
  'a@evil.example',
  'fixes #123',
  '<h1>big</h1>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '```\n<h1>x</h1>\n```',
  'a\r<h1>after a carriage return</h1>\r@team',
  'a\n\n<img src=x>\n\n- item',
  '  ```\n</details>\n<h2>out</h2>',
  '\u001b[31mred\u001b[0m',
  'nul\u0000byte \u0085next \u2028sep',
  '$x^2$ $$\\sum$$',
  '<!-- perfgate:bench-go -->',
  '-->',
  '**b** _i_ ~~s~~ `c`',
  '\\|\\',
  '&lt;b&gt; &#64;team',
  '::error title=pwned::pwned',
  '\n::error::pwned\n',
  '%0A::error::x',
  '<details open>\n\n# heading\n\n</details>',
  '[ref]: https://evil.example\n[ref]',
  '<https://evil.example>',
  '<a href="https://evil.example">a</a>',
];

/** A small deterministic generator (mulberry32), so a failure is repeatable. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = [
  ...'|`<>&@#[]()!*_~\\$:/.-\n\r\t\u0000\u001b"\'{}',
  'www.',
  'https://',
  '@team',
  '#12',
  '<img src=x>',
  '<h1>',
  '</details>',
  '<details>',
  '```',
  '-->',
  '::',
  'x',
  'é',
  '🙂',
];

/** Random strings of hostile pieces. */
function randomStrings(n: number, seed: number): string[] {
  const rnd = seeded(seed);
  return Array.from({ length: n }, () => {
    const len = 1 + Math.floor(rnd() * 24);
    return Array.from({ length: len }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
  });
}

const benchmarks = (s: string) => {
  const bench = (ns: number) =>
    parseBenchText(`BenchmarkX-8 10 ${ns} ns/op 64 B/op\n`.repeat(6), `${ns}.txt`);
  const g = gate(bench(100), bench(200));
  for (const f of g.findings) {
    f.name = `BenchmarkX${s}`;
    f.unit = `${f.unit}${s}`;
    f.notes.push(s);
  }
  g.notes.push(s);
  return g;
};

const allocs = (side: string) =>
  parsePprof(readFileSync(`fixtures/profiles/growslice/${side}/allocs.pb.gz`));

/** The growslice profiles with `s` in every function name and file name. */
function profilesWith(s: string) {
  const rename = (side: string) => {
    const p = allocs(side);
    for (const f of p.functions) {
      f.name = f.systemName = `${f.name}${s}`;
      f.filename = `${f.filename}${s}`;
    }
    return p;
  };
  return { name: `allocs${s}.pb.gz`, head: rename('head'), base: rename('base') };
}

/** Profile insights with `s` in every function, file, leak stack and note. */
function insightsWith(s: string): ProfileInsights {
  const leak = (side: string) => {
    const d = goroutineDump(`leak/${side}/goroutine.debug2.txt`);
    for (const g of d.groups) {
      g.stack = g.stack.map((f) => ({ ...f, fn: `${f.fn}${s}`, file: `${f.file}${s}` }));
      if (g.createdBy) g.createdBy = { ...g.createdBy, fn: `${g.createdBy.fn}${s}` };
      if (g.state) g.state = `${g.state}${s}`;
    }
    return d;
  };
  const p = profileInsights({
    pairs: [profilesWith(s)],
    goroutines: { head: leak('head'), base: leak('base') },
    source: undefined,
  });
  for (const h of p.hotspots) h.advice = `${h.advice}; look at \`${h.site.fn}\` (${s})`;
  p.notes.push(s);
  return p;
}

function reportWith(s: string): RunReport {
  return runReport(insightsWith(s), {
    gate: benchmarks(s),
    reason: `reason ${s}`,
    warnings: [s, `warning: ${s}`],
    failures: [s, `--- FAIL: BenchmarkX${s}`],
    baseline: {
      source: 'artifact',
      commit: s,
      branch: s,
      createdAt: '2026-11-27T09:00:00Z',
      runUrl: 'https://github.com/acme/app/actions/runs/0',
    },
  });
}

const children = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const isElement = (n: Node): n is DefaultTreeAdapterMap['element'] => 'tagName' in n;

/**
 * The structure of rendered HTML: every element with its link target or image source, in
 * document order; but `<wbr>`, which the escaping adds, and `<code>`, of which a backtick in a
 * name quoted in perfgate's advice can make more (code is shown as typed: no element, link or
 * mention is made inside it).
 */
function structure(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    for (const c of children(n)) {
      if (!isElement(c)) continue;
      if (c.tagName !== 'wbr' && c.tagName !== 'code') {
        const ref = c.attrs.find((a) => ['href', 'src'].includes(a.name))?.value;
        out.push(ref === undefined ? c.tagName : `${c.tagName} ${ref}`);
      }
      walk(c.tagName === 'template' ? (c as unknown as { content: Node }).content : c);
    }
  };
  walk(root);
  return out;
}

/** The parts of a run a reader sees in markdown, each with the structure a plain word gives. */
const markdownRenderers: [string, (s: string) => string][] = [
  ['comment', (s) => renderComment(reportWith(s))],
  ['job summary', (s) => renderSummary(reportWith(s))],
  ['CLI gate markdown', (s) => renderGateMarkdown(benchmarks(s) as GateResult)],
  [
    'top table',
    (s) => {
      const p = profilesWith(s).head;
      return renderTopMarkdown(
        topReport(p, functionTable([{ profile: p, sampleIndex: 0 }]), {
          source: `allocs${s}.pb.gz`,
          sampleIndex: 0,
        }),
      );
    },
  ],
];

function checkMarkdown(render: (s: string) => string, s: string): void {
  const plain = parseGfm(render('plain')).root;
  const { root } = parseGfm(render(s));
  expect(structure(root)).toEqual(structure(plain));
  expect(mentions(root)).toEqual(mentions(plain));
}

const hostile = [...hostileTable, ...randomStrings(40, 20261130)];

describe.each(markdownRenderers)('the %s, rendered by cmark-gfm', (_, render) => {
  test.each(hostile.map((s) => [JSON.stringify(s), s]))(
    'with %s: the structure of a plain name, no mention',
    (_, s) => checkMarkdown(render, s!),
  );
});

describe('the HTML report, parsed as a browser does', () => {
  const html = (s: string) =>
    renderHtmlReport(
      htmlReportModel(`report ${s}`, [profilesWith(s)], benchmarks(s), insightsWith(s), [s]),
    );
  const plain = structure(parse(html('plain')));

  test.each(hostile.map((s) => [JSON.stringify(s), s]))(
    'with %s: the structure of a plain name',
    (_, s) => {
      expect(structure(parse(html(s!)))).toEqual(plain);
    },
  );
});

describe('a 250,000-character multibyte name', () => {
  const huge = '界🙂'.repeat(125_000);

  /**
   * Rendered within its limit, where sections may give way to fit (saying so, with a link to
   * where the rest is): no element or link that the plain rendering lacks, no mention, and the
   * findings table first, whole.
   */
  function checkFitted(render: (s: string) => string, limit: number, size: (t: string) => number) {
    const text = render(huge);
    expect(size(text)).toBeLessThanOrEqual(limit);
    const { root } = parseGfm(text);
    const known = new Set(structure(parseGfm(render('plain')).root));
    expect(structure(root).filter((e) => !known.has(e))).toEqual([]);
    expect(mentions(root)).toEqual([]);
    const table = parseGfm(text).html.match(/<table>[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(table).toContain('>benchmark</th>');
    expect(table.match(/<tr>/g)).toHaveLength(2);
  }

  test('the comment stays within 65,536 characters and keeps its table', () => {
    checkFitted(
      (s) => renderComment(reportWith(s)),
      COMMENT_LIMIT,
      (t) => t.length,
    );
  });

  test('the summary stays within the runner’s 1 MiB', () => {
    checkFitted(
      (s) => renderSummary(reportWith(s)),
      SUMMARY_LIMIT,
      (t) => Buffer.byteLength(t),
    );
  });
});
