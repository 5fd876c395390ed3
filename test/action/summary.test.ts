import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-action-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bundled action as the runner does: a node process with INPUT_* and GITHUB_* set. */
function runAction(inputs: Record<string, string>) {
  const summary = path.join(dir, `summary-${Object.keys(inputs).join('-')}.md`);
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, ['dist/index.js'], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, summary: readFileSync(summary, 'utf8') };
}

describe('the action', () => {
  test('writes a top table per profile to the job summary', () => {
    const r = runAction({
      profiles: 'fixtures/profiles/json/head/cpu.pb.gz\nfixtures/profiles/json/head/allocs.pb.gz',
      nodecount: '4',
    });
    expect(r.code).toBe(0);
    expect(r.summary).toContain('**fixtures/profiles/json/head/cpu.pb.gz** · cpu · total');
    expect(r.summary).toContain(
      '**fixtures/profiles/json/head/allocs.pb.gz** · alloc&#95;space · total',
    );
    expect(r.summary.match(/^\|\s+flat\s+\|/gm)).toHaveLength(2);
  });

  test('a bad input fails the step with one line naming it', () => {
    const r = runAction({ profiles: 'fixtures/profiles/json/head/cpu.pb.gz', nodecount: 'many' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `::error::perfgate: input 'nodecount': "many" is not a whole number\n`,
    );
    expect(r.summary).toBe('');
  });

  test('a missing profile fails the step naming the file', () => {
    const r = runAction({ profiles: 'no/such.pb.gz', nodecount: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::perfgate: no/such.pb.gz: no such file\n');
  });
});
