/**
 * perfgate's performance, side by side with `go tool pprof` and raw decompression, in one run.
 *
 *   npm run bench              # all rows (go tool pprof on the large profile takes minutes)
 *   BENCH_QUICK=1 npm run bench  # skip go tool pprof on the large profile
 *
 * The merge of a job matrix is measured on 64 legs of 50 benchmarks each: the real runs of
 * fixtures/bench/ab-inter-{base,head}.txt (10 benchmarks × 10 rounds), five times per leg under
 * new names.
 *
 * The large profiles are the allocs profiles of two runs of go/types' own tests at
 * -memprofilerate=1 (gotypes.allocs.pb.gz as base, gotypes.allocs.2.pb.gz as head), made with the
 * local Go toolchain on first use and cached in .cache/bench (not committed). The end-to-end rows
 * (diff, hotspots, comment, report) compare them, each in a fresh process, and are shown as
 * multiples of `top` on one profile in the same run; `top` itself is also shown as a multiple of
 * the bare decode (gunzip and wire decode into typed arrays, in process). The report's HTML is
 * opened in Chromium (/usr/bin/chromium) to time it until it can be used.
 *
 * The demo's inputs (npm run demo) measure the action's own work: everything but running the
 * benchmarks (reading benchmark output, profiles and goroutine dumps, the gate, the comment).
 *
 *   BENCH_RUNS=N               runs per end-to-end row on the large profile (default 3)
 *   BENCH_CLI=path/to/cli.js   measure another build of the CLI (default dist/cli.js)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Bench } from 'tinybench';
import { functionTable } from '../src/analyze/functions.js';
import { parsePprof, readPprof } from '../src/parse/pprof/index.js';
import { pprofTypes } from '../src/parse/pprof/schema.js';
import { defaultGateOptions } from '../src/analyze/gate.js';
import type { BenchFile } from '../src/model/bench.js';
import { parseBenchText } from '../src/parse/benchfmt/index.js';
import { type ShardPart, buildMergedReport } from '../src/report/shards.js';

const cacheDir = path.resolve('.cache/bench');
const large = path.join(cacheDir, 'gotypes.allocs.pb.gz');
/** A second run of the same tests: the head of the end-to-end rows. */
const large2 = path.join(cacheDir, 'gotypes.allocs.2.pb.gz');
const small = path.resolve('fixtures/bench/head.cpu.pb.gz');
const quick = process.env.BENCH_QUICK === '1';
const e2eRuns = Number(process.env.BENCH_RUNS ?? 3);
const cli = process.env.BENCH_CLI ?? 'dist/cli.js';
const hasTime = existsSync('/usr/bin/time');

function ensureLargeProfile(large: string): void {
  if (existsSync(large)) return;
  mkdirSync(cacheDir, { recursive: true });
  console.log(
    `Making ${path.basename(large)}: go test -memprofilerate=1 go/types (several minutes, once)…`,
  );
  execFileSync(
    'go',
    [
      'test',
      '-count=1',
      '-timeout=0',
      '-run',
      '.',
      '-memprofilerate=1',
      '-memprofile',
      large,
      'go/types',
    ],
    { cwd: cacheDir, stdio: 'inherit' },
  );
}

/** Peak resident memory of a command, in MB (GNU time's %M), or undefined without GNU time. */
function peakRss(cmd: string, args: string[]): number | undefined {
  if (!hasTime) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

interface Row {
  profile: string;
  task: string;
  medianMs: number;
  samples: number;
  rssMb: number | undefined;
}

async function measure(
  profile: string,
  tasks: [string, () => void | Promise<void>, (() => number | undefined)?][],
  iterations: number,
): Promise<Row[]> {
  const bench = new Bench({ iterations, time: 0, warmup: false });
  for (const [name, fn] of tasks) bench.add(name, fn);
  await bench.run();
  return tasks.map(([name, , rss]) => {
    const task = bench.getTask(name)!;
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${name}: ${result.state}`);
    return {
      profile,
      task: name,
      medianMs: result.latency.p50,
      samples: result.latency.samplesCount,
      rssMb: rss?.(),
    };
  });
}

function describe(file: string): string {
  const gz = readFileSync(file);
  const raw = gunzipSync(gz);
  const p = parsePprof(gz);
  return `${path.basename(file)}: ${(gz.length / 1e6).toFixed(1)} MB gzip, ${(raw.length / 1e6).toFixed(1)} MB raw, ${p.samples.count.toLocaleString('en')} samples, ${p.samples.stack.length.toLocaleString('en')} stack frames`;
}

/** 64 legs of 50 benchmarks each, from the fixture's real runs under new names. */
function matrixParts(): ShardPart[] {
  const read = (f: string) => parseBenchText(readFileSync(f, 'utf8'), f);
  const renamed = (file: BenchFile, copy: number): BenchFile['results'] =>
    file.results.map((r) => ({ ...r, name: r.name.replace(/^(\w+)/, `$1${copy}`) }));
  const base = read('fixtures/bench/ab-inter-base.txt');
  const head = read('fixtures/bench/ab-inter-head.txt');
  const side = (f: BenchFile): BenchFile => ({
    ...f,
    results: [0, 1, 2, 3, 4].flatMap((c) => renamed(f, c)),
  });
  return Array.from({ length: 64 }, (_, i) => ({
    name: `leg${i}`,
    head: side(head),
    base: side(base),
    baseline: {
      source: 'rerun',
      commit: 'base',
      branch: 'main',
      createdAt: undefined,
      runUrl: undefined,
    },
  }));
}

const parts = matrixParts();
const mergeOnce = () =>
  buildMergedReport({
    key: 'bench',
    headCommit: 'head',
    parts,
    expected: [],
    unreadable: [],
    gate: defaultGateOptions,
    gateTimings: undefined,
    headProfiles: 0,
    missingBaseline: 'pass',
    links: { run: undefined, summary: undefined },
    generatedAt: new Date().toISOString(),
  });
const merged = mergeOnce().report;
console.log(
  `matrix: 64 legs × 50 benchmarks, ${merged.gate!.benchmarks.compared} benchmarks compared, ${merged.gate!.findings.length} comparisons in one family`,
);
const mergeRows = await measure(
  'matrix',
  [['merge 64 legs × 50 benchmarks (in process)', () => void mergeOnce()]],
  5,
);
console.log(
  `matrix: merge median ${mergeRows[0]!.medianMs.toFixed(1)} ms (${mergeRows[0]!.samples} runs)`,
);

ensureLargeProfile(large);
ensureLargeProfile(large2);
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build`);
const node = process.execPath;
const cliTop = (file: string) => [cli, 'top', file, '--nodecount', '20'];
const pprofTop = (file: string) => ['tool', 'pprof', '-top', '-nodefraction=0', file];

const reportFile = path.join(tmpdir(), `perfgate-bench-${process.pid}.html`);

/** A folder holding the profile as `allocs.pb.gz`, the way `comment` and `report` read folders. */
function profileFolder(file: string, side: string): string {
  const dir = path.join(cacheDir, 'folders', `${path.basename(file, '.pb.gz')}-${side}`);
  const target = path.join(dir, 'allocs.pb.gz');
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    linkSync(file, target);
  }
  return dir;
}

/** The commands comparing two profiles, each a fresh process. */
function endToEnd(baseFile: string, headFile: string): [string, string[]][] {
  const base = profileFolder(baseFile, 'base');
  const head = profileFolder(headFile, 'head');
  const html = reportFile;
  return [
    ['perfgate diff base head', [cli, 'diff', baseFile, headFile, '--nodecount', '20']],
    ['perfgate hotspots head --base base', [cli, 'hotspots', headFile, '--base', baseFile]],
    [
      'perfgate comment (benchmarks + profiles)',
      [
        cli,
        'comment',
        'fixtures/bench/ab-inter-base.txt',
        'fixtures/bench/ab-inter-head.txt',
        '--base-profiles',
        base,
        '--head-profiles',
        head,
      ],
    ],
    ['perfgate report base/ head/', [cli, 'report', base, head, '-o', html]],
  ];
}

/** Runs a command that may exit 1 (a failing verdict) without that being an error. */
function runVerdict(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
}

/** The demo's inputs (npm run demo): what the action does with them besides running benchmarks. */
const demoArgs = [
  cli,
  'comment',
  'fixtures/bench/ab-inter-base.txt',
  'fixtures/bench/ab-inter-head.txt',
  '--base-profiles',
  'fixtures/profiles/growslice/base',
  '--head-profiles',
  'fixtures/profiles/growslice/head',
  '--base-goroutines',
  'fixtures/profiles/leak/base/goroutine.debug2.txt',
  '--head-goroutines',
  'fixtures/profiles/leak/head/goroutine.debug2.txt',
  '--source',
  'fixtures/go',
];
const demoReport = [
  cli,
  'report',
  'fixtures/profiles/growslice/base',
  'fixtures/profiles/growslice/head',
  '--bench-base',
  'fixtures/bench/ab-inter-base.txt',
  '--bench-head',
  'fixtures/bench/ab-inter-head.txt',
  '--source',
  'fixtures/go',
  '-o',
  reportFile,
];
const demoRows = await measure(
  'demo',
  [
    [
      "perfgate comment (the action's own work)",
      () => runVerdict(node, demoArgs),
      () => peakRss(node, demoArgs),
    ],
    ['perfgate report', () => runVerdict(node, demoReport), () => peakRss(node, demoReport)],
  ],
  5,
);
console.log(
  `demo: the action's own work on the demo's inputs (perfgate comment, a fresh process): ${(demoRows[0]!.medianMs / 1000).toFixed(2)} s (target < 2 s)`,
);

/** Milliseconds from navigation until the report page marks itself usable, in Chromium. */
async function timeToInteractive(file: string, runs: number): Promise<number[]> {
  const chromiumPath = '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return [];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const out: number[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction("performance.getEntriesByName('perfgate:interactive').length > 0");
      out.push(
        (await page.evaluate(
          "performance.getEntriesByName('perfgate:interactive')[0].startTime",
        )) as number,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

const rows: Row[] = [...mergeRows, ...demoRows];
const pageLines: string[] = [];
for (const [label, file, head, iterations] of [
  ['small', small, small, 10],
  ['large', large, large2, 5],
] as const) {
  console.log(`${label}: ${describe(file)}`);
  if (head !== file) console.log(`${label}: head ${describe(head)}`);
  // Whole processes first, while this process holds nothing large.
  const processes: [string, () => void, () => number | undefined][] = [
    [
      'perfgate top (fresh process)',
      () => run(node, cliTop(file)),
      () => peakRss(node, cliTop(file)),
    ],
  ];
  rows.push(...(await measure(label, processes, iterations)));
  const e2e: [string, () => void, () => number | undefined][] = endToEnd(file, head).map(
    ([name, args]) => [name, () => runVerdict(node, args), () => peakRss(node, args)],
  );
  rows.push(...(await measure(label, e2e, label === 'small' ? iterations : e2eRuns)));
  // The last report written is this profile's: its size, and its time to interactive.
  const tti = await timeToInteractive(reportFile, 3);
  const median = [...tti].sort((a, b) => a - b)[Math.floor(tti.length / 2)];
  const size = statSync(reportFile).size;
  pageLines.push(
    `${label}: report HTML ${(size / 2 ** 20).toFixed(2)} MiB (target ≤ 2 MiB), interactive in Chromium after ${median === undefined ? '— (no /usr/bin/chromium)' : `${Math.round(median)} ms`} (median of ${tti.length}; target ≤ 1 s)`,
  );
  console.log(pageLines.at(-1));
  if (label === 'small' || !quick) {
    const pprof: [string, () => void, () => number | undefined][] = [
      ['go tool pprof -top', () => run('go', pprofTop(file)), () => peakRss('go', pprofTop(file))],
    ];
    rows.push(...(await measure(label, pprof, label === 'small' ? iterations : 1)));
  }
  const gz = readFileSync(file);
  const raw = gunzipSync(gz);
  const inProcess: [string, () => void | Promise<void>][] = [
    [
      'parse + top (in process)',
      () => {
        const p = parsePprof(gz);
        functionTable([{ profile: p, sampleIndex: p.defaultSampleIndex }]);
      },
    ],
    ['parse (in process)', () => void parsePprof(gz)],
    [
      'parse while decompressing (in process)',
      async () => {
        await readPprof(gz);
      },
    ],
    ['gunzip, node:zlib', () => void gunzipSync(gz)],
    ['protobufjs reflection decode (raw)', () => void pprofTypes.Profile.decode(raw)],
  ];
  rows.push(...(await measure(label, inProcess, iterations)));
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
console.log(
  `\nnode ${process.version}, ${path.basename(process.env.SHELL ?? 'sh')}, go ${execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim()}`,
);
console.log(
  '| profile | task | median | runs | × perfgate top | × parse | vs go tool pprof | peak RSS |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const same = (task: string) => rows.find((x) => x.profile === r.profile && x.task === task);
  const pprof = same('go tool pprof -top');
  const top = same('perfgate top (fresh process)');
  const parse = same('parse (in process)');
  const vsPprof =
    r.task === 'go tool pprof -top'
      ? '1×'
      : pprof
        ? `${(pprof.medianMs / r.medianMs).toFixed(1)}× faster`
        : '—';
  const vsTop = top ? `${(r.medianMs / top.medianMs).toFixed(2)}×` : '—';
  const vsParse = parse ? `${(r.medianMs / parse.medianMs).toFixed(2)}×` : '—';
  const rss = r.rssMb === undefined ? '' : `${Math.round(r.rssMb)} MB`;
  console.log(
    `| ${r.profile} | ${r.task} | ${fmtMs(r.medianMs)} | ${r.samples} | ${vsTop} | ${vsParse} | ${vsPprof} | ${rss} |`,
  );
}
console.log('');
for (const line of pageLines) console.log(line);
const largeRow = (task: string) => rows.find((x) => x.profile === 'large' && x.task === task);
const topIn = largeRow('parse + top (in process)');
const decode = largeRow('parse (in process)');
if (topIn && decode) {
  console.log(
    `large: top in process / bare decode = ${(topIn.medianMs / decode.medianMs).toFixed(2)}× (target ≤ 1.5×)`,
  );
}
console.log(
  `demo: the action's own work ${(demoRows[0]!.medianMs / 1000).toFixed(2)} s (target < 2 s)`,
);
rmSync(reportFile, { force: true });
