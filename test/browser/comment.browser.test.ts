/**
 * The demo comment as a reader sees it on GitHub: cmark-gfm's HTML styled with GitHub's markdown
 * stylesheet (github-markdown-css) in Debian's Chromium, its chart drawn by the real mermaid
 * package, inlined into the page (no network). CI installs /usr/bin/chromium and cmark-gfm;
 * without them these tests fail, never skip.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidSources, renderGfm } from '../helpers/gfm.js';

const CHROMIUM = '/usr/bin/chromium';
const demo = readFileSync('fixtures/golden/comment/demo.md', 'utf8');

/** GitHub's look: its markdown stylesheet, a comment's width, mermaid drawing the charts. */
function githubPage(markdown: string): string {
  const css = readFileSync('node_modules/github-markdown-css/github-markdown-light.css', 'utf8');
  const mermaid = readFileSync('node_modules/mermaid/dist/mermaid.min.js', 'utf8');
  const script = (code: string) => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>perfgate comment</title>
<style>${css}</style>
<style>body { margin: 0; background: #fff; } .markdown-body { box-sizing: border-box; max-width: 880px; padding: 24px; }</style>
</head><body><article class="markdown-body">${renderGfm(markdown)}</article>
${script(mermaid)}
${script(`(async () => {
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    let n = 0;
    for (const code of document.querySelectorAll('code.language-mermaid')) {
      const { svg } = await mermaid.render('chart' + n++, code.textContent);
      const div = document.createElement('div');
      div.className = 'mermaid-chart';
      div.innerHTML = svg;
      code.parentElement.replaceWith(div);
    }
    document.body.dataset.charts = String(n);
  } catch (e) {
    document.body.dataset.charts = 'error: ' + e.message;
  }
})();`)}
</body></html>`;
}

/** The numbers of each `bar` series in a chart's source. */
function barSeries(source: string): number[][] {
  return [...source.matchAll(/^\s*bar(?: "[^"]*")? \[([^\]]*)\]$/gm)].map((m) =>
    m[1]!.split(',').map(Number),
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe('the demo comment in Chromium', () => {
  let browser: Browser | undefined;
  let dir: string;
  let url: string;
  let errors: string[];
  let requests: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'perfgate-comment-'));
    const file = path.join(dir, 'comment.html');
    writeFileSync(file, githubPage(demo));
    url = pathToFileURL(file).href;
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

  async function open(): Promise<Page> {
    if (!browser) {
      throw new Error(
        `${CHROMIUM} is missing: the browser tests need Debian's chromium (npm run setup installs it)`,
      );
    }
    const page = await browser.newPage({ viewport: { width: 880, height: 900 } });
    errors = [];
    requests = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(url);
    await page.waitForFunction('document.body.dataset.charts !== undefined');
    return page;
  }

  async function done(page: Page): Promise<void> {
    await page.close();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }

  it('mermaid draws the chart: every value visible from 0, base beside head, a legend', async () => {
    const [source] = mermaidSources(demo);
    expect(source).toBeDefined();
    const [base, head] = barSeries(source!);
    expect(base!.length).toBe(head!.length);
    const page = await open();
    await expect(page.locator('body').getAttribute('data-charts')).resolves.toBe('1');
    const svg = page.locator('.mermaid-chart svg');
    const bars = async (series: number) =>
      svg.locator(`g.bar-plot-${series} rect`).evaluateAll((rs) =>
        rs.map((r) => {
          const { x, y, width, height } = (r as unknown as { getBBox(): Box }).getBBox();
          return { x, y, width, height };
        }),
      );
    const drawn = [await bars(0), await bars(1)];
    const values = [base!, head!];
    // Every value has its bar, and the bar's length is the value on a scale from 0 at the
    // axis line: one pixels-per-unit for all, and nothing drawn for a zero.
    const axis = await svg
      .locator('g.left-axis g.axisl-line path')
      .evaluate((p) => (p as unknown as { getBBox(): Box }).getBBox().x);
    const perUnit: number[] = [];
    for (const s of [0, 1]) {
      expect(drawn[s]).toHaveLength(values[s]!.length);
      drawn[s]!.forEach((box, i) => {
        const v = values[s]![i]!;
        if (v === 0) expect(box.width).toBeLessThan(0.5);
        else {
          expect(box.width).toBeGreaterThan(1);
          expect(Math.abs(box.x - axis)).toBeLessThanOrEqual(1.5);
          perUnit.push(box.width / v);
        }
      });
    }
    expect(perUnit.length).toBe([...base!, ...head!].filter((v) => v > 0).length);
    for (const p of perUnit) expect(p / perUnit[0]!).toBeCloseTo(1, 2);
    // No bar hides another: the drawn bars of base and head never share a row.
    const visible = drawn.flat().filter((b) => b.width >= 0.5);
    for (const a of visible) {
      for (const b of visible) {
        if (a !== b) expect(a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
      }
    }
    // Labels say which side each bar is, do not overlap, and are not cut off at the edge.
    const labels = await svg.locator('g.left-axis g.label text').evaluateAll((ts) =>
      ts.map((t) => ({
        text: t.textContent ?? '',
        box: (({ x, y, width, height }) => ({ x, y, width, height }))(t.getBoundingClientRect()),
      })),
    );
    const svgBox = (await svg.boundingBox())!;
    expect(labels.map((l) => l.text.match(/ · (base|head) /)?.[1])).toEqual(
      base!.map((_, i) => (i % 2 === 0 ? 'base' : 'head')),
    );
    labels.forEach((l, i) => {
      expect(l.box.x).toBeGreaterThanOrEqual(svgBox.x);
      const next = labels[i + 1];
      if (next) expect(l.box.y + l.box.height).toBeLessThanOrEqual(next.box.y);
    });
    await expect(svg.locator('g.legend g.label text').allTextContents()).resolves.toEqual([
      'base',
      'head',
    ]);
    await done(page);
  });

  it('takes the screenshot of the comment for the README', async () => {
    const page = await open();
    // The first leak's stack unfolded, to show the fold's contents.
    await page
      .locator('details', { has: page.locator('summary', { hasText: /^stack$/ }) })
      .first()
      .evaluate((d) => d.setAttribute('open', ''));
    const png = await page.locator('article').screenshot();
    // Every run keeps its screenshot as a test artifact; the README's copy changes only on request.
    const outs = process.env.UPDATE_GOLDEN === '1' ? ['docs', 'test-output'] : ['test-output'];
    for (const out of outs) {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'comment.png'), png);
    }
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await done(page);
  });
});
