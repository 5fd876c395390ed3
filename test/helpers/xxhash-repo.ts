/**
 * A real repository for end-to-end runs: github.com/cespare/xxhash/v2 v2.3.0 from the Go module
 * proxy (or the module cache), committed as it is released (base), then a head commit that
 * drops its unsafe string conversions: Sum64String and Digest.WriteString copy their string,
 * one allocation per call above the 32 bytes the compiler keeps on the stack. The module has
 * three packages: the root one with the benchmarks, `dynamic` (no benchmark; its TestMain builds
 * a plugin, slow) and `xxhsum` (no tests).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The module as the proxy serves it. */
export const XXHASH = 'github.com/cespare/xxhash/v2@v2.3.0';

/** A git command in `dir` with a fixed author. */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .toString()
    .trim();
}

/** The module's folder in the module cache, downloading it first when needed. */
function moduleDir(): string {
  const info = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', XXHASH], { cwd: tmpdir() }).toString(),
  ) as { Dir: string };
  return info.Dir;
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) makeWritable(p);
    else chmodSync(p, 0o644);
  }
}

/** One exact text replacement in a file; throws when the text is not there. */
function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file}: ${JSON.stringify(from)} not found`);
  writeFileSync(file, text.replace(from, to));
}

/** The repository in `dir`, with `main` at base and `feature` at head; head is checked out. */
export function makeXxhashRepo(dir: string): { dir: string; base: string; head: string } {
  cpSync(moduleDir(), dir, { recursive: true });
  makeWritable(dir);
  gitIn(dir, 'init', '-q', '-b', 'main');
  gitIn(dir, 'add', '.');
  gitIn(dir, 'commit', '-q', '-m', 'xxhash v2.3.0');
  const base = gitIn(dir, 'rev-parse', 'HEAD');
  gitIn(dir, 'checkout', '-q', '-b', 'feature');
  const unsafe = path.join(dir, 'xxhash_unsafe.go');
  replaceIn(
    unsafe,
    '\tb := *(*[]byte)(unsafe.Pointer(&sliceHeader{s, len(s)}))\n\treturn Sum64(b)',
    '\treturn Sum64([]byte(s))',
  );
  replaceIn(
    unsafe,
    '\td.Write(*(*[]byte)(unsafe.Pointer(&sliceHeader{s, len(s)})))',
    '\td.Write([]byte(s))',
  );
  replaceIn(unsafe, '\t"unsafe"\n', '\t_ "unsafe"\n');
  gitIn(dir, 'commit', '-q', '-am', 'strings converted by copy');
  const head = gitIn(dir, 'rev-parse', 'HEAD');
  return { dir, base, head };
}
