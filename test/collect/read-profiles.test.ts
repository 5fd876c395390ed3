/**
 * Profile folders as people leave them: notes and logs next to the profiles, profiles linked in
 * from elsewhere, links that go nowhere or back up.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expandGlob } from '../../src/collect/glob.js';
import { listFiles } from '../../src/collect/files.js';
import { readProfiles } from '../../src/collect/read-profiles.js';
import { cli } from '../helpers/cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'perfgate-read-profiles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const growslice = (side: string, file: string) =>
  path.resolve('fixtures/profiles/growslice', side, file);

/** A folder holding `files` (name → contents or a fixture to copy) and `links` (name → target). */
function folder(name: string, files: Record<string, string>, links: Record<string, string> = {}) {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, v] of Object.entries(files)) {
    if (v.startsWith('fixture:')) copyFileSync(v.slice('fixture:'.length), path.join(dir, f));
    else writeFileSync(path.join(dir, f), v);
  }
  for (const [l, target] of Object.entries(links)) symlinkSync(target, path.join(dir, l));
  return dir;
}

const side = async (dir: string) => ({ dir, files: await listFiles(dir, 'a folder of profiles') });

describe('files in a profile folder that are not profiles', () => {
  test('text files beside profiles are skipped quietly', async () => {
    const dir = folder('beside', {
      'allocs.pb.gz': `fixture:${growslice('head', 'allocs.pb.gz')}`,
      'README.txt': 'These profiles were taken on the CI machine.\n',
      'run.log': 'ok  \tperfgate.example/fixtures/bench\t3.1s\n',
    });
    const read = await readProfiles(await side(dir), undefined);
    expect(read.pairs.map((p) => p.name)).toEqual(['allocs.pb.gz']);
    expect(read.warnings).toEqual([]);
  });

  test('only text files: one warning names them, as nothing was read', async () => {
    const dir = folder('only-text', {
      'a.txt': 'first note\n',
      'b.txt': 'second note\n',
      'c.txt': 'third note\n',
      'd.txt': 'fourth note\n',
    });
    const read = await readProfiles(await side(dir), undefined);
    expect(read.pairs).toEqual([]);
    expect(read.warnings).toEqual([
      `${dir}: no profile read; 4 text files are neither a pprof profile nor a goroutine dump (a.txt, b.txt, c.txt, …)`,
    ]);
  });

  test('a binary file that is not a profile is still named, with the cause', async () => {
    const dir = folder('binary', {
      'allocs.pb.gz': `fixture:${growslice('head', 'allocs.pb.gz')}`,
      'broken.pb.gz': '\u001f\u008b\u0008garbage',
    });
    const read = await readProfiles(await side(dir), undefined);
    expect(read.pairs.map((p) => p.name)).toEqual(['allocs.pb.gz']);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/^broken\.pb\.gz: /);
  });
});

describe('symbolic links', () => {
  test('a linked profile is read under its own name, paired with base’s of that name', async () => {
    const head = folder('linked-head', {}, { 'allocs.pb.gz': growslice('head', 'allocs.pb.gz') });
    const base = folder('linked-base', {}, { 'allocs.pb.gz': growslice('base', 'allocs.pb.gz') });
    const read = await readProfiles(await side(head), await side(base));
    expect(read.pairs.map((p) => [p.name, p.base !== undefined])).toEqual([['allocs.pb.gz', true]]);
    expect(read.warnings).toEqual([]);
  });

  test('a linked folder is read; links to folders, to nothing, or back up are not files', async () => {
    const real = folder('real', { 'cpu.pb.gz': `fixture:${growslice('head', 'cpu.pb.gz')}` });
    const dir = path.join(root, 'via-link');
    symlinkSync(real, dir);
    symlinkSync(real, path.join(real, 'loop'));
    symlinkSync(path.join(root, 'nowhere'), path.join(real, 'dangling.pb.gz'));
    expect(await listFiles(dir)).toEqual(['cpu.pb.gz']);
    const read = await readProfiles(await side(dir), undefined);
    expect(read.pairs.map((p) => p.name)).toEqual(['cpu.pb.gz']);
  });

  test('`**` follows linked folders, each real folder once', async () => {
    const tree = folder('tree/a', { 'x.pb.gz': `fixture:${growslice('head', 'cpu.pb.gz')}` });
    const other = folder('elsewhere', { 'y.pb.gz': `fixture:${growslice('head', 'cpu.pb.gz')}` });
    symlinkSync(other, path.join(tree, 'linked'));
    symlinkSync(path.join(root, 'tree'), path.join(tree, 'up'));
    const found = await expandGlob('tree/**/*.pb.gz', root);
    expect(found).toEqual(['tree/a/linked/y.pb.gz', 'tree/a/x.pb.gz']);
  });

  test('perfgate comment reads a profile folder of links', async () => {
    const head = folder('cli-head', {}, { 'allocs.pb.gz': growslice('head', 'allocs.pb.gz') });
    const base = folder('cli-base', {}, { 'allocs.pb.gz': growslice('base', 'allocs.pb.gz') });
    const r = await cli(
      'comment',
      'fixtures/bench/ab-inter-base.txt',
      'fixtures/bench/ab-inter-head.txt',
      '--head-profiles',
      head,
      '--base-profiles',
      base,
    );
    expect(r.stdout).toContain('**alloc&#95;objects** in <code>allocs.pb.gz</code>');
  });
});
