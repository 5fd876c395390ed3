/**
 * The verdict the report page draws, in Chromium, is the comment's: the same headline (verdict
 * and counts) and the same profile regressions, for `perfgate report` and `perfgate comment` on
 * the same inputs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const P = 'fixtures/profile-gate/profgate';
let browser: Browser | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-verdict-page-'));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the page shows the comment’s headline and its failing profile rows', async () => {
  if (!browser) throw new Error(`${CHROMIUM} is missing: the browser tests need it`);
  const comment = await cli(
    'comment',
    `${P}/base.txt`,
    `${P}/head.txt`,
    '--base-profiles',
    `${P}/base`,
    '--head-profiles',
    `${P}/head`,
    '--stored-baseline',
  );
  const out = path.join(dir, 'report.html');
  const report = await cli(
    'report',
    `${P}/base`,
    `${P}/head`,
    '--bench-base',
    `${P}/base.txt`,
    '--bench-head',
    `${P}/head.txt`,
    '--stored-baseline',
    '-o',
    out,
  );
  expect(report.code).toBe(0);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(out).href);
  const headline = comment.stdout.split('\n')[1]!.replace(/^### /, '');
  expect(headline).toMatch(
    /^❌ perfgate: fail · 2 benchmarks regressed · 2 functions grew in profiles$/,
  );
  expect(await page.locator('#verdict-headline').textContent()).toBe(headline);
  expect(await page.locator('#verdict').isVisible()).toBe(true);
  const failing = await page.locator('#profile-findings tr.regression code').allTextContents();
  const inComment = comment.stdout
    .split('\n')
    .filter((l) => l.startsWith('| ❌ <code>'))
    .map((l) => /<code>([^<]+)<\/code>/.exec(l)![1]);
  expect([...failing].sort()).toEqual([...inComment].sort());
  expect(await page.locator('.badge').textContent()).toBe('FAIL');
  expect(errors).toEqual([]);
  await page.close();
});

test('the page reads like the comment: its regressions in the comment’s order, p-values and goroutine leaks', async () => {
  if (!browser) throw new Error(`${CHROMIUM} is missing: the browser tests need it`);
  const [base, head] = ['fixtures/bench/ab-inter-base.txt', 'fixtures/bench/ab-inter-head.txt'];
  const L = 'fixtures/profiles/leak';
  const comment = await cli(
    'comment',
    base,
    head,
    '--base-profiles',
    `${L}/base`,
    '--head-profiles',
    `${L}/head`,
  );
  const out = path.join(dir, 'leaks.html');
  const report = await cli(
    'report',
    `${L}/base`,
    `${L}/head`,
    '--bench-base',
    base,
    '--bench-head',
    head,
    '-o',
    out,
  );
  expect(report.stderr).toBe('');
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(out).href);
  const headline = comment.stdout.split('\n')[1]!.replace(/^### /, '');
  expect(headline).toMatch(/ · 3 benchmarks regressed · .* · 4 goroutine leaks$/);
  expect(await page.locator('#verdict-headline').textContent()).toBe(headline);
  // The comment's first table is its regressions: benchmark, unit and evidence of each row.
  const lines = comment.stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| benchmark'));
  const inComment: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    const cells = l.split('|').map((c) => c.trim());
    inComment.push([/<code>(.*)<\/code>/.exec(cells[1]!)![1]!, cells[2]!, cells[6]!]);
  }
  expect(inComment).toHaveLength(9);
  const onPage = await page
    .locator('#benchmarks h3 + table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
  expect(onPage.map((r) => [r[0], r[1], r[5]])).toEqual(inComment);
  expect(errors).toEqual([]);
  await page.close();
});
