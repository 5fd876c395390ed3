/**
 * Benchmarks spread over a job matrix, run in the test process over in-memory ports: legs with
 * `shard:` and a merge job (`mode: merge`) in one workflow run (one GITHUB_RUN_ID). The data is
 * real fixture runs (fixtures/bench) split across the legs by benchmark name, as `-bench`
 * regexes split a suite; the merged decision is checked against one job running them all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { GateFinding } from '../../src/analyze/gate.js';
import type { RunReport } from '../../src/report/run-report.js';
import { readReportData } from '../../src/report/report-schema.js';
import { BASE_SHA, World } from '../helpers/action-world.js';
import type { MemoryOut } from '../helpers/memory-ports.js';
import { renderingProblems } from '../helpers/gfm.js';

const AB_BASE = 'fixtures/bench/ab-inter-base.txt';
const AB_HEAD = 'fixtures/bench/ab-inter-head.txt';
const AA_BASE = 'fixtures/bench/aa-inter-base.txt';
const AA_HEAD = 'fixtures/bench/aa-inter-head.txt';

/** The three legs of fixtures/bench's suite, as `-bench` regexes would split it. */
const AB_LEGS: Record<string, RegExp> = {
  a: /^Benchmark(GrowSlice|Concat|JSONEncode)-/,
  b: /^Benchmark(MutexCounter|ChanPipeline|SortInts)-/,
  c: /^Benchmark(SHA256|MapInsert|Parse)/,
};

/** The three legs of encoding/json's suite (the A/A fixture). */
const AA_LEGS: Record<string, RegExp> = {
  a: /^BenchmarkCode/,
  b: /^Benchmark(DecoderStream|Issue10335|Unmapped)-/,
  c: /^Benchmark(EncodeMarshaler|EncoderEncode|NumberIsValid)-/,
};

let w: World;
let run = 9000;
beforeEach(() => {
  w = new World();
});
afterEach(() => {
  const problems = renderingProblems(w.written);
  w.dispose();
  expect(problems).toEqual([]);
});

/** A fixture run's lines for one leg: its header, the benchmarks the leg runs, its trailer. */
function legFile(fixture: string, leg: string, only: RegExp): string {
  const lines = readFileSync(fixture, 'utf8').split('\n');
  const kept = lines.filter((l) => !l.startsWith('Benchmark') || only.test(l));
  expect(kept.some((l) => only.test(l))).toBe(true);
  const file = path.join(w.work, `${path.basename(fixture, '.txt')}-${leg}.txt`);
  writeFileSync(file, kept.join('\n'));
  return file;
}

/** The jobs of one workflow run: each leg, then the merge job; what each told the runner. */
async function matrixRun(
  event: { push: string } | { pr: number; labels?: string[] },
  legs: Record<string, string>,
  merge: Record<string, string> = {},
): Promise<{ legs: Record<string, MemoryOut>; merge: MemoryOut }> {
  const env = { GITHUB_RUN_ID: String(++run) };
  const job = (inputs: Record<string, string>) =>
    'push' in event
      ? w.push(event.push, inputs, env)
      : w.pullRequest(event.pr, inputs, 'acme/app', env, event.labels);
  const outs: Record<string, MemoryOut> = {};
  for (const [shard, file] of Object.entries(legs))
    outs[shard] = await job({ 'bench-output': file, shard });
  return { legs: outs, merge: await job({ mode: 'merge', ...merge }) };
}

/** Each leg's part of a fixture. */
function split(fixture: string, legs: Record<string, RegExp>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(legs).map(([leg, re]) => [leg, legFile(fixture, leg, re)]),
  );
}

function reportOf(out: MemoryOut): RunReport {
  return JSON.parse(readFileSync(out.outputs['report-json']!, 'utf8')) as RunReport;
}

/** The decision on each benchmark × unit, in a fixed order, whatever the shards. */
function decisions(r: RunReport) {
  const key = (f: GateFinding) => `${f.name} ${f.unit}`;
  return [...r.gate!.findings]
    .sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0))
    .map((f) => ({
      name: f.name,
      unit: f.unit,
      rawP: f.rawP,
      p: f.p,
      change: f.change,
      verdict: f.verdict,
      gated: f.gated,
    }));
}

describe('a job matrix: legs with shard, one merge job', () => {
  test('a push: legs upload their results, the merge saves one baseline holding every shard', async () => {
    const r = await matrixRun({ push: BASE_SHA }, split(AB_BASE, AB_LEGS));
    for (const leg of Object.values(r.legs)) {
      expect(leg.code).toBe(0);
      expect(leg.outputs['comment-url']).toBe('');
    }
    expect(w.artifacts.stored.map((a) => a.info.name)).toEqual([
      'perfgate-shard-benchmarks-bench--a',
      'perfgate-shard-benchmarks-bench--b',
      'perfgate-shard-benchmarks-bench--c',
      'perfgate-baseline-benchmarks-bench',
    ]);
    expect(r.merge.code).toBe(0);
    expect(r.merge.outputs.verdict).toBe('no-baseline');
    // The summary says what was saved, not that no baseline was found.
    expect(r.merge.summaries[0]).toContain(
      `Baseline saved for \`${BASE_SHA.slice(0, 12)}\` on <code>main</code>: pull requests are compared with it.`,
    );
    expect(r.merge.summaries[0]).not.toContain('No baseline was found');
    const saved = w.artifacts.named('perfgate-baseline-benchmarks-bench')[0]!;
    const manifest = JSON.parse(saved.files.get('perfgate-manifest.json')!.toString());
    expect(manifest).toMatchObject({
      commit: BASE_SHA,
      benchFiles: [],
      shards: [
        { name: 'a', benchFiles: ['bench/0-ab-inter-base-a.txt.txt'], profiles: [] },
        { name: 'b', benchFiles: ['bench/0-ab-inter-base-b.txt.txt'], profiles: [] },
        { name: 'c', benchFiles: ['bench/0-ab-inter-base-c.txt.txt'], profiles: [] },
      ],
    });
    expect(saved.files.get('shards/b/bench/0-ab-inter-base-b.txt.txt')!.toString()).toBe(
      readFileSync(path.join(w.work, 'ab-inter-base-b.txt'), 'utf8'),
    );
  });

  test('a regression in one shard: the legs pass, the merge fails with one comment, as one job would decide', async () => {
    await matrixRun({ push: BASE_SHA }, split(AB_BASE, AB_LEGS));
    const r = await matrixRun({ pr: 20 }, split(AB_HEAD, AB_LEGS));
    for (const leg of Object.values(r.legs)) {
      expect(leg.code).toBe(0);
      expect(leg.summaries[0]).toContain('the merge job (mode: merge) judges every shard');
    }
    expect(r.merge.code).toBe(1);
    expect(r.merge.outputs).toMatchObject({ verdict: 'fail', regressions: '3' });
    expect(r.merge.failed).toEqual(['perfgate: 3 benchmarks regressed beyond the limits']);
    expect(r.merge.errors).toContainEqual({
      message: expect.stringMatching(/^GrowSlice-2 \(shard a\) B\/op: /),
      title: 'perfgate: GrowSlice-2 (shard a) regressed',
    });
    const comments = w.comments(20);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(comments[0]!.body).toMatch(
      /\| <code>GrowSlice-2<\/code> +\| <code>a<\/code> +\| allocs\/op +\| +1 \| +18 \| +×18 \|/,
    );

    // The same fixture runs, unsharded, in one job of another repository's world.
    const one = new World();
    try {
      expect((await one.push(BASE_SHA, { 'bench-output': AB_BASE })).code).toBe(0);
      const single = await one.pullRequest(20, { 'bench-output': AB_HEAD });
      expect(single.outputs.regressions).toBe('3');
      const merged = reportOf(r.merge);
      expect(decisions(merged)).toEqual(decisions(reportOf(single)));
      expect(merged.gate!.findings.filter((f) => f.rawP !== undefined).length).toBeGreaterThan(0);
      expect(merged.gate!.benchmarks.regressed).toEqual(
        reportOf(single).gate!.benchmarks.regressed,
      );
    } finally {
      one.dispose();
    }
  });

  test('the accept label: the merge excuses the regressions of every shard, naming who applied it', async () => {
    await matrixRun({ push: BASE_SHA }, split(AB_BASE, AB_LEGS));
    w.github.labelers.set(21, new Map([['perfgate: accept', 'octocat']]));
    const r = await matrixRun({ pr: 21, labels: ['perfgate: accept'] }, split(AB_HEAD, AB_LEGS));
    expect(r.merge.code).toBe(0);
    expect(r.merge.outputs).toMatchObject({ verdict: 'accepted', regressions: '3' });
    expect(r.merge.errors).toEqual([]);
    expect(w.comments(21)[0]!.body).toContain(
      '### ✅ perfgate: accepted by label <code>perfgate: accept</code>, applied by &#64;<wbr>octocat · 3 benchmarks regressed',
    );
  });

  test('split by package (encoding/json on one leg, fixtures/go/bench on another): the merge decides as one job running both', async () => {
    await matrixRun({ push: BASE_SHA }, { json: AA_BASE, bench: AB_BASE });
    const r = await matrixRun({ pr: 21 }, { json: AA_HEAD, bench: AB_HEAD });
    expect(Object.values(r.legs).map((l) => l.code)).toEqual([0, 0]);
    expect(r.merge.outputs).toMatchObject({ verdict: 'fail', regressions: '3' });
    const one = new World();
    try {
      await one.push(BASE_SHA, { 'bench-output': `${AA_BASE}\n${AB_BASE}` });
      const single = await one.pullRequest(21, { 'bench-output': `${AA_HEAD}\n${AB_HEAD}` });
      const merged = reportOf(r.merge);
      // Same rows, same raw and corrected p-values, same verdicts: one family over both packages.
      expect(decisions(merged)).toEqual(decisions(reportOf(single)));
      expect(merged.gate!.benchmarks.compared).toBe(20);
    } finally {
      one.dispose();
    }
  });

  test('a second push of the same pull request updates the same comment', async () => {
    await matrixRun({ push: BASE_SHA }, split(AB_BASE, AB_LEGS));
    await matrixRun({ pr: 21 }, split(AB_HEAD, AB_LEGS));
    const first = w.comments(21)[0]!;
    const again = await matrixRun({ pr: 21 }, split(AB_BASE, AB_LEGS));
    expect(again.merge.outputs.verdict).toBe('pass');
    expect(w.comments(21)).toHaveLength(1);
    expect(w.comments(21)[0]!.id).toBe(first.id);
    expect(w.comments(21)[0]!.body).toContain('### ✅ perfgate: pass');
  });

  test('a missing leg gives incomplete, naming it (the baseline says which shards to expect)', async () => {
    await matrixRun({ push: BASE_SHA }, split(AB_BASE, AB_LEGS));
    const { a, b } = split(AB_BASE, AB_LEGS);
    const r = await matrixRun({ pr: 22 }, { a: a!, b: b! });
    expect(r.merge.outputs.verdict).toBe('incomplete');
    expect(r.merge.failed).toEqual([
      'perfgate: incomplete: 1 shard missing or failed: shard c no results were uploaded (the leg failed or was cancelled)',
    ]);
    const body = w.comments(22)[0]!.body;
    expect(body).toContain('### ⚠️ perfgate: incomplete');
    expect(body).toContain(
      '- shard <code>c</code>: no results were uploaded (the leg failed or was cancelled)',
    );
    // The legs that did run were judged: nothing regressed there.
    expect(reportOf(r.merge).gate!.benchmarks.compared).toBe(6);
    // The merged report passes the report's schema (a fork's merge leaves it for mode: comment).
    expect(readReportData(reportOf(r.merge)).shards).toEqual({
      names: ['a', 'b'],
      incomplete: [
        { shard: 'c', why: 'no results were uploaded (the leg failed or was cancelled)' },
      ],
    });
  });

  test('missing-shards: warn reports incomplete without failing the step; shards: names the legs', async () => {
    const { a } = split(AB_BASE, AB_LEGS);
    const r = await matrixRun({ pr: 23 }, { a: a! }, { shards: 'a, b', 'missing-shards': 'warn' });
    expect(r.merge.outputs.verdict).toBe('incomplete');
    expect(r.merge.code).toBe(0);
    expect(r.merge.warnings).toContain(
      'perfgate: incomplete: 1 shard missing or failed: shard b no results were uploaded (the leg failed or was cancelled)',
    );
  });

  test('a failed leg fails itself, and the merge names it while judging the others', async () => {
    await matrixRun({ push: BASE_SHA }, split(AB_BASE, AB_LEGS));
    const { a, b } = split(AB_HEAD, AB_LEGS);
    const r = await matrixRun({ pr: 24 }, { a: a!, b: b!, c: 'fixtures/bench/failing-panic.txt' });
    expect(r.legs.a!.code).toBe(0);
    expect(r.legs.c!.failed).toEqual(['perfgate: shard c: the benchmark run has failures']);
    expect(r.merge.outputs.verdict).toBe('fail');
    const report = reportOf(r.merge);
    expect(report.shards!.incomplete).toEqual([
      { shard: 'c', why: expect.stringMatching(/^its benchmark run failed \(.*panicked/) },
    ]);
    expect(report.reason).toMatch(
      /^3 benchmarks regressed beyond the limits; incomplete: 1 shard missing or failed: shard c its benchmark run failed/,
    );
    expect(w.comments(24)[0]!.body).toContain('- shard <code>c</code>: its benchmark run failed');
  });

  test('an A/A run spread over three legs passes', async () => {
    await matrixRun({ push: BASE_SHA }, split(AA_BASE, AA_LEGS));
    const r = await matrixRun({ pr: 25 }, split(AA_HEAD, AA_LEGS));
    expect(r.merge.outputs.verdict).toBe('pass');
    expect(r.merge.code).toBe(0);
    expect(reportOf(r.merge).gate!.benchmarks.compared).toBe(10);
    expect(w.comments(25)[0]!.body).toContain('### ✅ perfgate: pass');
  });

  test('the same benchmarks on two legs (one per OS) stay apart by shard', async () => {
    await matrixRun({ push: BASE_SHA }, { linux: AB_BASE, macos: AB_BASE });
    const r = await matrixRun({ pr: 26 }, { linux: AB_HEAD, macos: AB_BASE });
    const report = reportOf(r.merge);
    expect(report.gate!.benchmarks.compared).toBe(20);
    expect(report.gate!.regressions.length).toBeGreaterThan(0);
    for (const f of report.gate!.regressions) expect(f.config).toContainEqual(['shard', 'linux']);
    expect(r.merge.outputs.verdict).toBe('fail');
  });

  test('the merged baseline carries the branch history, each benchmark by its shard; a pull request is placed against it', async () => {
    const commits = ['1'.repeat(40), '2'.repeat(40), BASE_SHA];
    for (const sha of commits) await matrixRun({ push: sha }, { linux: AB_BASE, macos: AB_BASE });
    const saved = w.artifacts.named('perfgate-baseline-benchmarks-bench').at(-1)!;
    const history = JSON.parse(saved.files.get('perfgate-history.json')!.toString());
    expect(history.points.map((p: { commit: string }) => p.commit)).toEqual(commits);
    const growSlice = history.points[2].values.filter(
      (v: { name: string; unit: string }) => v.name === 'GrowSlice' && v.unit === 'B/op',
    );
    expect(growSlice.map((v: { shard: string }) => v.shard).sort()).toEqual(['linux', 'macos']);

    const r = await matrixRun({ pr: 28 }, { linux: AB_HEAD, macos: AB_BASE });
    expect(r.merge.outputs.verdict).toBe('fail');
    const report = reportOf(r.merge);
    expect(report.history?.commits).toBe(3);
    // Only linux regressed; each regression is placed against its own shard's past.
    expect(report.history!.positions.length).toBe(report.gate!.regressions.length);
    const body = w.comments(28)[0]!.body;
    expect(body).toContain(
      '- <code>GrowSlice-2</code> B/op: head 253.2 KiB is worse than each of the last 3 commits of <code>main</code> (all 80.0 KiB)',
    );
  });

  test('a leg takes its own shard of the stored baseline; a new leg has none', async () => {
    await matrixRun({ push: BASE_SHA }, split(AB_BASE, AB_LEGS));
    const { a } = split(AB_HEAD, AB_LEGS);
    const leg = await w.pullRequest(27, { 'bench-output': a!, shard: 'a' }, 'acme/app', {
      GITHUB_RUN_ID: '9500',
    });
    expect(reportOf(leg).gate!.benchmarks.compared).toBe(3);
    const other = await w.pullRequest(27, { 'bench-output': a!, shard: 'd' }, 'acme/app', {
      GITHUB_RUN_ID: '9500',
    });
    expect(other.outputs.verdict).toBe('no-baseline');
    expect(other.logs).toContain(
      'perfgate: the stored baseline has no shard d (its shards: a, b, c); reporting head alone',
    );
  });
});

describe('matrix inputs', () => {
  test.each([
    [{ shard: 'linux amd64' }, `input 'shard': "linux amd64" is not a shard name`],
    [{ shard: 'a', mode: 'merge' }, "input 'shard': a leg of a job matrix runs with mode: gate"],
    [{ shards: 'a,b' }, "input 'shards': only the merge job (mode: merge) expects shards"],
    [{ shards: 'a,a', mode: 'merge' }, `input 'shards': "a" is named twice`],
    [{ 'missing-shards': 'ignore', mode: 'merge' }, "input 'missing-shards'"],
  ])('%j fails with one line', async (inputs, message) => {
    await expect(w.pullRequest(30, { 'bench-output': AB_HEAD, ...inputs })).rejects.toThrow(
      message,
    );
  });

  test('a merge job with no legs to read says what the legs need', async () => {
    const r = await w.pullRequest(31, { mode: 'merge' });
    expect(r.failed).toEqual([
      "perfgate: no shard results in this run for baseline-key \"benchmarks-bench\": the matrix legs run with 'shard:' and the same 'baseline-key', and this job needs them (needs: <the matrix job>)",
    ]);
  });
});
