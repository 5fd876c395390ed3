/**
 * File patterns (`*`, `?`, `**`) expanded against the file system. Symbolic links are followed,
 * to files and to folders; `**` enters each real folder once, so a link back up cannot loop.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (const c of segment) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const hasMagic = (s: string) => /[*?]/.test(s);

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The real folders `**` has entered (keyed by the pattern's remaining segments). */
type Entered = Set<string>;

async function walk(
  dir: string,
  segments: string[],
  out: Set<string>,
  entered: Entered = new Set(),
): Promise<void> {
  if (segments.length === 0) {
    if (await isFile(dir)) out.add(dir);
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '**') {
    const key = `${await realpath(dir).catch(() => dir)}\u0000${segments.length}`;
    if (entered.has(key)) return;
    entered.add(key);
    await walk(dir, rest, out, entered);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const sub = path.join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && (await isFolder(sub))))
        await walk(sub, segments, out, entered);
    }
    return;
  }
  if (!hasMagic(head)) {
    await walk(path.join(dir, head), rest, out, entered);
    return;
  }
  const re = segmentRegExp(head);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries)
    if (re.test(e.name)) await walk(path.join(dir, e.name), rest, out, entered);
}

/** The files matching a pattern, relative to `cwd` when the pattern is, sorted. */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const absolute = path.isAbsolute(pattern);
  const root = absolute ? path.parse(pattern).root : cwd;
  const rel = absolute ? pattern.slice(root.length) : pattern;
  const out = new Set<string>();
  await walk(
    root,
    rel.split(/[\\/]+/).filter((s) => s !== '' && s !== '.'),
    out,
  );
  return [...out].map((p) => (absolute ? p : path.relative(cwd, p) || p)).sort();
}
