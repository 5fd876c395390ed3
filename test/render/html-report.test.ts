import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gate } from '../../src/analyze/gate.js';
import { type ProfilePair, profileInsights } from '../../src/analyze/profile-insights.js';
import { parseBenchOutput } from '../../src/parse/benchfmt/load.js';
import { parseGoroutines } from '../../src/parse/goroutine/index.js';
import { topTable } from '../../src/report/html-build.js';
import { parsePprof } from '../../src/parse/pprof/index.js';
import { type FlameGraph, flameGraph } from '../../src/report/flame.js';
import type { HtmlReportModel } from '../../src/report/html-model.js';
import {
  escapeHtml,
  jsonForScript,
  pageFormatterScript,
  renderHtmlReport,
} from '../../src/render/html-report.js';
import { percentage, scaledLabel } from '../../src/render/pprof-units.js';

const profile = (scenario: string, side: string, file: string) =>
  parsePprof(readFileSync(`fixtures/profiles/${scenario}/${side}/${file}`));

/** Flat and cum per function of one side, with the side's total. */

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

/** Every scenario's profiles, every sample type, with the benchmarks and leaks of the demo. */
function fixtureModel(): HtmlReportModel {
  const pairs: ProfilePair[] = [];
  for (const scenario of ['growslice', 'mutex', 'concat', 'json', 'chanblock', 'leak']) {
    for (const file of ['cpu', 'allocs', 'heap', 'block', 'mutex']) {
      const name = `${scenario}/${file}.pb.gz`;
      pairs.push({
        name,
        head: profile(scenario, 'head', `${file}.pb.gz`),
        base: profile(scenario, 'base', `${file}.pb.gz`),
      });
    }
  }
  const model = emptyModel({ title: 'perfgate: every fixture' });
  for (const pair of pairs) {
    for (const { type } of pair.head.sampleTypes) {
      const graph = flameGraph(pair.name, pair.head, pair.base, type);
      if (!graph) continue;
      model.graphs.push(graph);
      model.tops.push(topTable(pair, type));
    }
  }
  const bench = (f: string) => parseBenchOutput(readFileSync(`fixtures/bench/${f}`, 'utf8'), f);
  model.gate = gate(bench('ab-inter-base.txt'), bench('ab-inter-head.txt'));
  const dump = (side: string) =>
    parseGoroutines(readFileSync(`fixtures/profiles/leak/${side}/goroutine.debug2.txt`), side);
  model.insights = profileInsights({
    pairs: pairs.filter((p) => p.name.startsWith('growslice/')),
    goroutines: { base: dump('base'), head: dump('head') },
    source: undefined,
  });
  return model;
}

/** The page's data: frames and rows name their function and file by index into `strings`. */
interface PageNode {
  name: number;
  file: number;
  children: PageNode[];
}
interface PageData {
  strings: string[];
  graphs: { profile: string; sampleType: string; root: PageNode }[];
  tops: { profile: string; sampleType: string }[];
}

/** The JSON inside `<script type="application/json" id="data">`. */
function embeddedData(html: string): PageData {
  const m = /<script type="application\/json" id="data">([^<]*)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as PageData;
}

describe('renderHtmlReport', () => {
  const fixture = renderHtmlReport(fixtureModel());

  it('is self-contained: no external scripts, styles, fonts or URLs', () => {
    for (const html of [fixture, renderHtmlReport(emptyModel())]) {
      expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
      expect(html).not.toMatch(/<link\b/i);
      expect(html).not.toMatch(/@import|url\(/i);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain("default-src 'none'");
    }
  });

  it('keeps the fixture report small', () => {
    const bytes = Buffer.byteLength(fixture);
    expect(bytes).toBeLessThan(3 * 2 ** 20);
    const data = embeddedData(fixture);
    expect(data.graphs.length).toBeGreaterThan(50);
    expect(data.tops.map((t) => `${t.profile} ${t.sampleType}`)).toEqual(
      data.graphs.map((g) => `${g.profile} ${g.sampleType}`),
    );
  });

  it('lists every graph in the sample-type picker', () => {
    expect(fixture).toContain('<select id="sample-type">');
    expect(fixture).toContain('<option value="0">growslice/cpu.pb.gz · samples</option>');
    expect(fixture).toContain('growslice/allocs.pb.gz · alloc_space</option>');
  });

  it('renders the benchmark comparison, hotspots and leaks', () => {
    expect(fixture).toContain('<section id="benchmarks">');
    expect(fixture).toMatch(/<strong>(PASS|FAIL): \d+ benchmarks? regressed/);
    expect(fixture).toContain('<section id="hotspots">');
    expect(fixture).toContain('<code>main.collectIDs</code>');
    expect(fixture).toContain('<section id="leaks">');
    expect(fixture).toMatch(/⚠️ \+\d+ goroutines/);
  });

  it('embeds hostile function names as inert data', () => {
    const evil = '</script><img src=x onerror=alert(1)>';
    const graph: FlameGraph = {
      profile: 'cpu.pb.gz',
      sampleType: 'cpu',
      unit: 'nanoseconds',
      headTotal: 10,
      baseTotal: 5,
      minFraction: 0.001,
      root: {
        name: 'root',
        file: '',
        line: 0,
        head: 10,
        base: 5,
        children: [{ name: evil, file: '<x>.go', line: 1, head: 10, base: 5, children: [] }],
      },
    };
    const html = renderHtmlReport(
      emptyModel({ title: `<b>${evil}</b>`, graphs: [graph], problems: [evil] }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(`<title>${escapeHtml(`<b>${evil}</b>`)}</title>`);
    const data = embeddedData(html);
    const frame = data.graphs[0]!.root.children[0]!;
    expect([data.strings[frame.name], data.strings[frame.file]]).toEqual([evil, '<x>.go']);
  });

  it('escapes what could end a script element in JSON', () => {
    expect(jsonForScript({ s: '</script>&\u2028' })).toBe(
      '{"s":"\\u003c/script\\u003e\\u0026\\u2028"}',
    );
  });

  it('explains an empty report instead of showing a blank page', () => {
    const html = renderHtmlReport(emptyModel());
    expect(html).toContain(
      '<div id="message" role="status"><p>No profiles to show: this report has no profile with samples.',
    );
    expect(html).not.toContain('id="flame"');
  });

  it('lists the profiles that could not be shown', () => {
    const html = renderHtmlReport(
      emptyModel({ problems: ['heap.pb.gz: not a pprof profile (it starts with "<html>")'] }),
    );
    expect(html).toContain(
      '<p>A profile could not be shown:</p><ul><li>heap.pb.gz: not a pprof profile (it starts with &#34;&#60;html&#62;&#34;)</li></ul>',
    );
  });

  it('hides the message box when there is nothing to say', () => {
    expect(fixture).toContain('<div id="message" role="status" hidden></div>');
  });
});

/** A fixed sequence of numbers in [0, 1) (a linear congruential generator), so failures repeat. */
function numbers(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('the page formatter', () => {
  const page = new Function(`${pageFormatterScript}\nreturn { scaledLabel, percentage };`)() as {
    scaledLabel: (v: number, unit: string) => string;
    percentage: (v: number, total: number) => string;
  };

  const values = [
    0, -0, 1, 999, 1023, 1024, 1536, 10240, 1.125, 0.375, 2.5, 1.005, 1049.6, 5809208348,
    6365283618, -556075270, 1e9, 1.5e9, 3600e9, 59.995, 0.004, 0.005, 0.015, 123456789012,
  ];

  it.each(['bytes', 'nanoseconds', 'count', 'microseconds', 'seconds', 'kilobytes'])(
    'labels %s like pprof',
    (unit) => {
      for (const v of values)
        expect([v, page.scaledLabel(v, unit)]).toEqual([v, scaledLabel(v, unit)]);
      const next = numbers(1);
      for (let i = 0; i < 2000; i++) {
        // Whole numbers (profile values are) from 1 to 5e21, and eighths for exact ties.
        const v =
          (Math.round(Math.exp(next() * 50)) / (i % 4 === 0 ? 8 : 1)) * (i % 3 === 0 ? -1 : 1);
        expect([v, page.scaledLabel(v, unit)]).toEqual([v, scaledLabel(v, unit)]);
      }
    },
  );

  it('prints shares like pprof', () => {
    const cases: [number, number][] = [
      [0, 10],
      [1, 0],
      [1, 8],
      [1, 3],
      [5, 1000],
      [5, 100000],
      [1, 1e7],
      [3, 4000],
      [9995, 10000],
      [99951, 100000],
      [125, 100000],
      [1, 1],
      [2, 3],
      [5, 1e9],
    ];
    const next = numbers(2);
    for (let i = 0; i < 2000; i++) cases.push([Math.round(next() * 1e4), Math.exp(next() * 25)]);
    for (const [v, t] of cases)
      expect([v, t, page.percentage(v, t)]).toEqual([v, t, percentage(v, t).trim()]);
  });
});
