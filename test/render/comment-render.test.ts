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
import { baselineLine } from '../../src/render/comment.js';
import {
  blockquotes,
  gfmProblems,
  mermaidSources,
  renderedFolds,
  renderedTables,
} from '../helpers/gfm.js';
import {
  actionLinks,
  benchRun,
  demoInsights,
  goroutineDump,
  runReport,
} from '../helpers/reports.js';

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
    expect(gfmProblems(body, { tables: [9, 9, 1, 1], foldedStacks: 4 })).toEqual([]);
  });

  test('as the action posts it, and its job summary, with the links at the end', async () => {
    const r = runReport(await demoInsights());
    const regressions = r.gate!.regressions.length;
    expect(
      gfmProblems(renderComment(r), {
        tables: [regressions, regressions, ...profileTables(r)],
        foldedStacks: 4,
        links,
        endsWith: commentEnd,
      }),
    ).toEqual([]);
    expect(
      gfmProblems(renderSummary(r), {
        tables: [regressions, regressions, ...profileTables(r), r.gate!.findings.length],
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
        tables: [r.gate!.regressions.length, r.gate!.regressions.length, ...profileTables(r)],
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
        // The folded spread table gave way before the leaks.
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
        tables: [r.gate!.regressions.length, r.gate!.regressions.length, r.gate!.findings.length],
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
      tables: [1, 1, ...profileTables(r)],
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

describe('what matters first, as GitHub shows it', () => {
  const demo = readFileSync('fixtures/golden/comment/demo.md', 'utf8');
  const cells = (rows: string[][]) => rows.map((r) => r.slice(0, 5).join(' | '));

  test('the headline counts regressions, profile findings and leaks apart', () => {
    expect(demo.split('\n')[1]).toBe(
      '### ❌ perfgate: fail · 3 benchmarks regressed · 1 function grew in profiles · 4 goroutine leaks',
    );
  });

  test('the job summary lists every comparison, with ~ where the change is not significant', () => {
    const summary = renderSummary(runReport(undefined));
    const fold = renderedFolds(summary).find((f) => f.summary.startsWith('All comparisons'));
    expect(fold?.tables).toBe(1);
    const all = renderedTables(summary).at(-1)!;
    expect(all.before).toContain('~: no significant change (p > 0.05, holm-corrected');
    const row = (name: string, unit: string) =>
      all.rows.find((r) => r[0] === name && r[1] === unit)!.slice(2, 7);
    // benchstat prints ~ for MutexCounter (p=0.796) and -22.29% for ChanPipeline (p=0.009),
    // fixtures/golden/benchstat/ab-inter.txt; 0.009 does not survive holm over the run.
    expect(row('MutexCounter-2', 'sec/op')).toEqual([
      '20.2 ns',
      '25.9 ns',
      '~',
      'p=1.000',
      'unchanged',
    ]);
    expect(row('ChanPipeline-2', 'sec/op')[2]).toBe('~');
    expect(row('GrowSlice-2', 'sec/op')).toEqual([
      '28.6 µs',
      '74.3 µs',
      '+160%',
      'p<0.001',
      'regression',
    ]);
    expect(row('GrowSlice-2', 'allocs/op').slice(2, 4)).toEqual(['×18', 'exact']);
    // Every ~ is a change no test found: the p-value shown is above alpha, or there is none.
    for (const r of all.rows.filter((r) => r[4] === '~'))
      expect(r[5]).toMatch(/^p=(0\.(0[5-9]|[1-9])\d*|1\.000)$/);
  });

  test('an A/A run: the reason reads as a sentence', () => {
    const aa = gate(benchRun('aa-inter-base.txt'), benchRun('aa-inter-head.txt'));
    const body = renderComment(runReport(undefined, { gate: aa }));
    expect(body.split('\n').slice(1, 4)).toEqual([
      '### ✅ perfgate: pass · 0 benchmarks regressed',
      '',
      `No regression beyond the limits. Base \`${'b'.repeat(12)}\` on <code>main</code>, rerun in this job, interleaved with head. Head \`${'e'.repeat(12)}\`.`,
    ]);
  });

  test('one run per side: the headline and a line beside the verdict say timings were not judged', () => {
    const once = gate(benchRun('count1-base.txt'), benchRun('count1-head.txt'));
    const body = renderComment(runReport(undefined, { gate: once }));
    expect(body.split('\n')[1]).toBe(
      '### ❌ perfgate: fail · 3 benchmarks regressed · ⚠️ some units not judged',
    );
    const note =
      'each benchmark ran once (-count 1): no statistics are possible, so only units whose values are exact were compared; run with -count 10 or more';
    expect(body).toContain(`\n- ⚠️ ${note}\n`);
    expect(renderedFolds(body).flatMap((f) => f.items)).not.toContain(note);
  });

  test('regressions by the size of their change, each value on its own scale with its unit', () => {
    const [regressions] = renderedTables(demo);
    expect(cells(regressions!.rows)).toEqual([
      'JSONEncode-2 | allocs/op | 0 | 2,415 | from 0',
      'JSONEncode-2 | B/op | 5.5 B | 169.3 KiB | ×31,513',
      'Concat-2 | allocs/op | 1 | 399 | ×399',
      'Concat-2 | B/op | 14.0 KiB | 1.14 MiB | ×83.7',
      'Concat-2 | sec/op | 7.12 µs | 331 µs | ×46.5',
      'GrowSlice-2 | allocs/op | 1 | 18 | ×18',
      'JSONEncode-2 | sec/op | 20.1 µs | 183 µs | +813%',
      'GrowSlice-2 | B/op | 80.0 KiB | 253.2 KiB | +217%',
      'GrowSlice-2 | sec/op | 28.6 µs | 74.3 µs | +160%',
    ]);
  });

  test('benchstat’s spread, p-value and runs in a fold under the regressions', () => {
    const [regressions, spread] = renderedTables(demo);
    const fold = renderedFolds(demo).find((f) => f.summary.startsWith('Statistics'));
    expect(fold?.tables).toBe(1);
    expect(spread!.rows.map((r) => r.slice(0, 2))).toEqual(
      regressions!.rows.map((r) => r.slice(0, 2)),
    );
    // As benchstat prints them (fixtures/golden/benchstat/ab-inter.txt): ± 9%, ± 0%, p=0.000 n=10.
    expect(spread!.rows[1]).toEqual([
      'JSONEncode-2',
      'B/op',
      '5.5 B ± 9%',
      '169.3 KiB ± 0%',
      'p=0.000 n=10+10',
    ]);
    expect(spread!.rows[8]!.slice(2)).toEqual([
      '28.6 µs ± 35%',
      '74.3 µs ± 100%',
      'p=0.000 n=10+10',
    ]);
    expect(spread!.rows[0]!.slice(2)).toEqual(['0', '2,415', 'exact, n=10+10']);
  });

  test('profile tables in IEC units, file:line only where the line is known', () => {
    const tables = renderedTables(demo);
    expect(tables[2]!.rows).toEqual([
      [
        '❌ main.collectIDsperfgate.example/fixtures/workload/growslice.go:30',
        '9,404',
        '61,446',
        '+52,042',
        '+9.0 pp',
      ],
    ]);
    expect(tables[3]!.rows[0]![2]).toBe(
      'moved within the function: 5.40 GiB → 5.92 GiB (+530.3 MiB, +9.6%), cpu 0 s → 770 ms',
    );
    expect(demo).not.toMatch(/\d(MB|GB|kB)\b|\.go:0\b/);
  });

  test('one benchmark name in two packages: a table per package, under its name', () => {
    const body = readFileSync('fixtures/golden/comment/twopkg.md', 'utf8');
    const tables = renderedTables(body);
    expect(tables.slice(0, 2).map((t) => t.before)).toEqual([
      'Package perfgate.example/fixtures/twopkg/alpha',
      'Package perfgate.example/fixtures/twopkg/beta',
    ]);
    expect(cells(tables[0]!.rows)).toEqual([
      'Encode-2 | allocs/op | 1 | 63 | ×63',
      'Encode-2 | B/op | 256 B | 3.83 KiB | ×15.3',
      'Encode-2 | sec/op | 1.17 µs | 4.35 µs | +273%',
    ]);
    expect(cells(tables[1]!.rows)).toEqual([
      'Encode-2 | allocs/op | 1 | 12 | ×12',
      'Encode-2 | B/op | 8.00 KiB | 24.6 KiB | +208%',
    ]);
    // The statistics fold has a table per package too.
    expect(tables.slice(2).map((t) => [t.before, t.rows.length])).toEqual([
      ['Package perfgate.example/fixtures/twopkg/alpha', 3],
      ['Package perfgate.example/fixtures/twopkg/beta', 2],
    ]);
    expect(gfmProblems(body, { tables: [3, 2, 3, 2], foldedStacks: 0 })).toEqual([]);
  });

  test('improvements folded, by package, the largest first', () => {
    const g = gate(benchRun('twopkg-head.txt'), benchRun('twopkg-base.txt'));
    const body = renderComment(runReport(undefined, { gate: g }));
    const fold = renderedFolds(body).find((f) => f.summary.startsWith('Improvements'));
    expect(fold).toMatchObject({ summary: 'Improvements (5)', tables: 2 });
    const tables = renderedTables(body);
    expect(tables.map((t) => t.before)).toEqual([
      'Package perfgate.example/fixtures/twopkg/alpha',
      'Package perfgate.example/fixtures/twopkg/beta',
    ]);
    expect(tables[0]!.rows.map((r) => r[4])).toEqual(['-98%', '-93%', '-73%']);
    expect(
      gfmProblems(body, { tables: [3, 2], foldedStacks: 0, links, endsWith: commentEnd }),
    ).toEqual([]);
  });

  test('notes and warnings: one folded list, one item each, never quotes run together', async () => {
    const p = await demoInsights();
    p.notes.push('cpu.pb: the profile has no samples');
    const r = runReport(p, {
      warnings: ['no usable baseline: its manifest is not an object (null)', 'second warning'],
    });
    const body = renderComment(r);
    const notes = renderedFolds(body).filter((f) => f.summary.startsWith('Notes'));
    expect(notes).toEqual([
      {
        summary: 'Notes (3)',
        items: [
          'no usable baseline: its manifest is not an object (null)',
          'second warning',
          'cpu.pb: the profile has no samples',
        ],
        tables: 0,
        quotes: 0,
      },
    ]);
    expect(blockquotes(body)).toBe(0);
  });

  test('where the baseline came from, and the head commit measured', () => {
    const r = runReport(undefined);
    const line = (b: Partial<NonNullable<RunReport['baseline']>>, over: Partial<RunReport> = {}) =>
      baselineLine({ ...r, ...over, baseline: { ...r.baseline!, ...b } });
    expect(line({})).toBe(
      'Base `bbbbbbbbbbbb` on <code>main</code>, rerun in this job, interleaved with head. Head `eeeeeeeeeeee`.',
    );
    expect(
      line({
        source: 'artifact',
        createdAt: '2026-11-27T07:00:00Z',
        runUrl: 'https://github.com/acme/app/actions/runs/7',
      }),
    ).toBe(
      'Base `bbbbbbbbbbbb` on <code>main</code>: stored baseline, measured 3 hours ago by [this run](https://github.com/acme/app/actions/runs/7). Head `eeeeeeeeeeee`.',
    );
    expect(line({ source: 'path', commit: 'unknown', branch: undefined })).toBe(
      'Base from the benchmark output file given as `baseline:` (no commit recorded). Head `eeeeeeeeeeee`.',
    );
    expect(
      line(
        { source: 'files', commit: 'bench/base.txt', branch: undefined },
        { headCommit: 'bench/head.txt' },
      ),
    ).toBe(
      'Base and head from local files: <code>bench/base.txt</code> → <code>bench/head.txt</code>.',
    );
    // Given its commit (perfgate comment --head-commit), head is named like a commit anywhere.
    expect(
      line(
        { source: 'files', commit: 'bench/base.txt', branch: undefined },
        { headCommit: 'a943cf00e655'.padEnd(40, '1') },
      ),
    ).toBe('Base from local files: <code>bench/base.txt</code>. Head `a943cf00e655`.');
    expect(baselineLine({ ...r, baseline: undefined })).toBe(
      'No baseline was found for this comparison. Head `eeeeeeeeeeee`.',
    );
    // A push that saved a baseline says what it saved (its commit is head's).
    expect(
      baselineLine({
        ...r,
        headCommit: 'b'.repeat(40),
        baseline: undefined,
        savedBaseline: { commit: 'b'.repeat(40), branch: 'main' },
      }),
    ).toBe(
      'Baseline saved for `bbbbbbbbbbbb` on <code>main</code>: pull requests are compared with it.',
    );
  });
});

describe('profiles without line numbers', () => {
  test('name the file alone, never `file:0`', () => {
    const lineless = (side: string) => {
      const p = parsePprof(readFileSync(`fixtures/profiles/growslice/${side}/allocs.pb.gz`));
      for (const f of p.functions) f.startLine = 0;
      for (const l of p.locations) for (const x of l.lines) x.line = 0;
      return p;
    };
    const profiles = profileInsights({
      pairs: [{ name: 'allocs.pb.gz', head: lineless('head'), base: lineless('base') }],
      goroutines: undefined,
      source: undefined,
    });
    const body = renderComment(runReport(profiles));
    const rows = renderedTables(body).flatMap((t) => t.rows.map((r) => r[0]!));
    expect(rows).toContain('❌ main.collectIDsperfgate.example/fixtures/workload/growslice.go');
    expect(body).not.toMatch(/\.go:0\b/);
  });
});
