/**
 * One verdict everywhere: `perfgate report` on the same inputs as `perfgate comment` states the
 * same verdict, the same counts and the same profile regressions (here read from the page's
 * data with the page's own headline code; test/browser/verdict.browser.test.ts reads the drawn
 * page in Chromium).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { headlineText } from '../../src/render/html/page/headline.js';
import type { PageData } from '../../src/report/page-data.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-verdict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const P = 'fixtures/profile-gate';

/** The comment's and the report's view of the same inputs. */
async function bothViews(c: string, base: string, head: string, extra: string[] = []) {
  const comment = await cli(
    'comment',
    `${P}/${c}/${base}.txt`,
    `${P}/${c}/${head}.txt`,
    '--base-profiles',
    `${P}/${c}/${base}`,
    '--head-profiles',
    `${P}/${c}/${head}`,
    '--source',
    'fixtures/go',
    ...extra,
  );
  const out = path.join(dir, `${c}-${base}-${head}.html`);
  const report = await cli(
    'report',
    `${P}/${c}/${base}`,
    `${P}/${c}/${head}`,
    '--bench-base',
    `${P}/${c}/${base}.txt`,
    '--bench-head',
    `${P}/${c}/${head}.txt`,
    '--source',
    'fixtures/go',
    '-o',
    out,
    ...extra,
  );
  expect(report.stderr).toBe('');
  const html = readFileSync(out, 'utf8');
  const json = /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(html)![1]!;
  const data = JSON.parse(json) as PageData;
  return { comment, report, html, out, data };
}

describe('perfgate report and perfgate comment on the same inputs', () => {
  test.each([
    ['profgate', 'base', 'head', 'fail'],
    ['profgate', 'base', 'again', 'pass'],
    ['json', 'base', 'head', 'pass'],
  ])('%s %s → %s: the same verdict, counts and profile regressions (%s)', async (c, b, h, v) => {
    const { comment, report, html, data } = await bothViews(c, b, h, ['--stored-baseline']);
    const headline = comment.stdout.split('\n')[1]!.replace(/^### /, '');
    expect(headlineText(data.verdict!)).toBe(headline);
    expect(data.verdict!.verdict).toBe(v);
    expect(report.stdout).toMatch(new RegExp(`verdict: ${v}\\n$`));
    expect(comment.code).toBe(v === 'fail' ? 1 : 0);
    // The comment's reason line is the report's reason.
    // (as the comment's sentence starts: with a capital).
    const reason = data.verdict!.reason;
    expect(comment.stdout).toContain(`${reason[0]!.toUpperCase()}${reason.slice(1)}. `);
    // Each ❌ row of the comment's profile tables is a regression row of the report.
    const failedRows = comment.stdout.split('\n').filter((l) => l.startsWith('| ❌ <code>'));
    expect(data.verdict!.profileRows.filter((r) => r.regression)).toHaveLength(failedRows.length);
    for (const r of data.verdict!.profileRows.filter((x) => x.regression))
      expect(comment.stdout).toContain(`❌ <code>${r.function}</code>`);
    // The header's badge agrees.
    expect(html).toContain(`<span class="badge ${v}">${v.toUpperCase()}</span>`);
  });

  test('goroutine leaks: the page’s headline counts them as the comment’s does', async () => {
    const L = 'fixtures/profiles/leak';
    const comment = await cli(
      'comment',
      '--base-profiles',
      `${L}/base`,
      '--head-profiles',
      `${L}/head`,
    );
    const out = path.join(dir, 'leak.html');
    const report = await cli('report', `${L}/base`, `${L}/head`, '-o', out);
    expect(report.stderr).toBe('');
    const json = /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(
      readFileSync(out, 'utf8'),
    )![1]!;
    const data = JSON.parse(json) as PageData;
    const headline = comment.stdout.split('\n')[1]!.replace(/^### /, '');
    expect(headline).toMatch(/ · 4 goroutine leaks$/);
    expect(data.verdict!.goroutines).toEqual({ leaks: 4, parked: 0 });
    expect(headlineText(data.verdict!)).toBe(headline);
  });

  test('the regressions name their benchmark, line and values per operation in the page data', async () => {
    const { data } = await bothViews('profgate', 'base', 'head', ['--stored-baseline']);
    const rows = data.verdict!.profileRows.filter((r) => r.regression);
    expect(rows.map((r) => `${r.sampleType} ${r.benchmark.split('.').pop()}`).sort()).toEqual([
      'alloc_objects BenchmarkActiveIDs',
      'alloc_objects BenchmarkEncodeRows',
      'alloc_space BenchmarkActiveIDs',
      'alloc_space BenchmarkEncodeRows',
    ]);
    expect(rows.every((r) => r.basis === 'per-op' && r.line > 0 && r.limit === 5)).toBe(true);
  });
});

describe('perfgate hotspots on a go test profile', () => {
  const json = `${P}/json`;
  test('benchmark set-up in _test.go files is left out unless --tests is given', async () => {
    const args = [`${json}/head/mem.pb.gz`, '--format', 'json'];
    const plain = JSON.parse((await cli('hotspots', ...args)).stdout) as {
      site: { file: string };
    }[];
    const all = JSON.parse((await cli('hotspots', ...args, '--tests')).stdout) as typeof plain;
    const inTests = (hs: typeof plain) => hs.filter((h) => h.site.file.endsWith('_test.go'));
    expect(inTests(plain)).toEqual([]);
    expect(inTests(all).length).toBeGreaterThan(0);
  });
});

describe('perfgate report: bad input', () => {
  test('one benchmark output without the other', async () => {
    const r = await cli(
      'report',
      `${P}/profgate/base`,
      `${P}/profgate/head`,
      '--bench-base',
      `${P}/profgate/base.txt`,
    );
    expect(r.stderr).toBe(
      'perfgate report: --bench-base was given alone: --bench-base and --bench-head go together\n',
    );
    expect(r.code).toBe(2);
  });

  test("a gate option it shares with perfgate comment, with comment's message", async () => {
    const r = await cli(
      'report',
      `${P}/profgate/base`,
      `${P}/profgate/head`,
      '--alpha',
      'many',
      '-o',
      path.join(dir, 'bad.html'),
    );
    expect(r.stderr).toBe(
      'perfgate report: --alpha: "many" is not a number between 0 and 1 (e.g. "0.05")\n',
    );
    expect(r.code).toBe(2);
  });
});
