/**
 * perfgate collect against a real Go service (fixtures/go/service) exposing net/http/pprof on a
 * loopback port, started and loaded by the test; and against loopback servers that misbehave.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'perfgate-svc-'));
const binary = path.join(work, 'service');
const services: ChildProcess[] = [];

/** Starts the service and resolves with its pprof URL once it says where it listens. */
function startService(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    services.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(`${m[1]}/debug/pprof`);
    });
    child.on('exit', (code) => reject(new Error(`service exited with ${code}`)));
  });
}

/** The last line of an output: after the progress lines, the error. */
const lastLine = (text: string) => text.trimEnd().split('\n').pop();

/**
 * A load command: sequential requests to /work, run by node so nothing else is needed, then a
 * pause so that it outlasts the 1 s cpu profile taken during it.
 */
function loadCommand(url: string, requests: number): string {
  const root = url.replace(/\/debug\/pprof$/, '');
  const script = `(async()=>{for(let i=0;i<${requests};i++){const r=await fetch('${root}/work');await r.arrayBuffer()}await new Promise(r=>setTimeout(r,1500))})()`;
  return `"${process.execPath}" -e "${script}"`;
}

beforeAll(() => {
  execFileSync('go', ['build', '-trimpath', '-o', binary, './service'], { cwd: 'fixtures/go' });
}, 120_000);

afterAll(() => {
  for (const s of services) s.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('perfgate collect from a running service', () => {
  test('profiles taken around a load; the leaking variant is reported; numbers equal go tool pprof', async () => {
    const url = await startService([
      '-variant',
      'head',
      '-block-rate',
      '1',
      '-mutex-fraction',
      '1',
    ]);
    const out = path.join(work, 'head');
    const r = await cli(
      'collect',
      url,
      '--profiles',
      'profile?seconds=1,heap,allocs,goroutine,block,mutex,goroutine?debug=2',
      '--load',
      loadCommand(url, 120),
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    for (const f of [
      'goroutine-before.debug2.txt',
      'cpu.pb.gz',
      'heap.pb.gz',
      'allocs.pb.gz',
      'goroutine.pb.gz',
      'block.pb.gz',
      'mutex.pb.gz',
      'goroutine.debug2.txt',
    ]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(r.stdout).toContain(
      `${path.join(out, 'goroutine.debug2.txt')}  (goroutine?debug=2, debug2)\n`,
    );
    expect(r.stdout).toMatch(
      /leak: \+120 goroutines \(0 → 120\): created by main\.handleWork at perfgate\.example\/fixtures\/service\/work\.go:48, waiting in main\.awaitReply at perfgate\.example\/fixtures\/service\/work\.go:71 \[chan receive\]\n {2}fix: nothing sends to or closes this channel: close it when the sender is done, or select on ctx\.Done\(\) so the goroutine can return\n/,
    );
    expect(r.stdout).not.toContain('note:');
    expect(r.stderr).toContain('starting the load');

    // The collected files are ordinary profiles: perfgate reads them as go tool pprof does.
    for (const f of ['allocs.pb.gz', 'block.pb.gz']) {
      const ours = await cli('top', path.join(out, f));
      const theirs = execFileSync(
        'go',
        ['tool', 'pprof', '-top', '-nodefraction=0', path.join(out, f)],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      ).toString();
      const fromShowing = (t: string) => t.slice(t.indexOf('Showing nodes'));
      expect(fromShowing(ours.stdout)).toBe(fromShowing(theirs));
    }
    // One dump alone: the 120 goroutines parked at one site are the softer warning.
    const parked = await cli('leaks', path.join(out, 'goroutine.debug2.txt'));
    expect(parked.stdout).toMatch(
      /^120 goroutines parked: created by main\.handleWork at perfgate\.example\/fixtures\/service\/work\.go:48, waiting in main\.awaitReply at perfgate\.example\/fixtures\/service\/work\.go:71 \[chan receive\]\n/,
    );
  }, 60_000);

  test('block and mutex profiles the service never enabled: said, with how to turn them on', async () => {
    const url = await startService(['-variant', 'base']);
    const out = path.join(work, 'base');
    const r = await cli('collect', url, '--profiles', 'block,mutex,goroutine', '--out', out);
    expect(r.stdout).toContain(
      'note: the block profile is empty: the service never called runtime.SetBlockProfileRate; call runtime.SetBlockProfileRate(1) (or a sampling rate such as 10000 ns) at start-up to record blocking',
    );
    expect(r.stdout).toContain(
      'note: the mutex profile is empty: the service never called runtime.SetMutexProfileFraction',
    );
    expect(r.code).toBe(0);
  }, 30_000);

  test('a profile the service does not offer: refused from its index, before any fetch', async () => {
    const url = await startService(['-variant', 'base']);
    const r = await cli('collect', url, '--profiles', 'nosuch', '--out', path.join(work, 'x'));
    expect(lastLine(r.stderr)).toBe(
      `perfgate collect: --profiles: "nosuch" is not a profile ${url} offers; it offers allocs, block, cmdline, goroutine, heap, mutex, profile, symbol, threadcreate, trace`,
    );
    expect(r.stderr).not.toContain('fetching');
    expect(r.code).toBe(2);
  }, 30_000);
});

describe('perfgate collect: endpoints that are not what they should be', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));
  const serve = (handler: Parameters<typeof createServer>[1]) =>
    new Promise<string>((resolve) => {
      const s = createServer(handler);
      servers.push(s);
      s.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}/debug/pprof`),
      );
    });

  test('an endpoint that never comes up: the deadline, with the last error', async () => {
    const s = createServer();
    const port = await new Promise<number>((resolve) =>
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)),
    );
    await new Promise((resolve) => s.close(resolve));
    const url = `http://127.0.0.1:${port}/debug/pprof`;
    const r = await cli('collect', url, '--wait', '1', '--out', path.join(work, 'y'));
    expect(lastLine(r.stderr)).toBe(
      `perfgate collect: ${url}: no answer within 1s (last error: ECONNREFUSED); is the service running and listening there?`,
    );
    expect(r.code).toBe(2);
  });

  test('an HTML page instead of a profile', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Welcome</body></html>');
    });
    const r = await cli('collect', url, '--profiles', 'heap', '--out', path.join(work, 'z'));
    expect(lastLine(r.stderr)).toBe(
      `perfgate collect: ${url}/heap: answered with an HTML page, not a profile (is this the /debug/pprof/ endpoint of a Go service?)`,
    );
  });

  test('a connection dropped in the middle of the body', async () => {
    const heap = readFileSync('fixtures/profiles/growslice/head/heap.pb.gz');
    const url = await serve((req, res) => {
      if (req.url === '/debug/pprof/') return res.end('ok');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(heap.length),
      });
      res.write(heap.subarray(0, Math.floor(heap.length / 2)));
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const r = await cli('collect', url, '--profiles', 'heap', '--out', path.join(work, 'w'));
    expect(lastLine(r.stderr)).toMatch(
      new RegExp(
        `^perfgate collect: ${url.replace(/[.]/g, '\\.')}/heap: the connection dropped while reading the answer \\(.+\\)$`,
      ),
    );
    expect(r.code).toBe(2);
  });
});
