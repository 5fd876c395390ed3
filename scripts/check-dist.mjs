// Fails when a generated module in src/ or dist/ differs from a fresh build, or when the
// bundles cannot load.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The generated modules the bundles are built from: the pprof schema and the report page's assets.
for (const script of ['scripts/gen-schema.mjs', 'scripts/gen-page.mjs']) {
  const check = spawnSync(process.execPath, [script, '--check'], { stdio: 'inherit' });
  if (check.status !== 0) process.exit(1);
}

const fresh = mkdtempSync(path.join(tmpdir(), 'perfgate-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' });
  const want = readdirSync(fresh).sort();
  const have = readdirSync('dist').sort();
  const stale = [];
  if (want.join() !== have.join()) stale.push(`files: dist has [${have}], a build makes [${want}]`);
  for (const name of want) {
    const built = readFileSync(path.join(fresh, name));
    let committed;
    try {
      committed = readFileSync(path.join('dist', name));
    } catch {
      continue;
    }
    if (!built.equals(committed)) stale.push(`dist/${name} differs from a fresh build`);
  }
  if (stale.length > 0) {
    console.error(`dist/ is stale: ${stale.join('; ')}. Run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

// The CLI must load and answer --version.
const cli = spawnSync(process.execPath, ['dist/cli.js', '--version'], { encoding: 'utf8' });
if (cli.status !== 0) {
  console.error(`dist/cli.js does not run: exit ${cli.status}\n${cli.stderr}`);
  process.exit(1);
}
// The JS round runner must load and answer a call without arguments with its usage (exit 2).
const round = spawnSync(process.execPath, ['dist/js-round.js'], { encoding: 'utf8' });
if (round.status !== 2 || !round.stderr.startsWith('usage: js-round.js')) {
  console.error(`dist/js-round.js does not run: exit ${round.status}\n${round.stderr}`);
  process.exit(1);
}
// The threads' scripts must load, and refuse to run outside a worker thread (exit 2).
for (const name of ['flame-worker.js', 'parse-worker.js']) {
  const r = spawnSync(process.execPath, [`dist/${name}`], { encoding: 'utf8' });
  if (r.status !== 2 || !r.stderr.startsWith(`${name} runs on a worker thread`)) {
    console.error(`dist/${name} does not load: exit ${r.status}\n${r.stderr}`);
    process.exit(1);
  }
}
// The action must load and reach its own input check (it fails there: no inputs are set).
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')),
);
const action = spawnSync(process.execPath, ['dist/index.js'], { encoding: 'utf8', env });
const out = `${action.stdout}${action.stderr}`;
if (!out.includes('::error::perfgate:')) {
  console.error(`dist/index.js did not load and run:\n${out}`);
  process.exit(1);
}
console.log('dist/ is up to date and loads.');
