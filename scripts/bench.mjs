// Bundles bench/run.ts and runs it (npm run bench).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/run.ts'],
  outfile: '.cache/bench/run.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Resolved from node_modules at run time: it finds its browser driver files beside itself.
  external: ['playwright-core'],
  banner: {
    js: "import { createRequire as __pgRequire } from 'node:module'; const require = __pgRequire(import.meta.url);",
  },
});
const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '.cache/bench/run.mjs'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
