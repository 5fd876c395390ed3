/**
 * The profile gate on real benchmark profiles (fixtures/profile-gate.sh): quiet when nothing
 * changed (the same test binary run twice, with default settings), failing with the function,
 * benchmark and line when one function allocates twice per operation or a slice loses its
 * pre-size; benchmark subtrees checked against `go tool pprof -focus`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  benchmarkFunction,
  benchmarkTotals,
  isHarnessFunction,
  sampleEvents,
  splitByBenchmark,
} from '../../src/analyze/bench-profile.js';
import { findHotspots } from '../../src/analyze/hotspots.js';
import {
  type FunctionChange,
  type ProfileInsights,
  profileInsights,
  sampleTypeChanges,
} from '../../src/analyze/profile-insights.js';
import { sourceLookup } from '../../src/collect/source.js';
import { parseBenchOutput } from '../../src/parse/benchfmt/load.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { profileRegressionCount } from '../../src/analyze/verdict.js';

const DIR = 'fixtures/profile-gate';
const source = sourceLookup(['fixtures/go']);
const PKG = 'perfgate.example/fixtures/profgate';

const profile = (c: string, side: string, file: string) =>
  parsePprof(readFileSync(`${DIR}/${c}/${side}/${file}`));
const benchOf = (c: string, side: string) =>
  parseBenchOutput(readFileSync(`${DIR}/${c}/${side}.txt`, 'utf8'), `${c}/${side}.txt`);

/** What `perfgate comment` reads for a case: both profiles of both runs and their bench output. */
function insights(c: string, base: string, head: string, withBench = true): ProfileInsights {
  return profileInsights({
    pairs: ['cpu.pb.gz', 'mem.pb.gz'].map((f) => ({
      name: f,
      base: profile(c, base, f),
      head: profile(c, head, f),
    })),
    goroutines: undefined,
    source,
    ...(withBench ? { bench: { base: benchOf(c, base), head: benchOf(c, head) } } : {}),
  });
}

const regressions = (p: ProfileInsights): (FunctionChange & { type: string })[] =>
  p.changes.flatMap((c) =>
    c.grown.filter((f) => f.regression).map((f) => ({ ...f, type: c.sampleType })),
  );

describe('A/A: the same test binary profiled twice fails nothing, with default settings', () => {
  test.each([
    ['json', 'base', 'head', 'encoding/json: ten benchmarks in one profile'],
    ['small', 'base', 'head', 'benchmarks that allocate nothing per operation'],
    ['profgate', 'base', 'again', 'go/profgate, base variant twice'],
  ])('%s (%s vs %s): %s', (c, base, head) => {
    for (const withBench of [true, false]) {
      const p = insights(c, base, head, withBench);
      expect(p.changes.length).toBeGreaterThan(0);
      expect(p.changes.every((x) => x.perBenchmark)).toBe(true);
      expect(regressions(p)).toEqual([]);
      expect(profileRegressionCount(p)).toBe(0);
      // Nothing is "new" or grown in the hotspots either.
      expect(p.hotspots.filter((h) => h.isNew || h.grown)).toEqual([]);
    }
  });

  test('the harness is never a finding: no testing, runtime/pprof or Benchmark frame in any row', () => {
    for (const [c, base, head] of [
      ['json', 'base', 'head'],
      ['small', 'base', 'head'],
    ] as const) {
      const rows = insights(c, base, head).changes.flatMap((x) => [...x.grown, ...x.shrunk]);
      expect(rows.filter((f) => isHarnessFunction(f.name))).toEqual([]);
    }
  });
});

describe('A/B: go/profgate head', () => {
  const p = insights('profgate', 'base', 'head');
  const found = regressions(p);

  test('fails on exactly the two functions whose allocations per operation grew, named with benchmark and line', () => {
    const named = [...new Set(found.map((f) => `${f.benchmark} ${f.name}`))].sort();
    expect(named).toEqual([
      `${PKG}.BenchmarkActiveIDs ${PKG}.activeIDs`,
      `${PKG}.BenchmarkEncodeRows ${PKG}.encodeRows`,
    ]);
    expect(profileRegressionCount(p)).toBe(2);
    const line = (name: string, type: string) => {
      const f = found.find((x) => x.name === `${PKG}.${name}` && x.type === type)!;
      expect(f.file).toBe(`${PKG}/code.go`);
      return source(f.file, f.line)?.trim();
    };
    // The slice that lost its pre-size: the append line.
    expect(line('activeIDs', 'alloc_space')).toBe('ids = append(ids, rows[i].id)');
    // The second buffer per call: one of head's two make lines.
    expect(line('encodeRows', 'alloc_space')).toMatch(/^(tmp|out) := make\(\[\]byte, /);
  });

  test('per operation: encodeRows allocates twice the bytes and objects per op, as go test measured', () => {
    const enc = (type: string) =>
      found.find((f) => f.name === `${PKG}.encodeRows` && f.type === type)!;
    const space = enc('alloc_space');
    expect(space.basis).toBe('per-op');
    // go test: 6528 B/op, 1 allocs/op in base; 13056 B/op, 2 allocs/op in head.
    const bytesPerOp = (side: string) =>
      benchOf('profgate', side)
        .results.find((r) => r.name.startsWith('EncodeRows'))!
        .values.find((v) => v.unit === 'B/op')!.value;
    expect(bytesPerOp('head') / bytesPerOp('base')).toBe(2);
    expect(space.head / space.base).toBeCloseTo(2, 1);
    expect(space.base).toBeLessThanOrEqual(bytesPerOp('base'));
    expect(space.base).toBeGreaterThan(0.95 * bytesPerOp('base'));
    expect(enc('alloc_objects').head / enc('alloc_objects').base).toBeCloseTo(2, 1);
    expect(space.sharePoints).toBeCloseTo(100, -1);
    expect(space.significant).toBe(true);
  });

  test('without the benchmark output: shares within each benchmark, reported but not gating, and a note says why', () => {
    const q = insights('profgate', 'base', 'head', false);
    expect(regressions(q)).toEqual([]);
    const rows = q.changes.filter((c) => c.sampleType === 'alloc_space').flatMap((c) => c.grown);
    const active = rows.find((f) => f.name === `${PKG}.activeIDs`)!;
    expect(active.basis).toBe('benchmark');
    expect(active.benchmark).toBe(`${PKG}.BenchmarkActiveIDs`);
    expect(q.notes).toContain(
      'mem.pb.gz: a go test -bench profile without the benchmark output of its runs: compared as shares within each benchmark, which move with b.N, so it does not gate; give the benchmark output to compare per operation',
    );
  });
});

describe('hotspots of go/profgate, per benchmark and per operation', () => {
  const run = (side: string) => ({
    cpu: profile('profgate', side, 'cpu.pb.gz'),
    allocs: profile('profgate', side, 'mem.pb.gz'),
    bench: benchOf('profgate', side),
  });
  const hs = findHotspots(run('head'), run('base'), { source });

  test('the allocation that moved from the make line to the append line is "moved", with the function\'s change', () => {
    const moved = hs.find((h) => h.site.fn === `${PKG}.indexNames` && h.moved)!;
    expect(source(moved.site.file, moved.site.line)?.trim()).toBe('idx = append(idx, names...)');
    expect(moved.isNew).toBe(false);
    expect(moved.grown).toBe(false);
    expect(moved.basis).toBe('per-op');
    expect(moved.benchmark).toBe(`${PKG}.BenchmarkIndexNames`);
    const fn = moved.function!;
    expect(Math.abs(fn.head.bytes / fn.base.bytes - 1)).toBeLessThan(0.05);
    expect(moved.advice).toContain('`idx = idx[:0]`');
  });

  test('grown sites are the two regressions; no _test.go line, no new site', () => {
    expect(hs.filter((h) => h.site.file.endsWith('_test.go'))).toEqual([]);
    expect(hs.filter((h) => h.isNew)).toEqual([]);
    const grown = new Set(hs.filter((h) => h.grown).map((h) => h.site.fn));
    expect([...grown].sort()).toEqual([`${PKG}.activeIDs`, `${PKG}.encodeRows`]);
  });

  test('_test.go lines (benchmark set-up) appear only when asked for', () => {
    const json = (side: string) => ({
      cpu: profile('json', side, 'cpu.pb.gz'),
      allocs: profile('json', side, 'mem.pb.gz'),
      bench: benchOf('json', side),
    });
    const inTests = (o: { includeTests?: boolean }) =>
      findHotspots(json('head'), json('base'), { minShare: 0, ...o }).filter((h) =>
        h.site.file.endsWith('_test.go'),
      );
    expect(inTests({})).toEqual([]);
    expect(inTests({ includeTests: true }).length).toBeGreaterThan(0);
  });
});

describe('benchmark subtrees against go tool pprof -focus', () => {
  const goldens = readdirSync('fixtures/golden/profile-gate', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.txt'));
  test('there are goldens', () => expect(goldens.length).toBeGreaterThan(10));

  test.each(goldens)('%s', (rel) => {
    const [c, file] = [path.dirname(rel), path.basename(rel)];
    const [side, bench, type] = file.replace(/\.txt$/, '').split('.') as [string, string, string];
    const text = readFileSync(`fixtures/golden/profile-gate/${rel}`, 'utf8');
    const m = /Showing nodes accounting for (\d+)(B|ns)?, /.exec(text)!;
    const p = profile(c, side, type === 'cpu' ? 'cpu.pb.gz' : 'mem.pb.gz');
    const split = splitByBenchmark(p)!;
    const idx = p.sampleTypes.findIndex((t) => t.type === type);
    let sum = 0;
    for (let i = 0; i < p.samples.count; i++) {
      const b = split.of[i]!;
      if (b >= 0 && split.names[b]!.endsWith(`.${bench}`))
        sum += p.samples.values[i * p.samples.width + idx]!;
    }
    expect(sum).toBe(Number(m[1]));
  });
});

describe('reading go test profiles', () => {
  test.each([
    ['encoding/json.BenchmarkCodeDecoder', 'encoding/json.BenchmarkCodeDecoder'],
    [`${PKG}.BenchmarkCounterParallel.func1`, `${PKG}.BenchmarkCounterParallel`],
    ['main.BenchmarkX_y', 'main.BenchmarkX_y'],
    ['main.Benchmarks', undefined],
    ['main.Benchmark', 'main.Benchmark'],
    ['testing.BenchmarkResult.String', undefined],
    ['main.benchmarkHelper', undefined],
  ])('benchmarkFunction(%s)', (fn, bench) => {
    expect(benchmarkFunction(fn)).toBe(bench);
  });

  test('a program profile is not split; a go test profile is, with its samples outside benchmarks', () => {
    expect(
      splitByBenchmark(parsePprof(readFileSync('fixtures/profiles/growslice/head/cpu.pb.gz'))),
    ).toBeUndefined();
    const split = splitByBenchmark(profile('profgate', 'base', 'cpu.pb.gz'))!;
    expect(split.names.map((n) => n.slice(PKG.length + 1)).sort()).toEqual([
      'BenchmarkActiveIDs',
      'BenchmarkChecksum',
      'BenchmarkCounterParallel',
      'BenchmarkEncodeRows',
      'BenchmarkIndexNames',
    ]);
    expect([...split.of].some((b) => b < 0)).toBe(true);
  });

  test('operations per benchmark: the iterations of every result line', () => {
    const file = benchOf('profgate', 'base');
    const lines = readFileSync(`${DIR}/profgate/base.txt`, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('BenchmarkEncodeRows-'));
    expect(lines).toHaveLength(10);
    const iterations = lines.reduce((s, l) => s + Number(l.split(/\s+/)[1]), 0);
    const t = benchmarkTotals(file).get(`${PKG}.BenchmarkEncodeRows`)!;
    expect(t.ops).toBe(iterations);
    expect(t.sums.get('B/op')! / t.ops).toBe(6528);
  });

  test('sampled events: cpu samples as counted, allocations as sampled at the profile rate', () => {
    const cpu = profile('profgate', 'base', 'cpu.pb.gz');
    const ev = sampleEvents(cpu, 'cpu')!;
    const si = cpu.sampleTypes.findIndex((t) => t.type === 'samples');
    for (let i = 0; i < cpu.samples.count; i++)
      expect(ev[i]).toBe(cpu.samples.values[i * cpu.samples.width + si]);
    const mem = profile('profgate', 'base', 'mem.pb.gz');
    expect(mem.period).toBe(512 * 1024);
    const m = sampleEvents(mem, 'alloc_space')!;
    const oi = mem.sampleTypes.findIndex((t) => t.type === 'alloc_objects');
    for (let i = 0; i < mem.samples.count; i++) {
      const objects = mem.samples.values[i * mem.samples.width + oi]!;
      expect(m[i]).toBeLessThanOrEqual(objects);
      expect(m[i]).toBeGreaterThanOrEqual(objects > 0 ? 0 : 0);
    }
  });
});

describe('rows are the user functions that called the runtime and library leaves', () => {
  const pp = (scenario: string, side: string, kind: string) =>
    parsePprof(readFileSync(`fixtures/profiles/${scenario}/${side}/${kind}.pb.gz`));
  const rows = (scenario: string, kind: string, type: string) =>
    sampleTypeChanges(
      { name: kind, base: pp(scenario, 'base', kind), head: pp(scenario, 'head', kind) },
      type,
      { limits: {} },
    )!.grown;

  test.each([
    ['mutex', 'mutex', 'delay', 'main.(*globalCounters).add', 'sync.(*Mutex).Unlock'],
    ['chanblock', 'block', 'delay', 'main.runUnbufferedPipeline.func1', 'runtime.chansend1'],
    ['growslice', 'cpu', 'cpu', 'main.collectIDs', 'runtime.memmove'],
  ])('%s %s: %s via the leaf', (scenario, kind, type, fn, leaf) => {
    const rs = rows(scenario, kind, type);
    expect(rs.every((r) => r.name.startsWith('main.'))).toBe(true);
    const top = rs[0]!;
    expect(top.name).toBe(fn);
    expect(top.leaf).toBe(leaf);
    expect(top.basis).toBe('total');
  });
});

describe('the garbage collection row', () => {
  const run = (scenario: string, side: string) => ({
    cpu: parsePprof(readFileSync(`fixtures/profiles/${scenario}/${side}/cpu.pb.gz`)),
    allocs: parsePprof(readFileSync(`fixtures/profiles/${scenario}/${side}/allocs.pb.gz`)),
  });
  const gc = (hs: ReturnType<typeof findHotspots>) => hs.filter((h) => h.kind === 'gc');

  test('appears when GC grew, naming the allocation sites that drive it', () => {
    const rows = gc(findHotspots(run('concat', 'head'), run('concat', 'base'), { source }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.advice).toMatch(
      /^garbage collection grew from [\d.]+% to [\d.]+% of cpu time: allocate less at `main\.renderReport` \(concat\.go:\d+\)/,
    );
  });

  test('is absent without a base, on identical runs and when GC did not grow', () => {
    expect(gc(findHotspots(run('concat', 'head'), undefined))).toEqual([]);
    expect(gc(findHotspots(run('concat', 'head'), run('concat', 'head')))).toEqual([]);
    expect(gc(findHotspots(run('growslice', 'head'), run('growslice', 'base')))).toEqual([]);
  });
});
