// Bundles the action (dist/index.js), the command-line tool (dist/cli.js), the threads that read a
// large profile (dist/parse-worker.js) and build a large pair's flame graph
// (dist/flame-worker.js), and the process that runs one round of a JavaScript suite
// (dist/js-round.js), all started by either, as ES modules.
// Usage: node scripts/build.mjs [outdir]   (default: dist)
import { build } from 'esbuild';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
// Bundled CommonJS dependencies call require(); give them one. The name must not collide with
// `createRequire` imported inside @azure/storage-common (pulled in by @actions/artifact).
const requireShim =
  "import { createRequire as __pgRequire } from 'node:module'; const require = __pgRequire(import.meta.url);";

// The version is written once, in package.json; the bundles get it as PERFGATE_VERSION.
const { version } = JSON.parse(await readFile('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  define: { PERFGATE_VERSION: JSON.stringify(version) },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  ...common,
  entryPoints: ['src/action/index.ts'],
  outfile: path.join(outdir, 'index.js'),
  banner: { js: requireShim },
});
await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: path.join(outdir, 'cli.js'),
  banner: { js: `#!/usr/bin/env node\n${requireShim}` },
});
await build({
  ...common,
  entryPoints: ['src/report/flame-worker.ts'],
  outfile: path.join(outdir, 'flame-worker.js'),
  banner: { js: requireShim },
});
await build({
  ...common,
  entryPoints: ['src/parse/pprof/parse-worker.ts'],
  outfile: path.join(outdir, 'parse-worker.js'),
  banner: { js: requireShim },
});
await build({
  ...common,
  entryPoints: ['src/collect/js-round.ts'],
  outfile: path.join(outdir, 'js-round.js'),
  banner: { js: requireShim },
});
