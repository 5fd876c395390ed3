import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  advice,
  findHotspots,
  isUserFunction,
  kindFromSource,
  packageOf,
} from '../../src/analyze/hotspots.js';
import { isThirdPartyFile } from '../../src/analyze/profile-view.js';
import { sourceLookup } from '../../src/collect/source.js';
import { parsePprof } from '../../src/parse/pprof/index.js';

const profile = (scenario: string, variant: string, kind: string) =>
  parsePprof(readFileSync(`fixtures/profiles/${scenario}/${variant}/${kind}.pb.gz`));
const run = (scenario: string, variant: string) => ({
  cpu: profile(scenario, variant, 'cpu'),
  allocs: profile(scenario, variant, 'allocs'),
});
const source = sourceLookup(['fixtures/go']);

/** The line the fixture's source has at a site, to check the attribution against the code itself. */
const lineOf = (file: string, line: number) => source(file, line)?.trim();

describe('allocation hotspots on the fixture programs', () => {
  test('growslice: the append into an unsized slice, named with its line, moved within its function, with pre-size advice', () => {
    const hs = findHotspots(run('growslice', 'head'), run('growslice', 'base'), { source });
    const top = hs[0]!;
    expect(top.site.fn).toBe('main.collectIDs');
    expect(top.site.file).toBe('perfgate.example/fixtures/workload/growslice.go');
    expect(lineOf(top.site.file, top.site.line)).toMatch(/= append\(/);
    expect(top.kind).toBe('slice-growth');
    // Base allocated as much on the make line of the same function: not new, moved.
    expect(top.isNew).toBe(false);
    expect(top.moved).toBe(true);
    expect(top.head.bytes).toBeGreaterThan(0);
    expect(top.base!.bytes).toBe(0);
    const fn = top.function!;
    expect(Math.abs(fn.head.bytes / fn.base.bytes - 1)).toBeLessThan(0.25);
    expect(top.head.cpuNs).toBeGreaterThan(0);
    expect(top.advice).toContain('make([]T, 0, n)');
    // `var ids []int64` before the appends: reusing the slice is the other way out.
    expect(top.advice).toContain('`ids = ids[:0]`');
  });

  test('without the source at hand, the cpu profile still names runtime.growslice as the cause', () => {
    const hs = findHotspots(run('growslice', 'head'), undefined);
    const site = hs.find((h) => h.site.fn === 'main.collectIDs')!;
    expect(site.kind).toBe('slice-growth');
    expect(site.evidence).toBe('cpu: runtime.growslice');
  });

  test('concat: string += in a loop', () => {
    const hs = findHotspots(run('concat', 'head'), run('concat', 'base'), { source });
    expect(hs[0]!.site.fn).toBe('main.renderReport');
    expect(hs[0]!.kind).toBe('string-concat');
    expect(lineOf(hs[0]!.site.file, hs[0]!.site.line)).toContain('+=');
  });

  test('identical base and head: nothing new, nothing grown', () => {
    const same = run('growslice', 'head');
    const hs = findHotspots(same, same, { source });
    expect(hs.length).toBeGreaterThan(0);
    expect(hs.filter((h) => h.isNew || h.head.bytes !== h.base!.bytes)).toEqual([]);
  });
});

describe('advice that matches the call', () => {
  test('a decoder gets decoder advice, an encoder encoder advice', () => {
    expect(advice['json-decode']).toContain('json.Decoder');
    expect(advice['json-decode']).not.toContain('Encoder');
    expect(advice.json).toContain('json.Encoder');
  });
});

describe('reading Go names and lines', () => {
  test.each([
    ['main.collectIDs', 'main', true],
    ['perfgate.example/fixtures/workload.run', 'perfgate.example/fixtures/workload', true],
    ['encoding/json.Marshal', 'encoding/json', false],
    ['bytes.growSlice', 'bytes', false],
    ['github.com/acme/lib.(*T).Do', 'github.com/acme/lib', true],
    ['runtime.growslice', 'runtime', false],
  ])('%s', (fn, pkg, user) => {
    expect(packageOf(fn)).toBe(pkg);
    expect(isUserFunction(fn)).toBe(user);
  });

  test.each([
    ['ids = append(ids, x)', 'slice-growth'],
    ['s += name + "\\n"', 'string-concat'],
    ['m := make(map[string]int)', 'map-growth'],
    ['m := make(map[string]int, n)', 'make'],
    ['b, err := json.Marshal(v)', 'json'],
    ['if err := json.Unmarshal(data, &v); err != nil {', 'json-decode'],
    ['dec := json.NewDecoder(r)', 'json-decode'],
    ['buf := []byte(s)', 'conversion'],
    ['counts[key] = v', 'map-growth'],
    ['x := y + 1', undefined],
  ])('%s', (line, kind) => {
    expect(kindFromSource(line)).toBe(kind);
  });
});

/**
 * fixtures/go/mapkinds: one run of map growth, map lookups, an up-front Grow, header Sets and a
 * third-party router (go-chi/chi from the module cache), profiled by Go 1.26.
 */
describe('hotspot kinds on Go 1.24+ maps, Grow lines, headers and dependencies', () => {
  const mapkinds = (kind: string) =>
    parsePprof(readFileSync(`fixtures/profiles/mapkinds/${kind}.pb.gz`));
  const hs = findHotspots({ cpu: mapkinds('cpu'), allocs: mapkinds('allocs') }, undefined, {
    source,
  });
  const at = (text: RegExp) => hs.filter((h) => text.test(lineOf(h.site.file, h.site.line) ?? ''));

  test('inserts into an unsized map are map growth, with the size-hint advice', () => {
    const [grow] = at(/^m\[k\] = i$/);
    expect(grow!.site.fn).toBe('main.growMap');
    expect(grow!.kind).toBe('map-growth');
    expect(grow!.advice).toBe(advice['map-growth']);
  });

  test('lookups never allocate or grow: no hotspot, although their cpu time is in internal/runtime/maps', () => {
    const cpu = mapkinds('cpu');
    expect(cpu.functions.some((f) => f.name.startsWith('internal/runtime/maps.'))).toBe(true);
    expect(at(/n \+= m\[k\]/)).toEqual([]);
    expect(hs.some((h) => h.site.fn === 'main.lookups')).toBe(false);
  });

  test('the sb.Grow(n) line is the up-front size, not told to call Grow', () => {
    const [grow] = at(/^sb\.Grow\(n\)$/);
    expect(grow!.kind).toBe('make');
    expect(grow!.advice).not.toContain('call `Grow`');
    expect(grow!.advice).toContain('this is the up-front `Grow`');
  });

  test("header Sets grow net/http's own map: no size-hint advice", () => {
    const sets = at(/^h\.Set\(/);
    expect(sets.length).toBeGreaterThan(0);
    for (const h of sets) {
      expect(h.kind).not.toBe('map-growth');
      expect(h.advice).not.toContain('size hint');
    }
  });

  test("a dependency's allocations belong to the user's line that calls it, not to the module cache", () => {
    expect(hs.filter((h) => h.site.file.includes('@v'))).toEqual([]);
    expect(hs.some((h) => h.site.fn.startsWith('github.com/go-chi/'))).toBe(false);
    const [get] = at(/^r\.Get\(p, /);
    expect(get!.site.fn).toBe('main.routes');
    expect(get!.evidence).toBe('allocated in a dependency: github.com/go-chi/chi/v5.(*Mux).Get');
    expect(get!.advice).toContain(
      '`github.com/go-chi/chi/v5.(*Mux).Get`, a dependency called from this line',
    );
    const [router] = at(/^r := chi\.NewRouter\(\)$/);
    expect(router!.site.fn).toBe('main.routes');
  });

  test('files of other modules: the module cache and vendor/', () => {
    for (const f of [
      'github.com/go-chi/chi/v5@v5.5.0/mux.go',
      // A GOPATH module cache as a build without -trimpath records it: an absolute path.
      path.join(os.tmpdir(), 'go/pkg/mod/github.com/go-chi/chi/v5@v5.5.0/tree.go'),
      'vendor/github.com/pkg/errors/errors.go',
      'example.com/app/vendor/golang.org/x/text/unicode.go',
    ])
      expect(isThirdPartyFile(f)).toBe(true);
    for (const f of [
      'perfgate.example/mapkinds/main.go',
      'net/http/header.go',
      'internal/vendored.go',
    ])
      expect(isThirdPartyFile(f)).toBe(false);
  });
});
