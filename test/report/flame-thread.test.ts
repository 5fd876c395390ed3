import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProfilePair } from '../../src/analyze/profile-insights.js';
import type { Profile } from '../../src/model/profile.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { flameGraphs, flameGraphsOffThread, flameRequest } from '../../src/report/flame.js';
import { buildKept } from '../../src/report/flame-kept.js';
import { flameWorkerScript, keptOnThread } from '../../src/report/flame-thread.js';
import {
  buildHtmlReportModel,
  htmlReportModel,
  startFlameGraphs,
} from '../../src/report/html-build.js';

const read = (scenario: string, side: string, file: string) =>
  parsePprof(readFileSync(`fixtures/profiles/${scenario}/${side}/${file}`));

const pair = (scenario: string, file: string): ProfilePair => ({
  name: file,
  head: read(scenario, 'head', file),
  base: read(scenario, 'base', file),
});

/** A copy of a profile whose samples are in ordinary (unshared) memory. */
const unshared = (p: Profile): Profile => ({
  ...p,
  samples: {
    ...p.samples,
    values: Float64Array.from(p.samples.values),
    stack: Uint32Array.from(p.samples.stack),
  },
});

describe('the flame graph thread', () => {
  it('is bundled beside the command-line tool', () => {
    expect(flameWorkerScript()).toMatch(/dist[\\/]flame-worker\.js$/);
  });

  it('keeps the decoded stacks and values in shared memory, for the thread to read in place', () => {
    const p = read('growslice', 'head', 'allocs.pb.gz');
    expect(p.samples.stack.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(p.samples.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(p.samples.stackStart.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('builds on a worker thread the same tree as on the main thread (real allocs pair)', async () => {
    const { head, base } = pair('growslice', 'allocs.pb.gz');
    const types = ['alloc_space', 'alloc_objects'];
    const here = flameGraphs('allocs.pb.gz', head, base, types);
    // The thread's own reply (no fallback to this thread) is the tree built here.
    const request = flameRequest(head, base, types);
    const reply = await keptOnThread(flameWorkerScript()!, request);
    expect(reply).toEqual({ kept: buildKept(request.sides, request.min, request.totals) });
    expect('kept' in reply && reply.kept.name.length).toBeGreaterThan(10);
    const there = await flameGraphsOffThread('allocs.pb.gz', head, base, types, { minFrames: 0 });
    expect(there).toEqual(here);
    expect(there[0]!.root.children.length).toBeGreaterThan(0);
  });

  it('sends the thread the same inputs it reads: a real cpu pair, every frame kept', async () => {
    const { head, base } = pair('json', 'cpu.pb.gz');
    const here = flameGraphs('cpu.pb.gz', head, base!, ['cpu', 'samples'], 0);
    const there = await flameGraphsOffThread('cpu.pb.gz', head, base!, ['cpu', 'samples'], {
      minFraction: 0,
      minFrames: 0,
    });
    expect(there).toEqual(here);
  });

  it('builds on this thread when the samples are not in shared memory', async () => {
    const { head, base } = pair('growslice', 'allocs.pb.gz');
    const there = await flameGraphsOffThread(
      'allocs.pb.gz',
      unshared(head),
      unshared(base!),
      ['alloc_space'],
      { minFrames: 0 },
    );
    expect(there).toEqual(flameGraphs('allocs.pb.gz', head, base!, ['alloc_space']));
  });

  it('gives the report the same model whether its graphs were started early or not', async () => {
    const pairs = [pair('growslice', 'allocs.pb.gz'), pair('growslice', 'cpu.pb.gz')];
    const started = startFlameGraphs(pairs);
    const early = await buildHtmlReportModel(
      't',
      pairs,
      undefined,
      undefined,
      [],
      undefined,
      started,
    );
    const sync = htmlReportModel('t', pairs, undefined, undefined);
    expect({ ...early, generatedAt: '' }).toEqual({ ...sync, generatedAt: '' });
    expect(early.graphs.map((g) => `${g.profile} ${g.sampleType}`)).toEqual([
      'allocs.pb.gz alloc_space',
      'allocs.pb.gz alloc_objects',
      'cpu.pb.gz cpu',
    ]);
  });
});
