/**
 * The action's collect stage in-process, with the real Go toolchain: what it keeps for the
 * report when a run fails, the profiles of both sides of a rerun, and bench output that is not
 * text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { collectRun } from '../../src/action/collect-run.js';
import { readActionSettings } from '../../src/action/settings.js';
import { processRunner } from '../../src/collect/runner.js';
import { UserError } from '../../src/errors.js';
import { parseBenchOutput } from '../../src/parse/benchfmt/load.js';

const work = mkdtempSync(path.join(tmpdir(), 'perfgate-collect-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings = (values: Record<string, string>) =>
  readActionSettings((name) => values[name] ?? '', { GITHUB_WORKFLOW: 'w', GITHUB_JOB: 'j' });

/** fixtures/gorepo: base committed, head (plus an overlay) in the working tree; base's sha. */
function makeRepo(dir: string, overlay?: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
    })
      .toString()
      .trim();
  cpSync('fixtures/gorepo/base', dir, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  cpSync('fixtures/gorepo/head', dir, { recursive: true });
  if (overlay) cpSync(`fixtures/gorepo/${overlay}`, dir, { recursive: true });
  return git('rev-parse', 'HEAD');
}

const log: string[] = [];
const collect = (values: Record<string, string>, baseSha: string | undefined, name: string) =>
  collectRun(settings(values), baseSha, path.join(work, name), processRunner, (l) => log.push(l));

describe('collectRun', () => {
  test('bench-output that is a profile is refused in one line naming it', async () => {
    await expect(
      collect({ 'bench-output': 'fixtures/bench/head.cpu.pb.gz' }, undefined, 'binary'),
    ).rejects.toThrow(
      "input 'bench-output': fixtures/bench/head.cpu.pb.gz: not benchmark text: it is a gzip file (a pprof profile?)",
    );
  });

  test('a panicking head: its output is kept once, as a failure for the report', async () => {
    const repo = path.join(work, 'panic-repo');
    makeRepo(repo, 'panic');
    const c = await collect(
      { 'go-packages': './...', count: '3', benchtime: '10x', 'working-directory': repo },
      undefined,
      'panic',
    );
    const file = parseBenchOutput(
      readFileSync(path.join(c.dir, c.benchFiles[0]!), 'utf8'),
      c.benchFiles[0]!,
    );
    expect(file.failures.map((f) => f.kind)).toContain('panic');
    expect(file.failures.find((f) => f.kind === 'panic')!.detail).toContain(
      'slice bounds out of range [:17]',
    );
  });

  test('rerun with go-profiles: both sides profiled, under the same names', async () => {
    const repo = path.join(work, 'rerun-repo');
    const base = makeRepo(repo);
    const c = await collect(
      {
        'go-packages': './...',
        baseline: 'rerun',
        count: '2',
        benchtime: '100x',
        'go-profiles': 'true',
        'working-directory': repo,
      },
      base,
      'rerun',
    );
    const names = ['perfgate.example_gorepo.cpu.pb.gz', 'perfgate.example_gorepo.mem.pb.gz'];
    expect(c.profiles).toEqual(names.map((n) => path.join('profiles', n)));
    expect(c.rerunBase?.profiles).toEqual(c.profiles);
    expect(c.rerunBase?.sha).toBe(base);
    for (const rel of c.rerunBase!.profiles) {
      expect(readFileSync(path.join(c.dir, 'rerun-base', rel)).subarray(0, 2)).toEqual(
        Buffer.from([0x1f, 0x8b]),
      );
    }
  });
});

describe('collectRun with pprof-load', () => {
  test('a load that fails: one line, and the profile taken before it is kept', async () => {
    const goroutine = readFileSync('fixtures/profiles/leak/base/goroutine.pb.gz');
    const server = createServer((req, res) => {
      if (req.url === '/debug/pprof/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          ['goroutine', 'heap', 'profile'].map((p) => `<a href='${p}?debug=1'>${p}</a>`).join('\n'),
        );
      } else if (req.url === '/debug/pprof/goroutine') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(goroutine);
      } else if (req.url?.startsWith('/debug/pprof/profile')) {
        // The cpu profile never comes: only the load's failure can end the collection.
      } else res.writeHead(404).end();
    });
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
    try {
      const dir = path.join(work, 'failed-load');
      await expect(
        collectRun(
          settings({
            'pprof-url': `http://127.0.0.1:${port}/debug/pprof`,
            'pprof-profiles': 'profile?seconds=1, heap, goroutine',
            'pprof-load': 'exit 3',
          }),
          undefined,
          dir,
          processRunner,
          (l) => log.push(l),
        ),
      ).rejects.toThrow(
        new UserError(
          `input 'pprof-load': the command exited with 3; the profiles taken before it are in ${path.join(dir, 'profiles')}: goroutine-before.pb.gz`,
        ),
      );
      expect(readFileSync(path.join(dir, 'profiles', 'pprof-goroutine-before.pb.gz'))).toEqual(
        goroutine,
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
