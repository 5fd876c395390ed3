/**
 * The PR comment and the job summary as GitHub shows them: rendered by cmark-gfm and checked for
 * structure (tables, folded stacks, nothing of the markdown showing as text, nothing injected).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gate } from '../../src/analyze/gate.js';
import { newOrGrown, notableChanges, notableRows } from '../../src/render/insights.js';
import { profileInsights } from '../../src/analyze/profile-insights.js';
import type { GoFrame, GoroutineGroup } from '../../src/model/goroutines.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { COMMENT_LIMIT, renderComment, renderSummary } from '../../src/render/comment.js';
import type { RunReport } from '../../src/report/run-report.js';
import { gfmProblems, mermaidSources } from '../helpers/gfm.js';
import { actionLinks, demoInsights, goroutineDump, runReport } from '../helpers/reports.js';

const links = [actionLinks.html, actionLinks.run, actionLinks.summary];
const commentEnd = 'HTML report with flame graphs · Run · job summary';
const summaryEnd = 'HTML report with flame graphs · Run';

/** Body rows of the profile tables and the hotspot table a report shows in full. */
function profileTables(r: RunReport): number[] {
  const p = r.profiles!;
  const hotspots = p.hotspots.filter(newOrGrown);
  return [
    ...notableChanges(p.changes).map((c) => notableRows(c).length),
    ...(hotspots.length > 0 ? [Math.min(hotspots.length, 10)] : []),
  ];
}

describe('the demo comment (npm run demo) rendered by cmark-gfm', () => {
  test('every table, every folded stack, nothing of the markdown left as text', () => {
    const body = readFileSync('fixtures/golden/comment/demo.md', 'utf8');
    expect(gfmProblems(body, { tables: [9, 1, 1], foldedStacks: 4 })).toEqual([]);
  });

  test('as the action posts it, and its job summary, with the links at the end', async () => {
    const r = runReport(await demoInsights());
    const regressions = r.gate!.regressions.length;
    expect(
      gfmProblems(renderComment(r), {
        tables: [regressions, ...profileTables(r)],
        foldedStacks: 4,
        links,
        endsWith: commentEnd,
      }),
    ).toEqual([]);
    expect(
      gfmProblems(renderSummary(r), {
        tables: [regressions, ...profileTables(r), r.gate!.findings.length],
        foldedStacks: 4,
        links: [actionLinks.html, actionLinks.run],
        endsWith: summaryEnd,
      }),
    ).toEqual([]);
  });
});

describe('the chart', () => {
  test('of the sample type that failed the gate', async () => {
    const r = runReport(await demoInsights());
    const gated = r.profiles!.changes.filter((c) => c.grown.some((f) => f.regression));
    expect(gated.map((c) => c.sampleType)).toEqual(['alloc_objects']);
    const charts = mermaidSources(renderComment(r));
    expect(charts).toHaveLength(1);
    expect(charts[0]).toContain('title "alloc_objects in allocs.pb.gz, count:');
  });

  test('none when no profile limit failed', async () => {
    const r = runReport(await demoInsights({}));
    const body = renderComment(r);
    expect(body).toContain('(reported only; ');
    expect(mermaidSources(body)).toEqual([]);
    expect(
      gfmProblems(body, {
        tables: [r.gate!.regressions.length, ...profileTables(r)],
        foldedStacks: 4,
        links,
        endsWith: commentEnd,
      }),
    ).toEqual([]);
  });
});

/** go/deepstack's 30-frame waiters, as `n` leaks started at different sites. */
function manyDeepLeaks(n: number) {
  const head = goroutineDump('deepstack/head/goroutine.debug2.txt');
  const base = goroutineDump('deepstack/base/goroutine.debug2.txt');
  const waiting = head.groups.find((g) => g.createdBy?.fn === 'main.startWatcher')!;
  expect(waiting.stack).toHaveLength(30);
  const rename = (f: GoFrame, i: number): GoFrame =>
    f.fn.startsWith('main.') ? { ...f, fn: `${f.fn}${String(i).padStart(3, '0')}` } : f;
  const copies: GoroutineGroup[] = Array.from({ length: n }, (_, i) => ({
    ...waiting,
    stack: waiting.stack.map((f) => rename(f, i)),
    createdBy: rename(waiting.createdBy!, i),
  }));
  const groups = [...head.groups.filter((g) => g !== waiting), ...copies];
  return profileInsights({
    pairs: [],
    goroutines: {
      head: { ...head, groups, total: groups.reduce((s, g) => s + g.count, 0) },
      base,
    },
    source: undefined,
  });
}

describe('150 leaks with 30-frame stacks', () => {
  const r = runReport(manyDeepLeaks(150));

  test('the comment fits, renders whole, says how many leaks it left out, ends with the links', () => {
    expect(r.profiles!.leaks).toHaveLength(150);
    const body = renderComment(r);
    expect(body.length).toBeLessThan(COMMENT_LIMIT);
    const shown = body.match(/<summary>stack<\/summary>/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(body).toContain(
      `… and ${150 - shown} more leaks, in the [job summary](${actionLinks.summary})`,
    );
    expect(
      gfmProblems(body, {
        tables: [r.gate!.regressions.length],
        foldedStacks: shown,
        links,
        endsWith: commentEnd,
      }),
    ).toEqual([]);
  });

  test('the job summary holds every leak', () => {
    const summary = renderSummary(r);
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect(
      gfmProblems(summary, {
        tables: [r.gate!.regressions.length, r.gate!.findings.length],
        foldedStacks: 150,
        links: [actionLinks.html, actionLinks.run],
        endsWith: summaryEnd,
      }),
    ).toEqual([]);
  });

  test('a summary over 1 MiB is shortened the same way', () => {
    const huge = runReport(manyDeepLeaks(600));
    const summary = renderSummary(huge);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1_000_000);
    const shown = summary.match(/<summary>stack<\/summary>/g)?.length ?? 0;
    expect(shown).toBeLessThan(600);
    expect(summary).toContain(`… and ${600 - shown} more leaks, in the [HTML report](`);
    expect(
      gfmProblems(summary, {
        tables: [huge.gate!.regressions.length, huge.gate!.findings.length],
        foldedStacks: shown,
        links: [actionLinks.html, actionLinks.run],
        endsWith: summaryEnd,
      }),
    ).toEqual([]);
  });
});

describe('hostile names', () => {
  const hostile =
    '</details>``` **b** |x| <img src=x> <script>s</script> ~~s~~ [l](https://evil.example) www.evil.example a@evil.example @octocat';
  const name = hostile.replace(/\s/g, '_');

  function hostileReport(): RunReport {
    const bench = (ns: number) =>
      parseBenchText(`Benchmark${name}-8 10 ${ns} ns/op\n`.repeat(6), `${ns}.txt`);
    const rename = (side: string) => {
      const p = parsePprof(readFileSync(`fixtures/profiles/growslice/${side}/allocs.pb.gz`));
      for (const f of p.functions) {
        if (f.systemName === 'main.collectIDs') {
          f.name = f.systemName = `main.${name}`;
          f.filename = `${name}.go`;
        }
      }
      return p;
    };
    const leak = (side: string) => {
      const d = goroutineDump(`leak/${side}/goroutine.debug2.txt`);
      for (const g of d.groups) {
        g.stack = g.stack.map((f) => ({ ...f, fn: f.fn.replace('waitForResult', name) }));
        if (g.state) g.state = `${g.state} ${hostile}`;
      }
      return d;
    };
    const profiles = profileInsights({
      pairs: [{ name: `${name}.pb.gz`, head: rename('head'), base: rename('base') }],
      goroutines: { head: leak('head'), base: leak('base') },
      source: undefined,
    });
    profiles.notes.push(`${name}.txt: ${hostile}`);
    return runReport(profiles, {
      gate: gate(bench(100), bench(200)),
      warnings: [hostile],
      failures: [],
    });
  }

  test('render as text: no element, link or fold of theirs', () => {
    const r = hostileReport();
    const shape = {
      tables: [1, ...profileTables(r)],
      foldedStacks: r.profiles!.leaks.length,
      links,
      dataText: [hostile, name],
      endsWith: commentEnd,
    };
    expect(shape.foldedStacks).toBe(4);
    expect(gfmProblems(renderComment(r), shape)).toEqual([]);
    expect(
      gfmProblems(renderSummary(r), {
        ...shape,
        tables: [...shape.tables, 1],
        links: [actionLinks.html, actionLinks.run],
        endsWith: summaryEnd,
      }),
    ).toEqual([]);
  });
});
