/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download). CI installs /usr/bin/chromium; without it these tests fail, never skip.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gate } from '../../src/analyze/gate.js';
import { type ProfilePair, profileInsights } from '../../src/analyze/profile-insights.js';
import { parseBenchOutput } from '../../src/parse/benchfmt/load.js';
import { parseGoroutines } from '../../src/parse/goroutine/index.js';
import { topTable } from '../../src/report/html-build.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { type FlameGraph, type FlameNode, flameGraph } from '../../src/report/flame.js';
import type { HtmlReportModel } from '../../src/report/html-model.js';
import { renderHtmlReport } from '../../src/render/html-report.js';
import { scaledLabel } from '../../src/units/pprof-units.js';

const CHROMIUM = '/usr/bin/chromium';
const ALLOC_SPACE = 'growslice/allocs.pb.gz · alloc_space';
const CPU = 'growslice/cpu.pb.gz · cpu';
const MUTEX_ALLOC_SPACE = 'mutex/allocs.pb.gz · alloc_space';

const profile = (scenario: string, side: string, file: string) =>
  parsePprof(readFileSync(`fixtures/profiles/${scenario}/${side}/${file}`));

const emptyModel = (over: Partial<HtmlReportModel> = {}): HtmlReportModel => ({
  title: 'perfgate report',
  generatedAt: '2025-01-02T03:04:05.000Z',
  graphs: [],
  tops: [],
  gate: undefined,
  insights: undefined,
  problems: [],
  ...over,
});

/** growslice's cpu and alloc_space (collectIDs grows), mutex's alloc_space (things shrink). */
function fixtureModel(): HtmlReportModel {
  const pair = (scenario: string, file: string): ProfilePair => ({
    name: `${scenario}/${file}`,
    head: profile(scenario, 'head', file),
    base: profile(scenario, 'base', file),
  });
  const shown: [ProfilePair, string][] = [
    [pair('growslice', 'cpu.pb.gz'), 'cpu'],
    [pair('growslice', 'allocs.pb.gz'), 'alloc_space'],
    [pair('mutex', 'allocs.pb.gz'), 'alloc_space'],
  ];
  const bench = (f: string) => parseBenchOutput(readFileSync(`fixtures/bench/${f}`, 'utf8'), f);
  const dump = (side: string) =>
    parseGoroutines(readFileSync(`fixtures/profiles/leak/${side}/goroutine.debug2.txt`), side);
  return emptyModel({
    title: 'perfgate · growslice fixture',
    graphs: shown.map(([p, type]) => flameGraph(p.name, p.head, p.base, type)!),
    tops: shown.map(([p, type]) => topTable(p, type)),
    gate: gate(bench('ab-inter-base.txt'), bench('ab-inter-head.txt')),
    insights: profileInsights({
      pairs: shown.slice(0, 2).map(([p]) => p),
      goroutines: { base: dump('base'), head: dump('head') },
      source: undefined,
    }),
  });
}

function findNode(n: FlameNode, name: string): FlameNode | undefined {
  if (n.name === name) return n;
  for (const c of n.children) {
    const found = findNode(c, name);
    if (found) return found;
  }
  return undefined;
}

/** `rgb(r, g, b)` → [r, g, b]. */
function rgb(css: string): [number, number, number] {
  const m = /^rgba?\((\d+), (\d+), (\d+)/.exec(css);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

describe('the HTML report in Chromium', () => {
  const model = fixtureModel();
  const graph = (label: string) =>
    model.graphs.find((g) => `${g.profile} · ${g.sampleType}` === label)!;
  let browser: Browser | undefined;
  let dir: string;
  let reportUrl: string;
  let errors: string[];
  let requests: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'perfgate-report-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, renderHtmlReport(model));
    reportUrl = pathToFileURL(file).href;
    // Without the browser every test fails, saying so in open() (none is skipped).
    if (!existsSync(CHROMIUM)) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh 1280×800 page on a report, recording script errors and any request off the file. */
  async function open(url = reportUrl): Promise<Page> {
    if (!browser) {
      throw new Error(
        `${CHROMIUM} is missing: the browser tests need Debian's chromium (npm run setup installs it)`,
      );
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = [];
    requests = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(url);
    return page;
  }

  async function done(page: Page): Promise<void> {
    await page.close();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }

  const frame = (page: Page, name: string) =>
    page.locator(`#flame .frame[data-name="${name}"]`).first();
  const names = (page: Page) =>
    page.$$eval('#flame .frame', (els) => els.map((e) => e.getAttribute('data-name') ?? '').sort());

  it('colours a frame that grew red', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: ALLOC_SPACE });
    const collect = frame(page, 'main.collectIDs');
    await expect(collect.getAttribute('class')).resolves.toMatch(/\bframe\b.*\bgrow\b/);
    const [r, g, b] = rgb(
      await collect.evaluate(
        (e) => e.ownerDocument.defaultView.getComputedStyle(e).backgroundColor,
      ),
    );
    expect(r - g).toBeGreaterThan(40);
    expect(r - b).toBeGreaterThan(40);
    await done(page);
  });

  it('colours a frame that shrank green and marks new and removed frames', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: MUTEX_ALLOC_SPACE });
    const worker = frame(page, 'main.runMutex.func1');
    await expect(worker.getAttribute('class')).resolves.toMatch(/\bshrink\b/);
    const [r, g, b] = rgb(
      await worker.evaluate((e) => e.ownerDocument.defaultView.getComputedStyle(e).backgroundColor),
    );
    expect(g - r).toBeGreaterThan(20);
    expect(g - b).toBeGreaterThan(20);
    // base inlined normalizeKey straight into the worker; head calls it through add().
    await expect(worker.getAttribute('data-gone')).resolves.toBe('2');
    await worker.hover();
    const workerNode = findNode(graph(MUTEX_ALLOC_SPACE).root, 'main.runMutex.func1')!;
    const gone = workerNode.children.find((c) => c.name === 'main.normalizeKey')!;
    expect(gone.head).toBe(0);
    await expect(page.locator('#tooltip [data-field="gone"]').textContent()).resolves.toBe(
      `gone in head: main.normalizeKey (${scaledLabel(gone.base, 'bytes')}), small frames (${scaledLabel(28336, 'bytes')})`,
    );
    await expect(frame(page, 'main.(*globalCounters).add').getAttribute('data-new')).resolves.toBe(
      'true',
    );
    await done(page);
  });

  it('shows base, head and delta as pprof prints them on hover', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: ALLOC_SPACE });
    await frame(page, 'main.collectIDs').hover();
    const tip = page.locator('#tooltip');
    await expect(tip.isVisible()).resolves.toBe(true);
    const node = findNode(graph(ALLOC_SPACE).root, 'main.collectIDs')!;
    const text = (f: string) => tip.locator(`[data-field="${f}"]`).textContent();
    await expect(text('name')).resolves.toBe('main.collectIDs');
    await expect(text('file')).resolves.toBe(`${node.file}:${node.line}`);
    await expect(text('base')).resolves.toBe(scaledLabel(node.base, 'bytes'));
    await expect(text('head')).resolves.toBe(scaledLabel(node.head, 'bytes'));
    await expect(text('delta')).resolves.toMatch(
      new RegExp(
        `^\\+${scaledLabel(node.head - node.base, 'bytes')} \\(\\+\\d+\\.\\d\\d% of total\\)$`,
      ),
    );
    await page.mouse.move(5, 5);
    await expect(tip.isVisible()).resolves.toBe(false);
    await done(page);
  });

  it('zooms into a clicked frame and back out from the root', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: CPU });
    const full = await page.locator('#flame').evaluate((e) => e.clientWidth);
    // A frame deep enough to be narrow, but wide enough to click.
    const id = await page.$$eval(
      '#flame .frame',
      (els, full) =>
        els
          .find((e) => {
            const w = e.getBoundingClientRect().width;
            return w > 30 && w < full / 2;
          })
          ?.getAttribute('data-id'),
      full,
    );
    expect(id).toBeDefined();
    const target = page.locator(`#flame .frame[data-id="${id}"]`);
    const before = (await target.boundingBox())!.width;
    await target.click();
    expect(Math.abs((await target.boundingBox())!.width - full)).toBeLessThanOrEqual(1);
    await expect(page.locator('#reset-zoom').isEnabled()).resolves.toBe(true);
    await page.locator('#flame .frame[data-id="0"]').click();
    expect(Math.abs((await target.boundingBox())!.width - before)).toBeLessThanOrEqual(1);
    await expect(page.locator('#reset-zoom').isEnabled()).resolves.toBe(false);
    await done(page);
  });

  it('highlights the frames a search matches', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: CPU });
    await page.fill('#search', 'Collect');
    const matched = await page.$$eval('#flame .frame.match', (els) =>
      els.map((e) => e.getAttribute('data-name') ?? ''),
    );
    expect(matched.length).toBeGreaterThan(0);
    for (const n of matched) expect(n.toLowerCase()).toContain('collect');
    const all = await names(page);
    expect(all.filter((n) => n!.toLowerCase().includes('collect'))).toHaveLength(matched.length);
    await expect(page.locator('#search-info').textContent()).resolves.toMatch(/^\d+ frames? · /);
    await page.fill('#search', '');
    await expect(page.locator('#flame .frame.match').count()).resolves.toBe(0);
    await done(page);
  });

  it('switches graph and top table with the sample type', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: ALLOC_SPACE });
    const allocNames = await names(page);
    const root = () => page.locator('#flame .frame[data-id="0"]').getAttribute('data-head');
    await expect(root()).resolves.toBe(String(graph(ALLOC_SPACE).root.head));
    const topFirst = () => page.locator('#top tbody tr').first().getAttribute('data-name');
    const allocTop = await topFirst();
    await page.selectOption('#sample-type', { label: CPU });
    await expect(root()).resolves.toBe(String(graph(CPU).root.head));
    expect(await names(page)).not.toEqual(allocNames);
    expect(await topFirst()).not.toBe(allocTop);
    await done(page);
  });

  it('colours by share of the total when asked, for runs of different lengths', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: CPU });
    const kinds = () =>
      page.$$eval('#flame .frame', (els) =>
        els.map((e) => (e.className.match(/\b(grow|shrink|same)\b/) ?? [''])[0]).join(','),
      );
    const absolute = await kinds();
    // The root always has a share of 100% in both runs: by share it is unchanged.
    await page.check('#by-share');
    await expect(frame(page, 'root').getAttribute('class')).resolves.toMatch(/\bsame\b/);
    expect(await kinds()).not.toBe(absolute);
    await page.uncheck('#by-share');
    expect(await kinds()).toBe(absolute);
    await done(page);
  });

  it('sorts the top table by a clicked column', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: ALLOC_SPACE });
    const rows = model.tops.find((t) => t.profile === 'growslice/allocs.pb.gz')!.rows;
    await expect(page.locator('#top tbody tr').count()).resolves.toBe(rows.length);
    const first = () => page.locator('#top tbody tr').first().getAttribute('data-name');
    const byDelta = [...rows].sort(
      (a, b) => b.headCum - b.baseCum - (a.headCum - a.baseCum) || a.name.localeCompare(b.name),
    );
    await page.click('#top th[data-key="dcum"]');
    await expect(first()).resolves.toBe(byDelta[0]!.name);
    await expect(page.locator('#top th[data-key="dcum"]').getAttribute('aria-sort')).resolves.toBe(
      'descending',
    );
    await page.click('#top th[data-key="dcum"]');
    await expect(first()).resolves.toBe(byDelta.at(-1)!.name);
    await done(page);
  });

  it('explains an empty report and a broken graph', async () => {
    const write = (name: string, m: HtmlReportModel) => {
      const file = path.join(dir, name);
      writeFileSync(file, renderHtmlReport(m));
      return pathToFileURL(file).href;
    };
    let page = await open(write('empty.html', emptyModel({ problems: ['cpu.pb.gz: truncated'] })));
    await expect(page.locator('#message').isVisible()).resolves.toBe(true);
    await expect(page.locator('#message').textContent()).resolves.toContain('cpu.pb.gz: truncated');
    await done(page);
    const broken = { ...graph(CPU), root: undefined } as unknown as FlameGraph;
    page = await open(write('broken.html', emptyModel({ graphs: [broken] })));
    await expect(page.locator('#message').isVisible()).resolves.toBe(true);
    await expect(page.locator('#message').textContent()).resolves.toBe(
      'Graph 1 of the report could not be read.',
    );
    await done(page);
  });

  it('takes the screenshot of the alloc_space view for the README', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: ALLOC_SPACE });
    const box = (await frame(page, 'main.collectIDs').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await expect(page.locator('#tooltip').isVisible()).resolves.toBe(true);
    const png = await page.screenshot({ fullPage: false });
    // Every run keeps its screenshot as a test artifact; the README's copy changes only on request.
    const outs = process.env.UPDATE_GOLDEN === '1' ? ['docs', 'test-output'] : ['test-output'];
    for (const out of outs) {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'report.png'), png);
    }
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await done(page);
  });
});
