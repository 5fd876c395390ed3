/**
 * perfgate collect against a service built on a real router (go-chi/chi from the module proxy,
 * fixtures/go/chiservice) with a pool of idle workers, started on loopback by the test: the same
 * build collected twice shows no leak, whatever the form of its goroutine dumps; the leaky build's
 * leaks come with their creator, creation line, wait line and advice.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'perfgate-chi-'));
const binary = path.join(work, 'chiservice');
const services: ChildProcess[] = [];

function startService(variant: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-variant', variant], { stdio: ['pipe', 'pipe', 'inherit'] });
    services.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(`${m[1]}/debug/pprof`);
    });
    child.on('exit', (code) => reject(new Error(`chiservice exited with ${code}`)));
  });
}

/**
 * A load: `requests` sequential quotes, run by node so nothing else is needed, then a pause so
 * that it lasts longer than the 1 s cpu profile taken during it.
 */
function loadCommand(url: string, requests: number): string {
  const root = url.replace(/\/debug\/pprof$/, '');
  const script = `(async()=>{for(let i=0;i<${requests};i++){const r=await fetch('${root}/quote/item'+i);await r.arrayBuffer()}await new Promise(r=>setTimeout(r,1500))})()`;
  return `"${process.execPath}" -e "${script}"`;
}

const profiles = 'profile?seconds=1,heap,allocs,goroutine,goroutine?debug=2';

async function collect(url: string, out: string) {
  return cli('collect', url, '--profiles', profiles, '--load', loadCommand(url, 30), '--out', out);
}

beforeAll(() => {
  // go.sum is committed; -mod=mod lets a toolchain newer than go.mod's tidy it quietly.
  execFileSync('go', ['build', '-trimpath', '-o', binary, '.'], {
    cwd: 'fixtures/go/chiservice',
    env: { ...process.env, GOFLAGS: `${process.env.GOFLAGS ?? ''} -mod=mod`.trim() },
  });
}, 120_000);

afterAll(() => {
  for (const s of services) s.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('a go-chi service with idle workers', () => {
  test('collected twice from the same build: debug=2 before and after, no leak, every profile taken', async () => {
    const url = await startService('base');
    const dirs = [path.join(work, 'first'), path.join(work, 'second')];
    for (const out of dirs) {
      const r = await collect(url, out);
      expect(r.stderr).not.toMatch(/warning|error/i);
      expect(r.code).toBe(0);
      for (const f of [
        'goroutine-before.debug2.txt',
        'cpu.pb.gz',
        'heap.pb.gz',
        'allocs.pb.gz',
        'goroutine.pb.gz',
        'goroutine.debug2.txt',
      ]) {
        expect(existsSync(path.join(out, f)), f).toBe(true);
      }
      expect(r.stdout).toContain(
        `${path.join(out, 'goroutine-before.debug2.txt')}  (goroutine?debug=2 (before the load), debug2)\n`,
      );
      expect(r.stdout).toContain('no goroutine leak during the load\n');
    }
    // The idle workers are there, in both forms, and are not leaks.
    const idle = readFileSync(path.join(dirs[0]!, 'goroutine.debug2.txt'), 'utf8');
    expect(idle.match(/^created by main\.\(\*service\)\.startWorkers/gm)).toHaveLength(16);

    // Two collections of one build, and one folder against itself: no leak, no failure.
    for (const [base, head] of [dirs, [dirs[1]!, dirs[1]!]]) {
      const html = path.join(work, 'report.html');
      const r = await cli('report', base!, head!, '-o', html);
      expect(r.stdout).toMatch(/verdict: (pass|no-comparison)\n$/);
      expect(readFileSync(html, 'utf8')).not.toContain('<section id="leaks">');
    }
    // The forms mixed on purpose (proto before, debug=2 after): compared on what both show.
    const mixed = await cli(
      'leaks',
      path.join(dirs[0]!, 'goroutine.pb.gz'),
      path.join(dirs[1]!, 'goroutine.debug2.txt'),
    );
    expect(mixed.stderr).toBe(
      "note: goroutine dumps in different forms (before: a pprof goroutine profile, after: debug=2 text) are compared by each goroutine's function and wait site only; take both as goroutine?debug=2 to group them by creator too\n",
    );
    expect(mixed.stdout).toMatch(/^No goroutine leaks: \d+ → \d+ goroutines\.\n$/);
    expect(mixed.code).toBe(0);
  }, 60_000);

  test('the leaky build: each leak with its creator, creation line, wait line and advice', async () => {
    const url = await startService('leaky');
    const out = path.join(work, 'leaky');
    const r = await collect(url, out);
    expect(r.code, r.stdout).toBe(0);
    const leaks = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('leak: ') || l.startsWith('  fix: '));
    const src = 'perfgate.example/chiservice/quote.go';
    const source = readFileSync('fixtures/go/chiservice/quote.go', 'utf8').split('\n');
    const line = (code: string) => `${src}:${source.findIndex((l) => l.includes(code)) + 1}`;
    const http = (file: string) => `net/http/${file}\\.go:\\d+`;
    const esc = (s: string) => s.replace(/[.*()[\]+?\\]/g, '\\$&');
    const bodies =
      "  fix: close every response body (defer resp.Body.Close()), even when it is not read, so the connection's read and write loops can end";
    const expected = [
      [
        `\\+30 goroutines \\(0 → 30\\): created by ${esc(`main.(*service).quote at ${line('go s.lookupStock(')}, waiting in main.(*service).lookupStock at ${line('out <- v.Stock')} [chan send]`)}`,
        '  fix: nobody receives what it sends: give the channel a buffer of the number of sends, or select on ctx.Done() beside the send',
      ],
      [
        `\\+30 goroutines \\(0 → 30\\): created by ${esc(`main.(*service).quote at ${line('go refreshPrices(')}, waiting in main.refreshPrices at ${line('time.Sleep(')} [sleep]`)}`,
        '  fix: a loop that sleeps or ticks forever: stop it (ticker.Stop(), return on ctx.Done()) when its owner is done',
      ],
      [
        `\\+30 goroutines \\(0 → 30\\): created by net/http\\.\\(\\*Transport\\)\\.dialConn at ${http('transport')}, waiting in net/http\\.\\(\\*persistConn\\)\\.readLoop at ${http('transport')} \\[select\\]`,
        bodies,
      ],
      [
        `\\+30 goroutines \\(0 → 30\\): created by net/http\\.\\(\\*Transport\\)\\.dialConn at ${http('transport')}, waiting in net/http\\.\\(\\*persistConn\\)\\.writeLoop at ${http('transport')} \\[select\\]`,
        bodies,
      ],
      // The upstream's side of the same connections: its server goroutines wait for requests.
      [
        `\\+\\d+ goroutines \\(\\d+ → \\d+\\): created by net/http\\.\\(\\*Server\\)\\.Serve at ${http('server')}, waiting in net/http\\.\\(\\*connReader\\)\\.Read at ${http('server')} \\[IO wait\\]`,
        '  fix: a read or write that never ends: set a deadline (SetDeadline, http.Client.Timeout) or close the connection when done',
      ],
    ];
    expect(leaks).toHaveLength(2 * expected.length);
    for (const [headline, fix] of expected) {
      const i = leaks.findIndex((l) => new RegExp(`^leak: ${headline!}$`).test(l));
      expect(i, `${headline}\n${r.stdout}`).toBeGreaterThanOrEqual(0);
      expect(leaks[i + 1]).toBe(fix);
    }
  }, 60_000);
});

describe('collect that keeps what it got', () => {
  let url: string;
  beforeAll(async () => {
    url = await startService('base');
  });

  test('a load that ends before the cpu profile does: a warning, and a note on the profile', async () => {
    const out = path.join(work, 'short-load');
    const r = await cli(
      'collect',
      url,
      '--profiles',
      'profile?seconds=1,heap',
      '--load',
      'true',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: profile\?seconds=1: the load ended after \d+\.\ds, before this 1s profile did: part of it shows an idle service; make the load last longer or take fewer seconds$/m,
    );
    expect(r.stdout).toContain(
      `${path.join(out, 'cpu.pb.gz')}  (profile?seconds=1, proto)\n  note: the load ended after`,
    );
  }, 30_000);

  test('a mistyped profile name: refused before anything is taken or run', async () => {
    const out = path.join(work, 'mistyped');
    const marker = path.join(work, 'load-ran');
    const r = await cli(
      'collect',
      url,
      '--profiles',
      'profile?seconds=1,heap,goroutines',
      '--load',
      `touch "${marker}"`,
      '--out',
      out,
    );
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      `perfgate collect: --profiles: "goroutines" is not a profile ${url} offers (did you mean "goroutine"?); it offers allocs, block, cmdline, goroutine, heap, mutex, profile, symbol, threadcreate, trace`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  test('a URL where pprof is not mounted', async () => {
    const bare = url.replace(/\/debug\/pprof$/, '/quote');
    const r = await cli('collect', bare, '--profiles', 'heap', '--out', path.join(work, 'none'));
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      `perfgate collect: ${bare}: pprof is not served at this URL (404 Not Found for the index); import _ "net/http/pprof" in the service, or give the URL its /debug/pprof handler is mounted at`,
    );
    expect(r.code).toBe(2);
  }, 30_000);

  // Last: the cpu profile it abandons may take the service a moment to stop.
  test('a load that fails: one line, exit 2, the snapshot taken before it kept and named', async () => {
    const out = path.join(work, 'failed-load');
    const r = await cli(
      'collect',
      url,
      '--profiles',
      profiles,
      '--load',
      'no-such-load-command-here',
      '--out',
      out,
    );
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      `perfgate collect: --load: the command exited with 127; kept what was taken before it in ${out}: goroutine-before.debug2.txt`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.code).toBe(2);
    expect(existsSync(path.join(out, 'goroutine-before.debug2.txt'))).toBe(true);
    // The cpu profile it was taking was abandoned, and the service stopped it: a new one works.
    const again = await cli('collect', url, '--profiles', 'profile?seconds=1', '--out', out);
    expect(again.stderr).not.toContain('already in use');
    expect(again.code).toBe(0);
  }, 30_000);
});
