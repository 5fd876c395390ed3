/**
 * The report schema that `mode: comment` checks a fork's report.json against accepts every report
 * perfgate itself writes: real runs with benchmarks, profiles, hotspots and a goroutine leak,
 * read back from the artifact a fork's run leaves.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { type Hotspot, advice } from '../../src/analyze/hotspots.js';
import { readReportData } from '../../src/report/report-schema.js';
import { BASE_SHA, World } from '../helpers/action-world.js';

let w: World;
beforeEach(() => {
  w = new World();
});
afterEach(() => w.dispose());

/** The scenario's profiles of one side, copied to one folder so both sides' names pair up. */
function profiles(scenario: string, side: string): string {
  const dir = path.join(w.work, 'profiles');
  mkdirSync(dir, { recursive: true });
  const files = ['allocs.pb.gz', 'cpu.pb.gz', 'goroutine.debug2.txt'];
  for (const f of files)
    copyFileSync(`fixtures/profiles/${scenario}/${side}/${f}`, path.join(dir, f));
  return files.map((f) => path.join(dir, f)).join('\n');
}

test.each([
  ['growslice', 'fixtures/bench/ab-inter-base.txt', 'fixtures/bench/ab-inter-head.txt'],
  ['leak', 'fixtures/bench/ab-inter-base.txt', 'fixtures/bench/ab-inter-base.txt'],
])(
  'the report of a real run with %s profiles passes, field for field',
  async (scenario, base, head) => {
    const push = await w.push(BASE_SHA, {
      'bench-output': base,
      profiles: profiles(scenario, 'base'),
    });
    expect(push.code).toBe(0);
    await w.pullRequest(
      21,
      { 'bench-output': head, profiles: profiles(scenario, 'head') },
      'someone/app',
    );
    const [artifact] = w.artifacts.named('perfgate-report-benchmarks-bench');
    const written = JSON.parse(artifact!.files.get('report.json')!.toString()) as {
      links: unknown;
      profiles: { changes: unknown[]; hotspots: Hotspot[]; leaks: unknown[] };
    };
    const p = written.profiles;
    expect([p.changes.length > 0, p.hotspots.length > 0, p.leaks.length > 0]).toEqual([
      true,
      true,
      scenario === 'leak',
    ]);
    const read = readReportData(written);
    // Advice is markdown rendered as written: a fork's copy gets perfgate's own by kind. For every
    // kind but gc (whose advice names the sites that drive it) that is the advice written.
    const own = structuredClone(written);
    for (const h of own.profiles.hotspots) {
      if (h.kind !== 'gc') expect(h.advice).toBe(advice[h.kind]);
      h.advice = advice[h.kind];
    }
    // What JSON keeps of the checked copy is what was written, links and gc advice aside.
    expect(JSON.parse(JSON.stringify({ ...read, links: written.links }))).toEqual(own);
  },
);
