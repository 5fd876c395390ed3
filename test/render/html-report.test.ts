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
import type { PageData } from '../../src/report/page-data.js';
import { escapeHtml, jsonForScript, renderHtmlReport } from '../../src/render/html-report.js';
import { bySeverity } from '../../src/render/gate-text.js';

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
    // Frames and rows travel as columns of numbers, not as one object each.
    for (const g of data.graphs) {
      const n = g.frames.parent.length;
      expect(g.frames.parent[0]).toBe(-1);
      for (const column of Object.values(g.frames)) expect(column).toHaveLength(n);
      expect(g.frames.parent.every((p, i) => p < i)).toBe(true);
    }
    for (const t of data.tops) {
      for (const column of Object.values(t.rows)) expect(column).toHaveLength(t.rows.name.length);
    }
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
    // Each leak: its creator and creation line, its wait line, and the advice for its shape.
    expect(fixture).toMatch(
      /<li>⚠️ \+40 goroutines \(0 → 40\): created by <code>main\.fetchSummary<\/code> at <code>perfgate\.example\/fixtures\/workload\/leak\.go:\d+<\/code>, waiting in <code>main\.waitForResult<\/code> at <code>perfgate\.example\/fixtures\/workload\/leak\.go:\d+<\/code> \[chan receive\]<br>Fix: nothing sends to or closes this channel: close it when the sender is done, or select on ctx\.Done\(\) so the goroutine can return<details>/,
    );
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
    const frames = data.graphs[0]!.frames;
    expect(frames.parent).toEqual([-1, 0]);
    expect([data.strings[frames.name[1]!], data.strings[frames.file[1]!]]).toEqual([
      evil,
      '<x>.go',
    ]);
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

  it('says beside the verdict, as the comment does, what one run per side could not judge', () => {
    const bench = (f: string) => parseBenchOutput(readFileSync(`fixtures/bench/${f}`, 'utf8'), f);
    const once = gate(bench('count1-base.txt'), bench('count1-head.txt'));
    const note =
      'each benchmark ran once (-count 1): no statistics are possible, so only units whose values are exact were compared; run with -count 10 or more';
    expect(once.notes).toContain(note);
    const html = renderHtmlReport(emptyModel({ gate: once }));
    // Under the verdict line, before the regressions' table.
    const benchmarks = html.slice(html.indexOf('<h2>Benchmarks</h2>'));
    const at = benchmarks.indexOf(`<p>⚠️ ${note}</p>`);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(benchmarks.indexOf('<h3>Regressions</h3>'));
    const notes = html.includes('<section id="notes">')
      ? html.slice(html.indexOf('<section id="notes">'))
      : '';
    expect(notes).not.toContain('each benchmark ran once');
  });

  it('hides the message box when there is nothing to say', () => {
    expect(fixture).toContain('<div id="message" role="status" hidden></div>');
  });

  it('orders the benchmark regressions as the comment does and writes p-values its way', () => {
    const model = fixtureModel();
    const html = renderHtmlReport(model);
    const table = /<h3>Regressions<\/h3>\n<table>(.*?)<\/table>/s.exec(html)![1]!;
    const rows = [...table.matchAll(/<tr class="[^"]*">(.*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!),
    );
    const key = (name: string, unit: string) => `${name} ${unit}`;
    const expected = bySeverity(model.gate!.regressions).map((f) => key(f.name, f.unit));
    // The gate's own order is not the comment's here, so the order shown is the comment's doing.
    expect(model.gate!.regressions.map((f) => key(f.name, f.unit))).not.toEqual(expected);
    expect(rows.map((r) => key(/<code>(.*)<\/code>/.exec(r[0]!)![1]!, r[1]!))).toEqual(expected);
    // Six of them have p = 0.00015, which three decimals would show as 0.000.
    expect(rows.filter((r) => r[5]!.startsWith(escapeHtml('p<0.001')))).toHaveLength(6);
    expect(html).not.toContain('p=0.000');
  });
});
