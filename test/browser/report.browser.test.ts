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
import { shortFunctionName } from '../../src/analyze/function-name.js';
import { defaultGateOptions } from '../../src/analyze/gate.js';
import { type ProfilePair, profileInsights } from '../../src/analyze/profile-insights.js';
import { parseBenchOutput } from '../../src/parse/benchfmt/load.js';
import { parseGoroutines } from '../../src/parse/goroutine/index.js';
import { fileBaseline, buildRunReport } from '../../src/report/build-run-report.js';
import { htmlReportModel } from '../../src/report/html-build.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import type { FlameGraph, FlameNode } from '../../src/report/flame.js';
import type { HtmlReportModel } from '../../src/report/html-model.js';
import { label as pageLabel } from '../../src/render/html/page/format.js';
import { renderHtmlReport } from '../../src/render/html-report.js';

const CHROMIUM = '/usr/bin/chromium';
const ALLOC_SPACE = 'growslice/allocs.pb.gz · alloc_space';
const CPU = 'growslice/cpu.pb.gz · cpu';
const MUTEX_ALLOC_SPACE = 'mutex/allocs.pb.gz · alloc_space';
const JSON_CPU = 'json/cpu.pb.gz · cpu';
/** The warning of a profile that could not be read, as the parser words it. */
const UNREADABLE = (() => {
  try {
    parsePprof(Buffer.alloc(0));
  } catch (err) {
    return `block.pb.gz: ${(err as Error).message}`;
  }
  throw new Error('an empty file parsed');
})();

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

/**
 * The report of the demo's inputs, as `perfgate report` makes it: growslice's cpu and allocs
 * (collectIDs grows), mutex's allocs (things shrink, a function is gone in head), json's cpu
 * (long package paths), the demo's benchmarks and leaks, and a profile that could not be read.
 */
function fixtureModel(): HtmlReportModel {
  const pair = (scenario: string, file: string): ProfilePair => ({
    name: `${scenario}/${file}`,
    head: profile(scenario, 'head', file),
    base: profile(scenario, 'base', file),
  });
  const pairs = [
    pair('growslice', 'cpu.pb.gz'),
    pair('growslice', 'allocs.pb.gz'),
    pair('mutex', 'allocs.pb.gz'),
    pair('json', 'cpu.pb.gz'),
  ];
  const bench = (f: string) => parseBenchOutput(readFileSync(`fixtures/bench/${f}`, 'utf8'), f);
  const dump = (side: string) =>
    parseGoroutines(readFileSync(`fixtures/profiles/leak/${side}/goroutine.debug2.txt`), side);
  const insights = profileInsights({
    pairs: pairs.slice(0, 2),
    goroutines: { base: dump('base'), head: dump('head') },
    source: undefined,
  });
  const report = buildRunReport({
    key: 'bench',
    headCommit: 'head',
    head: bench('ab-inter-head.txt'),
    baseline: { bench: bench('ab-inter-base.txt'), info: fileBaseline() },
    gate: defaultGateOptions,
    profiles: insights,
    headProfiles: pairs.length,
    missingBaseline: 'pass',
    warnings: [],
    links: { run: undefined, summary: undefined },
    generatedAt: '2025-01-02T03:04:05.000Z',
  });
  const model = htmlReportModel(
    'perfgate · growslice fixture',
    pairs,
    report.gate,
    report.profiles,
    [UNREADABLE],
    report,
  );
  return { ...model, generatedAt: '2025-01-02T03:04:05.000Z' };
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

  /** Waits for the page's next animation frame (a resize redraws in one). */
  const nextFrame = (page: Page) =>
    page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');

  async function done(page: Page): Promise<void> {
    await page.close();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }

  const frame = (page: Page, name: string) =>
    page.locator(`#flame .frame[data-name="${name}"]`).first();
  const names = (page: Page) =>
    page.$$eval('#flame .frame', (els) => els.map((e) => e.getAttribute('data-name') ?? '').sort());

  it('becomes interactive: graph and table drawn, the page marked usable', async () => {
    const page = await open();
    // The mark `npm run bench` times on the large profiles' report.
    await page.waitForFunction("performance.getEntriesByName('perfgate:interactive').length === 1");
    await expect(page.locator('#flame .frame').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('#top tbody tr').count()).resolves.toBeGreaterThan(0);
    await done(page);
  });

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
    const small = workerNode.children.find((c) => c.small)!;
    await expect(page.locator('#tooltip [data-field="gone"]').textContent()).resolves.toBe(
      `gone in head: main.normalizeKey (${pageLabel(gone.base, 'bytes')}), small frames (${pageLabel(small.base, 'bytes')})`,
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
    // Bytes in IEC units, as the comment writes them.
    await expect(text('base')).resolves.toBe(pageLabel(node.base, 'bytes'));
    await expect(text('head')).resolves.toBe(pageLabel(node.head, 'bytes'));
    await expect(text('head')).resolves.toMatch(/^\d+\.\d+ (KiB|MiB|GiB)$/);
    await expect(text('delta')).resolves.toMatch(
      new RegExp(
        `^\\+${pageLabel(node.head - node.base, 'bytes')} \\(\\+\\d+\\.\\d\\d% of total\\)$`,
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
    let page = await open(write('empty.html', emptyModel({ problems: [UNREADABLE] })));
    await expect(page.locator('#message').isVisible()).resolves.toBe(true);
    await expect(page.locator('#message').textContent()).resolves.toContain(UNREADABLE);
    await done(page);
    const broken = { ...graph(CPU), root: undefined } as unknown as FlameGraph;
    page = await open(write('broken.html', emptyModel({ graphs: [broken] })));
    await expect(page.locator('#message').isVisible()).resolves.toBe(true);
    await expect(page.locator('#message').textContent()).resolves.toBe(
      'Graph 1 of the report could not be read.',
    );
    await done(page);
  });

  it('puts the verdict first, then the benchmarks, then the profiles, with notes folded', async () => {
    const page = await open();
    const ids = await page.$$eval('main > *:not([hidden])', (els) =>
      els.filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.id),
    );
    expect(ids).toEqual(['verdict', 'benchmarks', 'viewer', 'hotspots', 'leaks', 'notes']);
    await expect(page.locator('#verdict-headline').textContent()).resolves.toMatch(
      /^❌ perfgate: fail · \d+ benchmarks regressed/,
    );
    // The regressions are on the first screen, improvements folded, the warning box closed.
    const regressions = page.locator('#benchmarks tr.regression').first();
    expect((await regressions.boundingBox())!.y).toBeLessThan(800);
    await expect(page.locator('#message').isVisible()).resolves.toBe(false);
    const warning = page.locator('#notes li', { hasText: UNREADABLE });
    await expect(warning.isVisible()).resolves.toBe(false);
    await page.click('#notes summary');
    await expect(warning.isVisible()).resolves.toBe(true);
    await done(page);
  });

  it('sorts the function table by the change of flat, growth first, with readable shares', async () => {
    const page = await open();
    for (const label of [ALLOC_SPACE, CPU, JSON_CPU]) {
      await page.selectOption('#sample-type', { label });
      const top = model.tops.find((t) => `${t.profile} · ${t.sampleType}` === label)!;
      const growth = Math.max(...top.rows.map((r) => r.headFlat - r.baseFlat));
      const first = top.rows.find((r) => r.headFlat - r.baseFlat === growth)!;
      await expect(page.locator('#top tbody tr').first().getAttribute('data-name')).resolves.toBe(
        first.name,
      );
      await expect(
        page.locator('#top th[data-key="dflat"]').getAttribute('aria-sort'),
      ).resolves.toBe('descending');
      const shares = await page.$$eval('#top tbody tr', (trs) =>
        trs.flatMap((tr) => [tr.cells[1]!.textContent ?? '', tr.cells[3]!.textContent ?? '']),
      );
      for (const pct of shares) expect(pct).toMatch(/^(0|<0\.01|\d{1,2}\.\d\d|100)%$/);
    }
    // A share under 0.005% (a function of 1 sample in 57,000 MB) reads <0.01%, never 7.9e-05%.
    await page.selectOption('#sample-type', { label: JSON_CPU });
    const tiny = await page.$$eval(
      '#top tbody tr',
      (trs) => trs.filter((tr) => tr.cells[3]!.textContent === '<0.01%').length,
    );
    const jsonTop = model.tops.find((t) => `${t.profile} · ${t.sampleType}` === JSON_CPU)!;
    expect(tiny).toBe(
      jsonTop.rows.filter((r) => r.headCum !== 0 && Math.abs(r.headCum / jsonTop.headTotal) < 5e-5)
        .length,
    );
    await done(page);
  });

  it('shortens frame names from the left: the package path goes first, the method stays', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: JSON_CPU });
    // Narrow enough that encoding/json's frames no longer fit whole.
    await page.setViewportSize({ width: 720, height: 800 });
    await page.waitForFunction("document.getElementById('flame').clientWidth < 720");
    await nextFrame(page);
    const frames = await page.$$eval('#flame .frame', (els) =>
      els.map((e) => ({
        name: e.getAttribute('data-name') ?? '',
        text: e.textContent ?? '',
        fits: e.scrollWidth <= e.clientWidth,
      })),
    );
    const shortened = frames.filter((f) => f.text !== '' && f.text !== f.name);
    expect(shortened.length).toBeGreaterThan(0);
    for (const f of frames) {
      expect(f.fits, `${f.name} shown as ${f.text} overflows its frame`).toBe(true);
      if (f.text === '' || f.text === f.name) continue;
      // pprof's short name, its type parameters folded to […], its tail behind an ellipsis.
      const short = shortFunctionName(f.name).replace(/\[.*\]/, '[\u2026]');
      const ok =
        short.endsWith(f.text) ||
        (f.text.startsWith('\u2026') && short.endsWith(f.text.slice(1)) && f.text.length >= 4);
      expect(ok, `${f.name} shown as ${f.text}`).toBe(true);
    }
    // A frame of encoding/json shows json.(*T).method, not encoding/json.(*…
    const json = shortened.find((f) => f.name.startsWith('encoding/json.(*'));
    expect(json?.text).toMatch(/^(json\.)?\(\*\w+\)\.\w+$|^\u2026/);
    expect(frames.some((f) => /^json\.\(\*\w+\)\.\w+/.test(f.text))).toBe(true);
    await done(page);
  });

  it('draws the frames gone in head with the widths of base', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: MUTEX_ALLOC_SPACE });
    const gone = page.locator('#flame .frame[data-name="main.normalizeKey"][data-removed="true"]');
    await expect(gone.count()).resolves.toBe(0);
    await page.check('#base-widths');
    await expect(gone.count()).resolves.toBe(1);
    await expect(gone.isVisible()).resolves.toBe(true);
    const node = findNode(graph(MUTEX_ALLOC_SPACE).root, 'main.runMutex.func1')!;
    const removed = node.children.find((c) => c.name === 'main.normalizeKey')!;
    await expect(gone.getAttribute('data-base')).resolves.toBe(String(removed.base));
    // Widths are base's: the root's children share its width as their base values do.
    const full = (await page.locator('#flame .frame[data-id="0"]').boundingBox())!.width;
    const box = (await gone.boundingBox())!;
    expect(
      Math.abs(box.width - (full * removed.base) / graph(MUTEX_ALLOC_SPACE).root.base),
    ).toBeLessThan(2);
    await page.uncheck('#base-widths');
    await expect(gone.count()).resolves.toBe(0);
    await done(page);
  });

  it('takes the screenshot of the alloc_space view for the README', async () => {
    const page = await open();
    await page.selectOption('#sample-type', { label: ALLOC_SPACE });
    // From the verdict down to the flame graph's bottom: what a reader sees first.
    const flame = (await page.locator('#flame').boundingBox())!;
    await page.setViewportSize({ width: 1280, height: Math.ceil(flame.y + flame.height + 16) });
    await nextFrame(page);
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
