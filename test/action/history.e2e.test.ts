/**
 * The history of past baselines, end to end: the bundled action against the loopback GitHub
 * (fake-github). Pushes to main carry the history forward in each baseline artifact; a pull
 * request's comment and HTML report place head against it; a history file that is corrupt or
 * from a newer perfgate is ignored with a note. Benchmark data: real fixture runs; the runs of
 * the later pushes are the same runs with the `cpu:` line another runner type prints, as when
 * GitHub hands out a different machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, onTestFinished, test } from 'vitest';
import { BASE, HEAD, setUp } from '../helpers/action-e2e.js';

const ARTIFACT = 'perfgate-baseline-benchmarks-bench';
const XEON = 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz';
const sha = (i: number) => i.toString(16).padStart(40, '0');

/** A real run as another runner type reports it: its `cpu:` line replaced. */
function onOtherRunner(fixture: string, dir: string): string {
  const file = path.join(dir, `xeon-${path.basename(fixture)}`);
  writeFileSync(file, readFileSync(fixture, 'utf8').replace(/^cpu: .*$/m, `cpu: ${XEON}`));
  return file;
}

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-history-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the history of past baselines', () => {
  test('ten pushes build ten points; the eleventh pull request shows head against them, in its comment and its report', async () => {
    const { fake, pushMain, pullRequest, comments } = await setUp();
    const dir = scratch();
    const runs = ['fixtures/bench/base.txt', BASE];
    const history = () => {
      const newest = fake.artifacts.filter((a) => a.name === ARTIFACT).at(-1)!;
      return JSON.parse(fake.artifactFiles(newest)['perfgate-history.json']!.toString());
    };
    for (let i = 1; i <= 10; i++) {
      const run = runs[i % 2]!;
      const r = await pushMain(
        { 'bench-output': i > 6 ? onOtherRunner(run, dir) : run },
        {},
        sha(i),
      );
      expect(r.code).toBe(0);
      expect(history().points).toHaveLength(i);
    }
    const h = history();
    expect(h).toMatchObject({ schema: 1, tool: 'perfgate' });
    expect(h.points.map((p: { commit: string }) => p.commit)).toEqual(
      Array.from({ length: 10 }, (_, i) => sha(i + 1)),
    );
    expect(h.points.map((p: { machine: { cpu: string } }) => p.machine.cpu)).toEqual([
      ...Array(6).fill('AMD EPYC'),
      ...Array(4).fill(XEON),
    ]);
    const grow = h.points[9].values.find(
      (v: { name: string; unit: string }) => v.name === 'GrowSlice' && v.unit === 'B/op',
    );
    expect(grow).toMatchObject({ pkg: 'perfgate.example/fixtures/bench', center: 81920 });
    expect(grow.lo).toBeLessThanOrEqual(grow.center);
    expect(grow.hi).toBeGreaterThanOrEqual(grow.center);

    const pr = await pullRequest(
      11,
      { 'bench-output': HEAD, 'html-report': 'true' },
      'acme/app',
      {},
      {
        baseSha: sha(10),
      },
    );
    expect(pr.outputs.verdict).toBe('fail');
    const body = comments(11)[0]!.body;
    expect(body).toContain("**Against <code>main</code>'s past baselines** (10 commits kept):");
    expect(body).toContain(
      '- <code>GrowSlice-2</code> B/op: head 253.2 KiB is worse than each of the last 10 commits of <code>main</code> (all 80.0 KiB; measured on 2 CPU models)',
    );

    // The report draws one chart per benchmark × unit, head marked, the runner change visible.
    const report = pr.outputs['report-html']!;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    onTestFinished(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${report}`);
    const section = page.locator('#history');
    await expect.poll(() => section.isVisible()).toBe(true);
    expect(await section.locator('h2').textContent()).toBe(
      'History: the last 10 baselines of main',
    );
    const cards = section.locator('figure.history-card');
    expect(await cards.count()).toBe(await page.locator('figure.history-card .head-mark').count());
    expect(await section.locator('figure.history-card.regression').count()).toBe(6);
    expect(await cards.first().locator('circle.past').count()).toBe(10);
    expect(await cards.first().locator('line.runner-change').count()).toBe(1);
    // The axis reads as the comment does: IEC bytes with their unit, counts grouped.
    expect(await cards.first().locator('figcaption').textContent()).toContain('GrowSlice B/op');
    expect(await cards.first().locator('svg > text').allTextContents()).toEqual(
      expect.arrayContaining(['253.2 KiB', '80.0 KiB']),
    );
    expect(await cards.nth(5).locator('svg > text').allTextContents()).toEqual(
      expect.arrayContaining(['2,415', '0']),
    );
    expect(await section.locator('.history-legend .cpu').allTextContents()).toEqual([
      'AMD EPYC',
      XEON,
    ]);
    expect(errors).toEqual([]);
    if (process.env.PERFGATE_SCREENSHOT)
      await section.screenshot({ path: process.env.PERFGATE_SCREENSHOT });
    expect(fake.internalErrors).toEqual([]);
  });

  test.each([
    ['corrupt', '{"schema": 1, "tool": "perf', 'perfgate-history.json is not valid JSON'],
    [
      'from a newer perfgate',
      JSON.stringify({ schema: 2, tool: 'perfgate', commits: {} }),
      'perfgate-history.json: it has schema 2, from a newer perfgate (this one reads schema 1)',
    ],
  ])('a history file %s is ignored with a note, never fatal', async (_, text, why) => {
    const { fake, pushMain, pullRequest, comments } = await setUp();
    fake.addArtifact({
      name: ARTIFACT,
      files: {
        'perfgate-manifest.json': JSON.stringify({
          schema: 1,
          tool: 'perfgate',
          commit: sha(1),
          branch: 'main',
          createdAt: new Date().toISOString(),
          runId: 4000,
          benchFiles: ['base.txt'],
          profiles: [],
        }),
        'base.txt': readFileSync(BASE),
        'perfgate-history.json': text,
      },
      workflow_run: { id: 4000, head_branch: 'main', head_sha: sha(1) },
    });
    const pr = await pullRequest(12, { 'bench-output': HEAD }, 'acme/app', {}, { baseSha: sha(1) });
    expect([pr.code, pr.outputs.verdict]).toEqual([1, 'fail']);
    const body = comments(12)[0]!.body;
    expect(body).toContain('- the stored baseline&#39;s history of past commits is ignored: ');
    expect(body).not.toContain('past baselines**');

    const push = await pushMain({ 'bench-output': BASE }, {}, sha(2));
    expect(push.code).toBe(0);
    expect(push.stdout).toContain(
      `::warning::perfgate: the previous baseline's history is ignored: ${why}`,
    );
    expect(push.stdout).toContain('a new history starts here');
    const saved = fake.artifacts.filter((a) => a.name === ARTIFACT).at(-1)!;
    const h = JSON.parse(fake.artifactFiles(saved)['perfgate-history.json']!.toString());
    expect(h.points.map((p: { commit: string }) => p.commit)).toEqual([sha(2)]);
    expect(fake.internalErrors).toEqual([]);
  });
});
