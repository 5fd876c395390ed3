/** File patterns (`*`, `?`, `**`) expanded against the file system. */
import { readdir, stat } from 'node:fs/promises';
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

async function walk(dir: string, segments: string[], out: Set<string>): Promise<void> {
  if (segments.length === 0) {
    if (await isFile(dir)) out.add(dir);
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '**') {
    await walk(dir, rest, out);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.'))
        await walk(path.join(dir, e.name), segments, out);
    return;
  }
  if (!hasMagic(head)) {
    await walk(path.join(dir, head), rest, out);
    return;
  }
  const re = segmentRegExp(head);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) if (re.test(e.name)) await walk(path.join(dir, e.name), rest, out);
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
