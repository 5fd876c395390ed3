/** Run reports made from the real fixtures, as the CLI and the action make them. */
import { readFileSync } from 'node:fs';
import { readProfiles } from '../../src/collect/read-profiles.js';
import { gate } from '../../src/analyze/gate.js';
import { type ProfileInsights, profileInsights } from '../../src/analyze/profile-insights.js';
import { listFiles } from '../../src/collect/files.js';
import { sourceLookup } from '../../src/collect/source.js';
import type { GoroutineSnapshot } from '../../src/model/goroutines.js';
import { parseBenchOutput } from '../../src/parse/benchfmt/load.js';
import { parseGoroutines } from '../../src/parse/goroutine/index.js';
import { decideVerdict } from '../../src/analyze/verdict.js';
import type { RunReport } from '../../src/report/run-report.js';

/** A benchmark run of fixtures/bench. */
export const benchRun = (file: string) =>
  parseBenchOutput(readFileSync(`fixtures/bench/${file}`, 'utf8'), file);

/** A goroutine dump of fixtures/profiles. */
export const goroutineDump = (file: string): GoroutineSnapshot =>
  parseGoroutines(readFileSync(`fixtures/profiles/${file}`), file);

/** The links a run report has in the action. */
export const actionLinks = {
  run: 'https://github.com/acme/app/actions/runs/1',
  summary: 'https://github.com/acme/app/actions/runs/1#summary',
  html: 'https://github.com/acme/app/actions/runs/1/artifacts/9',
};

/** What `npm run demo` reads: the growslice profiles, the leak dumps, go/bench's runs. */
export async function demoInsights(shareLimits?: Record<string, number>): Promise<ProfileInsights> {
  const side = async (dir: string) => ({
    dir,
    files: await listFiles(dir, 'a folder of profiles'),
  });
  const read = await readProfiles(
    await side('fixtures/profiles/growslice/head'),
    await side('fixtures/profiles/growslice/base'),
  );
  const insights = profileInsights({
    pairs: read.pairs,
    goroutines: {
      head: goroutineDump('leak/head/goroutine.debug2.txt'),
      base: goroutineDump('leak/base/goroutine.debug2.txt'),
    },
    source: sourceLookup(['fixtures/go']),
    ...(shareLimits ? { shareLimits } : {}),
  });
  insights.notes.unshift(...read.warnings);
  return insights;
}

/** A run report of go/bench's interleaved runs with `profiles`, as the action would make it. */
export function runReport(profiles: ProfileInsights | undefined, over: Partial<RunReport> = {}) {
  const g = over.gate ?? gate(benchRun('ab-inter-base.txt'), benchRun('ab-inter-head.txt'));
  const { verdict, reason } = decideVerdict(g, [], 'pass', profiles);
  const report: RunReport = {
    verdict,
    reason,
    key: 'bench-go',
    headCommit: 'e'.repeat(40),
    gate: g,
    profiles,
    baseline: {
      source: 'rerun',
      commit: 'b'.repeat(40),
      branch: 'main',
      createdAt: undefined,
      runUrl: undefined,
    },
    timingsGated: true,
    headOnly: undefined,
    failures: [],
    warnings: [],
    links: actionLinks,
    generatedAt: '2026-11-27T10:00:00Z',
    ...over,
  };
  return report;
}
